// PDF export speed: briefings of about 10, 30 and 100 pages printed through the Chromium printer
// (the one browser mode and the CLI use), warm, median of 3, beside WeasyPrint on the same HTML
// when it is installed. Budgets: 30 pages in 3 s or less; 100 pages no more than 12 times the
// 10-page time (printing must scale with the page count, not worse); no slower than WeasyPrint.
// The 30-page briefing is printed again with a landscape figure (the agreement network of the
// landscape bench's 500 actors, as inline SVG), beside the same briefing without it (issue 14).
//
// `benchPdf()` returns the report for tests/bench/run.ts; `node --import tsx tests/bench/pdf.ts`
// prints it as JSON on its own.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Node } from 'prosemirror-model';
import { briefingSchema as s } from '../../shared/schema/briefing';
import type { Matrix } from '../../shared/model';
import { briefingPageTemplates, renderBriefingHtml } from '../../shared/render';
import { ChromiumPrinter } from '../../main/web/chromium-printer';
import { setPdfMetadata } from '../../main/services/export/pdf-metadata';
import { median, progress, round } from './stats';
import { codedQuotes } from './landscape';
import { computeNetwork } from '../../shared/landscape/network';
import { layoutNetwork } from '../../shared/landscape/layout';
import { layoutScene } from '../../shared/landscape/scene';
import { LANDSCAPE_MAX_TIES } from '../../shared/landscape/result';
import { drawnScene, type FigureAttrs } from '../../shared/landscape/figure';

const RUNS = 3;
/** Sections per target size; a section (heading, six paragraphs, a quote, every other one a small table) is about three quarters of a page. */
const SIZES = [
  { target: 10, sections: 13 },
  { target: 30, sections: 40 },
  { target: 100, sections: 135 },
] as const;

const BUDGET = { thirtyPagesSeconds: 3, ratio100to10: 12, versusWeasyprint: 1 };

const SENTENCES = [
  'Officials in Seoul and Tokyo continued to trade positions on the 2018 Supreme Court rulings and the seized shares of the defendant company.',
  'Analysts expect no movement before the next round of director-general talks, although both foreign ministries describe the channel as open.',
  'Business groups on both sides urge a settlement that spares the companies involved and keeps supply chains for semiconductors intact.',
  'The court-ordered sale of the seized assets remains the event most likely to force either government to change course in the coming weeks.',
];

const MATRIX: Matrix = {
  topic: { id: 1, name: 'Wartime labor compensation' },
  actors: [
    { id: 1, name: 'Kim Jung Han', color: '#1f77b4' },
    { id: 2, name: 'Shigeki Takizaki', color: '#ff7f0e' },
    { id: 3, name: 'Moon Jae In', color: '#2ca02c' },
  ],
  positions: [
    { id: 1, claim: 'Japan must show more sincerity' },
    { id: 2, claim: 'Seized assets must not be liquidated' },
  ],
  cells: [
    { actorId: 1, positionId: 1, supports: 2, opposes: 0, neutral: 0 },
    { actorId: 2, positionId: 2, supports: 1, opposes: 0, neutral: 0 },
    { actorId: 3, positionId: 2, supports: 0, opposes: 1, neutral: 1 },
  ],
};

/** A briefing of `sections` sections: the shape real briefings have, scaled up. */
export function benchBriefingDoc(sections: number): Node {
  const p = (text: string, ...inline: Node[]) => s.node('paragraph', null, [s.text(text), ...inline]);
  const cell = (type: 'table_cell' | 'table_header', text: string) => s.node(type, null, [p(text)]);
  const blocks: Node[] = [s.node('stance_table', { topicId: 1, topic: MATRIX.topic.name })];
  for (let i = 0; i < sections; i++) {
    const articleId = (i % 12) + 1;
    blocks.push(s.node('heading', { level: i % 4 === 0 ? 1 : 2 }, s.text(`Section ${i + 1}: developments and outlook`)));
    for (let j = 0; j < 6; j++) {
      const text = `${SENTENCES[(i + j) % 4]} ${SENTENCES[(i + j + 1) % 4]} ${SENTENCES[(i + j + 2) % 4]}`;
      blocks.push(j === 2 ? p(text, s.node('cite', { articleId, title: `Source article ${articleId}` })) : p(text));
    }
    blocks.push(
      s.node('quote', {
        annotationId: i + 1,
        articleId,
        kind: 'quote',
        text: 'We urge the Japanese government to show more sincerity to resolve the problem.',
        speaker: 'Kim Jung Han',
        affiliation: 'Director-General, South Korean Foreign Ministry',
        outlet: 'Kyodo News',
        title: `Source article ${articleId}`,
        author: null,
        publishedAt: '2020-10-29',
        url: `https://example.org/article/${articleId}`,
      }),
    );
    if (i % 2 === 0) {
      blocks.push(
        s.node('table', null, [
          s.node('table_row', null, [cell('table_header', 'Actor'), cell('table_header', 'Statement'), cell('table_header', 'Date')]),
          s.node('table_row', null, [cell('table_cell', 'Kim Jung Han'), cell('table_cell', 'Urged more sincerity'), cell('table_cell', '29 Oct 2020')]),
          s.node('table_row', null, [cell('table_cell', 'Shigeki Takizaki'), cell('table_cell', 'Sale must be avoided'), cell('table_cell', '29 Oct 2020')]),
        ]),
      );
    }
  }
  return s.node('doc', null, blocks);
}

