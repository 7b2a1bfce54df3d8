// RFC 4180 CSV. Cells that a spreadsheet would run as a formula (= + - @, tab, CR) get a leading
// apostrophe: quoted text comes from the web and must not execute when the analyst opens the file.

export function csvCell(value: string | number | null | undefined): string {
  let s = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n']/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  // A BOM so Excel reads UTF-8 (Korean and Japanese names) correctly; CRLF as the RFC says.
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
