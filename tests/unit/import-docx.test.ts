import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { fileInput, tempLibrary } from './helpers';
import { ordinaryDocx } from '../fixtures/news-exports';
import { Document, Packer, Paragraph } from 'docx';

describe('importing Word documents', () => {
  it('keeps headings, emphasis, lists and links, turns tables into text, and takes the first heading as the title', async () => {
    const { services } = await tempLibrary();
    const r = await services.importer.import(fileInput('water.docx', await ordinaryDocx()));
    expect(r).toMatchObject({ status: 'imported', title: 'River water rights: where the parties stand' });
    const a = services.library.get(r.id!);
    expect(a.sourceFormat).toBe('docx');
    expect(a.author).toBe('Desk Officer Quill');
    const doc = a.doc as { content: { type: string; attrs?: { level?: number } }[] };
    expect(doc.content.map((n) => n.type)).toEqual(['heading', 'paragraph', 'heading', 'bullet_list', 'paragraph', 'paragraph', 'paragraph']);
    const json = JSON.stringify(a.doc);
    expect(json).toContain('"em"');
    expect(json).toContain('"strong"');
    expect(json).toContain('"href":"https://example.org/statement"');
    expect(a.text).toContain('Party | Position\n\nSeldon | Supports the gauges');
    expect(a.text).toContain('Who pays for the gauges');
  });

  it('takes the document’s title property when the text has no heading', async () => {
    const { services } = await tempLibrary();
    const bytes = await Packer.toBuffer(new Document({ title: 'Ferry route memo', sections: [{ children: [new Paragraph('The ferry between Seldon and Old Ferrin resumes in spring, officials said on Monday after a long dispute.')] }] }));
    const r = await services.importer.import(fileInput('memo.docx', bytes));
    expect(r).toMatchObject({ status: 'imported', title: 'Ferry route memo' });
  });

  it('recognises the same Word file imported twice', async () => {
    const { services } = await tempLibrary();
    const bytes = await ordinaryDocx();
    const first = await services.importer.import(fileInput('a.docx', bytes));
    const again = await services.importer.import(fileInput('copy of a.docx', bytes));
    expect(again).toMatchObject({ status: 'duplicate', id: first.id });
  });

  it('refuses a .docx that is not a zip, or a zip of something else, saying what it is', async () => {
    const { services } = await tempLibrary();
    const notZip = await services.importer.import(fileInput('old.docx', 'This was a plain text file all along.'));
    expect(notZip.status).toBe('failed');
    expect(notZip.error).toMatch(/not a Word document: it is not a zip archive/);
    const workbook = new JSZip();
    workbook.file('[Content_Types].xml', '<Types/>');
    workbook.file('xl/workbook.xml', '<workbook/>');
    const renamed = await services.importer.import(fileInput('sheet.docx', await workbook.generateAsync({ type: 'nodebuffer' })));
    expect(renamed.error).toMatch(/not a Word document: it is an Excel workbook renamed/);
    const photos = new JSZip();
    photos.file('holiday.jpg', 'not really a picture');
    const archive = await services.importer.import(fileInput('photos.docx', await photos.generateAsync({ type: 'nodebuffer' })));
    expect(archive.error).toMatch(/a zip archive of other files/);
    expect(services.library.list({}).items).toHaveLength(0);
  });

  it('refuses a Word document whose main part is damaged, and stores nothing', async () => {
    const { services } = await tempLibrary();
    const zip = await JSZip.loadAsync(await ordinaryDocx());
    zip.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>');
    const r = await services.importer.import(fileInput('broken.docx', await zip.generateAsync({ type: 'nodebuffer' })));
    expect(r.status).toBe('failed');
    expect(r.error).toMatch(/Word document could not be read/);
    expect(services.library.list({}).items).toHaveLength(0);
  });
});
