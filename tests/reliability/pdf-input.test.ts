// Promise: a PDF that cannot be read is refused with its reason and leaves the library as it was.
// Through the built `verbatim import` (the PDF read in its worker thread): a password-protected
// copy, a cut-off download, a file damaged in the middle, a PDF of no pages, a scan (pictures, no
// text layer) and a text file named .pdf. Every table is fingerprinted before and after; then the
// same bad files in one batch with a good PDF: the good one imports, the others say why.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../unit/helpers';
import { encrypted, PdfMaker, reportHtml, TITLE, truncated, zeroPages } from '../unit/pdf-fixtures';
import { cli, tableFingerprints } from './support';

const maker = new PdfMaker();
let good: Buffer;
let scan: Buffer;
beforeAll(async () => {
  good = await maker.print(reportHtml());
  scan = await maker.scan();
}, 120_000);
afterAll(() => maker.close());

function fingerprints(db: string) {
  const d = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return tableFingerprints(d);
  } finally {
    d.close();
  }
}

interface Result {
  file: string;
  status: string;
  error?: string;
  id?: number;
}

function importFiles(db: string, files: string[]): { code: number | null; results: Result[] } {
  const run = cli(db, 'import', ...files, '--json');
  // pdf.js's own warnings never reach the terminal: standard output is the JSON and nothing else.
  expect(run.stderr).toBe('');
  return { code: run.code, results: JSON.parse(run.stdout) as Result[] };
}

describe('bad PDFs through `verbatim import`', () => {
  it('refuses each with a reason naming the cause, and the library is unchanged', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'library.sqlite');
    const seed = path.join(dir, 'seed.txt');
    fs.writeFileSync(seed, 'A short article about the talks in Seoul, already in the library.');
    expect(importFiles(db, [seed]).results[0]!.status).toBe('imported');

    const damaged = Buffer.from(good);
    damaged.fill(0x20, Math.floor(good.length * 0.3), Math.floor(good.length * 0.6));
    const bad: Record<string, [Buffer, RegExp]> = {
      'locked.pdf': [encrypted(good, dir), /protected by a password/],
      'cut-off.pdf': [truncated(good), /cut short/],
      'damaged.pdf': [damaged, /damaged/],
      'no-pages.pdf': [await zeroPages(), /has no pages/],
      'scan.pdf': [scan, /no text layer.*picture.*scan/],
      'notes.pdf': [Buffer.from('Notes from the meeting in Seoul, saved as text.\n'), /not a PDF/],
    };
    const files = Object.entries(bad).map(([name, [bytes]]) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      return file;
    });

    const before = fingerprints(db);
    const { code, results } = importFiles(db, files);
    expect(code).toBe(1);
    for (const [i, [name, [, reason]]] of Object.entries(bad).entries()) {
      expect(results[i], name).toMatchObject({ file: files[i], status: 'failed', error: expect.stringMatching(reason) });
      expect(results[i]!.error, name).toMatch(/Nothing was imported|nothing in it to import/);
    }
    expect(fingerprints(db)).toEqual(before);
    expect(cli(db, 'check').code).toBe(0);

    // The same files with a good PDF among them: the good one goes in, the rest still say why.
    const goodFile = path.join(dir, 'report.pdf');
    fs.writeFileSync(goodFile, good);
    const mixed = importFiles(db, [files[0]!, goodFile, ...files.slice(1)]);
    expect(mixed.results.map((r) => r.status)).toEqual(['failed', 'imported', 'failed', 'failed', 'failed', 'failed', 'failed']);
    const list = JSON.parse(cli(db, 'list', '--json').stdout) as { title: string }[];
    expect(list).toHaveLength(2);
    expect(list.map((a) => a.title)).toContain(TITLE);
  }, 180_000);
});