/** A frozen figure of the landscape bench's agreement network: 500 actors, the strongest 1,500 ties. */
function benchFigure(): { node: Node; nodes: number; ties: number } {
  const { codings, labels } = codedQuotes();
  const network = computeNetwork(codings, labels, { type: 'congruence', normalisation: 'average', maxTies: LANDSCAPE_MAX_TIES });
  const scene = drawnScene(layoutScene(network, layoutNetwork(network)));
  const attrs: FigureAttrs = { query: { type: 'congruence' }, colouring: 'kind', caption: 'Who agrees with whom', frozen: { scene, source: `${codings.length} codings` } };
  return { node: s.node('figure', attrs), nodes: scene.nodes.length, ties: scene.edges.length };
}

function benchHtml(sections: number, figure?: Node) {
  const doc = benchBriefingDoc(sections);
  const blocks = figure ? [doc.child(0), figure, ...doc.content.content.slice(1)] : doc.content.content;
  const briefing = { title: `Benchmark briefing (${sections} sections)`, classification: 'RESTRICTED — BENCHMARK', author: 'Bench', date: '2020-11-03', status: 'draft' as const, doc: s.node('doc', null, blocks).toJSON() };
  return { briefing, html: renderBriefingHtml(briefing, { matrices: new Map([[1, MATRIX]]), target: 'print', pageSize: 'A4' }) };
}

