// Limits the renderer checks before sending and the main side enforces again (the renderer is untrusted).

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const IMPORT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.docx'] as const;
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
