// RFC 4180 CSV. Text cells that a spreadsheet would run as a formula get a leading apostrophe:
// quoted text comes from the web and must not execute when the analyst opens the file. Numbers are
// written as numbers (a sign of -1 is data, not a formula), so R, pandas and Gephi read them as such.

/** Starts a formula: = + - @ (also full-width, and after spaces, which spreadsheets trim), or a tab, CR or LF. */
const FORMULA_START = /^[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/;

/**
 * Quoted: what separates cells in any locale's reading of the file (`,`; `;` in the many locales
 * whose Excel splits at semicolons; a tab), quotes, line breaks, and the guard's apostrophe. Inside
 * quotes, `x;=1+1` is one cell that starts with `x`, never a second cell that starts a formula.
 */
const NEEDS_QUOTES = /[",;\t\r\n']/;

export function csvCell(value: string | number | null | undefined): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  let s = value == null ? '' : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  // A BOM so Excel reads UTF-8 (Korean and Japanese names) correctly; CRLF as the RFC says.
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
