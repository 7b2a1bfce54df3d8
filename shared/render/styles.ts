// The printed look: one stylesheet, inlined in every exported HTML document. Fonts are named, never
// loaded (the page may load nothing): the stacks list what Debian, macOS and Windows ship for
// Latin, Korean, Japanese and Chinese text, and Chromium embeds whichever it uses in the PDF.

/** Body text. Latin faces first; the CJK faces after them carry Hangul, kana and Han characters. */
export const SERIF_STACK = [
  '"Noto Serif"',
  '"Source Serif 4"',
  '"Source Serif Pro"',
  'Charter',
  'Georgia',
  '"Liberation Serif"',
  '"Times New Roman"',
  '"Noto Serif CJK KR"',
  '"Noto Serif KR"',
  '"Source Han Serif K"',
  '"Noto Serif CJK JP"',
  '"Noto Serif JP"',
  '"Noto Serif CJK SC"',
  '"AppleMyungjo"',
  '"Batang"',
  '"Hiragino Mincho ProN"',
  '"Yu Mincho"',
  '"Noto Sans CJK KR"',
  '"Droid Sans Fallback"',
  'serif',
].join(', ');

/** Headings, captions, tables, the header and footer. */
export const SANS_STACK = [
  '"Noto Sans"',
  '"Source Sans 3"',
  '"Helvetica Neue"',
  'Arial',
  '"Liberation Sans"',
  '"DejaVu Sans"',
  '"Noto Sans CJK KR"',
  '"Noto Sans KR"',
  '"Source Han Sans K"',
  '"Apple SD Gothic Neo"',
  '"Malgun Gothic"',
  '"Noto Sans CJK JP"',
  '"Hiragino Sans"',
  '"Yu Gothic"',
  '"Noto Sans CJK SC"',
  '"Microsoft YaHei"',
  '"Droid Sans Fallback"',
  'sans-serif',
].join(', ');

/** Page margins our printers use; the header and footer sit inside the top and bottom ones. */
export const PAGE_MARGINS_MM = { top: 22, bottom: 20, left: 20, right: 20 } as const;

export type PageSize = 'A4' | 'Letter';

/**
 * A table of at most this many rows is kept on one page (moved whole to the next one rather than
 * leaving a row or two behind). Longer tables break between rows, as they must, so a long one
 * never leaves most of a page blank.
 */
export const KEEP_TOGETHER_MAX_ROWS = 15;

/** The class that keeps a table of this many rows (header included) on one page, or ''. */
export const keepTogether = (rows: number): string => (rows <= KEEP_TOGETHER_MAX_ROWS ? 'keep-together' : '');

/**
 * `print`: the document goes to one of our printers, which set the page size and margins and draw
 * the classification in every page's header and footer. `file`: a standalone HTML file, which
 * carries its own @page rule, shows the classification at its top and bottom, and looks like a
 * sheet of paper on screen.
 */
export type RenderTarget = 'print' | 'file';

