// Promise: no imported text can run code. The XSS corpus (tests/fixtures/xss/payloads.ts) goes in
// every way text enters Verbatim — pasted, as .html / .md / .txt files, as a whole web page, as
// actor names, aliases, notes, topics, positions, comments, tags, article and briefing titles —
// and comes out of every export. What is stored is only what the article schema describes, links
// are only http(s)/mailto, and no export carries any of it as live markup: the briefing's HTML and
// Markdown (rendered by a permissive Markdown viewer) have no script, no event handler, no
// javascript: URL, no frame or object; GraphML stays GraphML; CSV cells cannot start a formula.
// (tests/e2e/hostile-input.spec.ts shows the same corpus to Chromium.)
import { parse as parseCsv } from 'csv-parse/sync';
import { JSDOM } from 'jsdom';
import JSZip from 'jszip';
import MarkdownIt from 'markdown-it';
import { DOMSerializer, Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { articleSchema, safeHref } from '../../shared/schema';
import { briefingSchema as bs } from '../../shared/schema/briefing';
import { asPage, payloads } from '../fixtures/xss/payloads';
import { fileInput, paste, tempLibrary } from '../unit/helpers';
import { snapshotOf } from '../../renderer/editor/briefing/commands';
import { callOk } from './support';

const DANGEROUS_ELEMENTS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'form', 'input', 'button', 'textarea', 'select', 'svg', 'math', 'template', 'link', 'portal', 'noscript', 'xmp', 'marquee', 'audio', 'video', 'source', 'picture', 'img']);
const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcset', 'poster', 'background', 'cite', 'longdesc', 'ping'];

