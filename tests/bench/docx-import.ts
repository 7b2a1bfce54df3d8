// Word and news-database export import (issue 13): single-article .docx files through the import
// service, ms per file, beside the same articles imported as .txt (the peer: the same text and
// store, without Word); and a 500-article Nexis DOCX export, articles per second, beside
// `importBatch` of the same 500 articles as plain text files. Median of 3 runs, each into a fresh
// library. Budgets: a Word file within 250 ms; the 500-article export within 20 s (25 articles/s).
//
// `benchDocxImport(dir)` returns the report for tests/bench/run.ts;
// `node --import tsx tests/bench/docx-import.ts` prints it as JSON on its own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { openLibrary } from '../../main/store/open';
import { createServices } from '../../main/services';
import { MAX_IMPORT_BATCH } from '../../shared/contract';
import { inventedArticles, nexisDocx, type InventedArticle } from '../fixtures/news-exports';
import { median, progress, round } from './stats';

const RUNS = 3;
const SINGLE_FILES = 20;
const EXPORT_ARTICLES = 500;
const BUDGET = { docxMsPerFile: 250, exportArticlesPerSecond: 25 };

const asText = (a: InventedArticle) => [a.headline, ...a.paragraphs].join('\n\n');
const asDocx = (a: InventedArticle) =>
  Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ text: a.headline, heading: HeadingLevel.HEADING_1 }), ...a.paragraphs.map((t) => new Paragraph(t))] }] }));
const input = (file: string, data: Buffer | string) => ({ file, encoding: 'base64' as const, data: Buffer.from(data).toString('base64') });

async function withLibrary<T>(dir: string, name: string, fn: (s: ReturnType<typeof createServices>) => Promise<T>): Promise<T> {
  const lib = await openLibrary(path.join(dir, `${name}.sqlite`));
  try {
    return await fn(createServices(lib));
  } finally {
    lib.close();
  }
}

/** Each file through `importer.import`, one call each: ms per file. */
async function perFile(dir: string, name: string, files: { file: string; data: Buffer | string }[]): Promise<number[]> {
  return withLibrary(dir, name, async (s) => {
    const ms: number[] = [];
    for (const f of files) {
      const t0 = performance.now();
      const r = await s.importer.import(input(f.file, f.data));
      ms.push(performance.now() - t0);
      if (r.status !== 'imported') throw new Error(`${f.file}: ${r.status} ${r.error ?? ''}`);
    }
    return ms;
  });
}

export async function benchDocxImport(parent: string = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-bench-docx-'))) {
  const dir = fs.mkdtempSync(path.join(parent, 'docx-'));
  try {
    const singles = inventedArticles(SINGLE_FILES, 5000);
    const docxFiles = await Promise.all(singles.map(async (a, i) => ({ file: `article-${i}.docx`, data: await asDocx(a) })));
    const txtFiles = singles.map((a, i) => ({ file: `article-${i}.txt`, data: asText(a) }));
    // Warm: mammoth and jsdom load on the first Word file, once per process.
    await perFile(dir, 'warm', [docxFiles[0]!]);

    progress(`docx: ${SINGLE_FILES} Word files beside the same as .txt, ${RUNS} runs…`);
    const docxMs: number[] = [];
    const txtMs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      docxMs.push(median(await perFile(dir, `docx-${run}`, docxFiles)));
      txtMs.push(median(await perFile(dir, `txt-${run}`, txtFiles)));
    }

    progress(`docx: a ${EXPORT_ARTICLES}-article Nexis export beside importBatch of the same as text, ${RUNS} runs…`);
    const exported = inventedArticles(EXPORT_ARTICLES, 7000);
    const exportBytes = await nexisDocx(exported);
    const exportMs: number[] = [];
    const batchMs: number[] = [];
    // The longest the process could not answer anything else while the export was read and stored
    // (exports are read on the main process's thread; see docs/ARCHITECTURE.md).
    const stallMs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      exportMs.push(
        await withLibrary(dir, `export-${run}`, async (s) => {
          const loop = monitorEventLoopDelay({ resolution: 10 });
          loop.enable();
          const t0 = performance.now();
          const r = await s.importer.import(input('nexis.docx', exportBytes));
          const ms = performance.now() - t0;
          loop.disable();
          stallMs.push(loop.max / 1e6);
          const stored = r.articles?.filter((a) => a.status === 'imported').length;
          if (stored !== EXPORT_ARTICLES) throw new Error(`The export stored ${stored} of ${EXPORT_ARTICLES} articles: ${JSON.stringify(r.warnings ?? r.error)}`);
          return ms;
        }),
      );
      batchMs.push(
        await withLibrary(dir, `batch-${run}`, async (s) => {
          const t0 = performance.now();
          for (let i = 0; i < exported.length; i += MAX_IMPORT_BATCH) {
            const results = await s.importer.importBatch(exported.slice(i, i + MAX_IMPORT_BATCH).map((a, j) => input(`article-${i + j}.txt`, asText(a))));
            if (results.some((r) => r.status !== 'imported')) throw new Error('The plain-text peer did not import every article.');
          }
          return performance.now() - t0;
        }),
      );
    }
    const docxPerFile = median(docxMs);
    const txtPerFile = median(txtMs);
    const exportRate = (EXPORT_ARTICLES * 1000) / median(exportMs);
    const batchRate = (EXPORT_ARTICLES * 1000) / median(batchMs);
    return {
      singleFile: {
        files: SINGLE_FILES,
        docxMsPerFile: round(docxPerFile),
        peerTxtMsPerFile: round(txtPerFile),
        ratioToTxt: round(docxPerFile / txtPerFile),
        budgetMs: BUDGET.docxMsPerFile,
        met: docxPerFile <= BUDGET.docxMsPerFile,
      },
      batchExport: {
        articles: EXPORT_ARTICLES,
        exportBytes: exportBytes.length,
        exportSeconds: round(median(exportMs) / 1000),
        exportArticlesPerSecond: round(exportRate, 1),
        peerImportBatchTxtArticlesPerSecond: round(batchRate, 1),
        ratioToPeer: round(exportRate / batchRate),
        longestEventLoopStallMs: round(median(stallMs)),
        budgetArticlesPerSecond: BUDGET.exportArticlesPerSecond,
        met: exportRate >= BUDGET.exportArticlesPerSecond,
      },
      runs: RUNS,
      met: docxPerFile <= BUDGET.docxMsPerFile && exportRate >= BUDGET.exportArticlesPerSecond,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchDocxImport()
    .then((report) => process.stdout.write(`${JSON.stringify(report, null, 2)}\n`))
    .catch((err: unknown) => {
      process.stderr.write(`${(err as Error)?.stack ?? err}\n`);
      process.exitCode = 1;
    });
}
