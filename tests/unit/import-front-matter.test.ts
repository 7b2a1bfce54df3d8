// Markdown front matter, read by a YAML parser through the real import service into a real library:
// fields in their several spellings, a date read like any source's, and broken or hostile blocks
// that cost the metadata and a warning, never the article.
import { describe, expect, it } from 'vitest';
import { fileInput, tempLibrary } from './helpers';
import { splitFrontMatter, MAX_FRONT_MATTER_CHARS } from '../../main/services/import/front-matter';

const BODY = '# Trade row deepens\n\nOfficials said export controls remain in place for now.\n';

async function importMd(md: string) {
  const { services } = await tempLibrary();
  const r = await services.importer.import(fileInput('note.md', md));
  expect(r.status, r.error).toBe('imported');
  return { r, a: services.library.get(r.id!) };
}

describe('Markdown front matter', () => {
  it('reads title, a list of authors, the outlet, a YAML date and the link', async () => {
    const md = `---\ntitle: "Trade row: what next?"\nauthors:\n  - Aiko Tanaka\n  - Min-jun Park\npublication: Nikkei Asia\ndate: 2024-03-03\nlink: https://example.com/a\ntags: [trade, japan]\n---\n${BODY}`;
    const { r, a } = await importMd(md);
    expect(a).toMatchObject({ title: 'Trade row: what next?', author: 'Aiko Tanaka, Min-jun Park', outlet: 'Nikkei Asia', publishedAt: '2024-03-03', publishedAsWritten: null, url: 'https://example.com/a' });
    expect(r.warnings).toBeUndefined();
    // The block is not part of the text.
    expect(a.text).not.toContain('authors');
    expect(a.text.startsWith('Trade row deepens')).toBe(true);
  });

  it('takes the other spellings, a written date, a timestamp with its offset, and a colon inside a quoted title', async () => {
    const { a } = await importMd(`---\nTitle: 'Seoul: talks resume'\nAuthor: Kim Ji-woo\nsource: Yonhap\ndate: "March 3, 2024"\nurl: https://example.com/b\n---\n${BODY}`);
    expect(a).toMatchObject({ title: 'Seoul: talks resume', author: 'Kim Ji-woo', outlet: 'Yonhap', publishedAt: '2024-03-03', url: 'https://example.com/b' });
    const late = await importMd(`---\noutlet: Kyodo\ndate: 2024-03-03T23:30:00+09:00\n---\n${BODY}`);
    expect(late.a).toMatchObject({ outlet: 'Kyodo', publishedAt: '2024-03-03', title: 'Trade row deepens' });
  });

  it('keeps an ambiguous date as written, with the warning, and no guessed day', async () => {
    const { r, a } = await importMd(`---\ntitle: Talks\ndate: 03/04/2024\n---\n${BODY}`);
    expect(a.publishedAt).toBeNull();
    expect(a.publishedAsWritten).toBe('03/04/2024');
    expect(r.warnings).toEqual(['The date “03/04/2024” could be 3 April or 4 March; set it in the article details.']);
  });

  it('broken YAML: the body is imported without the block, with a warning naming the line', async () => {
    const { r, a } = await importMd(`---\ntitle: Talks\nauthor: [unclosed\noutlet: Kyodo\n---\n${BODY}`);
    expect(a.title).toBe('Trade row deepens');
    expect(a.outlet).toBeNull();
    expect(a.text).not.toContain('unclosed');
    expect(a.text).toContain('export controls remain');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings![0]).toMatch(/^The front matter could not be read \(line \d+: .+\); the text was imported without its title, author, outlet, date and link\.$/);
    // A key given twice is refused rather than one of them silently winning.
    const twice = await importMd(`---\ntitle: One\ntitle: Two\n---\n${BODY}`);
    expect(twice.r.warnings?.[0]).toMatch(/front matter could not be read/);
  });

  it('a billion-laughs block stops at once and costs only the metadata', async () => {
    const lol = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) lol.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    lol.push('title: *j');
    const { r, a } = await importMd(`---\n${lol.join('\n')}\n---\n${BODY}`);
    expect(a.title).toBe('Trade row deepens');
    expect(r.warnings).toEqual(['The front matter could not be read (it expands into too much data); the text was imported without its title, author, outlet, date and link.']);
  });

  it('a huge block is not parsed, a deeply nested one is refused, and neither stops the import', async () => {
    const huge = `---\ntitle: Big\nnotes: "${'x'.repeat(MAX_FRONT_MATTER_CHARS)}"\n---\n${BODY}`;
    const big = await importMd(huge);
    expect(big.a.title).toBe('Trade row deepens');
    expect(big.r.warnings?.[0]).toMatch(/^The front matter is longer than 64 KB, so it was not read/);
    const deep = splitFrontMatter(`---\nx: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n---\n${BODY}`);
    expect(deep.body).toBe(BODY);
    expect(deep.front?.title ?? null).toBeNull();
  });

  it('leaves Markdown that only looks like a fence alone: rules, a setext heading, an unclosed block', () => {
    for (const md of [`---\nIntro paragraph\n---\n${BODY}`, `---\n${BODY}`, `Text first\n---\ntitle: no\n---\n`, `---\n- a list\n- of points\n---\n${BODY}`]) {
      const s = splitFrontMatter(md);
      expect(s.body, md).toBe(md);
      expect(s.warnings).toEqual([]);
    }
    // A list or a scalar between fences that start like a field is not metadata either.
    expect(splitFrontMatter(`---\ntitle\n---\n${BODY}`).front).toBeNull();
    expect(splitFrontMatter(`---\n---\n${BODY}`)).toEqual({ body: BODY, front: null, warnings: [] });
    expect(splitFrontMatter(`---\r\ntitle: Windows\r\n...\r\n${BODY}`).front?.title).toBe('Windows');
  });
});
