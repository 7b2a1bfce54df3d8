// The export renderers, checked by structure rather than pixels: the HTML parsed with jsdom, the
// Markdown tokenised by markdown-it, the Word file unzipped and its XML read.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import JSZip from 'jszip';
import MarkdownIt from 'markdown-it';
import { articleSchema } from '../../shared/schema/article';
import { projectText } from '../../shared/schema/text';
import { briefingSchema as s } from '../../shared/schema/briefing';
import {
  briefingPageTemplates,
  fileSlug,
  formatDate,
  pageFooterTemplate,
  renderArticleHtml,
  renderBriefingHtml,
  sourceText,
  stanceCell,
  type AnnotationForRender,
} from '../../shared/render';
import { briefingMarkdown } from '../../main/services/export/markdown';
import { briefingDocx } from '../../main/services/export/docx';
import { isCompletePdf } from '../../main/services/export/pdf-metadata';
import { chromiumCandidates, findChromium } from '../../main/web/chromium-printer';
import { AUTHOR, CLASSIFICATION, exportLibrary, KOREAN, SECOND_TITLE, TITLE } from './export-fixture';
import { QUOTE } from './coding-helpers';

const dom = (html: string) => new JSDOM(html).window.document;
const texts = (els: Iterable<Element>) => [...els].map((e) => e.textContent?.replace(/\s+/g, ' ').trim());
/** The exact text of the pieces, untrimmed: what a run of highlights spells out. */
const raw = (els: Iterable<Element>) => [...els].map((e) => e.textContent ?? '');

async function rendered(target: 'print' | 'file' = 'print') {
  const c = await exportLibrary(3);
  const briefing = c.services.briefings.get(c.briefingId);
  const ctx = c.services.exporter.context(briefing);
  return { c, briefing, ctx, doc: dom(renderBriefingHtml(briefing, { ...ctx, target })) };
}

