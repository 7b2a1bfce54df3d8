// `npm run bench`: import, search and open-library figures over a generated corpus, then annotation,
// re-anchoring, suggestions, typing, autosave, long-input, the reader with a long article, PDF export and PDF import figures, and the team library over loopback (syncing, and typing in a shared briefing), each beside a peer measured
// in the same run, with the budget and whether it was met. One JSON object on stdout;
// progress on stderr. BENCH_ARTICLES overrides the corpus size (default 10,000); BENCH_LARGER_ARTICLES
// the open-library curve's larger point (default 100,000, cached between runs; 0 leaves it out);
// BENCH_KEEP=1 keeps the temporary libraries.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLibrary } from '../../main/store/open';
import { createServices } from '../../main/services';
import { DEFAULT_SEED, generateCorpus } from './corpus';
import { benchQueries } from './queries';
import { benchImport } from './import';
import { benchSearch } from './search';
import { benchOpenLibrary, largerLibrarySize } from './open-library';
import { cachedLibrary } from './library-cache';
import { benchQuotesMatrixFresh } from './quotes-matrix';
import { benchAnnotate } from './annotate';
import { benchReanchor } from './reanchor';
import { benchSuggest } from './suggest';
import { benchTyping } from './typing';
import { benchPdf } from './pdf';
import { benchPdfImport } from './pdf-import';
import { benchCodingEffort } from './coding-effort';
import { benchLongInput } from './long-input';
import { benchReaderWindow } from './reader-window';
import { benchTeamSync } from './team-sync';
import { benchTeamTyping } from './team-typing';
import { benchDocxImport } from './docx-import';
import { benchSearchScale } from './search-scale';
import { benchCjkAlternatives } from './cjk-alternatives';
import { benchLandscape } from './landscape';
import { benchLandscapeBrowser } from './landscape-browser';
import { progress, round } from './stats';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const count = Number(process.env.BENCH_ARTICLES ?? 10_000);
if (!Number.isInteger(count) || count < 1) throw new Error(`BENCH_ARTICLES must be a positive integer, not “${process.env.BENCH_ARTICLES}”.`);
if (!(globalThis as { gc?: unknown }).gc) progress('warning: run with --expose-gc (npm run bench does) for MiniSearch’s heap figure');

// Anything a library prints must not corrupt the report.
console.log = console.error;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-bench-'));
progress(`temp dir ${dir}`);
const started = performance.now();
const loadAtStart = os.loadavg().map((n) => round(n, 2));

