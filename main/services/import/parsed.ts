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
