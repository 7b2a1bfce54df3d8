// Paste into a briefing: Word, Google Docs and web pages keep their structure; what the briefing
// schema does not allow, and anything that could run, is dropped.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { DOMParser as PMDOMParser } from 'prosemirror-model';
import { briefingSchema } from '../../shared/schema/briefing';
import { cleanPastedHtml } from '../../renderer/editor/briefing/paste';

function paste(html: string) {
  const dom = new JSDOM(`<body>${cleanPastedHtml(html)}</body>`);
  const doc = PMDOMParser.fromSchema(briefingSchema).parse(dom.window.document.body);
  doc.check();
  return { doc, json: JSON.stringify(doc.toJSON()), text: doc.textBetween(0, doc.content.size, '\n') };
}

const types = (json: string) => new Set([...json.matchAll(/"type":"(\w+)"/g)].map((m) => m[1]));

describe('pasting into a briefing', () => {
  it('Word: headings, bold, lists and tables survive; Office markup does not', () => {
    const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style><!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]--></head>
      <body><h1 class=MsoTitle>Outlook<o:p></o:p></h1>
      <p class=MsoNormal><b><span style='font-family:Calibri'>Bottom line:</span></b> talks resume.<o:p></o:p></p>
      <ul><li class=MsoListParagraph>First point</li><li>Second point</li></ul>
      <table class=MsoTableGrid><tr><td><p>Actor</p></td><td><p>Stance</p></td></tr><tr><td><p>Kim</p></td><td><p>supports</p></td></tr></table></body></html>`;
    const { json, text } = paste(word);
    expect(types(json)).toEqual(new Set(['doc', 'heading', 'text', 'paragraph', 'strong', 'bullet_list', 'list_item', 'table', 'table_row', 'table_cell']));
    expect(text).toContain('Bottom line:');
    expect(json).not.toMatch(/o:p|mso|Calibri|OfficeDocumentSettings/i);
  });

  it('Google Docs: the outer <b style="font-weight:normal"> does not make everything bold; real bold and italics stay', () => {
    const gdocs = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr"><span style="font-weight:700">Key</span><span style="font-weight:400"> judgement with </span><span style="font-style:italic">nuance</span></p></b>`;
    const { doc } = paste(gdocs);
    const para = doc.child(0);
    expect(para.child(0).marks.map((m) => m.type.name)).toEqual(['strong']);
    expect(para.child(1).marks).toEqual([]);
    expect(para.child(2).marks.map((m) => m.type.name)).toEqual(['em']);
  });

  it('a web page: links kept only when http(s)/mailto, no scripts, frames, forms or images', () => {
    const web = `<article><h2>Trade row</h2><p>Read <a href="https://example.com/story">the story</a> or <a href="javascript:alert(1)">this</a>.</p>
      <script>alert(1)</script><iframe src="https://evil.example"></iframe><img src=x onerror=alert(1)>
      <form><input value=secret></form><p onclick="alert(1)" style="color:red">Styled</p>
      <svg><script>alert(2)</script></svg><blockquote><p>A quoted line</p></blockquote><hr></article>`;
    const { json, text } = paste(web);
    expect(json).toContain('https://example.com/story');
    expect(json).not.toMatch(/javascript|alert|evil\.example|onerror|onclick|secret|color:red/);
    expect(types(json)).toEqual(new Set(['doc', 'heading', 'text', 'paragraph', 'link', 'blockquote', 'horizontal_rule']));
    expect(text).toContain('Styled');
  });

  it('embedded Verbatim nodes copied between briefings keep their attributes, with safe URLs only', () => {
    const html = `<figure data-quote-id="3" data-article-id="1" data-kind="quote" data-speaker="Kim Jung Han" data-title="Japan urges" data-url="javascript:alert(1)"><blockquote>to show more sincerity</blockquote><figcaption>Kim</figcaption></figure>
      <p>Ask <span data-actor-id="2">Kim Jung Han</span> <sup data-cite="1" data-title="Japan urges">[1]</sup></p>`;
    const { doc } = paste(html);
    expect(doc.child(0).type.name).toBe('quote');
    expect(doc.child(0).attrs).toMatchObject({ annotationId: 3, articleId: 1, speaker: 'Kim Jung Han', text: 'to show more sincerity', url: null });
    const inline = doc.child(1);
    expect(inline.child(1).type.name).toBe('actor');
    expect(inline.child(3).type.name).toBe('cite');
  });
});