const pageCount = (pdf: Uint8Array) => (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;

function weasyprintPath(): string | null {
  const r = spawnSync('which', ['weasyprint'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

export async function benchPdf(): Promise<object> {
  const printer = new ChromiumPrinter();
  const weasyprint = weasyprintPath();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-bench-pdf-'));
  const sizes: Record<string, unknown>[] = [];
  let figureRow: ({ met: boolean } & Record<string, unknown>) | undefined;
  let weasyprintFixed = 0;
  try {
    // Warm: the browser is started once, as in browser mode after the first export.
    const t0 = performance.now();
    const warmup = benchHtml(1);
    await printer.print(warmup.html, { pageSize: 'A4', title: warmup.briefing.title, ...briefingPageTemplates(warmup.briefing) });
    const coldStartMs = performance.now() - t0;
    progress(`pdf: browser started and first print in ${Math.round(coldStartMs)} ms`);

    // WeasyPrint runs as a fresh process each time while our printer is warm: its fixed cost
    // (Python start-up, fonts) is measured on a one-section briefing and reported apart, and the
    // budget is checked against the comparison without it.
    if (weasyprint) {
      const input = path.join(dir, 'fixed.html');
      fs.writeFileSync(input, warmup.html);
      const fixed: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const a = performance.now();
        execFileSync(weasyprint, ['--quiet', input, path.join(dir, 'fixed.pdf')], { stdio: 'ignore' });
        fixed.push(performance.now() - a);
      }
      weasyprintFixed = median(fixed) / 1000;
    }

    for (const size of SIZES) {
      const { briefing, html } = benchHtml(size.sections);
      const opts = { pageSize: 'A4' as const, title: briefing.title, ...briefingPageTemplates(briefing) };
      const printMs: number[] = [];
      const metadataMs: number[] = [];
      let pdf: Uint8Array = new Uint8Array();
      for (let i = 0; i < RUNS; i++) {
        const a = performance.now();
        pdf = await printer.print(html, opts);
        const b = performance.now();
        await setPdfMetadata(pdf, { title: briefing.title, author: briefing.author, subject: briefing.classification });
        metadataMs.push(performance.now() - b);
        printMs.push(b - a);
      }
      const pages = pageCount(pdf);
      const seconds = median(printMs) / 1000;
      const row: Record<string, unknown> = {
        targetPages: size.target,
        pages,
        htmlBytes: Buffer.byteLength(html),
        pdfBytes: pdf.length,
        printSeconds: round(seconds, 3),
        secondsPerPage: round(seconds / pages, 4),
        metadataMs: round(median(metadataMs), 1),
      };
      if (weasyprint) {
        const input = path.join(dir, `bench-${size.target}.html`);
        fs.writeFileSync(input, html);
        const wp: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const a = performance.now();
          execFileSync(weasyprint, ['--quiet', input, path.join(dir, `bench-${size.target}.pdf`)], { stdio: 'ignore' });
          wp.push(performance.now() - a);
        }
        const wpSeconds = median(wp) / 1000;
        row.weasyprint = { seconds: round(wpSeconds, 3), pages: pageCount(fs.readFileSync(path.join(dir, `bench-${size.target}.pdf`))) };
        row.versusWeasyprint = round(seconds / wpSeconds, 3);
        row.versusWeasyprintWithoutStartup = round(seconds / Math.max(wpSeconds - weasyprintFixed, 1e-3), 3);
      }
      progress(`pdf: ${pages} pages in ${row.printSeconds} s${weasyprint ? ` (WeasyPrint ${(row.weasyprint as { seconds: number }).seconds} s)` : ''}`);
      sizes.push(row);
    }
    // The figure: the 30-page briefing with and without it, printed alternately so both see the same machine.
    const figure = benchFigure();
    const thirtySize = SIZES.find((x) => x.target === 30)!;
    const plain = benchHtml(thirtySize.sections);
    const withFigure = benchHtml(thirtySize.sections, figure.node);
    const opts = { pageSize: 'A4' as const, title: plain.briefing.title, ...briefingPageTemplates(plain.briefing) };
    const times = { with: [] as number[], without: [] as number[] };
    let figurePdf: Uint8Array = new Uint8Array();
    for (let i = 0; i < RUNS; i++) {
      let a = performance.now();
      figurePdf = await printer.print(withFigure.html, opts);
      times.with.push(performance.now() - a);
      a = performance.now();
      await printer.print(plain.html, opts);
      times.without.push(performance.now() - a);
    }
    const withSeconds = median(times.with) / 1000;
    const withoutSeconds = median(times.without) / 1000;
    figureRow = {
      figure: `agreement network: ${figure.nodes} actors, ${figure.ties} ties, inline SVG`,
      svgBytes: Buffer.byteLength(withFigure.html) - Buffer.byteLength(plain.html),
      pages: pageCount(figurePdf),
      printSeconds: round(withSeconds, 3),
      peerWithoutFigureSeconds: round(withoutSeconds, 3),
      ratio: round(withSeconds / withoutSeconds, 3),
      budget: BUDGET.thirtyPagesSeconds,
      met: withSeconds <= BUDGET.thirtyPagesSeconds,
    };
    progress(`pdf: 30 pages with the figure in ${round(withSeconds, 3)} s, without ${round(withoutSeconds, 3)} s`);
  } finally {
    await printer.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const at = (target: number) => sizes.find((r) => r.targetPages === target)!;
  const ratio = (at(100).printSeconds as number) / (at(10).printSeconds as number);
  const thirty = at(30).printSeconds as number;
  const versus = weasyprint ? Math.max(...sizes.map((r) => r.versusWeasyprintWithoutStartup as number)) : null;
  return {
    printer: 'chromium (playwright-core, warm)',
    runs: RUNS,
    sizes,
    ratio100to10: { value: round(ratio, 2), budget: BUDGET.ratio100to10, met: ratio <= BUDGET.ratio100to10 },
    thirtyPages: { seconds: thirty, budget: BUDGET.thirtyPagesSeconds, met: thirty <= BUDGET.thirtyPagesSeconds },
    thirtyPagesWithFigure: figureRow!,
    versusWeasyprint: weasyprint
      ? {
          worst: versus,
          weasyprintFixedSeconds: round(weasyprintFixed, 3),
          measuredWithout: 'WeasyPrint’s fixed cost per run (start-up, fonts), measured on a one-section briefing',
          budget: BUDGET.versusWeasyprint,
          met: versus! <= BUDGET.versusWeasyprint,
          weasyprint: execFileSync(weasyprint, ['--version'], { encoding: 'utf8' }).trim(),
        }
      : { skipped: 'weasyprint is not installed' },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchPdf()
    .then((report) => process.stdout.write(`${JSON.stringify(report, null, 2)}\n`))
    .catch((err: unknown) => {
      process.stderr.write(`${(err as Error)?.stack ?? err}\n`);
      process.exitCode = 1;
    });
}
