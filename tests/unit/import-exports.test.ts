import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileInput, tempDir, tempLibrary } from './helpers';
import { factivaHtml, inventedArticles, nexisDocx } from '../fixtures/news-exports';
import { exportDate } from '../../main/services/import/batch/dates';

describe('news-database exports', () => {
  it('splits a Nexis DOCX export into its articles, each with headline, outlet, date, byline and body', async () => {
    const { services } = await tempLibrary();
    const invented = inventedArticles(4);
    const r = await services.importer.import(fileInput('nexis.docx', await nexisDocx(invented)));
    expect(r).toMatchObject({ file: 'nexis.docx', status: 'imported', title: 'Nexis export: 4 articles' });
    expect(r.articles).toHaveLength(4);
    expect(r.articles!.every((a) => a.status === 'imported')).toBe(true);
    for (const [i, result] of r.articles!.entries()) {
      const a = services.library.get(result.id!);
      const want = invented[i]!;
      expect(a).toMatchObject({ title: want.headline, outlet: want.outlet, publishedAt: want.isoDate, author: want.byline.replace(/^By /, ''), sourceFormat: 'docx' });
      // The body, and nothing of the header or the trailer around it.
      expect(a.text).toBe(want.paragraphs.join('\n\n'));
    }
    expect(services.library.list({}).total).toBe(4);
  });

  it('splits a Factiva HTML export by its field codes', async () => {
    const { services } = await tempLibrary();
    const invented = inventedArticles(3, 10);
    const r = await services.importer.import(fileInput('factiva.html', factivaHtml(invented)));
    expect(r).toMatchObject({ status: 'imported', title: 'Factiva export: 3 articles' });
    for (const [i, result] of r.articles!.entries()) {
      const a = services.library.get(result.id!);
      const want = invented[i]!;
      expect(a).toMatchObject({ title: want.headline, outlet: want.outlet, publishedAt: want.isoDate, author: want.byline.replace(/^By /, ''), sourceFormat: 'html' });
      // Lead paragraph (LP) then text (TD); the accession number and indexing codes stay out.
      expect(a.text).toBe(want.paragraphs.join('\n\n'));
    }
  });

  it('reads Factiva field codes written as lines of their own, not in a table', async () => {
    const { services } = await tempLibrary();
    const [a, b] = inventedArticles(2, 90);
    const article = (x: typeof a) =>
      ['HD', x!.headline, 'BY', x!.byline, 'WC', '75 words', 'PD', x!.isoDate, 'SN', x!.outlet, 'LP', x!.paragraphs[0], 'TD', ...x!.paragraphs.slice(1), 'AN', 'Document XYZ0000001'].map((t) => `<p>${t}</p>`).join('');
    const r = await services.importer.import(fileInput('factiva-lines.html', `<html><body>${article(a)}${article(b)}</body></html>`));
    expect(r).toMatchObject({ status: 'imported', title: 'Factiva export: 2 articles' });
    const second = services.library.get(r.articles![1]!.id!);
    expect(second).toMatchObject({ title: b!.headline, outlet: b!.outlet, publishedAt: b!.isoDate });
    expect(second.text).toBe(b!.paragraphs.join('\n\n'));
  });

  it('imports what it can from an export that breaks the layout, and names each article it could not read', async () => {
    const { services } = await tempLibrary();
    const invented = inventedArticles(5, 20);
    const r = await services.importer.import(fileInput('broken.docx', await nexisDocx(invented, { 1: 'no-body-line', 3: 'empty-body' })));
    expect(r.status).toBe('imported');
    expect(r.articles!.map((a) => a.status)).toEqual(['imported', 'failed', 'imported', 'failed', 'imported']);
    expect(r.articles![1]).toMatchObject({ title: invented[1]!.headline, error: expect.stringMatching(/no body found/) });
    expect(r.warnings!.join(' ')).toMatch(/2 of 5 articles could not be imported: article 2 \(“.*”\): no body found.*; article 4 .*no body found/);
    expect(services.library.list({}).total).toBe(3);

    const f = await services.importer.import(fileInput('broken-factiva.htm', factivaHtml(inventedArticles(3, 30), { 2: 'body', 1: 'HD' })));
    expect(f.articles!.map((a) => a.error ?? a.status)).toEqual(['imported', 'no headline found', 'no body found']);
  });

  it('stores an article already in the library as a duplicate, the others as new', async () => {
    const { services } = await tempLibrary();
    const invented = inventedArticles(3, 40);
    await services.importer.import(fileInput('one.docx', await nexisDocx(invented.slice(1, 2))));
    const r = await services.importer.import(fileInput('three.docx', await nexisDocx(invented)));
    expect(r.articles!.map((a) => a.status)).toEqual(['imported', 'duplicate', 'imported']);
    const again = await services.importer.import(fileInput('three-again.docx', await nexisDocx(invented)));
    expect(again).toMatchObject({ status: 'duplicate' });
    expect(services.library.list({}).total).toBe(3);
  });

  it('an export in a batch with other files: one result per file, every article stored', async () => {
    const { services } = await tempLibrary();
    const results = await services.importer.importBatch([
      fileInput('note.txt', 'A plain note about grain tariffs.\n\nIt has two paragraphs and no export markers at all.'),
      fileInput('nexis.docx', await nexisDocx(inventedArticles(3, 50))),
      fileInput('factiva.html', factivaHtml(inventedArticles(2, 60))),
    ]);
    expect(results.map((r) => [r.file, r.status, r.articles?.length])).toEqual([
      ['note.txt', 'imported', undefined],
      ['nexis.docx', 'imported', 3],
      ['factiva.html', 'imported', 2],
    ]);
    expect(services.library.list({}).total).toBe(6);
  });

  it('tells how many articles a file holds, and their headlines, without storing anything', async () => {
    const { services, router } = await tempLibrary();
    const invented = inventedArticles(6, 70);
    const bytes = await nexisDocx(invented, { 2: 'no-body-line' });
    const res = await router('articles.inspect', fileInput('nexis.docx', bytes));
    expect(res.ok).toBe(true);
    const preview = (res as { value: { source: string; articles: number; titles: string[]; problems: string[] } }).value;
    expect(preview).toMatchObject({ source: 'Nexis export', articles: 5, problems: ['article 3: no body found (no “Body” line)'] });
    expect(preview.titles).toEqual(invented.filter((_, i) => i !== 2).map((a) => a.headline));
    expect(await services.importer.inspect(fileInput('note.txt', 'Just one short article about ferries, nothing more.'))).toMatchObject({ source: null, articles: 1 });
    expect(await services.importer.inspect(fileInput('x.docx', 'not a zip'))).toMatchObject({ articles: 0, error: expect.stringMatching(/not a Word document/) });
    expect(services.library.list({}).total).toBe(0);
  });

  it('reads an ordinary saved page that mentions the markers as one article', async () => {
    const { services } = await tempLibrary();
    const page = `<html><head><title>How to read a Nexis download</title></head><body><article><h1>How to read a Nexis download</h1><p>Every article in the download ends with the words End of Document, and the text starts after the word Body on a line of its own.</p><p>Analysts learn to skip the cover page, which lists the user name and the job number before the first article begins.</p></article></body></html>`;
    const r = await services.importer.import(fileInput('howto.html', page));
    expect(r.articles).toBeUndefined();
    expect(r).toMatchObject({ status: 'imported', title: 'How to read a Nexis download' });
  });
});

