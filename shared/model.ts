// Domain types shared by the main process and the renderer. Names follow the analyst's vocabulary
// and match the database columns and the contract.

/** An article's metadata as listed in the library (no text, so a 10,000-article list stays small). */
export interface ArticleMeta {
  id: number;
  title: string;
  outlet: string | null;
  author: string | null;
  /** ISO date (YYYY-MM-DD) or null when unknown. */
  publishedAt: string | null;
  url: string | null;
  /** ISO timestamp. */
  importedAt: string;
  updatedAt: string;
  wordCount: number;
  /** Set when the article is in the trash. */
  deletedAt: string | null;
}

/** An article as the reader shows it: metadata, the ProseMirror doc and its plain-text projection. */
export interface Article extends ArticleMeta {
  doc: unknown;
  text: string;
  sourceFormat: SourceFormat;
}

export type SourceFormat = 'txt' | 'md' | 'html';

export type ImportStatus = 'imported' | 'duplicate' | 'failed';

export interface ImportResult {
  /** The file name, or "pasted text". */
  file: string;
  status: ImportStatus;
  /** The stored article, or for a duplicate the one already in the library. */
  id?: number;
  title?: string;
  error?: string;
  /** Problems that did not stop the import, e.g. invalid UTF-8 replaced. */
  warnings?: string[];
}

export type SearchKind = 'article' | 'quote' | 'note' | 'briefing';

export interface SearchHit {
  kind: SearchKind;
  id: number;
  title: string;
  /** Text around the match; matched terms are wrapped in SNIPPET_OPEN / SNIPPET_CLOSE. */
  snippet: string;
}

/** Private-use characters, so a snippet can be highlighted without ever being parsed as HTML. */
export const SNIPPET_OPEN = '\uE000';
export const SNIPPET_CLOSE = '\uE001';

export interface LibraryInfo {
  path: string;
  articleCount: number;
  trashCount: number;
  schemaVersion: number;
  backups: BackupInfo[];
}

export interface BackupInfo {
  path: string;
  createdAt: string;
  bytes: number;
}
