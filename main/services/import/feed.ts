// Reading a feed (RSS 2.0, RDF, Atom) into the items the import dialog lists. The XML is read by
// @rowanmanning/feed-parser, which folds the formats into one shape (titles with HTML in them,
// alternate links, content:encoded and Atom content, authors); dates are taken from the item's own
// text rather than the parser's Date, so the day stays the one the feed wrote (a late-evening item
// in Seoul is not moved to the day before by a conversion to UTC).
import { parseFeed as parseXmlFeed } from '@rowanmanning/feed-parser';
import type { FeedItem, FeedListing } from '../../../shared/feed';
import { safeHref } from '../../../shared/schema';
import { AppError } from '../../errors';
import { normaliseDate } from './date';
import { cleanLine } from '../control-chars';
import { MAX_META_CHARS } from '../../../shared/limits';

/** The first bytes of a feed: an <rss>, <feed> or <rdf:RDF> root, after any XML declaration, comments or doctype. */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  const root = /<([A-Za-z][\w.-]*:)?([A-Za-z][\w.-]*)[\s>/]/.exec(head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![A-Za-z][^>]*>/g, ''));
  return !!root && /^(rss|feed|RDF)$/.test(root[2]!);
}

/** The XML declaration's encoding (`<?xml version="1.0" encoding="windows-1251"?>`), the feed's own charset. */
export function declaredXmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1] ?? null;
}

export function readFeed(text: string, source: string): FeedListing {
  let feed: ReturnType<typeof parseXmlFeed>;
  try {
    feed = parseXmlFeed(text);
  } catch (err) {
    throw new AppError('unsupported', `${source} is not an RSS or Atom feed that Verbatim can read (${(err as Error).message}); nothing was imported.`);
  }
  const kind = feed.meta.type === 'atom' ? 'atom' : 'rss';
  // The parser's item.url and item.authors ask the whole feed again for its address and authors
  // on every item (minutes for 10,000 items): those are read once here, and the item's own from
  // its element, the way the parser reads them.
  const feedUrl = feed.url;
  const items: FeedItem[] = [];
  let unusable = 0;
  for (const item of feed.items) {
    const link = webLink(itemLink(item.element, kind, feedUrl));
    const content = item.content?.trim() || null;
    if (!link && !content) unusable++;
    items.push({ title: oneLine(item.title), link, publishedAt: writtenDay(item.element), author: itemAuthors(item.element, kind), content });
  }
  const warnings = unusable ? [`${unusable} item${unusable > 1 ? 's have' : ' has'} neither full text nor a link, and cannot be imported.`] : [];
  if (!items.length) warnings.push('The feed lists no items.');
  return { source, title: oneLine(feed.title), kind, items, warnings };
}

type ItemElement = ReturnType<typeof parseXmlFeed>['items'][number]['element'];

/** RSS: the first <link> with text; Atom: the alternate link, else the one without a rel. Relative ones resolved against the feed. */
function itemLink(element: ItemElement, kind: 'rss' | 'atom', feedUrl: string | null): string | null {
  const links = element.findElementsWithName('link');
  const raw =
    kind === 'rss'
      ? (links.find((l) => l.textContentNormalized)?.textContentAsUrl ?? null)
      : (links.find((l) => l.getAttribute('rel') === 'alternate')?.getAttributeAsUrl('href') ?? links.find((l) => l.getAttribute('rel') === null)?.getAttributeAsUrl('href') ?? null);
  if (!raw) return null;
  try {
    return new URL(raw, feedUrl ?? undefined).href;
  } catch {
    return raw;
  }
}

/** Names from <author> and <dc:creator> (RSS: "email (Name)" gives the name), or Atom's <author><name>. */
function itemAuthors(element: ItemElement, kind: 'rss' | 'atom'): string | null {
  const names = [...element.findElementsWithName('author'), ...(kind === 'rss' ? element.findElementsWithName('creator') : [])].map((a) => {
    const name = a.findElementWithName('name')?.textContentNormalized;
    if (name) return name;
    const text = a.textContentNormalized;
    return /\(([^()]+)\)\s*$/.exec(text)?.[1] ?? (text.includes('@') && !/\s/.test(text) ? '' : text);
  });
  return oneLine(names.filter(Boolean).join(', '));
}

/** The publication day as the feed wrote it: RFC 822 ("Sun, 03 Mar 2024 23:30:00 +0900") or ISO 8601. */
function writtenDay(element: ItemElement): string | null {
  for (const name of ['pubdate', 'published', 'issued', 'date', 'updated', 'modified']) {
    const raw = element.findElementWithName(name)?.textContentNormalized.trim();
    if (!raw) continue;
    const rfc = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{4})\b/.exec(raw);
    if (rfc) {
      const month = MONTHS.indexOf(rfc[2]!.toLowerCase()) + 1;
      if (month > 0) return normaliseDate(`${rfc[3]}-${String(month).padStart(2, '0')}-${rfc[1]!.padStart(2, '0')}`);
    }
    const day = normaliseDate(raw);
    if (day) return day;
  }
  return null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function webLink(url: string | null): string | null {
  // Longer than the contract takes back (MAX_META_CHARS): not a link anyone could follow anyway.
  if (!url || !/^https?:\/\//i.test(url) || url.length > MAX_META_CHARS) return null;
  return safeHref(url) === url ? url : null;
}

function oneLine(v: string | null | undefined): string | null {
  const t = v == null ? '' : cleanLine(v).replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, 2000) : null;
}
