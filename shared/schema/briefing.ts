// The briefing schema: what a briefing note is made of. Rich text (headings, lists, tables,
// quotes, rules; strong/em/underline/strike/highlight/link), plus the nodes that make it a
// briefing: embedded quotes (as blocks or inside a sentence) with a snapshot of their source, actor mentions, citations of
// articles, a live actor × position table, and figures (landscape pictures, live until frozen).
import { Schema, type NodeSpec, type MarkSpec, type DOMOutputSpec, type Node } from 'prosemirror-model';
import { tableNodes } from 'prosemirror-tables';
import { safeHref } from './url';
import { attr, linkHref, matches, optionalText, rowId, text, wholeNumber } from './attrs';
import { figureQuery } from '../landscape/query';
import { FIGURE_ATTRS, FIGURE_COLOURING, FROZEN_FIGURE, type FigureAttrs } from '../landscape/figure';
import { link, em, strong } from './marks';

/** Bumped whenever a stored doc would no longer load as-is; see briefing-migrations.ts. */
export const BRIEFING_SCHEMA_VERSION = 2;

/** What a quote node remembers of its source, so the briefing reads the same if the codebook changes. */
export interface QuoteSnapshot {
  annotationId: number;
  articleId: number;
  /** The annotation's and the article's global identities (main/store/uid.ts), filled in when the briefing is saved. */
  annotationUid?: string | null;
  articleUid?: string | null;
  kind: string;
  text: string;
  speaker: string | null;
  affiliation: string | null;
  outlet: string | null;
  title: string;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
}

/** A record's global identity (main/store/uid.ts): the store fills it in on save; null until then. */
const uidAttr = (what: string) => attr(optionalText(what), null);

const quoteAttrs = {
  annotationId: attr(rowId('A quote’s annotation id')),
  articleId: attr(rowId('A quote’s article id')),
  annotationUid: uidAttr('A quote’s annotation uid'),
  articleUid: uidAttr('A quote’s article uid'),
  kind: attr(text('A quote’s kind'), 'quote'),
  text: attr(text('A quote’s text')),
  speaker: attr(optionalText('A quote’s speaker'), null),
  affiliation: attr(optionalText('A quote’s affiliation'), null),
  outlet: attr(optionalText('A quote’s outlet'), null),
  title: attr(text('A quote’s source title'), ''),
  author: attr(optionalText('A quote’s author'), null),
  publishedAt: attr(optionalText('A quote’s date'), null),
  url: attr(linkHref('A quote’s source URL', true), null),
};

/** Largest start number of an ordered list: CommonMark allows nine digits. */
const MAX_LIST_START = 999_999_999;
/** Cells spanning more than this many rows or columns are not a briefing's table (and would make TableMap huge). */
const MAX_CELL_SPAN = 1000;

const listStart = (raw: string | null) => {
  const n = Number(raw ?? 1);
  return Number.isInteger(n) && n >= 0 && n <= MAX_LIST_START ? n : 1;
};

/** prosemirror-tables checks only that spans are numbers; Infinity or 1e9 would hang every table walk. */
function checkedTableNodes(): Record<string, NodeSpec> {
  const specs = tableNodes({ tableGroup: 'block', cellContent: 'block+', cellAttributes: {} }) as Record<string, NodeSpec>;
  const cellAttrs = {
    colspan: attr(wholeNumber('A table cell’s column span', 1, MAX_CELL_SPAN), 1),
    rowspan: attr(wholeNumber('A table cell’s row span', 1, MAX_CELL_SPAN), 1),
    colwidth: attr(columnWidths, null),
  };
  for (const name of ['table_cell', 'table_header']) specs[name] = { ...specs[name], attrs: cellAttrs };
  return specs;
}

function columnWidths(v: unknown): void {
  if (v === null) return;
  if (!Array.isArray(v) || v.length > MAX_CELL_SPAN || !v.every((w) => typeof w === 'number' && Number.isFinite(w) && w >= 0)) {
    throw new RangeError('A table cell’s column widths must be a list of widths in pixels.');
  }
}

