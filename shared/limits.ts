// Limits the renderer checks before sending and the main side enforces again (the renderer is untrusted).

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/**
 * A PDF carries its pictures and fonts: a 30-page report with photographs and charts is commonly
 * 5–25 MB, so 10 MB turned ordinary reports away. Its text is read without decoding a single
 * picture, so a big PDF costs its bytes in memory (a few copies: base64, buffer, the reader's
 * thread), not the pictures' pixels; 50 MB keeps that to a few hundred MB at most.
 */
export const MAX_PDF_IMPORT_BYTES = 50 * 1024 * 1024;
/** The largest file of any format: what the contract and the browser-mode server let through. */
export const MAX_ANY_IMPORT_BYTES = MAX_PDF_IMPORT_BYTES;
export const IMPORT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.pdf', '.docx'] as const;

/** The size limit for a file (by its name) or a format ("pdf"). */
export function maxImportBytes(fileNameOrFormat: string): number {
  return /(?:^|\.)pdf$/i.test(fileNameOrFormat) ? MAX_PDF_IMPORT_BYTES : MAX_IMPORT_BYTES;
}
/** Longest string accepted for a metadata field. */
export const MAX_META_CHARS = 2000;
/** Longest article title: a headline, not a paragraph (a longer one filled the reader). */
export const MAX_TITLE_CHARS = 300;
export const MAX_QUERY_CHARS = 500;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
