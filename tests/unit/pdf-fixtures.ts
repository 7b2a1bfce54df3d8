// PDFs made for the tests by the real Chromium (Debian's, through playwright-core, as the project
// prints), from HTML whose words are ours, so every paragraph can be checked exactly: a report of
// several pages with a running header, a footer with page numbers, a two-column page whose source
// order is not its reading order, words hyphenated across lines, and metadata. Also the bad ones:
// a scan (a picture of text, no text layer), a password-protected copy (Debian's qpdf), a cut-off
// file, a PDF of no pages (pdf-lib), a text file named .pdf.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { findChromium, launchOptions } from '../../main/web/chromium-printer';

export const TITLE = 'Seized Assets and the Limits of Diplomacy';
export const AUTHOR = 'Jane Analyst';
export const DATE_LINE = 'March 3, 2024';
export const HEADER = 'Northeast Asia Desk · Quarterly Review';

/** Long paragraphs (several lines each, some across a page break), separated by space. */
export const SUMMARY = [
  'Officials in Seoul and Tokyo continued to trade positions on the 2018 Supreme Court rulings and the seized shares of the defendant company, while both foreign ministries described the channel between them as open and the talks as constructive, if slow.',
  'Business groups on both sides urged a settlement that spares the companies involved and keeps supply chains for semiconductors intact; several executives said in private that a court-ordered sale of the seized assets would force their governments to change course within weeks.',
  'Analysts expect no movement before the next round of director-general talks. The ruling party in Seoul faces a difficult election, and the cabinet in Tokyo has little room to offer more than its earlier statements of regret, which the plaintiffs have called insufficient for decades.',
];

/** The hyphenation paragraph, as its lines are broken on the page and as it must read. */
export const HYPHEN_LINES = [
  'A well-known lawyer for the plaintiffs said the inter-',
  'national attention had changed the case, and that the well-',
  'known dispute over the Franco-',
  'German precedent was a distraction from the compen-',
  'sation the families still wait for.',
];
export const HYPHEN_PARAGRAPH =
  'A well-known lawyer for the plaintiffs said the international attention had changed the case, and that the well-known dispute over the Franco-German precedent was a distraction from the compensation the families still wait for.';

/** Paragraphs told apart by a first-line indent only (no space between them). */
export const INDENTED = [
  'The ministry’s spokesperson repeated that the government would respect the judiciary’s independence while it looked for a solution acceptable to the victims, the companies and both governments.',
  'Her counterpart in Tokyo said any sale of the assets would be a clear violation of international law and would be met with a firm response, without saying what that response would be.',
  'Neither side mentioned the fund that business leaders had floated in the autumn, which diplomats on both sides still regard as the most likely way out of the impasse.',
];

/** The two-column page: read left column top to bottom, then right; written into the page row by row. */
export const COLUMNS = {
  heading: 'Positions of the Parties',
  left: [
    'The plaintiffs want the companies to pay the compensation the court awarded, and they reject any arrangement in which a fund financed by others pays it in their place, since it would leave the companies’ responsibility unspoken.',
    'Their lawyers have asked the district court to order the sale of the shares, a step the court has so far postponed while both governments kept talking.',
  ],
  right: [
    'The government in Tokyo holds that the 1965 agreement settled every claim and that the rulings break it; it asks Seoul to correct the situation, and it has hinted at retaliation should any asset be sold.',
    'The government in Seoul says it cannot overrule its courts, and it proposes talks that would include the companies as well as both foreign ministries.',
  ],
};

/** After the columns, one column again. */
export const CLOSING = 'The next round of talks is expected in April, after the election, when both delegations will have a clearer mandate than they have today.';

/** Filler paragraphs that make a long report: section `i`, paragraph `j`. */
export function fillerParagraph(i: number, j: number): string {
  return `Section ${i + 1}, paragraph ${j + 1}: delegations from both capitals met again to review the rulings, the seized shares and the proposed fund, and agreed to keep the channel between their officials open while the courts consider the next motion from the plaintiffs’ lawyers.`;
}

const STYLE = `
  @page { size: A4; }
  body { font-family: 'DejaVu Serif', serif; font-size: 11pt; line-height: 1.35; margin: 0; }
  h1 { font-size: 24pt; margin: 0 0 10pt; }
  h2 { font-size: 16pt; margin: 14pt 0 8pt; }
  p { margin: 0 0 9pt; text-align: justify; }
  .indented p { margin: 0; text-indent: 2em; }
  .lines p { text-align: left; }
  .page { break-before: page; }
  .columns { display: grid; grid-template-columns: 1fr 1fr; column-gap: 24pt; }
`;

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const para = (s: string, extra = '') => `<p${extra}>${esc(s)}</p>`;

