// A quick look at raw HTML for the markers of a news-database export (Factiva's field codes in cells
// or paragraphs of their own, Nexis's "End of Document"), before anything parses it: main reads
// such a file as an export, and the import dialog asks how many articles it holds.

const FACTIVA_TELLING = ['BY', 'WC', 'PD', 'SN', 'LP', 'TD', 'AN'];

const hasCode = (html: string, code: string) => new RegExp(`>\\s*(?:<b>\\s*)?${code}(?:&nbsp;|\\s)*(?:</b>\\s*)?<`).test(html);

export function mayBeExportHtml(html: string): boolean {
  if (/>\s*End of Document\s*</i.test(html)) return true;
  return hasCode(html, 'HD') && FACTIVA_TELLING.filter((c) => hasCode(html, c)).length >= 2;
}
