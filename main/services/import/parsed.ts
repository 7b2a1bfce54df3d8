import type { Node } from 'prosemirror-model';

/** What a format reader hands back: the article doc and whatever metadata the source carried. */
export interface ParsedArticle {
  doc: Node;
  title: string | null;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
  /** What the reader could not use but did not stop for (broken front matter, say), for the import result. */
  warnings?: readonly string[];
}

export const noMeta = { title: null, outlet: null, author: null, publishedAt: null, url: null };

/**
 * What a reader hands back for a file that holds many articles (a news-database export): each
 * article it found, in the file's order, read or not, with the reason when not.
 */
export interface ParsedExport {
  /** What the file is, in the analyst's words: "Nexis export", "Factiva export". */
  source: string;
  entries: ExportEntry[];
}

export type ExportEntry = { ok: true; article: ParsedArticle } | { ok: false; title: string | null; reason: string };

export const isExport = (p: ParsedArticle | ParsedExport): p is ParsedExport => 'entries' in p;
