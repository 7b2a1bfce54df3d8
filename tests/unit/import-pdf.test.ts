// PDF import (main/services/import/pdf/): reports printed by Debian's Chromium from HTML whose words
// we wrote, read back paragraph for paragraph, through the import service (in-process) and through
// the worker thread the CLI and the app use (dist/main/pdf-worker.js, built by the test setup).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Node } from 'prosemirror-model';
import { articleSchema } from '../../shared/schema';
import { PdfWorker } from '../../main/services/import/pdf-reader';
import { readPdf } from '../../main/services/import/pdf/read';
import { hyphenEvidence, joinLine } from '../../main/services/import/pdf/hyphenation';
import { isPageNumber } from '../../main/services/import/pdf/running-lines';
import { fileInput, tempLibrary } from './helpers';
import { MAX_PDF_IMPORT_BYTES } from '../../shared/limits';
import { AUTHOR, CLOSING, COLUMNS, fillerParagraph, HEADER, HYPHEN_LINES, HYPHEN_PARAGRAPH, INDENTED, PdfMaker, reportHtml, SUMMARY, TITLE, withInfo } from './pdf-fixtures';

const maker = new PdfMaker();
let report: Buffer;
let plainBody: Buffer;

beforeAll(async () => {
  // Two sections of filler make paragraphs run across page breaks.
  report = await maker.print(reportHtml(2));
  plainBody = await maker.print(`<!doctype html><html><head><meta charset="utf-8"><title>ignored</title></head><body style="font:11pt serif">${SUMMARY.map((s) => `<p>${s}</p>`).join('')}</body></html>`, { bare: true });
}, 120_000);
afterAll(() => maker.close());

/** The article's blocks as [type, text] (headings with their level). */
function blocks(doc: unknown): string[][] {
  const node = Node.fromJSON(articleSchema, doc);
  const out: string[][] = [];
  node.forEach((b) => out.push([b.type.name === 'heading' ? `h${b.attrs.level as number}` : b.type.name, b.textContent]));
  return out;
}

describe('importing a PDF with a text layer', () => {
  it('rebuilds the paragraphs word for word, with headings, and without running header, footer or page numbers', async () => {
    const { services } = await tempLibrary();
    const r = await services.importer.import(fileInput('report.pdf', report));
    expect(r).toMatchObject({ status: 'imported', title: TITLE });
    const a = services.library.get(r.id!);
    expect(a.sourceFormat).toBe('pdf');
    expect(a.author).toBe(AUTHOR);
    expect(a.publishedAt).toBe('2024-03-03');
    const got = blocks(a.doc);
    const paragraphs = got.filter(([t]) => t === 'paragraph').map(([, text]) => text);

    expect(got[0]).toEqual(['h1', TITLE]);
    expect(got).toContainEqual(['h2', 'Summary']);
    expect(got).toContainEqual(['h2', COLUMNS.heading]);
    // Paragraphs apart by space, by a first-line indent only, and across page breaks.
    for (const p of [...SUMMARY, ...INDENTED, CLOSING]) expect(paragraphs).toContain(p);
    for (let j = 0; j < 5; j++) for (let i = 0; i < 2; i++) expect(paragraphs).toContain(fillerParagraph(i, j));
    // Split words joined; real hyphens kept.
    expect(paragraphs).toContain(HYPHEN_PARAGRAPH);
    expect(HYPHEN_LINES.join(' ')).not.toBe(HYPHEN_PARAGRAPH);
    // Nothing of the page furniture.
    expect(a.text).not.toContain(HEADER);
    expect(a.text).not.toMatch(/Page \d+ of \d+/);
    // Every block is one of ours: nothing split, nothing glued together.
    const ours = new Set([TITLE, `By ${AUTHOR}`, 'March 3, 2024', 'Summary', 'Statements', COLUMNS.heading, 'Section 1', 'Section 2', ...SUMMARY, ...INDENTED, HYPHEN_PARAGRAPH, CLOSING, ...COLUMNS.left, ...COLUMNS.right]);
    const stray = got.map(([, t]) => t!).filter((t) => !ours.has(t) && !/^(Diplomats|Trade associations|Observers|Section \d, paragraph)/.test(t));
    expect(stray).toEqual([]);
  });

  it('reads the two-column page column by column although the page was written row by row', async () => {
    const { doc } = await readPdf(report);
    const texts: string[] = [];
    doc.forEach((b) => texts.push(b.textContent));
    const at = (p: string) => texts.indexOf(p);
    const order = [COLUMNS.heading, ...COLUMNS.left, ...COLUMNS.right].map(at);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(order.at(-1)! - order[0]!).toBe(4);
  });

  it('takes title, author and date from the metadata when the first page does not give them, and ignores a producer’s leftover title', async () => {
    const { services } = await tempLibrary();
    const withMeta = await withInfo(plainBody, { title: 'Quarterly Outlook: Seoul and Tokyo', author: 'Desk Research Unit', created: new Date('2024-05-06T10:00:00Z') });
    const r = await services.importer.import(fileInput('outlook.pdf', withMeta));
    expect(r).toMatchObject({ status: 'imported', title: 'Quarterly Outlook: Seoul and Tokyo' });
    const a = services.library.get(r.id!);
    expect(a.author).toBe('Desk Research Unit');
    expect(a.publishedAt).toBe('2024-05-06');
    expect(blocks(a.doc).map(([, t]) => t)).toEqual(SUMMARY);

    const leftover = await withInfo(plainBody, { title: 'Microsoft Word - draft3.docx', author: '' });
    const parsed = await readPdf(leftover);
    expect(parsed.title).toBeNull();
    const r2 = await services.importer.import(fileInput('draft.pdf', leftover));
    // The same text is recognised as a duplicate, whatever the metadata.
    expect(r2).toMatchObject({ status: 'duplicate', id: r.id });
  });

  it('reads the same in the worker thread as in-process', async () => {
    const worker = new PdfWorker(new URL('../../dist/main/pdf-worker.js', import.meta.url));
    try {
      const { doc, ...meta } = await worker.read(report);
      const { doc: expected, ...expectedMeta } = await readPdf(report);
      expect(doc.toJSON()).toEqual(expected.toJSON());
      expect(meta).toEqual(expectedMeta);
    } finally {
      await worker.close();
    }
  });
});