try {
  // A snapshot of the built UI, so a rebuild of dist/ while the benchmark runs cannot change what it loads.
  const rendererDir = path.join(dir, 'renderer');
  fs.cpSync(path.join(root, 'dist/renderer'), rendererDir, { recursive: true });

  progress(`corpus: generating ${count} articles…`);
  const t0 = performance.now();
  const { vocab, articles } = generateCorpus(count);
  const corpus = {
    articles: articles.length,
    words: articles.reduce((n, a) => n + a.words, 0),
    bytes: articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0),
    vocabulary: vocab.words.length,
    rareTerms: vocab.rare.length,
    seed: DEFAULT_SEED,
    generateMs: Math.round(performance.now() - t0),
  };

  const lib = await openLibrary(path.join(dir, 'bench.sqlite'));
  const peerLib = await openLibrary(path.join(dir, 'peer-one-article.sqlite'));
  try {
    const services = createServices(lib);
    const sqliteVersion = (lib.db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
    const imported = await benchImport(services, articles, dir);
    const search = benchSearch(lib.db, services.search, articles, benchQueries(vocab));

    const peerImport = await createServices(peerLib).importer.import({
      file: 'article.txt',
      encoding: 'text',
      data: articles[0]!.text,
      title: articles[0]!.title,
      outlet: articles[0]!.outlet,
      publishedAt: articles[0]!.publishedAt,
    });
    if (peerImport.status !== 'imported') throw new Error(`The peer library’s article was not imported: ${JSON.stringify(peerImport)}`);
    // The larger point of the curve (100,000 articles unless BENCH_LARGER_ARTICLES says), cached between runs.
    const largerSize = largerLibrarySize();
    const larger = largerSize > count ? await cachedLibrary(largerSize) : null;
    let openLib;
    try {
      openLib = await benchOpenLibrary(lib, peerLib, rendererDir, larger?.lib ?? null);
    } finally {
      larger?.lib.close();
    }
    // The quotes table and the matrices at 50,000 annotations (issue 12).
    const quotesMatrix = await benchQuotesMatrixFresh(dir, rendererDir);
    // The landscape's networks at 500 actors and 5,000 quotes (issue 14): computed, laid out, fitted.
    const landscape = { networks: benchLandscape(), view: await benchLandscapeBrowser(dir, rendererDir) };

    // Annotating (issue 3), drafting (issue 4) and exporting (issue 5).
    const annotate = await benchAnnotate(dir, rendererDir);
    progress('reanchor: 200 quotes after 5–15% edits…');
    const reanchor = benchReanchor();
    // Finding quotes and speakers (issue 11).
    const suggest = benchSuggest();
    const typing = await benchTyping(dir, rendererDir);
    const codingEffort = benchCodingEffort();
    progress('pdf: 10, 30 and 100 pages through Chromium…');
    const longInput = await benchLongInput(dir, rendererDir);
    // The reader with a 100,000-paragraph article beside a 1,000-paragraph one (issue 12).
    const readerWindow = await benchReaderWindow(dir, rendererDir);
    // Word files and news-database exports (issue 13).
    const docxImport = await benchDocxImport(dir);
    // Importing PDFs (issue 13).
    const pdfImport = await benchPdfImport();
    // Search at 10,000 and 100,000 articles (issue 12) and in every script (issue 13); the
    // libraries are built once into node_modules/.cache/verbatim-bench and reused.
    const searchScale = await benchSearchScale();
    const cjkAlternatives = benchCjkAlternatives();
    // The team library over loopback (issue 15), on a throwaway PostgreSQL.
    const teamSync = await benchTeamSync(dir);
    const teamTyping = await benchTeamTyping();
    const pdf = (await benchPdf()) as { ratio100to10: { met: boolean }; thirtyPages: { met: boolean }; thirtyPagesWithFigure: { met: boolean }; versusWeasyprint: { met?: boolean } };

    const report = {
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? null,
        memoryGB: round(os.totalmem() / 2 ** 30, 1),
        node: process.version,
        platform: `${process.platform} ${os.release()}`,
        sqlite: sqliteVersion,
        /** 1/5/15-minute load averages at start and end: other work on the machine skews the timings. */
        loadAverage: { start: loadAtStart, end: os.loadavg().map((n) => round(n, 2)) },
        libraryFileMB: round([lib.path, `${lib.path}-wal`].reduce((n, f) => n + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0) / 2 ** 20, 1),
      },
      corpus,
      import: imported,
      search,
      searchScale,
      cjkAlternatives,
      openLibrary: openLib,
      quotesMatrix,
      landscape,
      annotations: annotate,
      codingEffort,
      reanchor,
      suggest,
      briefing: typing,
      longInput,
      readerWindow,
      docxImport,
      pdf,
      pdfImport,
      teamSync,
      teamTyping,
      met: {
        import: imported.met,
        batchImport: imported.batch.met,
        search: search.met,
        searchScale: searchScale.met,
        openLibrary: openLib.met,
        quotesMatrix: quotesMatrix.met,
        landscapePanZoom: landscape.view.met,
        libraryListCalls: openLib.listCalls.met,
        createAnnotation: annotate.createAnnotation.met,
        codingEffort: codingEffort.met,
        openAnnotatedArticle: annotate.openAnnotatedArticle.met,
        reanchor: reanchor.met,
        suggest: suggest.met,
        keystrokes: typing.keystrokes.met,
        autosave: typing.autosave.met,
        longInput: longInput.met,
        readerWindow: readerWindow.met,
        docxImport: docxImport.met,
        pdf: pdf.ratio100to10.met && pdf.thirtyPages.met && pdf.versusWeasyprint.met !== false,
        pdfWithFigure: pdf.thirtyPagesWithFigure.met,
        pdfImport: pdfImport.met,
        teamSync: 'met' in teamSync ? teamSync.met : null,
        teamKeystrokeEcho: 'met' in teamTyping ? teamTyping.met : null,
      },
      totalSeconds: 0,
    };
    report.totalSeconds = Math.round((performance.now() - started) / 1000);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    lib.close();
    peerLib.close();
  }
} finally {
  if (process.env.BENCH_KEEP === '1') progress(`kept ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}