describe('`verbatim import` of an export', () => {
  it('prints the file, then a line per article, and exits 1 when an article could not be imported', async () => {
    const dir = tempDir();
    const invented = inventedArticles(3, 80);
    fs.writeFileSync(path.join(dir, 'nexis.docx'), await nexisDocx(invented, { 1: 'empty-body' }));
    const bin = fileURLToPath(new URL('../../bin/verbatim.js', import.meta.url));
    const r = spawnSync(process.execPath, [bin, '--db', path.join(dir, 'lib.sqlite'), 'import', path.join(dir, 'nexis.docx')], { encoding: 'utf8', env: { ...process.env, VERBATIM_DB: '' } });
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(`imported   ${path.join(dir, 'nexis.docx')}: Nexis export: 3 articles (2 imported, 0 already in the library, 1 failed)`);
    expect(lines.slice(1)).toEqual([
      `  imported   article 1 -> #1 ${invented[0]!.headline}`,
      `  failed     article 2: “${invented[1]!.headline}”: no body found`,
      `  imported   article 3 -> #2 ${invented[2]!.headline}`,
    ]);
  }, 60_000);
});

describe('dates in exports', () => {
  it('reads the calendar day the database wrote, in any time zone', () => {
    expect(exportDate('March 3, 2024 Sunday')).toBe('2024-03-03');
    expect(exportDate('Sunday, March 3, 2024')).toBe('2024-03-03');
    expect(exportDate('3 March 2024')).toBe('2024-03-03');
    expect(exportDate('03 Mar 2024')).toBe('2024-03-03');
    expect(exportDate('Sept. 30, 2023 Saturday 10:15 AM GMT')).toBe('2023-09-30');
    expect(exportDate('2024-03-03')).toBe('2024-03-03');
  });
  it('leaves ambiguous or impossible dates unread', () => {
    expect(exportDate('03/04/2024')).toBeNull();
    expect(exportDate('February 30, 2024')).toBeNull();
    expect(exportDate('The Harbour Ledger')).toBeNull();
  });
});