describe('briefing HTML', () => {
  it('is a standalone page: inline styles, no scripts, nothing to load', async () => {
    const { doc } = await rendered();
    expect(doc.doctype?.name).toBe('html');
    expect(doc.documentElement.lang).toBe('en');
    expect(doc.title).toBe(TITLE);
    expect(doc.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/);
    expect(doc.querySelector('meta[name=author]')?.getAttribute('content')).toBe(AUTHOR);
    expect(doc.querySelectorAll('script, link, iframe, object, embed, img, [src], [style*="url("]')).toHaveLength(0);
    const css = doc.querySelector('style')!.textContent!;
    expect(css).toContain('break-after: avoid');
    expect(css).toContain('page-break-after: avoid');
    expect(css).toMatch(/thead \{ display: table-header-group; \}/);
    expect(css).toMatch(/"Noto Serif".*"Noto Serif CJK KR".*"Noto Serif CJK JP"/);
    expect(css).not.toMatch(/@import|url\(/);
  });

  it('renders the title block, every node type and the endnotes', async () => {
    const { doc, c } = await rendered();
    // Title block
    expect(doc.querySelector('header.doc-header h1')?.textContent).toBe(TITLE);
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    const meta = doc.querySelector('.doc-meta')!;
    expect(meta.textContent).toContain(AUTHOR);
    expect(meta.querySelector('time')?.getAttribute('datetime')).toBe('2020-11-03');
    expect(meta.querySelector('time')?.textContent).toBe('3 November 2020');
    expect(meta.querySelector('.status')?.textContent).toBe('Draft');
    // The printers draw the classification in every page's margins, so the print page has no banner.
    expect(doc.querySelectorAll('.classification-banner')).toHaveLength(0);

    const main = doc.querySelector('main')!;
    // Headings sit one level below the title: 1 → h2, 2 → h3, 3 → h4.
    expect(texts(main.querySelectorAll('h2'))).toEqual(['BLUF', 'Key points', 'Background', 'Actors & positions', 'Outlook']);
    expect(texts(main.querySelectorAll('h3'))).toEqual(['Timeline']);
    expect(texts(main.querySelectorAll('h4'))).toEqual(['Who said what']);

    // Inline: actor, cites (numbered in document order, adjacent ones separated), marks, link.
    const bluf = main.querySelector('h2 + p')!;
    expect(bluf.querySelector('span.actor')?.textContent).toBe('Kim Jung Han');
    expect([...bluf.querySelectorAll('sup.cite a')].map((a) => a.getAttribute('href'))).toEqual(['#note-1', '#note-2', '#note-1']);
    expect(texts(bluf.querySelectorAll('sup.cite'))).toEqual(['1', '2', '1']);
    expect(bluf.querySelectorAll('sup.cite-sep')).toHaveLength(1);

    const list = main.querySelector('ul')!;
    expect(list.children).toHaveLength(3);
    const first = list.children[0]!;
    expect(first.querySelector('strong')?.textContent).toBe('Bold claim');
    expect(first.querySelector('em')?.textContent).toBe('emphasis');
    expect(first.querySelector('u')?.textContent).toBe('underlined');
    expect(first.querySelector('s')?.textContent).toBe('struck');
    expect(first.querySelector('mark')?.textContent).toBe('highlighted');
    expect(list.querySelector('a')?.getAttribute('href')).toBe('https://www.mofa.go.kr/');
    expect(list.children[1]!.querySelector('ul > li')?.textContent?.trim()).toBe('A nested point.');
    expect(list.children[2]!.textContent?.trim()).toBe(KOREAN);
    expect(main.querySelectorAll('ol > li')).toHaveLength(3);
    expect(main.querySelector('blockquote > p')?.textContent).toBe('A plain block quotation from a background paper.');
    expect(main.querySelectorAll('hr')).toHaveLength(1);
    expect(main.querySelector('p:last-child br')).not.toBeNull();

    // Quotes: set apart, with speaker, affiliation and a citation linking to the endnote.
    const [kim, takizaki] = [...main.querySelectorAll('figure.quote')];
    expect(kim!.querySelector('blockquote')?.textContent).toBe(`“${QUOTE}”`);
    expect(kim!.querySelector('.speaker')?.textContent).toBe('Kim Jung Han');
    expect(kim!.querySelector('.affiliation')?.textContent).toBe('Director-General, South Korean Foreign Ministry');
    expect(kim!.querySelector('figcaption sup.cite a')?.getAttribute('href')).toBe('#note-1');
    expect(takizaki!.classList.contains('paraphrase')).toBe(true);
    expect(takizaki!.querySelector('figcaption')?.textContent).toContain('(paraphrased)');

    // The stance table comes from the live matrix.
    const stance = main.querySelector('figure.stance-table')!;
    expect(stance.querySelector('figcaption')?.textContent).toBe(`Actors & positions: ${c.topic.name}`);
    expect(texts(stance.querySelectorAll('thead th[scope=col]'))).toEqual(['Actor', c.sincerity.claim, c.noSale.claim]);
    const rows = [...stance.querySelectorAll('tbody tr')].map((tr) => texts(tr.children));
    expect(rows).toEqual([
      ['Kim Jung Han', 'Supports', 'Opposes'],
      ['Shigeki Takizaki', '—', 'Supports'],
    ]);
    expect(stance.querySelector('td.st-opposes')?.textContent).toBe('Opposes');

    // The document's own table: the header row repeats (thead), spans survive.
    const table = main.querySelector(':scope > table')!;
    expect(texts(table.querySelectorAll('thead tr th[scope=col]'))).toEqual(['Actor', 'Statement', 'Date']);
    expect(table.querySelectorAll('tbody tr')).toHaveLength(3);
    expect(table.querySelector('td[colspan="2"]')?.textContent?.trim()).toBe('Both');

    // Endnotes: each cited article once, in citation order, with ids the links point to.
    const notes = doc.querySelector('section.endnotes')!;
    expect(notes.querySelector('h2')?.textContent).toBe('Sources');
    const items = [...notes.querySelectorAll('ol > li')];
    expect(items.map((li) => li.id)).toEqual(['note-1', 'note-2']);
    expect(items[0]!.querySelector('.outlet')?.textContent).toBe('Kyodo News');
    expect(items[0]!.textContent).toContain('29 October 2020');
    expect(items[0]!.querySelector('a.url')?.getAttribute('href')).toBe('https://english.kyodonews.net/x');
    expect(items[1]!.textContent).toBe(`Lee Min-ji. “${SECOND_TITLE}.” Yonhap, 2 November 2020. https://en.yna.co.kr/view/example`);
    for (const a of doc.querySelectorAll('a[href^="#"]')) expect(doc.getElementById(a.getAttribute('href')!.slice(1)), a.outerHTML).not.toBeNull();
  });

  it('as a file it carries the classification at top and bottom and its own @page', async () => {
    const { doc } = await rendered('file');
    expect(texts(doc.querySelectorAll('.classification-banner'))).toEqual([CLASSIFICATION, CLASSIFICATION]);
    expect(doc.querySelector('style')!.textContent).toMatch(/@page \{ size: A4; margin: 22mm 20mm 20mm 20mm; \}/);
  });

  it('escapes everything: no text can become markup', () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
    // A briefing cannot even hold a javascript: link or source URL (a stored one is repaired on reading).
    expect(() => s.mark('link', { href: 'javascript:alert(3)' })).toThrow(/A link must be an http, https or mailto address/);
    expect(() => s.node('quote', { annotationId: 1, articleId: 7, text: evil, url: 'javascript:alert(4)' })).toThrow(/source URL/);
    const doc = s.node('doc', null, [
      s.node('heading', { level: 1 }, s.text(evil)),
      s.node('paragraph', null, [s.text(evil), s.node('actor', { actorId: 1, name: evil }), s.text('link')]),
      s.node('quote', { annotationId: 1, articleId: 7, kind: 'quote', text: evil, speaker: evil, affiliation: evil, outlet: evil, title: evil, author: evil, publishedAt: evil, url: null }),
      s.node('stance_table', { topicId: 9, topic: evil }),
    ]);
    const html = renderBriefingHtml({ title: evil, classification: evil, author: evil, date: null, status: 'final', doc: doc.toJSON() }, { target: 'file' });
    const d = dom(html);
    expect(d.querySelectorAll('script, img, [onerror]')).toHaveLength(0);
    expect(d.title).toBe(evil);
    expect(d.querySelector('h1')?.textContent).toBe(evil);
    expect(d.querySelector('main h2')?.textContent).toBe(evil);
    expect(d.querySelector('.classification-banner')?.textContent).toBe(evil);
    expect(d.querySelectorAll('a[href^="javascript"], [cite^="javascript"]')).toHaveLength(0);
    expect(d.querySelector('main p a')).toBeNull();
    expect(d.querySelector('.stance-table .stance-empty')?.textContent).toContain('no longer in the codebook');
    expect(d.querySelector('.status')?.textContent).toBe('Final');
    // The page templates for the printers escape too.
    const { headerHtml, footerHtml } = briefingPageTemplates({ classification: evil, title: evil });
    expect(headerHtml + footerHtml).not.toContain('<script');
    expect(footerHtml).toContain('<span class="pageNumber"></span> of <span class="totalPages"></span>');
  });

  it('keeps empty paragraphs as blank lines and honours list start numbers', () => {
    const doc = s.node('doc', null, [s.node('paragraph'), s.node('ordered_list', { order: 4 }, [s.node('list_item', null, [s.node('paragraph', null, s.text('four'))])])]);
    const d = dom(renderBriefingHtml({ title: 'T', classification: '', author: '', date: null, status: 'draft', doc: doc.toJSON() }));
    expect(d.querySelector('main p.empty')).not.toBeNull();
    expect(d.querySelector('ol')?.getAttribute('start')).toBe('4');
    expect(d.querySelector('.doc-meta')?.textContent).toBe('Draft');
    expect(d.querySelector('section.endnotes')).toBeNull();
  });
});

