// A coding placed in time: the statement of network.ts with its article and that article's
// publication date. The stance timeline and the position shifts read these; an article without a
// date cannot be placed, so both leave its quotes out and say how many there were.
import type { Coding } from './network';

export interface DatedCoding extends Coding {
  articleId: number;
  /** The article's publication date, YYYY-MM-DD, or null when the article has none. */
  publishedAt: string | null;
}

/** What was left out for want of a date. */
export interface Undated {
  quotes: number;
  articles: number;
}

/** The codings that have a date, in time order (quote id within a day), and a count of the rest. */
export function splitUndated(codings: readonly DatedCoding[]): { dated: (DatedCoding & { publishedAt: string })[]; undated: Undated } {
  const dated: (DatedCoding & { publishedAt: string })[] = [];
  const quotes = new Set<number>();
  const articles = new Set<number>();
  for (const c of codings) {
    if (c.publishedAt) dated.push(c as DatedCoding & { publishedAt: string });
    else {
      quotes.add(c.quoteId);
      articles.add(c.articleId);
    }
  }
  // Within a day the articles carry no time, so the quote id (the order they were coded in) decides.
  dated.sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : a.quoteId - b.quoteId || a.positionId - b.positionId));
  return { dated, undated: { quotes: quotes.size, articles: articles.size } };
}
