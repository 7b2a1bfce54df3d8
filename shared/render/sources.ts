// The sources a briefing cites, numbered the way the text numbers them (citationOrder), and the
// wording of one endnote. HTML, Markdown and Word exports all word a source the same way.
import type { Node } from 'prosemirror-model';
import { QUOTE_NODES } from '../schema/briefing';
import { citationOrder } from '../schema/citations';
import { safeHref } from '../schema/url';
import { formatDate } from './escape';

/** What an endnote says about an article. */
export interface SourceMeta {
  title: string;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
}

export interface CitedSource extends SourceMeta {
  /** The citation number, as printed in the text. */
  n: number;
  articleId: number;
  /**
   * Who is quoted inside a sentence from this article ("Kim Jung Han, Director-General, …"), in
   * order of appearance: an inline quote has no caption, so its speaker is named here.
   */
  speakers: string[];
}

/** A speaker as an endnote names them: the name, then the affiliation. */
export function speakerLabel(attrs: { speaker?: unknown; affiliation?: unknown }): string {
  return [(attrs.speaker as string | null) ?? 'Unattributed', attrs.affiliation as string | null].filter(Boolean).join(', ');
}

/** For each cited article, the speakers of its inline quotes, once each, in document order. */
export function inlineSpeakers(doc: Node): Map<number, string[]> {
  const out = new Map<number, string[]>();
  doc.descendants((node) => {
    if (node.type.name !== 'inline_quote') return true;
    const id = node.attrs.articleId as number;
    const list = out.get(id) ?? [];
    const who = speakerLabel(node.attrs);
    if (!list.includes(who)) list.push(who);
    out.set(id, list);
    return false;
  });
  return out;
}

/**
 * Every article the briefing cites, once, in citation order. Metadata comes from `library` (the
 * article as it is now) when it is there, else from the first quote snapshot of it, else from the
 * cite node's remembered title.
 */
export function citedSources(doc: Node, library?: ReadonlyMap<number, SourceMeta>): CitedSource[] {
  const order = citationOrder(doc);
  const fromDoc = new Map<number, SourceMeta>();
  doc.descendants((node) => {
    const id = node.attrs.articleId as number;
    if (QUOTE_NODES.has(node.type.name)) {
      const known = fromDoc.get(id);
      // A quote snapshot knows more than a cite's title.
      if (!known || (!known.outlet && !known.publishedAt && !known.url)) {
        const a = node.attrs;
        fromDoc.set(id, { title: (a.title as string) || known?.title || '', outlet: a.outlet as string | null, author: a.author as string | null, publishedAt: a.publishedAt as string | null, url: a.url as string | null });
      }
    } else if (node.type.name === 'cite' && !fromDoc.has(id)) {
      fromDoc.set(id, { title: node.attrs.title as string, outlet: null, author: null, publishedAt: null, url: null });
    }
    return true;
  });
  const speakers = inlineSpeakers(doc);
  return [...order].map(([articleId, n]) => {
    const meta = library?.get(articleId) ?? fromDoc.get(articleId) ?? { title: '', outlet: null, author: null, publishedAt: null, url: null };
    return { n, articleId, ...meta, title: meta.title || `Article ${articleId}`, speakers: speakers.get(articleId) ?? [] };
  });
}

/** One run of an endnote: plain text, the title (quoted), the outlet (italic) or the URL (a link). */
export interface SourcePart {
  text: string;
  kind: 'plain' | 'title' | 'outlet' | 'url';
}

const endsSentence = (s: string) => /[.!?…]["”’)]*$/.test(s);

/**
 * A Chicago-like note: Author. “Title.” Outlet, 29 October 2020. https://…
 * Missing pieces are left out, never printed as blanks.
 */
export function sourceParts(src: SourceMeta & { speakers?: readonly string[] }): SourcePart[] {
  const parts: SourcePart[] = [];
  const author = src.author?.trim();
  if (author) parts.push({ text: endsSentence(author) ? `${author} ` : `${author}. `, kind: 'plain' });
  const title = src.title.trim();
  parts.push({ text: '“', kind: 'plain' }, { text: title, kind: 'title' }, { text: endsSentence(title) ? '”' : '.”', kind: 'plain' });
  const outlet = src.outlet?.trim();
  const date = formatDate(src.publishedAt);
  if (outlet || date) {
    parts.push({ text: ' ', kind: 'plain' });
    if (outlet) parts.push({ text: outlet, kind: 'outlet' });
    if (date) parts.push({ text: outlet ? `, ${date}` : date, kind: 'plain' });
    parts.push({ text: '.', kind: 'plain' });
  }
  const url = safeHref(src.url);
  if (src.speakers?.length) parts.push({ text: ` Quoted: ${src.speakers.join('; ')}.`, kind: 'plain' });
  if (url && /^https?:/i.test(url)) parts.push({ text: ' ', kind: 'plain' }, { text: url, kind: 'url' });
  return parts;
}

/** The endnote as plain text. */
export function sourceText(src: SourceMeta): string {
  return sourceParts(src)
    .map((p) => p.text)
    .join('');
}
