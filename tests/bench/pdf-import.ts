// PDF import speed: a report of about 30 pages (printed by Debian's Chromium from the test
// fixtures' HTML: running header and footer, a two-column page, hyphenated lines) imported through
// the import service with the PDF worker thread the app and the CLI use, each run into a fresh
// library; beside poppler's `pdftotext` on the same file in the same run, the peer. The first import
// (the worker starting, pdf.js loading) is reported apart from the warm median of 3.
// Budget: 30 pages in 5 s or less, warm.
//
// `benchPdfImport()` returns the report for tests/bench/run.ts; `node --import tsx tests/bench/pdf-import.ts`
// prints it as JSON on its own.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PdfWorker } from '../../main/services/import/pdf-reader';
import { openLibrary } from '../../main/store/open';
import { createServices } from '../../main/services';
import { PdfMaker, reportHtml } from '../unit/pdf-fixtures';
import { median, progress, round } from './stats';

const RUNS = 3;
/** Filler sections that bring the report to about 30 pages. */
const SECTIONS = 48;
const BUDGET = { thirtyPagesSeconds: 5 };
const workerScript = new URL('../../dist/main/pdf-worker.js', import.meta.url);

export async function benchPdfImport() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-bench-pdf-'));
  const maker = new PdfMaker();
  const worker = new PdfWorker(workerScript);
  try {
    progress('pdf import: printing a 30-page report…');
    const file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, await maker.print(reportHtml(SECTIONS)));
    await maker.close();
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    const data = fs.readFileSync(file).toString('base64');

    const importOnce = async (run: number) => {
      const lib = await openLibrary(path.join(dir, `library-${run}.sqlite`));
      try {
        const services = createServices(lib, { readPdf: worker.read });
        const t0 = performance.now();
        const r = await services.importer.import({ file: 'report.pdf', encoding: 'base64', data });
        const ms = performance.now() - t0;
        if (r.status !== 'imported') throw new Error(`The report did not import: ${JSON.stringify(r)}`);
        return { ms, words: services.library.get(r.id!).wordCount };
      } finally {
        lib.close();
      }
    };
    progress(`pdf import: ${pages} pages through the worker, ${RUNS + 1} times…`);
    const cold = await importOnce(0);
    const warm: number[] = [];
    for (let i = 1; i <= RUNS; i++) warm.push((await importOnce(i)).ms);

    progress('pdf import: pdftotext on the same file…');
    const peer: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const r = spawnSync('pdftotext', [file, path.join(dir, 'peer.txt')]);
      if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
      peer.push(performance.now() - t0);
    }

    const seconds = median(warm) / 1000;
    const peerSeconds = median(peer) / 1000;
    return {
      pages,
      fileMB: round(fs.statSync(file).size / 2 ** 20, 2),
      words: cold.words,
      coldSeconds: round(cold.ms / 1000, 3),
      seconds: round(seconds, 3),
      pdftotextSeconds: round(peerSeconds, 3),
      /** Verbatim's import (layout rebuilt, stored, indexed) over pdftotext's bare extraction. */
      ratioToPdftotext: round(seconds / peerSeconds, 1),
      budgetSeconds: BUDGET.thirtyPagesSeconds,
      met: seconds <= BUDGET.thirtyPagesSeconds,
    };
  } finally {
    await worker.close();
    await maker.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  console.log = console.error;
  process.stdout.write(`${JSON.stringify(await benchPdfImport(), null, 2)}\n`);
}
