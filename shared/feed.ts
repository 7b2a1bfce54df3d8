// A feed (RSS 2.0, RDF or Atom) as the import dialog lists it: what each item is called, when it
// was published and where it lives, and its full text when the feed carries it.
import type { ImportResult } from './model';

export interface FeedItem {
  title: string | null;
  /** The item's web address (http or https), or null when it has none. */
  link: string | null;
  /** YYYY-MM-DD, the calendar day the feed wrote, or null. */
  publishedAt: string | null;
  author: string | null;
  /** The item's full text as HTML (content:encoded, Atom content), or null: then it is imported from its link. */
  content: string | null;
}

export interface FeedListing {
  /** "feed file.xml" or the address the feed was fetched from (after redirects). */
  source: string;
  title: string | null;
  kind: 'rss' | 'atom';
  items: FeedItem[];
  /** Problems that did not stop the reading, e.g. items without a title or a link. */
  warnings: string[];
}

/** File names read as feeds by the picker, drag and drop and `verbatim import`. */
export const FEED_EXTENSIONS = ['.xml', '.rss', '.atom'] as const;

export function isFeedFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return FEED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** What importing an address gives: the article's import result, or the feed found there, to pick from. */
export type UrlImportResult = ImportResult | { file: string; status: 'feed'; feed: FeedListing };