const BASE_CSS = `
:root { --ink: #1b1d21; --muted: #5a606b; --rule: #c8ccd3; --accent: #1f3a5f; --shade: #eef1f5; --quote-bg: #f4f6f9; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: var(--ink); font-family: ${SERIF_STACK}; font-size: 10.5pt; line-height: 1.45; font-kerning: normal; font-variant-ligatures: common-ligatures; overflow-wrap: break-word; }
h1, h2, h3, h4, h5 { font-family: ${SANS_STACK}; color: var(--accent); line-height: 1.25; font-weight: 700; break-after: avoid; page-break-after: avoid; break-inside: avoid; page-break-inside: avoid; }
h1 { font-size: 20pt; margin: 0 0 5pt; color: var(--ink); letter-spacing: -0.01em; }
h2 { font-size: 13.5pt; margin: 16pt 0 6pt; padding-bottom: 2.5pt; border-bottom: 0.75pt solid var(--rule); }
h3 { font-size: 11.5pt; margin: 13pt 0 4pt; }
h4, h5 { font-size: 10.5pt; margin: 10pt 0 3pt; color: var(--ink); }
p { margin: 0 0 6pt; orphans: 2; widows: 2; }
p.empty { min-height: 1.45em; }
a { color: var(--accent); text-decoration: underline; text-decoration-thickness: 0.5pt; text-underline-offset: 1.5pt; }
mark { background: #fff0a6; color: inherit; padding: 0 0.5pt; }
ul, ol { margin: 0 0 6pt; padding-left: 17pt; }
li { margin: 0 0 2.5pt; }
li > p { margin: 0 0 2.5pt; }
li > ul, li > ol { margin-top: 2pt; margin-bottom: 0; }
blockquote { margin: 6pt 0 8pt 10pt; padding-left: 9pt; border-left: 1.5pt solid var(--rule); color: #30343b; }
blockquote > p:last-child { margin-bottom: 0; }
hr { border: 0; border-top: 0.75pt solid var(--rule); margin: 12pt 0; }
table { border-collapse: collapse; width: 100%; margin: 8pt 0 12pt; font-family: ${SANS_STACK}; font-size: 9pt; line-height: 1.35; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.keep-together { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.75pt solid var(--rule); padding: 3.5pt 5pt; vertical-align: top; text-align: left; }
th { background: var(--shade); font-weight: 700; }
td > p, th > p { margin: 0; }
td > p + p, th > p + p { margin-top: 3pt; }
sup { font-size: 68%; line-height: 0; vertical-align: super; }
sup.cite a, sup.cite-sep { font-family: ${SANS_STACK}; font-weight: 700; color: var(--accent); text-decoration: none; }
.doc-header { margin: 0 0 14pt; padding: 0 0 9pt; border-bottom: 2pt solid var(--accent); }
.doc-kind { font-family: ${SANS_STACK}; font-size: 7.5pt; font-weight: 700; letter-spacing: 0.14em; text-transform: uppercase; color: var(--muted); margin: 0 0 5pt; }
.doc-meta { font-family: ${SANS_STACK}; font-size: 9pt; color: var(--muted); margin: 0; }
.doc-meta .sep { margin: 0 5pt; color: var(--rule); }
.status { display: inline-block; font-size: 7pt; font-weight: 700; letter-spacing: 0.1em; text-transform: uppercase; border: 0.75pt solid currentColor; border-radius: 2pt; padding: 0.5pt 4pt; vertical-align: 1pt; }
.status-draft { color: #9a3412; }
.status-final { color: #166534; }
.classification-banner { font-family: ${SANS_STACK}; font-size: 9pt; font-weight: 700; letter-spacing: 0.06em; text-align: center; margin: 0 0 12pt; }
.classification-banner.bottom { margin: 18pt 0 0; }
figure { margin: 0; }
.inline-quote.paraphrase { font-style: italic; }
figure.quote { margin: 10pt 0 12pt; padding: 7pt 11pt 7pt 12pt; border-left: 3pt solid var(--accent); background: var(--quote-bg); break-inside: avoid; page-break-inside: avoid; }
figure.quote blockquote { margin: 0; padding: 0; border: 0; color: var(--ink); font-size: 11pt; line-height: 1.42; }
figure.quote blockquote p { margin: 0; }
figure.quote.paraphrase blockquote { font-style: italic; }
figure.quote figcaption { margin-top: 4pt; font-family: ${SANS_STACK}; font-size: 8.5pt; line-height: 1.3; color: var(--muted); }
figure.quote .speaker { font-weight: 700; color: var(--ink); }
figure.quote .kind { font-style: italic; }
figure.stance-table { margin: 10pt 0 12pt; }
figure.landscape-figure { margin: 12pt 0 14pt; }
figure.landscape-figure .figure-picture svg { display: block; width: 100%; height: auto; }
figure.landscape-figure > figcaption { margin-top: 4pt; font-family: ${SANS_STACK}; font-size: 8.5pt; line-height: 1.35; color: var(--muted); }
figure.landscape-figure .figure-number { font-weight: 700; color: var(--ink); }
figure.stance-table > figcaption { font-family: ${SANS_STACK}; font-size: 8.5pt; font-weight: 700; color: var(--muted); letter-spacing: 0.04em; text-transform: uppercase; margin: 0 0 3pt; break-after: avoid; page-break-after: avoid; }
figure.stance-table table { margin: 0; }
figure.stance-table th[scope=row] { background: none; white-space: nowrap; }
figure.stance-table td { text-align: center; white-space: nowrap; }
td.st-supports { background: #e6f3e9; color: #14532d; }
td.st-opposes { background: #fbe8e8; color: #7f1d1d; }
td.st-neutral { background: #f0f1f3; color: #374151; }
td.st-mixed { background: #fff5d6; color: #713f12; }
td.st-none { color: var(--rule); }
p.stance-empty { font-family: ${SANS_STACK}; font-size: 9pt; color: var(--muted); font-style: italic; }
section.endnotes { margin-top: 20pt; padding-top: 2pt; font-size: 9pt; line-height: 1.4; }
section.endnotes h2 { font-size: 11pt; margin-top: 0; }
section.endnotes ol { padding-left: 20pt; margin: 0; }
section.endnotes li { margin: 0 0 4pt; padding-left: 2pt; break-inside: avoid; page-break-inside: avoid; }
section.endnotes li::marker { font-family: ${SANS_STACK}; font-weight: 700; color: var(--accent); }
section.endnotes .outlet { font-style: italic; }
section.endnotes a.url { color: var(--muted); word-break: break-all; }
`;