describe('article HTML ("print my coding")', () => {
  it('highlights and numbers every annotation in reading order, with a note for each', async () => {
    const c = await exportLibrary(1);
    const article = c.services.library.get(c.articleId);
    const annotations = c.services.annotations.list(c.articleId);
    const d = dom(
      renderArticleHtml(article, annotations, {
        actors: new Map(c.services.codebook.listActors().map((a) => [a.id, { name: a.name, affiliation: a.affiliations.map((f) => `${f.role}, ${f.organizationName}`).join('; ') || null }])),
        positions: new Map(c.services.codebook.listTopics().flatMap((t) => t.positions.map((p) => [p.id, { claim: p.claim, topic: t.name }] as const))),
      }),
    );
    expect(d.querySelector('h1')?.textContent).toBe(article.title);
    expect(d.querySelector('.doc-kind')?.textContent).toBe('Annotated article · 3 annotations');
    const byStart = [...annotations].sort((a, b) => a.start - b.start);
    byStart.forEach((a, i) => {
      const n = i + 1;
      // The highlighted pieces of annotation n spell out exactly what it annotates.
      expect(raw(d.querySelectorAll(`mark.ann[data-ann~="${n}"]`)).join('')).toBe(a.exact);
      expect(d.querySelector(`sup.ann-ref#ann-ref-${n} a`)?.getAttribute('href')).toBe(`#ann-${n}`);
      expect(d.getElementById(`ann-${n}`)?.textContent).toContain(a.exact);
    });
    expect(texts(d.querySelectorAll('sup.ann-ref'))).toEqual(['1', '2', '3']);
    const kim = d.getElementById(`ann-${byStart.findIndex((a) => a.exact === QUOTE) + 1}`)!;
    expect(kim.querySelector('.who')?.textContent).toBe('Kim Jung Han');
    expect(kim.textContent).toContain('(Director-General, South Korean Foreign Ministry)');
    expect(kim.querySelector('.stance-supports')?.textContent).toBe('supports');
    expect(kim.textContent).toContain('Japan must show more sincerity on wartime labor (Wartime labor compensation)');
    expect(kim.querySelector('.comment')?.textContent).toBe('Kim presses Tokyo.');
    // A key to the colours, one per kind present; a paraphrase's note reads as the export prints it.
    expect(texts(d.querySelectorAll('p.legend .key'))).toEqual(['Quote', 'Paraphrase']);
    const takizaki = d.getElementById(`ann-${byStart.findIndex((a) => a.kind === 'paraphrase') + 1}`)!;
    expect(takizaki.querySelector('.exact')?.textContent).not.toMatch(/^“/);
    expect(takizaki.querySelector('.words-label')?.textContent).toBe('(paraphrased)');
    // Tags are printed with their annotation.
    const tagged = d.getElementById(`ann-${byStart.findIndex((a) => a.tags.includes('export controls')) + 1}`)!;
    expect(tagged.querySelector('.tags')?.textContent).toBe('#export controls');
    // The article's text is all there, in order.
    expect(d.querySelector('main')!.textContent!.replace(/\d+(?=\D|$)/g, '').replace(/\s+/g, ' ')).toContain('the ministry said.');
  });

  it('handles overlapping, nested and cross-paragraph annotations, and lists orphans last', () => {
    const doc = articleSchema.node('doc', null, [articleSchema.node('paragraph', null, articleSchema.text('Alpha beta gamma.')), articleSchema.node('paragraph', null, articleSchema.text('Delta epsilon.'))]);
    const text = projectText(doc);
    const ann = (id: number, phrase: string, extra: Partial<AnnotationForRender> = {}): AnnotationForRender => {
      const start = text.indexOf(phrase);
      return { id, start, end: start + phrase.length, exact: phrase, kind: 'quote', speakerId: null, positions: [], comment: null, orphaned: false, ...extra };
    };
    const annotations = [ann(1, 'beta gamma'), ann(2, 'Alpha beta'), ann(3, 'gamma.\n\nDelta'), ann(4, 'gone', { orphaned: true, start: 0, end: 0 }), ann(5, 'epsilon', { kind: 'note' })];
    const d = dom(renderArticleHtml({ title: 'A', outlet: null, author: null, publishedAt: null, url: null, doc: doc.toJSON() }, annotations));
    // Numbered by start: "Alpha beta"=1, "beta gamma"=2, "gamma.\n\nDelta"=3, "epsilon"=4, the orphan 5.
    expect(raw(d.querySelectorAll('mark[data-ann~="1"]')).join('')).toBe('Alpha beta');
    expect(raw(d.querySelectorAll('mark[data-ann~="2"]')).join('')).toBe('beta gamma');
    const across = [...d.querySelectorAll('mark[data-ann~="3"]')];
    expect(raw(across).join('')).toBe('gamma.Delta');
    expect(new Set(across.map((m) => m.closest('p'))).size).toBe(2);
    expect(d.querySelector('mark.overlap')?.textContent).toBe('beta');
    expect(d.querySelector('mark.k-note')?.textContent).toBe('epsilon');
    expect(texts(d.querySelectorAll('p.legend .key'))).toEqual(['Quote', 'Note', 'Overlapping']);
    expect(texts(d.querySelectorAll('section.endnotes li'))[4]).toContain('not found in the current text');
    expect(d.querySelectorAll('sup.ann-ref')).toHaveLength(4);
    expect(texts(d.querySelectorAll('main p')).map((t) => t!.replace(/\d/g, ''))).toEqual(['Alpha beta gamma.', 'Delta epsilon.']);
  });
});

