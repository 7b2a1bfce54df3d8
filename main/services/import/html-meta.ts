// Metadata a saved web page carries: Open Graph and Dublin Core tags, article:* properties,
// JSON-LD NewsArticle blocks, <time> and the canonical link. First found wins, in that order.
import { normaliseDate } from './date';
import { safeHref } from '../../../shared/schema';

export interface HtmlMeta {
  title: string | null;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
}

export function readHtmlMeta(doc: Document): HtmlMeta {
  const meta = (...keys: string[]) => {
    for (const k of keys) {
      const el = doc.querySelector(`meta[property="${k}" i], meta[name="${k}" i], meta[itemprop="${k}" i]`);
      const v = el?.getAttribute('content')?.trim();
      if (v) return v;
    }
    return null;
  };
  const ld = readJsonLd(doc);
  const canonical = doc.querySelector('link[rel="canonical" i]')?.getAttribute('href');
  const url = [canonical, meta('og:url'), ld.url].map((u) => (u && /^https?:/i.test(u) ? safeHref(u) : null)).find(Boolean) ?? null;
  return {
    title: meta('og:title', 'twitter:title', 'dc.title') ?? ld.headline ?? (doc.title.trim() || null),
    outlet: meta('og:site_name', 'application-name', 'dc.publisher') ?? ld.publisher,
    author: meta('author', 'article:author', 'dc.creator', 'byl', 'sailthru.author') ?? ld.author,
    publishedAt:
      normaliseDate(meta('article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'dc.date.issued')) ??
      normaliseDate(ld.datePublished) ??
      normaliseDate(doc.querySelector('time[datetime]')?.getAttribute('datetime')),
    url,
  };
}

interface LdFields {
  headline: string | null;
  author: string | null;
  publisher: string | null;
  datePublished: string | null;
  url: string | null;
}

function readJsonLd(doc: Document): LdFields {
  const found: LdFields = { headline: null, author: null, publisher: null, datePublished: null, url: null };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // a broken block on a page is common and not the analyst's problem
    }
    for (const item of flatten(data)) {
      const type = String(item['@type'] ?? '');
      if (!/Article|Posting|Report/i.test(type)) continue;
      found.headline ??= str(item.headline);
      found.author ??= nameOf(item.author);
      found.publisher ??= nameOf(item.publisher);
      found.datePublished ??= str(item.datePublished);
      found.url ??= str(item.url);
    }
  }
  return found;
}

function flatten(data: unknown): Record<string, unknown>[] {
  if (Array.isArray(data)) return data.flatMap(flatten);
  if (data && typeof data === 'object') {
    const o = data as Record<string, unknown>;
    return [o, ...(Array.isArray(o['@graph']) ? flatten(o['@graph']) : [])];
  }
  return [];
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

function nameOf(v: unknown): string | null {
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter(Boolean);
    return names.length ? names.join(', ') : null;
  }
  if (v && typeof v === 'object') return str((v as Record<string, unknown>).name);
  return str(v);
}