const FILE_CSS = (size: PageSize) => `
@page { size: ${size}; margin: ${PAGE_MARGINS_MM.top}mm ${PAGE_MARGINS_MM.right}mm ${PAGE_MARGINS_MM.bottom}mm ${PAGE_MARGINS_MM.left}mm; }
@media screen {
  html { background: #e6e8ec; }
  body { box-sizing: border-box; max-width: 190mm; margin: 10mm auto; padding: 16mm 20mm; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.18); }
}
`;

const ARTICLE_CSS = `
mark.ann, .legend .key { background: #ffeb99; padding: 0; border-bottom: 1pt solid #d4a300; }
mark.ann.k-paraphrase, .legend .key.k-paraphrase { background: #dbe8fb; border-bottom-color: #5b8bd0; }
mark.ann.k-note, .legend .key.k-note { background: #dcf3e2; border-bottom-color: #4e9a66; }
mark.ann.overlap, .legend .key.overlap { background: #ffd966; }
sup.ann-ref a { font-family: ${SANS_STACK}; font-weight: 700; color: #7a5a00; text-decoration: none; }
section.endnotes .exact { font-style: normal; }
section.endnotes .who { font-weight: 700; }
section.endnotes .coding { display: block; font-family: ${SANS_STACK}; font-size: 8.5pt; color: var(--muted); }
section.endnotes .stance { font-weight: 700; }
section.endnotes .stance-supports { color: #166534; }
section.endnotes .stance-opposes { color: #991b1b; }
section.endnotes .comment { display: block; font-style: italic; }
section.endnotes .tags { display: block; font-family: ${SANS_STACK}; font-size: 8pt; color: var(--muted); }
section.endnotes .tag { margin-right: 4pt; }
section.endnotes .words-label { font-style: italic; color: var(--muted); }
p.legend { font-family: ${SANS_STACK}; font-size: 8.5pt; color: var(--muted); margin: -6pt 0 12pt; }
p.legend .key { margin-left: 6pt; padding: 0 3pt; color: var(--ink); white-space: nowrap; }
p.legend .refs { margin-left: 8pt; }
section.endnotes .orphan { color: #9a3412; font-family: ${SANS_STACK}; font-size: 8pt; }
`;

export function documentCss(target: RenderTarget, pageSize: PageSize, extra: 'briefing' | 'article'): string {
  return BASE_CSS + (extra === 'article' ? ARTICLE_CSS : '') + (target === 'file' ? FILE_CSS(pageSize) : '');
}
