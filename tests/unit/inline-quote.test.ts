// Inline quotes: a coded quote's words inside a sentence. Stored through the contract like any
// node, numbered and listed in the Sources like block quotes, and printed in every export format
// with typographic quotation marks and a citation number.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import JSZip from 'jszip';
import { DOMParser as PMDOMParser, DOMSerializer, type Node } from 'prosemirror-model';
import { briefingSchema as s, briefingText } from '../../shared/schema/briefing';
import { citationOrder } from '../../shared/schema/citations';
import { citedSources, renderBriefingHtml, sourceText } from '../../shared/render';
import { snapshotOf, defaultQuoteForm } from '../../renderer/editor/briefing/commands';
import { briefingMarkdown } from '../../main/services/export/markdown';
import { briefingDocx } from '../../main/services/export/docx';
import { codedLibrary, QUOTE, SELLOFF } from './coding-helpers';

async function briefingWithInlineQuotes() {
  const c = await codedLibrary();
  const rows = c.services.quotes.list({ articleId: c.articleId });
  const kim = rows.find((q) => q.id === c.q1.id)!;
  const takizaki = rows.find((q) => q.id === c.q2.id)!;
  const doc: Node = s.node('doc', null, [
    s.node('paragraph', null, [
      s.text('Seoul urged Tokyo '),
      s.nodes.inline_quote!.create(snapshotOf(kim)),
      s.text(' and Tokyo said '),
      s.nodes.inline_quote!.create(snapshotOf(takizaki)),
      s.nodes.cite!.create({ articleId: c.articleId, title: 'Kyodo' }),
      s.text('.'),
    ]),
    s.nodes.quote!.create(snapshotOf(kim)),
  ]);
  return { c, doc, kim };
}

