import type { Node } from 'prosemirror-model';

/** What a format reader hands back: the article doc and whatever metadata the source carried. */
export interface ParsedArticle {
  doc: Node;
  title: string | null;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
}

export const noMeta = { title: null, outlet: null, author: null, publishedAt: null, url: null };