const str = (el: HTMLElement, name: string) => el.getAttribute(`data-${name}`);
const num = (el: HTMLElement, name: string) => Number(el.getAttribute(`data-${name}`));
/** Pasted markup with a missing or garbled id is not one of our nodes; it is parsed as ordinary content. */
const ids = <T extends Record<string, unknown>>(attrs: T, ...names: (keyof T)[]): T | false => (names.every((n) => Number.isSafeInteger(attrs[n]) && (attrs[n] as number) >= 0) ? attrs : false);

/** The node types that embed a coded quote: a block of its own, or a few words inside a sentence. */
export const QUOTE_NODES: ReadonlySet<string> = new Set(['quote', 'inline_quote']);

/** A quote's snapshot as read back from the DOM the quote nodes write (copy and paste between briefings). */
function snapshotFromDom(dom: HTMLElement, text: string): QuoteSnapshot {
  return {
    annotationId: num(dom, 'quote-id'),
    articleId: num(dom, 'article-id'),
    annotationUid: str(dom, 'quote-uid'),
    articleUid: str(dom, 'article-uid'),
    kind: str(dom, 'kind') ?? 'quote',
    text,
    speaker: str(dom, 'speaker'),
    affiliation: str(dom, 'affiliation'),
    outlet: str(dom, 'outlet'),
    title: str(dom, 'title') ?? '',
    author: str(dom, 'author'),
    publishedAt: str(dom, 'published'),
    url: safeHref(str(dom, 'url')),
  };
}

/** The snapshot as data- attributes, the inverse of snapshotFromDom (the text goes in the element). */
function snapshotToDom(node: Node, cls: string): Record<string, string> {
  const a = node.attrs as QuoteSnapshot;
  const data: Record<string, string> = { class: cls, 'data-quote-id': String(a.annotationId), 'data-article-id': String(a.articleId), 'data-kind': a.kind, 'data-title': a.title };
  if (a.annotationUid) data['data-quote-uid'] = a.annotationUid;
  if (a.articleUid) data['data-article-uid'] = a.articleUid;
  if (a.speaker) data['data-speaker'] = a.speaker;
  if (a.affiliation) data['data-affiliation'] = a.affiliation;
  if (a.outlet) data['data-outlet'] = a.outlet;
  if (a.author) data['data-author'] = a.author;
  if (a.publishedAt) data['data-published'] = a.publishedAt;
  if (a.url) data['data-url'] = a.url;
  return data;
}

