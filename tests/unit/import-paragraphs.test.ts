// Plain text comes with one of two conventions: one paragraph a line, or lines hard-wrapped near
// 70 columns with blank lines between paragraphs. The importer tells them apart.
import { describe, expect, it } from 'vitest';
import { fileInput, sampleArticle, tempLibrary } from './helpers';

type Doc = { content: { type: string; content?: { text: string }[] }[] };
const blocks = (doc: unknown) => (doc as Doc).content.map((n) => n.content?.map((t) => t.text).join('') ?? '');

/** The sample's paragraphs, hard-wrapped at 70 columns as a mail client or `fmt` would. */
function hardWrapped(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.replace(/(.{1,70})(?: |$)/g, '$1\n').trim())
    .join('\n\n');
}

describe('paragraphs in plain text', () => {
  it('takes each line as a paragraph when paragraphs are separated by single line breaks', async () => {
    const { services } = await tempLibrary();
    const paragraphs = sampleArticle().trim().split(/\n\s*\n/);
    // As copied from a web page or an e-mail: a headline, a blank line, then one paragraph a line.
    const text = `Japan urges solution to labor row\n\n${paragraphs.join('\n')}\n`;
    const r = await services.importer.import(fileInput('single-breaks.txt', text));
    const a = services.library.get(r.id!);
    expect(blocks(a.doc)).toEqual(['Japan urges solution to labor row', ...paragraphs]);
  });

  it('keeps joining hard-wrapped lines of blank-line paragraphs', async () => {
    const { services } = await tempLibrary();
    const text = hardWrapped(sampleArticle());
    expect(text.split('\n').length).toBeGreaterThan(2 * sampleArticle().trim().split(/\n\s*\n/).length);
    const r = await services.importer.import(fileInput('wrapped.txt', text));
    const a = services.library.get(r.id!);
    expect(blocks(a.doc)).toEqual(sampleArticle().trim().split(/\n\s*\n/));
  });

  it('takes each line as a paragraph when there is no blank line at all', async () => {
    const { services } = await tempLibrary();
    const paragraphs = sampleArticle().trim().split(/\n\s*\n/);
    const r = await services.importer.import(fileInput('no-blank-lines.txt', paragraphs.join('\r\n')));
    expect(blocks(services.library.get(r.id!).doc)).toEqual(paragraphs);
  });
});
