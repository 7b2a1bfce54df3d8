// Paste into a briefing: Word, Google Docs and web pages keep their structure; what the briefing
// schema does not allow, and anything that could run, is dropped.
import { describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import { DOMParser as PMDOMParser, type Fragment } from 'prosemirror-model';
import { briefingSchema } from '../../shared/schema/briefing';
import { cleanPastedHtml } from '../../renderer/editor/briefing/paste';

function paste(html: string) {
  const dom = new JSDOM(`<body>${cleanPastedHtml(html)}</body>`);
  const doc = PMDOMParser.fromSchema(briefingSchema).parse(dom.window.document.body);
  doc.check();
  return { doc, json: JSON.stringify(doc.toJSON()), text: doc.textBetween(0, doc.content.size, '\n') };
}

const types = (json: string) => new Set([...json.matchAll(/"type":"(\w+)"/g)].map((m) => m[1]));

// Word's lists are rebuilt with the DOMParser the renderer gets from Chromium; here jsdom's stands in.
vi.stubGlobal('DOMParser', new JSDOM('').window.DOMParser);

/** The document as an indented outline: blocks with their text, list items as "- text" under their list. */
function outline(content: Fragment, indent = ''): string[] {
  const lines: string[] = [];
  content.forEach((node) => {
    const name = node.type.name;
    if (name === 'list_item') {
      const first = node.child(0);
      lines.push(`${indent}- ${first.textContent}`, ...outline(node.content.cut(first.nodeSize), `${indent}  `));
    } else if (name === 'bullet_list' || name === 'ordered_list') {
      const from = (node.attrs.order as number | undefined) ?? 1;
      lines.push(`${indent}${name}${from > 1 ? ` from ${from}` : ''}`, ...outline(node.content, `${indent}  `));
    } else lines.push(`${indent}${name}: ${node.textContent}`);
  });
  return lines;
}

// Word list paragraphs as Word writes them to the clipboard: the list id and depth in the style,
// the typed marker in an `mso-list:Ignore` span inside a downlevel-revealed conditional.
const WORD_HEAD = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta name=Generator content="Microsoft Word 15">
<style><!--
 @list l0:level1 {mso-level-number-format:bullet; mso-level-text:\\F0B7; font-family:Symbol;}
 @list l1:level1 {mso-level-tab-stop:none; mso-level-number-position:left;}
--></style></head><body lang=EN-GB style='tab-interval:36.0pt'><!--StartFragment--><div class=WordSection1>`;
const WORD_TAIL = `</div><!--EndFragment--></body></html>`;
const FONT_7PT = `<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span>`;
const wordItem = (cls: string, list: string, level: number, marker: string, font: string, text: string) =>
  `<p class=MsoListParagraph${cls} style='margin-left:${level * 36}.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:${list}
level${level} lfo${list.slice(1)}'><![if !supportLists]><span style='${font}'><span style='mso-list:Ignore'>${marker}${FONT_7PT}</span></span><![endif]>${text}<o:p></o:p></p>
`;
const SYMBOL = 'font-family:Symbol;mso-fareast-font-family:Symbol';
const COURIER = 'font-family:"Courier New";mso-fareast-font-family:"Courier New"';
const WINGDINGS = 'font-family:Wingdings;mso-fareast-font-family:Wingdings';
const CALIBRI = 'mso-bidi-font-family:Calibri;mso-bidi-theme-font:minor-latin';
const wordNormal = (text: string) => `<p class=MsoNormal>${text}<o:p></o:p></p>
`;

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
    // The app's CSP blocks inline styles in every document the page makes (DOMParser's too), so a
    // style attribute can neither be read through element.style nor be let through: its meaning
    // must already be tags, and no style attribute may reach ProseMirror's parser.
    const cleaned = cleanPastedHtml(gdocs);
    expect(cleaned).not.toMatch(/\sstyle\s*=/i);
    expect(cleaned).not.toMatch(/<b[\s>]/i);
    expect(cleaned).toContain('<strong>Key</strong>');
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

  it('Word: a bulleted list keeps its nesting; the typed "·", "o" and "§" markers go', () => {
    const word = `${WORD_HEAD}
<p class=MsoNormal>Key points:<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:Symbol'><span
style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><b>Bottom line:</b> talks
resume<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-add-space:auto;
text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span
style='font-family:"Courier New";mso-fareast-font-family:"Courier New"'><span
style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;
</span></span></span><![endif]>Seoul wants an apology<o:p></o:p></p>
${wordItem('CxSpMiddle', 'l0', 3, '§', WINGDINGS, 'Stated on 3 March')}
${wordItem('CxSpMiddle', 'l0', 2, 'o', COURIER, 'Tokyo offers a fund')}
${wordItem('CxSpLast', 'l0', 1, '·', SYMBOL, 'Next round in April')}
<p class=MsoNormal>After the list.<o:p></o:p></p>
${WORD_TAIL}`;
    const { doc, json, text } = paste(word);
    expect(outline(doc.content)).toEqual([
      'paragraph: Key points:',
      'bullet_list',
      '  - Bottom line: talks resume',
      '    bullet_list',
      '      - Seoul wants an apology',
      '        bullet_list',
      '          - Stated on 3 March',
      '      - Tokyo offers a fund',
      '  - Next round in April',
      'paragraph: After the list.',
    ]);
    expect(doc.child(1).child(0).child(0).child(0).marks.map((m) => m.type.name)).toEqual(['strong']);
    expect(text).not.toMatch(/[·§\u00a0]|\[if|endif/);
    expect(json).not.toMatch(/mso|supportLists|Ignore/i);
  });

  it('Word: a marker typed outside the mso-list:Ignore span, and the padding after it, do not stay in the item (no double bullets)', () => {
    const nbsp = '&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;';
    const word = `${WORD_HEAD}
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><span style='${SYMBOL}'>·</span><span style='font:7.0pt "Times New Roman"'>${nbsp} </span>Seoul wants an apology<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='${SYMBOL}'><span style='mso-list:Ignore'>·</span></span><![endif]><span style='font:7.0pt "Times New Roman"'>${nbsp}</span>Tokyo&nbsp;offers a fund<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><span style='${COURIER}'>o</span>${nbsp}one more point<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><span>2.</span>${nbsp}second<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><span>3.</span>${nbsp}third<o:p></o:p></p>
${WORD_TAIL}`;
    const { doc, text } = paste(word);
    expect(outline(doc.content)).toEqual([
      'bullet_list',
      '  - Seoul wants an apology',
      '  - Tokyo\u00a0offers a fund',
      '  - one more point',
      'ordered_list from 2',
      '  - second',
      '  - third',
    ]);
    expect(text).not.toMatch(/·/);
  });

  it('Word: a numbered list with 1. / a. / i. levels becomes nested ordered lists', () => {
    const word = `${WORD_HEAD}
${wordItem('CxSpFirst', 'l1', 1, '1.', CALIBRI, 'Talks resume in March')}
${wordItem('CxSpMiddle', 'l1', 2, 'a.', CALIBRI, 'Agenda agreed')}
${wordItem('CxSpMiddle', 'l1', 3, 'i.', CALIBRI, 'Fund first')}
${wordItem('CxSpMiddle', 'l1', 2, 'b.', CALIBRI, 'Venue open')}
${wordItem('CxSpLast', 'l1', 1, '2.', CALIBRI, 'Sanctions stay')}
${WORD_TAIL}`;
    const { doc, text } = paste(word);
    expect(outline(doc.content)).toEqual([
      'ordered_list',
      '  - Talks resume in March',
      '    ordered_list',
      '      - Agenda agreed',
      '        ordered_list',
      '          - Fund first',
      '      - Venue open',
      '  - Sanctions stay',
    ]);
    expect(text).not.toMatch(/\b(1|2|a|b|i)\./);
  });

  it('Word: a normal paragraph or a new list id ends a list; a list Word numbers on from 3. starts at 3', () => {
    const word = `${WORD_HEAD}
${wordItem('CxSpFirst', 'l0', 1, '·', SYMBOL, 'Bullet one')}
${wordItem('CxSpLast', 'l0', 1, '·', SYMBOL, 'Bullet two')}
${wordNormal('Between the lists.')}
${wordItem('CxSpFirst', 'l1', 1, '1.', CALIBRI, 'Step one')}
${wordItem('CxSpLast', 'l1', 1, '2.', CALIBRI, 'Step two')}
${wordItem('CxSpFirst', 'l2', 1, '-', 'font-family:Calibri', 'Dash right after')}
${wordNormal('A pause.')}
${wordItem('', 'l1', 1, '3.', CALIBRI, 'Step three')}
${WORD_TAIL}`;
    const { doc } = paste(word);
    expect(outline(doc.content)).toEqual([
      'bullet_list',
      '  - Bullet one',
      '  - Bullet two',
      'paragraph: Between the lists.',
      'ordered_list',
      '  - Step one',
      '  - Step two',
      'bullet_list',
      '  - Dash right after',
      'paragraph: A pause.',
      'ordered_list from 3',
      '  - Step three',
    ]);
  });

  it('Word: a one-item list (class MsoListParagraph alone) is still a list', () => {
    const word = `${WORD_HEAD}
${wordNormal('Before.')}
<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:Symbol'><span
style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]>The only point<o:p></o:p></p>
${wordNormal('After.')}
${WORD_TAIL}`;
    expect(outline(paste(word).doc.content)).toEqual(['paragraph: Before.', 'bullet_list', '  - The only point', 'paragraph: After.']);
  });

  it('Google Docs: nested lists (a <ul> beside its parent <li>, as Docs writes them) keep their nesting', () => {
    const gdocs = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-2"><ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;">
      <li dir="ltr" style="list-style-type:disc;" aria-level="1"><p dir="ltr" role="presentation"><span>One</span></p></li>
      <ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:circle;" aria-level="2"><p dir="ltr" role="presentation"><span>One-a</span></p></li></ul>
      <li dir="ltr" style="list-style-type:disc;" aria-level="1"><p dir="ltr" role="presentation"><span>Two</span></p></li></ul>
      <ol><li><p>Numbered</p></li></ol></b>`;
    expect(outline(paste(gdocs).doc.content)).toEqual(['bullet_list', '  - One', '    bullet_list', '      - One-a', '  - Two', 'ordered_list', '  - Numbered']);
  });
});