/** A figure's attributes from the DOM it wrote; anything that does not check out is not a figure. */
function figureFromDom(dom: HTMLElement): FigureAttrs | false {
  try {
    const parsed = FIGURE_ATTRS.safeParse(JSON.parse(dom.getAttribute('data-figure') ?? ''));
    return parsed.success ? (parsed.data as FigureAttrs) : false;
  } catch {
    return false;
  }
}

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'block+' },
  paragraph: { content: 'inline*', group: 'block', parseDOM: [{ tag: 'p' }], toDOM: () => ['p', 0] },
  heading: {
    attrs: { level: attr(wholeNumber('A heading’s level', 1, 3), 1) },
    content: 'inline*',
    group: 'block',
    defining: true,
    parseDOM: [
      { tag: 'h1', attrs: { level: 1 } },
      { tag: 'h2', attrs: { level: 2 } },
      { tag: 'h3', attrs: { level: 3 } },
      { tag: 'h4', attrs: { level: 3 } },
      { tag: 'h5', attrs: { level: 3 } },
      { tag: 'h6', attrs: { level: 3 } },
    ],
    toDOM: (node) => [`h${node.attrs.level as number}`, 0],
  },
  blockquote: { content: 'block+', group: 'block', defining: true, parseDOM: [{ tag: 'blockquote' }], toDOM: () => ['blockquote', 0] },
  horizontal_rule: { group: 'block', parseDOM: [{ tag: 'hr' }], toDOM: () => ['hr'] },
  bullet_list: { content: 'list_item+', group: 'block', parseDOM: [{ tag: 'ul' }], toDOM: () => ['ul', 0] },
  ordered_list: {
    attrs: { order: attr(wholeNumber('A numbered list’s first number', 0, MAX_LIST_START), 1) },
    content: 'list_item+',
    group: 'block',
    parseDOM: [{ tag: 'ol', getAttrs: (dom) => ({ order: listStart(dom.getAttribute('start')) }) }],
    toDOM: (node) => (node.attrs.order === 1 ? ['ol', 0] : ['ol', { start: String(node.attrs.order) }, 0]),
  },
  list_item: { content: 'paragraph block*', defining: true, parseDOM: [{ tag: 'li' }], toDOM: () => ['li', 0] },
  ...checkedTableNodes(),
  /** An annotated quote, embedded with a snapshot of its text, speaker and source. */
  quote: {
    group: 'block',
    atom: true,
    selectable: true,
    draggable: true,
    attrs: quoteAttrs,
    parseDOM: [{ tag: 'figure[data-quote-id]', getAttrs: (dom) => ids({ ...snapshotFromDom(dom, dom.querySelector('blockquote')?.textContent ?? '') }, 'annotationId', 'articleId') }],
    toDOM: (node): DOMOutputSpec => {
      const a = node.attrs as QuoteSnapshot;
      return ['figure', snapshotToDom(node, 'quote-node'), ['blockquote', a.text], ['figcaption', [a.speaker ?? 'Unattributed'].concat(a.affiliation ? [`, ${a.affiliation}`] : []).join('')]];
    },
  },
  /** A live actor × position table for a topic; "freeze" turns it into an ordinary table. */
  stance_table: {
    group: 'block',
    atom: true,
    attrs: { topicId: attr(rowId('A stance table’s topic id')), topicUid: uidAttr('A stance table’s topic uid'), topic: attr(text('A stance table’s topic'), '') },
    parseDOM: [{ tag: 'div[data-stance-table]', getAttrs: (dom) => ids({ topicId: num(dom, 'stance-table'), topicUid: str(dom, 'topic-uid'), topic: str(dom, 'topic') ?? '' }, 'topicId') }],
    toDOM: (node) => [
      'div',
      { 'data-stance-table': String(node.attrs.topicId), 'data-topic': node.attrs.topic as string, ...(node.attrs.topicUid ? { 'data-topic-uid': node.attrs.topicUid as string } : {}), class: 'stance-table-node' },
      `Actors & positions: ${node.attrs.topic as string}`,
    ],
  },
  /**
   * A landscape picture (shared/landscape/figure.ts): drawn again from the coded quotes until
   * frozen. Copied between briefings as its attributes in JSON, checked again when pasted.
   */
  figure: {
    group: 'block',
    atom: true,
    selectable: true,
    draggable: true,
    attrs: {
      query: attr(matches(figureQuery, 'A figure’s picture')),
      colouring: attr(matches(FIGURE_COLOURING, 'A figure’s colouring'), 'kind'),
      caption: attr(text('A figure’s caption'), ''),
      frozen: attr(matches(FROZEN_FIGURE.nullable(), 'A frozen figure'), null),
      topicUid: uidAttr('A figure’s topic uid'),
    },
    parseDOM: [{ tag: 'div[data-figure]', getAttrs: (dom) => figureFromDom(dom) }],
    toDOM: (node) => ['div', { class: 'figure-node', 'data-figure': JSON.stringify(node.attrs) }, node.attrs.caption as string],
  },
  text: { group: 'inline' },
  /** An actor mentioned with @. */
  actor: {
    group: 'inline',
    inline: true,
    atom: true,
    attrs: { actorId: attr(rowId('An actor mention’s actor id')), actorUid: uidAttr('An actor mention’s actor uid'), name: attr(text('An actor mention’s name')) },
    parseDOM: [{ tag: 'span[data-actor-id]', getAttrs: (dom) => ids({ actorId: num(dom, 'actor-id'), actorUid: str(dom, 'actor-uid'), name: dom.textContent?.replace(/^@/, '') ?? '' }, 'actorId') }],
    toDOM: (node) => ['span', { class: 'actor-node', 'data-actor-id': String(node.attrs.actorId), ...(node.attrs.actorUid ? { 'data-actor-uid': node.attrs.actorUid as string } : {}) }, node.attrs.name as string],
  },
  /**
   * A coded quote embedded in the running text: the quoted words inside a sentence, with the same
   * snapshot as a block quote. Printed between typographic quotation marks with a citation number;
   * the speaker shows on hover and in the Sources.
   */
  inline_quote: {
    group: 'inline',
    inline: true,
    atom: true,
    selectable: true,
    draggable: true,
    attrs: quoteAttrs,
    parseDOM: [{ tag: 'q[data-quote-id]', getAttrs: (dom) => ids({ ...snapshotFromDom(dom, dom.textContent ?? '') }, 'annotationId', 'articleId') }],
    toDOM: (node): DOMOutputSpec => ['q', snapshotToDom(node, 'inline-quote-node'), node.attrs.text as string],
  },
  /** A numbered reference to an article; the number follows document order and is never stored. */
  cite: {
    group: 'inline',
    inline: true,
    atom: true,
    attrs: { articleId: attr(rowId('A citation’s article id')), articleUid: uidAttr('A citation’s article uid'), title: attr(text('A citation’s title'), '') },
    parseDOM: [{ tag: 'sup[data-cite]', getAttrs: (dom) => ids({ articleId: num(dom, 'cite'), articleUid: str(dom, 'article-uid'), title: str(dom, 'title') ?? '' }, 'articleId') }],
    toDOM: (node) => ['sup', { class: 'cite-node', 'data-cite': String(node.attrs.articleId), 'data-title': node.attrs.title as string, ...(node.attrs.articleUid ? { 'data-article-uid': node.attrs.articleUid as string } : {}) }, '[·]'],
  },
  hard_break: { inline: true, group: 'inline', selectable: false, parseDOM: [{ tag: 'br' }], toDOM: () => ['br'] },
};