describe('Markdown export', () => {
  it('parses back: title, sections, quotes with attribution, tables, footnotes', async () => {
    const c = await exportLibrary(2);
    const briefing = c.services.briefings.get(c.briefingId);
    const md = briefingMarkdown(briefing, c.services.exporter.context(briefing));
    const tokens = new MarkdownIt().parse(md, {});
    const headings = tokens.flatMap((t, i) => (t.type === 'heading_open' ? [`${t.tag} ${tokens[i + 1]!.content}`] : []));
    expect(headings).toEqual(['h1 ' + TITLE, 'h2 BLUF', 'h2 Key points', 'h2 Background', 'h3 Timeline', 'h2 Actors & positions', 'h4 Who said what', 'h2 Outlook']);
    expect(md.startsWith(`**${CLASSIFICATION}**\n`)).toBe(true);
    expect(md.trimEnd().endsWith(`**${CLASSIFICATION}**`)).toBe(true);
    // Quotes: blockquotes with the quoted text and an attribution line carrying the footnote.
    expect(md).toContain(`> “${QUOTE}”\n>\n> — **Kim Jung Han**, Director-General, South Korean Foreign Ministry[^1]`);
    expect(tokens.filter((t) => t.type === 'blockquote_open')).toHaveLength(3);
    // Tables: the stance table and the document's table, as GFM tables.
    expect(tokens.filter((t) => t.type === 'table_open')).toHaveLength(2);
    const cells = tokens.filter((t) => t.type === 'inline' && t.map === null).map((t) => t.content);
    expect(cells).toEqual(expect.arrayContaining(['Actor', 'Kim Jung Han', 'Supports', 'Opposes', 'Statement', 'Both']));
    // Marks with a Markdown form survive.
    expect(tokens.some((t) => t.type === 'inline' && t.children?.some((ch) => ch.type === 's_open'))).toBe(true);
    expect(md).toContain('**Bold claim** and *emphasis* and underlined and ~~struck~~ and highlighted');
    expect(md).toContain('[link to the ministry](https://www.mofa.go.kr/)');
    // Footnotes: the references in the text and one definition per source.
    expect(md).toContain('in Tokyo[^1], and the asset sale is near[^2][^1].');
    expect(md).toMatch(/^\[\^1\]: “Japan urged South Korea.*” \*Kyodo News\*, 29 October 2020\. <https:\/\/english\.kyodonews\.net\/x>$/m);
    expect(md).toContain(`[^2]: Lee Min-ji. “${SECOND_TITLE}.” *Yonhap*, 2 November 2020. <https://en.yna.co.kr/view/example>`);
    expect(md).toContain('Expect more talks.\\\nA second line after a hard break.');
  });
});

