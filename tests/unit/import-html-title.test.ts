// A saved page's title carries the outlet's name ("… - The Korea Herald"); the outlet has its own
// field, so the title loses it. And the article starts with its first words, not an empty line.
import { describe, expect, it } from 'vitest';
import { fileInput, tempLibrary } from './helpers';

const body = Array.from(
  { length: 8 },
  (_, i) => `<p>Paragraph ${i + 1} of the report says North Korea fired a short-range ballistic missile into the sea off its east coast.</p>`,
).join('\n');

const page = (head: string, article = `<article><h1>N. Korea fires missile</h1>${body}</article>`) =>
  `<!doctype html><html><head>${head}</head><body><nav><a href="/">Home</a></nav><div class="wrap"><div class="story">${article}</div></div></body></html>`;

describe('titles of saved pages', () => {
  const cases: [string, string, string, string][] = [
    ['a suffix naming og:site_name', '<title>N. Korea fires missile - The Korea Herald</title><meta property="og:site_name" content="The Korea Herald">', 'N. Korea fires missile', 'The Korea Herald'],
    ['a suffix after a bar', '<meta property="og:title" content="N. Korea fires missile | Yonhap News Agency"><meta property="og:site_name" content="Yonhap News Agency">', 'N. Korea fires missile', 'Yonhap News Agency'],
    ['a prefix', '<title>Reuters: N. Korea fires missile</title><meta property="og:site_name" content="Reuters">', 'N. Korea fires missile', 'Reuters'],
    ['a longer form of the outlet', '<title>N. Korea fires missile – Yonhap News Agency</title><meta name="application-name" content="Yonhap">', 'N. Korea fires missile', 'Yonhap'],
  ];
  it.each(cases)('drops %s', async (_what, head, title, outlet) => {
    const { services } = await tempLibrary();
    const r = await services.importer.import(fileInput('page.html', page(head)));
    expect(services.library.get(r.id!)).toMatchObject({ title, outlet });
  });

  it('keeps a dash that is part of the headline', async () => {
    const { services } = await tempLibrary();
    const head = '<title>Moon - Kishida talks end without deal</title><meta property="og:site_name" content="The Korea Herald">';
    const r = await services.importer.import(fileInput('page.html', page(head)));
    expect(services.library.get(r.id!).title).toBe('Moon - Kishida talks end without deal');
  });

  it('does not begin the article with an empty paragraph', async () => {
    const { services } = await tempLibrary();
    const r = await services.importer.import(fileInput('page.html', page('<title>N. Korea fires missile</title>')));
    const doc = services.library.get(r.id!).doc as { content: { content?: unknown[] }[] };
    expect(doc.content[0]!.content?.length).toBeGreaterThan(0);
    expect(doc.content.every((block) => block.content?.length)).toBe(true);
  });
});