const marks: Record<string, MarkSpec> = {
  // A briefing's links are checked when saved, so no export ever meets one it cannot write safely.
  link: { ...link, attrs: { href: attr(linkHref('A link', false)) } },
  em,
  strong,
  underline: { parseDOM: [{ tag: 'u' }, { style: 'text-decoration=underline' }, { style: 'text-decoration-line=underline' }], toDOM: () => ['u', 0] },
  strike: { parseDOM: [{ tag: 's' }, { tag: 'del' }, { tag: 'strike' }, { style: 'text-decoration=line-through' }, { style: 'text-decoration-line=line-through' }], toDOM: () => ['s', 0] },
  highlight: { parseDOM: [{ tag: 'mark' }], toDOM: () => ['mark', 0] },
};

export const briefingSchema = new Schema({ nodes, marks });

/** How a leaf node reads in the plain text: quotes with their marks, mentions by name. */
function leafText(leaf: Node): string {
  switch (leaf.type.name) {
    case 'quote':
      return `“${leaf.attrs.text as string}” (${(leaf.attrs.speaker as string | null) ?? 'unattributed'})`;
    case 'inline_quote':
      return `“${leaf.attrs.text as string}”`;
    case 'actor':
      return leaf.attrs.name as string;
    case 'figure':
      return `Figure: ${leaf.attrs.caption as string}`;
    case 'hard_break':
      return '\n';
    default:
      return '';
  }
}

/** The plain text of a briefing, for search and word counts. */
export function briefingText(doc: Node): string {
  return doc.textBetween(0, doc.content.size, '\n\n', leafText);
}