describe('Word export', () => {
  const paragraphs = (xml: string) => {
    const d = new JSDOM(xml, { contentType: 'text/xml' }).window.document;
    return [...d.getElementsByTagName('w:p')].map((p) => ({
      style: p.getElementsByTagName('w:pStyle')[0]?.getAttribute('w:val') ?? null,
      text: [...p.getElementsByTagName('w:t')].map((t) => t.textContent).join(''),
      footnotes: p.getElementsByTagName('w:footnoteReference').length,
    }));
  };

  it('unzips to headings, lists, tables with repeating headers, quotes and footnotes', async () => {
    const c = await exportLibrary(2);
    const briefing = c.services.briefings.get(c.briefingId);
    const bytes = await briefingDocx(briefing, { ...c.services.exporter.context(briefing), pageSize: 'A4' });
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    const ps = paragraphs(xml);
    expect(ps.find((p) => p.style === 'Title')?.text).toBe(TITLE);
    expect(ps.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(['BLUF', 'Key points', 'Background', 'Actors & positions', 'Outlook']);
    expect(ps.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual(['Timeline']);
    expect(ps.filter((p) => p.style === 'Heading3').map((p) => p.text)).toEqual(['Who said what']);
    // Quotes: an indented quote paragraph, then the attribution with the footnote.
    const q = ps.findIndex((p) => p.style === 'VerbatimQuote');
    expect(ps[q]!.text).toBe(`“${QUOTE}”`);
    expect(ps[q + 1]).toEqual({ style: 'VerbatimAttribution', text: '— Kim Jung Han, Director-General, South Korean Foreign Ministry', footnotes: 1 });
    // Lists are Word lists.
    expect(xml.match(/<w:numPr>/g)?.length).toBe(7);
    expect(await zip.file('word/numbering.xml')!.async('string')).toContain('w:numFmt w:val="bullet"');
    // Two tables (stance + the document's), header rows repeat, the merged cell spans two columns.
    expect(xml.match(/<w:tbl>/g)).toHaveLength(2);
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBe(2);
    expect(xml).toContain('<w:gridSpan w:val="2"/>');
    expect(ps.some((p) => p.text === 'Opposes')).toBe(true);
    // Marks.
    for (const tag of ['<w:b/>', '<w:i/>', '<w:u w:val="single"/>', '<w:strike/>', '<w:highlight w:val="yellow"/>']) expect(xml).toContain(tag);
    // Citations: three cites and two quotes, five footnotes; the first of each source is full, later ones point back.
    expect(ps.reduce((n, p) => n + p.footnotes, 0)).toBe(5);
    const notes = paragraphs(await zip.file('word/footnotes.xml')!.async('string')).map((p) => p.text.trim()).filter(Boolean);
    expect(notes).toHaveLength(5);
    expect(notes[0]).toMatch(/^“Japan urged South Korea.*” Kyodo News, 29 October 2020\. https:\/\/english\.kyodonews\.net\/x$/);
    expect(notes[1]).toBe(`Lee Min-ji. “${SECOND_TITLE}.” Yonhap, 2 November 2020. https://en.yna.co.kr/view/example`);
    expect(notes[2]).toMatch(/^Kyodo News, “Japan urged.*” \(see note 1\)\.$/);
    // Header and footer: the classification, and "Page n of N" as fields.
    const header = await zip.file(/word\/header\d*\.xml/)[0]!.async('string');
    const footer = await zip.file(/word\/footer\d*\.xml/)[0]!.async('string');
    expect(header).toContain(CLASSIFICATION);
    expect(footer).toContain(CLASSIFICATION);
    expect(footer).toMatch(/PAGE[\s\S]*NUMPAGES/);
    // Document properties.
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain(`<dc:title>${TITLE}</dc:title>`);
    expect(core).toContain(`<dc:creator>${AUTHOR}</dc:creator>`);
    expect(core).toContain(`<dc:subject>${CLASSIFICATION}</dc:subject>`);
    // Letter paper when asked.
    const letter = await JSZip.loadAsync(await briefingDocx(briefing, { pageSize: 'Letter' }));
    expect(await letter.file('word/document.xml')!.async('string')).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
  });
});

describe('export helpers', () => {
  it('words sources, stances, dates and file names', () => {
    expect(sourceText({ title: 'Why?', outlet: null, author: null, publishedAt: null, url: 'javascript:x' })).toBe('“Why?”');
    expect(sourceText({ title: 'T', outlet: 'O', author: 'Jr.', publishedAt: '2020-02-01', url: 'https://x.org' })).toBe('Jr. “T.” O, 1 February 2020. https://x.org');
    expect(stanceCell(undefined)).toEqual({ label: '—', stance: 'none' });
    expect(stanceCell({ actorId: 1, positionId: 1, supports: 2, opposes: 0, neutral: 0 })).toEqual({ label: 'Supports ×2', stance: 'supports' });
    expect(stanceCell({ actorId: 1, positionId: 1, supports: 1, opposes: 2, neutral: 0 })).toEqual({ label: 'Mixed (1 for, 2 against)', stance: 'mixed' });
    expect(formatDate('2020-10-29')).toBe('29 October 2020');
    expect(formatDate('someday')).toBe('someday');
    expect(fileSlug('Japan–Korea: “row” / 2020')).toBe('japan-korea-row-2020');
    expect(fileSlug('한일 관계 브리핑')).toBe('한일-관계-브리핑');
    expect(fileSlug('***')).toBe('briefing');
    expect(pageFooterTemplate('', 'T')).toContain('Page <span class="pageNumber"></span>');
  });

  it('recognises a complete PDF and a truncated one', () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
    expect(isCompletePdf(pdf)).toBe(true);
    expect(isCompletePdf(pdf.subarray(0, pdf.length - 8))).toBe(false);
    expect(isCompletePdf(Buffer.from('<html>%%EOF'))).toBe(false);
  });

  it('finds a browser: CHROMIUM_PATH first, then the usual places, else a clear error', () => {
    const has = (...paths: string[]) => (p: string) => paths.includes(p);
    expect(findChromium({ CHROMIUM_PATH: '/opt/c/chrome' }, 'linux', has('/opt/c/chrome', '/usr/bin/chromium'))).toBe('/opt/c/chrome');
    expect(() => findChromium({ CHROMIUM_PATH: '/nope' }, 'linux', has('/usr/bin/chromium'))).toThrow(/CHROMIUM_PATH is set to \/nope/);
    expect(findChromium({}, 'linux', has('/usr/bin/chromium-browser', '/usr/bin/google-chrome'))).toBe('/usr/bin/chromium-browser');
    expect(findChromium({}, 'darwin', has('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'))).toContain('Google Chrome');
    expect(chromiumCandidates({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32')[0]).toBe('C:\\Users\\a\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
    expect(() => findChromium({}, 'linux', has())).toThrow(/PDF export needs Chromium or Google Chrome.*CHROMIUM_PATH/);
  });
});