/** Everything live in an HTML document: what a browser would run or load. */
function liveMarkup(html: string, allowedElements: Set<string> = new Set()): string[] {
  const problems: string[] = [];
  const { document } = new JSDOM(html).window;
  for (const el of document.querySelectorAll('*')) {
    const name = el.localName;
    if (DANGEROUS_ELEMENTS.has(name) && !allowedElements.has(name)) problems.push(`<${name}>`);
    if (name === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') ?? '')) problems.push('<meta http-equiv=refresh>');
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) problems.push(`${name}[${attr.name}]`);
      // Browsers ignore control characters and spaces inside a URL's scheme.
      // eslint-disable-next-line no-control-regex
      const value = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (URL_ATTRS.includes(attr.name) && /^(javascript|vbscript|data:text\/html|data:image\/svg)/.test(value)) problems.push(`${name}[${attr.name}=${attr.value.slice(0, 40)}]`);
      // A link loads nothing until the reader clicks it (and Markdown renderers turn any URL in
      // plain text into one); every other URL attribute is fetched as soon as the page renders.
      const fetches = !(name === 'a' && attr.name === 'href');
      if (fetches && URL_ATTRS.includes(attr.name) && /^(https?:)?\/\/127\.0\.0\.1:9/.test(value)) problems.push(`${name}[${attr.name}] loads ${attr.value.slice(0, 40)}`);
      if (attr.name === 'style' && /expression\(|javascript:|url\(/i.test(attr.value)) problems.push(`${name}[style=${attr.value.slice(0, 40)}]`);
      if (attr.name === 'srcdoc') problems.push(`${name}[srcdoc]`);
    }
    if (name === 'style' && /javascript:|expression\(|@import|127\.0\.0\.1:9/i.test(el.textContent ?? '')) problems.push(`<style> ${el.textContent!.slice(0, 40)}`);
  }
  return problems;
}

/** Problems with a stored ProseMirror doc: anything the schema does not describe, any unsafe link. */
function docProblems(docJSON: unknown, schema = articleSchema): string[] {
  const problems: string[] = [];
  let doc: Node;
  try {
    doc = Node.fromJSON(schema, docJSON);
    doc.check();
  } catch (err) {
    return [`not a valid doc: ${(err as Error).message}`];
  }
  doc.descendants((node) => {
    for (const mark of node.marks) {
      if (mark.type.name === 'link' && !safeHref(mark.attrs.href as string)) problems.push(`link to ${String(mark.attrs.href)}`);
      if (mark.type.name === 'link' && /127\.0\.0\.1:9/.test(String(mark.attrs.href))) problems.push(`link to ${String(mark.attrs.href)}`);
    }
    for (const [k, v] of Object.entries(node.attrs)) if (typeof v === 'string' && /^\s*(javascript|vbscript|data):/i.test(v)) problems.push(`${node.type.name}.${k} = ${v}`);
    return true;
  });
  // The document as the reader would render it (toDOM), checked like any other HTML.
  const { document } = new JSDOM('').window;
  const fragment = DOMSerializer.fromSchema(schema).serializeFragment(doc.content, { document: document as unknown as Document });
  const div = document.createElement('div');
  div.appendChild(fragment as unknown as globalThis.Node);
  problems.push(...liveMarkup(div.outerHTML));
  return problems;
}

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s);

describe('the XSS corpus', () => {
  it(`${payloads.length} payloads imported as paste, .html, .md, .txt and whole pages store nothing live`, async () => {
    const { router } = await tempLibrary();
    const problems: string[] = [];
    let imported = 0;
    let refused = 0;
    for (const p of payloads) {
      const inputs = [
        ['paste', paste(`${p.html}\n\nThe envoy met the ministry (${p.id}).`)],
        ['paste-text', paste(`Reported (${p.id}) as text: ${p.html}`)],
        ['html', fileInput(`${p.id}.html`, `<p>Story ${p.id}.</p>${p.html}`)],
        ['page', fileInput(`${p.id}-page.html`, asPage(p))],
        ['md', fileInput(`${p.id}.md`, `# Story ${p.id}\n\n${p.html}\n\nMore on ${p.id}.`)],
        ['txt', fileInput(`${p.id}.txt`, `Story ${p.id}\n\n${p.html}`)],
      ] as const;
      for (const [how, input] of inputs) {
        const r = await callOk(router, 'articles.import', input);
        if (r.status === 'failed') {
          // A clear refusal is fine (e.g. nothing but markup, no text).
          expect(r.error, `${p.id} as ${how}`).toMatch(/\w/);
          refused++;
          continue;
        }
        imported++;
        const article = await callOk(router, 'articles.get', { id: r.id! });
        for (const problem of docProblems(article.doc)) problems.push(`${p.id} as ${how}: ${problem}`);
        if (article.url && !/^https?:\/\//i.test(article.url)) problems.push(`${p.id} as ${how}: url ${article.url}`);
      }
    }
    console.log(`[reliability] xss import: ${JSON.stringify({ payloads: payloads.length, imports: imported + refused, imported, refused })}`);
    expect(problems).toEqual([]);
  }, 120_000);

  it('as names, comments, tags and titles, they come out of every export as text, never as markup or formulas', async () => {
    const { router, services: s } = await tempLibrary();
    // One article per payload, its title and outlet hostile too.
    const article = await s.importer.import(paste(`The envoy met the ministry about export controls. ${'Officials said the talks would go on. '.repeat(20)}`, { title: clip(payloads[0]!.html, 2000), outlet: payloads[6]!.html }));
    const text = s.library.get(article.id!).text;
    const topic = await callOk(router, 'topics.create', { name: clip(`${payloads[1]!.html} topic`, 300), description: payloads[2]!.html });
    const annotations: { id: number }[] = [];
    let created = 0;
    for (const [i, p] of payloads.entries()) {
      const name = clip(`${p.html} #${i}`, 300);
      const actor = await callOk(router, 'actors.create', { name, aliases: [clip(`${p.id} ${p.html}`, 300)], notes: p.html, kind: 'person' });
      const position = await callOk(router, 'positions.create', { topicId: topic.id, claim: name, description: p.html });
      const start = (i * 13) % (text.length - 40);
      const a = await callOk(router, 'annotations.create', { articleId: article.id!, kind: 'quote', start, end: start + 25, speakerId: actor.id, positions: [{ positionId: position.id, stance: 'supports' }], comment: p.html, tags: [clip(p.html, 100)] });
      annotations.push(a);
      created += 3;
    }

    // CSV: every cell parses, and none can start a formula in a spreadsheet.
    for (const format of ['csv', 'network-csv'] as const) {
      const file = await callOk(router, 'quotes.export', { format });
      const rows = parseCsv(file.content.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
      expect(rows.length).toBeGreaterThan(1);
      const formulas = rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d/.test(cell));
      expect(formulas, `${format}: cells a spreadsheet would run`).toEqual([]);
    }
    // JSON-LD is JSON, and every string in it is a string.
    const jsonld = await callOk(router, 'quotes.export', { format: 'jsonld' });
    expect(() => JSON.parse(jsonld.content)).not.toThrow();
    // GraphML: well-formed XML with only GraphML's own elements.
    const graphml = await callOk(router, 'quotes.export', { format: 'graphml' });
    const xml = new JSDOM(graphml.content, { contentType: 'application/xml' }).window.document;
    expect(xml.getElementsByTagName('parsererror')).toHaveLength(0);
    const elements = new Set([...xml.querySelectorAll('*')].map((e) => e.localName));
    expect([...elements].filter((e) => !['graphml', 'key', 'default', 'graph', 'node', 'edge', 'data', 'desc'].includes(e))).toEqual([]);
    expect([...xml.querySelectorAll('*')].filter((e) => e.namespaceURI !== 'http://graphml.graphdrawing.org/xmlns').map((e) => e.localName)).toEqual([]);

    // A briefing made of the corpus: hostile title, classification, author, paragraphs, quotes,
    // actor mentions, citations, a stance table and links.
    const quotes = s.quotes.list({});
    const b = await callOk(router, 'briefings.create', { title: clip(payloads[3]!.html, 2000), classification: payloads[4]!.html, author: payloads[5]!.html });
    const content: Node[] = [bs.node('heading', { level: 1 }, bs.text(payloads[7]!.html))];
    for (const [i, p] of payloads.entries()) {
      const q = quotes.find((x) => x.id === annotations[i]!.id)!;
      content.push(bs.node('paragraph', null, [bs.text(`${p.html} `), bs.node('actor', { actorId: q.speaker!.id, name: q.speaker!.name }), bs.node('cite', { articleId: article.id!, title: p.html }), bs.text(' link', [bs.mark('link', { href: `https://example.com/?q=${encodeURIComponent(p.html)}` })])]));
      content.push(bs.node('quote', snapshotOf(q)));
    }
    content.push(bs.node('stance_table', { topicId: topic.id, topic: topic.name }));
    await callOk(router, 'briefings.save', { id: b.id, doc: bs.node('doc', null, content).toJSON() as Record<string, unknown> });

    const exported = await callOk(router, 'briefings.export', { id: b.id, format: 'html' });
    const html = Buffer.from(exported.base64, 'base64').toString('utf8');
    expect(html).toContain('window.__xss'); // the text is there, as text
    expect(liveMarkup(html)).toEqual([]);
    expect(html).not.toMatch(/<script/i);

    const docx = await callOk(router, 'briefings.export', { id: b.id, format: 'docx' });
    const zip = await JSZip.loadAsync(Buffer.from(docx.base64, 'base64'));
    const rels = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
    const targets = [...rels.matchAll(/Target="([^"]*)"[^>]*TargetMode="External"/g)].map((m) => m[1]!);
    expect(targets.filter((t) => !/^(https?:|mailto:)/i.test(t.replaceAll('&amp;', '&')))).toEqual([]);
    const documentXml = await zip.file('word/document.xml')!.async('string');
    expect(new JSDOM(documentXml, { contentType: 'application/xml' }).window.document.getElementsByTagName('parsererror')).toHaveLength(0);

    // Markdown last: opened in a viewer that allows inline HTML (many do), nothing may come alive.
    const md = await callOk(router, 'briefings.export', { id: b.id, format: 'md' });
    const rendered = new MarkdownIt({ html: true, linkify: true }).render(Buffer.from(md.base64, 'base64').toString('utf8'));
    expect(liveMarkup(rendered), 'the Markdown export carries live HTML').toEqual([]);
    console.log(`[reliability] xss exports: ${JSON.stringify({ payloads: payloads.length, codebookRows: created, exports: ['csv', 'network-csv', 'jsonld', 'graphml', 'html', 'md', 'docx'] })}`);
  }, 120_000);
});
