// Links are the one place where text from outside becomes an address. A link whose text equals its
// href was written by prosemirror-markdown as an autolink, `<href>`, unescaped: the href
// `https://a.example/><script>…</script>` closed the autolink and the rest was live HTML in any
// Markdown renderer that allows HTML. Addresses with `<`, `>` or control characters are now refused
// wherever a link is made, and a Markdown link is always `[escaped text](encoded address)`.
import { describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import { JSDOM } from 'jsdom';
import { safeHref } from '../../shared/schema/url';
import { callOk } from './support';
import { paste, tempLibrary } from '../unit/helpers';

const EVIL = 'https://a.example/><script>window.__xss=1</script>';
const linkPara = (href: string, text = href) => ({ type: 'paragraph', content: [{ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] }] });

/** Markdown as a renderer that allows raw HTML shows it: every element and every link target. */
function renderedMarkdown(base64: string) {
  const html = new MarkdownIt({ html: true }).render(Buffer.from(base64, 'base64').toString('utf8'));
  const doc = new JSDOM(html).window.document;
  return { html, scripts: doc.querySelectorAll('script').length, hrefs: [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href')), text: doc.body.textContent ?? '' };
}

describe('links', () => {
  it('safeHref refuses <, > and control characters, and is idempotent', () => {
    const refused = [EVIL, 'https://a.example/<b>', 'https://a.example/a>b', 'https://a.exa\tmple/', 'java\tscript:alert(1)', 'https://a.example/\nx', 'https://a.example/\u0000x', 'https://a.example/\u0085x', 'javascript:alert(1)', 'data:text/html,x', '/relative'];
    expect(refused.map((h) => safeHref(h))).toEqual(refused.map(() => null));
    const kept: [string, string][] = [
      ['https://a.example/x?q=1#f', 'https://a.example/x?q=1#f'],
      ['  https://a.example/  ', 'https://a.example/'],
      ['https://a.example/a b', 'https://a.example/a%20b'],
      ['mailto:desk@a.example', 'mailto:desk@a.example'],
    ];
    for (const [raw, out] of kept) {
      expect(safeHref(raw)).toBe(out);
      expect(safeHref(out)).toBe(out);
    }
  });

  it('a pasted link whose text is its href, with <script> in it, never reaches a Markdown export as markup', async () => {
    const { router, lib } = await tempLibrary();
    // Imported: the link is dropped, its words stay.
    const imported = await callOk(router, 'articles.import', paste(`<p>See <a href="${EVIL.replaceAll('"', '&quot;')}">${EVIL.replaceAll('<', '&lt;')}</a> now.</p>`));
    const article = await callOk(router, 'articles.get', { id: imported.id! });
    expect(JSON.stringify(article.doc)).not.toContain('"link"');
    expect(article.text).toContain('<script>');

    // Saved into a briefing through the contract: refused.
    const b = await callOk(router, 'briefings.create', {});
    const saved = await router('briefings.save', { id: b.id, doc: { type: 'doc', content: [linkPara(EVIL)] } });
    expect(saved.ok ? 'ok' : saved.error.code).toBe('invalid_input');

    // Stored by a build before this check: the export still shows it as words only.
    lib.db.prepare('UPDATE briefings SET doc = ? WHERE id = ?').run(JSON.stringify({ type: 'doc', content: [linkPara(EVIL), linkPara(`${EVIL}x`, 'other text')] }), b.id);
    const md = renderedMarkdown((await callOk(router, 'briefings.export', { id: b.id, format: 'md' })).base64);
    expect(md.scripts).toBe(0);
    expect(md.html).not.toMatch(/<script/i);
    expect(md.text).toContain(EVIL);
    expect(md.hrefs.filter((h) => h && /[<>]/.test(decodeURIComponent(h)))).toEqual([]);
    console.log(`[reliability] markdown links: ${JSON.stringify({ scripts: md.scripts, links: md.hrefs.length })}`);
  });

  it('an ordinary link whose text is its address still exports as a working link', async () => {
    const { router } = await tempLibrary();
    const b = await callOk(router, 'briefings.create', {});
    const href = 'https://a.example/report_(2024)?a=1&b=*2*';
    await callOk(router, 'briefings.save', { id: b.id, doc: { type: 'doc', content: [linkPara(href), linkPara('mailto:desk@a.example', 'Write to the desk')] } });
    const md = renderedMarkdown((await callOk(router, 'briefings.export', { id: b.id, format: 'md' })).base64);
    expect(md.hrefs).toEqual([href, 'mailto:desk@a.example']);
    expect(md.text).toContain(href);
    expect(md.text).toContain('Write to the desk');
  });
});