/** The report's HTML; `fillerSections` adds sections of five paragraphs each (for a long report). */
export function reportHtml(fillerSections = 0): string {
  const filler = Array.from({ length: fillerSections }, (_, i) => `<h2>Section ${i + 1}</h2>${Array.from({ length: 5 }, (_, j) => para(fillerParagraph(i, j))).join('')}`).join('');
  // The grid's cells in the source go row by row (left, right, left, right): only the layout makes them columns.
  const cells = [0, 1].flatMap((row) => [para(COLUMNS.left[row]!, ` style="grid-column:1;grid-row:${row + 1}"`), para(COLUMNS.right[row]!, ` style="grid-column:2;grid-row:${row + 1}"`)]).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(TITLE)}</title><style>${STYLE}</style></head><body>
    <h1>${esc(TITLE)}</h1>
    ${para(`By ${AUTHOR}`)}
    ${para(DATE_LINE)}
    <h2>Summary</h2>
    ${SUMMARY.map((s) => para(s)).join('')}
    <div class="lines"><p>${HYPHEN_LINES.map(esc).join('<br>')}</p></div>
    <h2>Statements</h2>
    <div class="indented">${INDENTED.map((s) => para(s)).join('')}</div>
    ${SUMMARY.map((s) => para(s.replace('Officials', 'Diplomats').replace('Business groups', 'Trade associations').replace('Analysts', 'Observers'))).join('')}
    <section class="page"><h2>${esc(COLUMNS.heading)}</h2><div class="columns">${cells}</div></section>
    <section class="page">${para(CLOSING)}</section>
    ${filler}
  </body></html>`;
}

const header = `<div style="font-size:8pt;width:100%;text-align:center;font-family:serif">${esc(HEADER)}</div>`;
const footer = `<div style="font-size:8pt;width:100%;text-align:center;font-family:serif">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`;
const none = '<span></span>';

export class PdfMaker {
  private browser: Promise<Browser> | null;
  private readonly own: boolean;

  /** With `browser`, prints in that one (an E2E test's) and leaves it open; else starts Debian's Chromium. */
  constructor(browser?: Browser) {
    this.browser = browser ? Promise.resolve(browser) : null;
    this.own = !browser;
  }

  private launch(): Promise<Browser> {
    return (this.browser ??= chromium.launch(launchOptions(findChromium())));
  }

  /** HTML printed to PDF by Chromium, with the running header and footer unless `bare`. */
  async print(html: string, opts: { bare?: boolean } = {}): Promise<Buffer> {
    const page = await (await this.launch()).newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        displayHeaderFooter: true,
        headerTemplate: opts.bare ? none : header,
        footerTemplate: opts.bare ? none : footer,
        margin: { top: '25mm', bottom: '25mm', left: '22mm', right: '22mm' },
      });
    } finally {
      await page.close();
    }
  }

  /** A scan: a page of text photographed (a screenshot) and printed as a picture only. */
  async scan(): Promise<Buffer> {
    const page = await (await this.launch()).newPage({ viewport: { width: 700, height: 900 } });
    let png: Buffer;
    try {
      await page.setContent(`<body style="font:16px serif;padding:30px"><h1>${esc(TITLE)}</h1>${SUMMARY.map((s) => para(s)).join('')}</body>`);
      png = await page.screenshot();
    } finally {
      await page.close();
    }
    return this.print(`<!doctype html><body style="margin:0"><img style="width:100%" src="data:image/png;base64,${png.toString('base64')}"></body>`, { bare: true });
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = null;
    if (b && this.own) await (await b).close();
  }
}

/** The same PDF with metadata of our choosing in its Info dictionary (pdf-lib). */
export async function withInfo(pdf: Uint8Array, info: { title?: string; author?: string; created?: Date }): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  if (info.title !== undefined) doc.setTitle(info.title);
  if (info.author !== undefined) doc.setAuthor(info.author);
  if (info.created) doc.setCreationDate(info.created);
  return Buffer.from(await doc.save());
}

/** A copy that opens only with a password (AES-256, by Debian's qpdf). */
export function encrypted(pdf: Uint8Array, dir: string): Buffer {
  const plain = path.join(dir, 'plain-for-qpdf.pdf');
  const locked = path.join(dir, 'locked-by-qpdf.pdf');
  fs.writeFileSync(plain, pdf);
  execFileSync('qpdf', ['--encrypt', 'user-secret', 'owner-secret', '256', '--', plain, locked]);
  return fs.readFileSync(locked);
}

/** A PDF of no pages: well formed, nothing in it. */
export async function zeroPages(): Promise<Buffer> {
  return Buffer.from(await (await PDFDocument.create()).save({ addDefaultPage: false }));
}

/** The first `share` of the file: a download that stopped. */
export function truncated(pdf: Uint8Array, share = 0.6): Buffer {
  return Buffer.from(pdf.subarray(0, Math.floor(pdf.length * share)));
}