describe('inline quotes', () => {
  it('a short fragment defaults to inline; a long or multi-paragraph quote to a block', () => {
    expect(defaultQuoteForm('completely and finally')).toBe('inline');
    expect(defaultQuoteForm(QUOTE)).toBe('inline');
    expect(defaultQuoteForm('x'.repeat(121))).toBe('block');
    expect(defaultQuoteForm('One paragraph.\n\nAnother.')).toBe('block');
  });

  it('are saved through the contract, read back as they were, and count in the text and the citation numbers', async () => {
    const { c, doc } = await briefingWithInlineQuotes();
    const created = await c.router('briefings.create', {});
    expect(created.ok).toBe(true);
    const id = (created as { value: { id: number; version: number } }).value.id;
    const saved = await c.router('briefings.save', { id, doc: doc.toJSON() });
    expect(saved).toMatchObject({ ok: true });
    const back = c.services.briefings.get(id);
    // As they were, and naming their annotation and article by uid too (the store fills them in).
    const uid = (table: string, rowId: number) => c.lib.db.prepare<[number], { uid: string }>(`SELECT uid FROM ${table} WHERE id = ?`).get(rowId)!.uid;
    type Json = { type: string; attrs?: Record<string, unknown>; content?: Json[] };
    const expected = doc.toJSON() as Json;
    const fill = (n: Json) => {
      if (n.type === 'inline_quote' || n.type === 'quote') Object.assign(n.attrs!, { annotationUid: uid('annotations', n.attrs!.annotationId as number), articleUid: uid('articles', n.attrs!.articleId as number) });
      if (n.type === 'cite') n.attrs!.articleUid = uid('articles', n.attrs!.articleId as number);
      n.content?.forEach(fill);
    };
    fill(expected);
    expect(back.doc).toEqual(expected);
    expect(briefingText(doc)).toContain(`Seoul urged Tokyo “${QUOTE}” and Tokyo said`);
    // One article, whatever quotes it: the inline quotes and the block quote share number 1.
    expect([...citationOrder(doc)]).toEqual([[c.articleId, 1]]);
    // A javascript: source URL is refused on an inline quote as on a block quote.
    const bad = doc.toJSON() as { content: { content: { attrs?: Record<string, unknown> }[] }[] };
    bad.content[0]!.content[1]!.attrs!.url = 'javascript:alert(1)';
    expect(await c.router('briefings.save', { id, doc: bad })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('survive copy and paste between briefings (the DOM and back)', async () => {
    const { doc } = await briefingWithInlineQuotes();
    const { window } = new JSDOM('<body></body>');
    const div = window.document.createElement('div');
    div.appendChild(DOMSerializer.fromSchema(s).serializeFragment(doc.content, { document: window.document }));
    expect(PMDOMParser.fromSchema(s).parse(div).toJSON()).toEqual(doc.toJSON());
  });

  it('name their speakers in the Sources, once each', async () => {
    const { c, doc } = await briefingWithInlineQuotes();
    const [src] = citedSources(doc);
    expect(src!.speakers).toEqual(['Kim Jung Han, Director-General, South Korean Foreign Ministry', 'Shigeki Takizaki']);
    expect(sourceText(src!)).toContain('Quoted: Kim Jung Han, Director-General, South Korean Foreign Ministry; Shigeki Takizaki.');
    expect(c.articleId).toBe(src!.articleId);
  });

  it('print in HTML/PDF as words in quotation marks with the number, the speaker on hover; a paraphrase without marks', async () => {
    const { doc } = await briefingWithInlineQuotes();
    const html = renderBriefingHtml({ title: 'T', classification: '', author: '', date: null, status: 'draft', doc: doc.toJSON() });
    const d = new JSDOM(html).window.document;
    const p = d.querySelector('main p')!;
    expect(p.textContent).toBe(`Seoul urged Tokyo “${QUOTE}”1 and Tokyo said ${SELLOFF}1,1.`);
    const spans = [...p.querySelectorAll('.inline-quote')];
    expect(spans.map((e) => e.getAttribute('title'))).toEqual(['Kim Jung Han, Director-General, South Korean Foreign Ministry', 'Shigeki Takizaki']);
    expect(spans[1]!.classList.contains('paraphrase')).toBe(true);
    expect(d.querySelector('#sources li')!.textContent).toContain('Quoted: Kim Jung Han');
  });

  it('export to Markdown as “words”[^n] with the speakers in the footnote', async () => {
    const { doc } = await briefingWithInlineQuotes();
    const md = briefingMarkdown({ title: 'T', classification: '', author: '', date: null, status: 'draft', doc: doc.toJSON() });
    expect(md).toContain(`Seoul urged Tokyo “${QUOTE}”[^1] and Tokyo said ${SELLOFF}[^1][^1].`);
    expect(md).toMatch(/^\[\^1\]: .*Quoted: Kim Jung Han, Director-General, South Korean Foreign Ministry; Shigeki Takizaki\./m);
  });

  it('export to Word as a run in the sentence with a footnote naming the speaker', async () => {
    const { doc } = await briefingWithInlineQuotes();
    const zip = await JSZip.loadAsync(await briefingDocx({ title: 'T', classification: '', author: '', date: null, status: 'draft', doc: doc.toJSON() }));
    const xml = await zip.file('word/document.xml')!.async('string');
    const first = [...new JSDOM(xml, { contentType: 'text/xml' }).window.document.getElementsByTagName('w:p')].find((p) => p.textContent?.startsWith('Seoul'))!;
    expect([...first.getElementsByTagName('w:t')].map((t) => t.textContent).join('')).toBe(`Seoul urged Tokyo “${QUOTE}” and Tokyo said ${SELLOFF}.`);
    expect(first.getElementsByTagName('w:footnoteReference')).toHaveLength(3);
    const notes = await zip.file('word/footnotes.xml')!.async('string');
    expect(notes).toContain('Kim Jung Han, Director-General, South Korean Foreign Ministry, quoted in:');
    expect(notes).toContain('Shigeki Takizaki, quoted in:');
  });
});
