// Promise: a Word file that is not one, or a news-database export with a bad article in it, gets a
// clear reason and loses nothing: the library stays intact, every good article of the export is
// stored whole, the bad one is named, and no article is ever half-imported.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { fileInput, tempDir, tempLibrary } from '../unit/helpers';
import { cli } from './support';
import { inventedArticles, nexisDocx } from '../fixtures/news-exports';

describe('Word files that are not Word documents, through `verbatim import`', () => {
  it('names a renamed workbook and a file that is not a zip at all, imports the rest, and leaves the library intact', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'library.sqlite');
    const workbook = new JSZip();
    workbook.file('[Content_Types].xml', '<Types/>');
    workbook.file('xl/workbook.xml', '<workbook/>');
    workbook.file('xl/worksheets/sheet1.xml', '<worksheet/>');
    fs.writeFileSync(path.join(dir, 'figures.docx'), await workbook.generateAsync({ type: 'nodebuffer' }));
    fs.writeFileSync(path.join(dir, 'legacy.docx'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096, 7)]));
    const truncated = await nexisDocx(inventedArticles(3, 900));
    fs.writeFileSync(path.join(dir, 'cut-short.docx'), truncated.subarray(0, Math.floor(truncated.length / 2)));
    fs.writeFileSync(path.join(dir, 'good.docx'), await nexisDocx(inventedArticles(2, 910)));

    const run = cli(db, 'import', ...['figures.docx', 'legacy.docx', 'cut-short.docx', 'good.docx'].map((f) => path.join(dir, f)), '--json');
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as { file: string; status: string; error?: string; articles?: unknown[] }[];
    expect(results.map((r) => r.status)).toEqual(['failed', 'failed', 'failed', 'imported']);
    expect(results[0]!.error).toMatch(/not a Word document: it is an Excel workbook renamed/);
    expect(results[1]!.error).toMatch(/not a Word document: it is not a zip archive/);
    expect(results[2]!.error).toMatch(/not a Word document|could not be read/);
    expect(results[3]!.articles).toHaveLength(2);

    expect(cli(db, 'check').code).toBe(0);
    expect(JSON.parse(cli(db, 'list', '--json').stdout)).toHaveLength(2);
  }, 180_000);
});

describe('a 1,000-article export', () => {
  const N = 1000;

  it('imports every article, and one unreadable article is named while the other 999 go in whole', async () => {
    const { services } = await tempLibrary();
    const invented = inventedArticles(N);
    const bytes = await nexisDocx(invented, { 617: 'empty-body' });
    const t0 = performance.now();
    const r = await services.importer.import(fileInput('nexis-1000.docx', bytes));
    const seconds = (performance.now() - t0) / 1000;
    expect(r.status).toBe('imported');
    expect(r.articles).toHaveLength(N);
    const failed = r.articles!.filter((a) => a.status === 'failed');
    expect(failed).toEqual([expect.objectContaining({ title: invented[617]!.headline, error: 'no body found' })]);
    expect(r.warnings!.join(' ')).toMatch(/1 of 1000 articles could not be imported: article 618/);

    const page = services.library.list({ limit: 500 });
    expect(page.total).toBe(N - 1);
    // Whole, never half: each stored article has exactly its own text and metadata.
    for (const [i, result] of r.articles!.entries()) {
      if (i === 617) continue;
      const a = services.library.get(result.id!);
      expect(a.text).toBe(invented[i]!.paragraphs.join('\n\n'));
      expect([a.title, a.outlet, a.publishedAt]).toEqual([invented[i]!.headline, invented[i]!.outlet, invented[i]!.isoDate]);
    }
    console.log(`[reliability] import-exports 1000: ${JSON.stringify({ bytes: bytes.length, seconds: Math.round(seconds * 10) / 10, stored: page.total, failed: failed.length })}`);
    // Found by search like any other article.
    expect(services.search.search('"round 999 of the talks"').some((h) => h.kind === 'article' && h.id === r.articles![998]!.id)).toBe(true);
  }, 240_000);

  it('when the store refuses one article’s row, that article alone fails and the rest are stored', async () => {
    const { services, lib } = await tempLibrary();
    const invented = inventedArticles(N, 2000);
    // A fault the store itself raises for one row (a constraint), mid-transaction.
    lib.db.exec(`CREATE TRIGGER refuse_one BEFORE INSERT ON articles WHEN NEW.title = '${invented[400]!.headline.replace(/'/g, "''")}' BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`);
    const r = await services.importer.import(fileInput('nexis-1000.docx', await nexisDocx(invented)));
    expect(r.status).toBe('imported');
    expect(r.articles!.filter((a) => a.status === 'imported')).toHaveLength(N - 1);
    expect(r.articles![400]).toMatchObject({ status: 'failed', error: expect.stringMatching(/could not be stored: refused for the test/) });
    expect(services.library.list({}).total).toBe(N - 1);
    expect(lib.db.prepare('SELECT count(*) AS n FROM articles WHERE title = ?').get(invented[400]!.headline)).toEqual({ n: 0 });
  }, 240_000);
});