describe('the size limit for PDFs', () => {
  it('takes a PDF past the 10 MB limit for text, and refuses one past 50 MB by its size', async () => {
    const { services } = await tempLibrary();
    // 12 MB of a report's pictures: past the text limit, within the PDF one (it then fails as what it is).
    const padded = Buffer.concat([Buffer.alloc(12 * 1024 * 1024, 0x20), Buffer.from('\n')]);
    const r = await services.importer.import(fileInput('report-with-photos.pdf', padded));
    expect(r).toMatchObject({ status: 'failed', error: expect.stringMatching(/not a PDF/) });
    const huge = await services.importer.import(fileInput('archive.pdf', Buffer.alloc(MAX_PDF_IMPORT_BYTES + 1, 0x20)));
    expect(huge).toMatchObject({ status: 'failed', error: expect.stringMatching(/50\.0 MB; the most Verbatim imports is 50\.0 MB/) });
    const text = await services.importer.import(fileInput('notes.txt', Buffer.alloc(12 * 1024 * 1024, 0x61)));
    expect(text).toMatchObject({ status: 'failed', error: expect.stringMatching(/the most Verbatim imports is 10\.0 MB/) });
    expect(services.library.list({}).items).toEqual([]);
  });
});

describe('the reading rules', () => {
  it('joins split words and keeps real hyphens', () => {
    const none = hyphenEvidence([]);
    expect(joinLine('the inter-', 'national talks', none)).toBe('the international talks');
    expect(joinLine('the Franco-', 'German talks', none)).toBe('the Franco-German talks');
    expect(joinLine('COVID-', '19 rules', none)).toBe('COVID-19 rules');
    expect(joinLine('a well-', 'known case', hyphenEvidence(['a well-known lawyer']))).toBe('a well-known case');
    expect(joinLine('the inter\u00AD', 'national', none)).toBe('the international');
    // A layout that marks its own breaks (U+2010, as Chromium draws them): a plain hyphen is real.
    const marked = hyphenEvidence(['the compen\u2010']);
    expect(joinLine('the compen\u2010', 'sation', marked)).toBe('the compensation');
    expect(joinLine('a well-', 'known case', marked)).toBe('a well-known case');
    expect(joinLine('東京と', 'ソウルの', none)).toBe('東京とソウルの');
    expect(joinLine('talks', 'resumed', none)).toBe('talks resumed');
  });

  it('knows page numbers from words', () => {
    for (const n of ['7', 'Page 7', 'Page 7 of 30', '- 7 -', '7 / 30', 'xiv', 'iv']) expect(isPageNumber(n), n).toBe(true);
    for (const w of ['mid', 'civil', 'Seoul', '2024 budget', 'Page one']) expect(isPageNumber(w), w).toBe(false);
  });
});
