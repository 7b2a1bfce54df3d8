// Importing from the web: a page's address, a feed (its address or its file) and the items an
// analyst picked from it. Everything ends in the one import service (the same reading, duplicate
// check and results); this file only fetches, decodes and decides what the bytes are.
import type { CallInput } from '../../../../shared/contract';
import type { FeedItem, FeedListing, UrlImportResult } from '../../../../shared/feed';
import type { ImportResult } from '../../../../shared/model';
import { AppError } from '../../../errors';
import type { ImportService } from '../service';
import { decodeBytes, declaredHtmlCharset } from '../decode';
import { declaredXmlCharset, looksLikeFeed } from '../feed';
import { DEFAULT_FETCH_LIMITS, FetchError, fetchPage, type FetchedPage, type FetchLimits } from './fetch-page';
import { readFeedInProcess, type FeedReader } from '../feed-reader';

export interface WebImportOptions {
  limits?: Partial<FetchLimits>;
  /** Hosts this process may fetch from; every hop of a redirect is asked too. All, unless told (tests: loopback only). */
  allowHost?: (hostname: string) => boolean;
  /** Where feeds are read: in-process unless told (the app and browser mode use a FeedWorker). */
  readFeed?: FeedReader;
}

type PageMeta = Omit<CallInput<'articles.importUrl'>, 'url'>;
type FeedSource = CallInput<'feeds.read'>;
type FeedItemInput = CallInput<'feeds.importItems'>['items'][number];

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml', 'application/x-rss+xml']);
/** Types servers give anything: the bytes decide. */
const VAGUE_TYPES = new Set(['', 'text/plain', 'application/octet-stream', 'binary/octet-stream']);
const FEED_ACCEPT = 'application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5';

export class WebImportService {
  private readonly limits: FetchLimits;

  constructor(
    private readonly importer: ImportService,
    private readonly options: WebImportOptions = {},
  ) {
    this.limits = { ...DEFAULT_FETCH_LIMITS, ...options.limits };
  }

  /**
   * One address: a page is imported (its final address stored as the article's URL); a feed is
   * read and handed back for the analyst to pick from. A failure is a `failed` result, as for a file.
   */
  async importUrl(input: CallInput<'articles.importUrl'>): Promise<UrlImportResult> {
    const { url: address, ...meta } = input;
    let page: FetchedPage;
    try {
      page = await this.fetch(address);
      if (isFeed(page)) return { file: address, status: 'feed', feed: await this.feedOf(page) };
    } catch (err) {
      if (err instanceof AppError) return { file: address, status: 'failed', error: err.message };
      throw err;
    }
    return this.importPage(address, page, meta);
  }

  /** A feed from its address or its file, listed. Not a feed: refused with the reason. */
  async readFeed(input: FeedSource): Promise<FeedListing> {
    if (input.url !== undefined) {
      const page = await this.fetch(input.url, FEED_ACCEPT);
      if (!isFeed(page)) throw new AppError('unsupported', `${page.url} is not an RSS or Atom feed (its type is ${page.mediaType || 'not given'}).`);
      return this.feedOf(page);
    }
    const file = input.file ?? 'feed';
    const bytes = Buffer.from(input.data ?? '', 'base64');
    const { text } = decodeBytes(bytes, declaredXmlCharset(bytes));
    if (!looksLikeFeed(text)) throw new AppError('unsupported', `${file} is not an RSS or Atom feed.`);
    return this.read(text, file);
  }

  /**
   * Picked feed items, a result each, in order: those carrying their full text go to the import
   * service together (one write transaction); the others are fetched from their link one by one.
   */
  async importItems(items: readonly FeedItemInput[]): Promise<ImportResult[]> {
    const results: ImportResult[] = new Array(items.length);
    const withText: { index: number; input: CallInput<'articles.import'> }[] = [];
    for (const [index, item] of items.entries()) {
      const label = item.title?.trim() || item.link || `item ${index + 1}`;
      const meta = itemMeta(item);
      if (item.content?.trim()) withText.push({ index, input: { file: label, encoding: 'text', format: 'html', data: item.content, ...meta, url: item.link ?? null } });
      else if (item.link) results[index] = await this.importLinked(label, item.link, meta);
      else results[index] = { file: label, status: 'failed', error: 'This item has neither its full text nor a link in the feed; nothing to import.' };
    }
    if (withText.length) {
      const stored = await this.importer.importBatch(withText.map((w) => w.input));
      for (const [i, w] of withText.entries()) results[w.index] = stored[i]!;
    }
    return results;
  }

  private async importLinked(label: string, link: string, meta: PageMeta): Promise<ImportResult> {
    try {
      const page = await this.fetch(link);
      if (isFeed(page)) return { file: label, status: 'failed', error: `The item’s link ${link} leads to a feed, not an article.` };
      return { ...(await this.importPage(link, page, meta)), file: label };
    } catch (err) {
      if (err instanceof AppError) return { file: label, status: 'failed', error: err.message };
      throw err;
    }
  }

  private async importPage(address: string, page: FetchedPage, meta: PageMeta): Promise<ImportResult> {
    let decoded: { text: string; warnings: string[] };
    try {
      if (!HTML_TYPES.has(page.mediaType) && !(VAGUE_TYPES.has(page.mediaType) && looksLikeHtml(page.bytes))) {
        throw new AppError('unsupported', `${page.url} is not HTML (its type is ${page.mediaType || 'not given'}): only web pages and feeds can be imported from an address.`);
      }
      // The header's charset first, then the page's own <meta>, as browsers do.
      decoded = decodeBytes(page.bytes, page.charset ?? declaredHtmlCharset(page.bytes));
    } catch (err) {
      if (err instanceof AppError) return { file: address, status: 'failed', error: err.message };
      throw err;
    }
    const result = await this.importer.import({ file: address, encoding: 'text', format: 'html', data: decoded.text, ...meta, url: page.url });
    const warnings = [...decoded.warnings, ...(result.warnings ?? [])];
    return warnings.length ? { ...result, warnings } : result;
  }

  private feedOf(page: FetchedPage): Promise<FeedListing> {
    const { text } = decodeBytes(page.bytes, page.charset ?? declaredXmlCharset(page.bytes));
    return this.read(text, page.url);
  }

  private read(text: string, source: string): Promise<FeedListing> {
    return (this.options.readFeed ?? readFeedInProcess)(text, source);
  }

  private fetch(address: string, accept?: string): Promise<FetchedPage> {
    const allow = this.options.allowHost;
    return fetchPage(address, this.limits, accept, allow ? (url) => allow(url.hostname) : undefined);
  }
}

/** What the feed said about an item, as the article's metadata. */
function itemMeta(item: FeedItemInput | FeedItem): PageMeta {
  return {
    ...(item.title?.trim() ? { title: item.title.trim().slice(0, 300) } : {}),
    ...(item.publishedAt ? { publishedAt: item.publishedAt } : {}),
    ...(item.author ? { author: item.author } : {}),
  };
}

/** A feed by its declared type, or by its first element when the type says little (or says HTML: some servers do). */
function isFeed(page: FetchedPage): boolean {
  if (!FEED_TYPES.has(page.mediaType) && !VAGUE_TYPES.has(page.mediaType) && !HTML_TYPES.has(page.mediaType)) return false;
  return looksLikeFeed(new TextDecoder('latin1').decode(page.bytes.subarray(0, 4096)));
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  return /^(<!doctype html|<html|<head|<body|<meta|<title|<!--)/.test(head);
}

export { FetchError };
