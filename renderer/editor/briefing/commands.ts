// Commands that make a briefing a briefing: embedding quotes, mentioning actors, citing articles,
// inserting tables, the live actor × position table and landscape figures.
import type { Command, EditorState, Transaction } from 'prosemirror-state';
import { NodeSelection, Selection, TextSelection } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { briefingSchema as s, QUOTE_NODES, type QuoteSnapshot } from '../../../shared/schema/briefing';
import type { QuoteRow } from '../../../shared/model';
import { safeHref } from '../../../shared/schema/url';
import type { FigureAttrs, FrozenFigure } from '../../../shared/landscape/figure';

/** The snapshot a quote node keeps of its annotation. */
export function snapshotOf(q: QuoteRow): QuoteSnapshot {
  return {
    annotationId: q.id,
    articleId: q.article.id,
    kind: q.kind,
    text: q.text,
    speaker: q.speaker?.name ?? null,
    affiliation: q.speaker?.affiliations.map((f) => (f.role ? `${f.role}, ${f.name}` : f.name)).join('; ') || null,
    outlet: q.article.outlet,
    title: q.article.title,
    author: q.article.author,
    publishedAt: q.article.publishedAt,
    // An article's URL is any http(s) text; a quote keeps it only in the form a link may take.
    url: safeHref(q.article.url),
  };
}

/** True when the annotation differs from what the quote node remembers. */
export function snapshotDiffers(node: Node, current: QuoteSnapshot): boolean {
  return (Object.keys(current) as (keyof QuoteSnapshot)[]).some((k) => (node.attrs[k] ?? null) !== (current[k] ?? null));
}

/**
 * Puts a text cursor right after the block that ends at `after`: in the rest of the paragraph the
 * block split (`continues`), in an empty paragraph that follows, or in a new one. A selection left
 * on an atom block (a quote, a live table) would make the next keystroke replace it, and a caret
 * dropped into the next heading would type into the heading.
 */
function caretAfter(tr: Transaction, after: number, continues: boolean): void {
  const next = tr.doc.resolve(after).nodeAfter;
  const usable = next?.isTextblock && (continues || (next.type === s.nodes.paragraph && next.content.size === 0));
  if (!usable) tr.insert(after, s.nodes.paragraph!.create());
  tr.setSelection(TextSelection.create(tr.doc, after + 1));
}

/**
 * Inserts a block node at the cursor: in place of an empty paragraph, else before or after the
 * current block, splitting it when the cursor is in the middle. With `enter`, the cursor goes
 * into the new node (a table's first cell); otherwise just after it.
 */
function insertBlock(node: Node, enter = false): Command {
  return (state, dispatch) => {
    const tr = state.tr.deleteSelection();
    const $pos = tr.selection.$from;
    let at: number;
    // True when the text after the cursor stays right after the new block: typing continues there.
    let continues = false;
    if (!$pos.parent.isTextblock || $pos.depth === 0) {
      at = $pos.pos;
      tr.insert(at, node);
    } else if ($pos.parent.content.size === 0) {
      at = $pos.before();
      tr.replaceWith(at, $pos.after(), node);
    } else if ($pos.parentOffset === 0) {
      at = $pos.before();
      tr.insert(at, node);
      continues = true;
    } else if ($pos.parentOffset === $pos.parent.content.size) {
      at = $pos.after();
      tr.insert(at, node);
    } else {
      tr.split($pos.pos);
      at = $pos.pos + 1;
      tr.insert(at, node);
      continues = true;
    }
    if (enter) tr.setSelection(Selection.near(tr.doc.resolve(at + 1)));
    else caretAfter(tr, at + node.nodeSize, continues);
    dispatch?.(tr.scrollIntoView());
    return true;
  };
}

/** A quote goes in as a block of its own, or inline: its words inside the sentence being written. */
export type QuoteForm = 'block' | 'inline';

/** Quotes longer than this read better as a block; shorter ones are fragments for a sentence. */
export const INLINE_QUOTE_MAX = 120;

/** The form a quote defaults to: a short fragment on one line goes inline, anything longer is a block. */
export function defaultQuoteForm(text: string): QuoteForm {
  const t = text.trim();
  return t.length <= INLINE_QUOTE_MAX && !t.includes('\n') ? 'inline' : 'block';
}

export const insertBlockQuote = (q: QuoteRow): Command => insertBlock(s.nodes.quote!.create(snapshotOf(q)));

/**
 * The quoted words at the cursor, inside the sentence; the caret stays right after them so the
 * sentence goes on. Where no text can go (a selected block), they start a new paragraph.
 */
export const insertInlineQuote =
  (q: QuoteRow): Command =>
  (state, dispatch) => {
    const node = s.nodes.inline_quote!.create(snapshotOf(q));
    if (state.selection.$from.parent.inlineContent) {
      dispatch?.(state.tr.replaceSelectionWith(node, false).scrollIntoView());
      return true;
    }
    return insertBlock(s.nodes.paragraph!.create(null, node), true)(state, dispatch && ((tr) => dispatch(tr.setSelection(TextSelection.create(tr.doc, tr.selection.from + node.nodeSize)))));
  };

export const insertQuote = (q: QuoteRow, form: QuoteForm = defaultQuoteForm(q.text)): Command => (form === 'inline' ? insertInlineQuote(q) : insertBlockQuote(q));

/** A quote dropped at `pos`: inline where text can go and the quote is short, else a block after the block dropped on. */
export function insertQuoteAt(state: EditorState, pos: number, q: QuoteRow) {
  const $pos = state.doc.resolve(pos);
  if (defaultQuoteForm(q.text) === 'inline' && $pos.parent.inlineContent) return state.tr.insert(pos, s.nodes.inline_quote!.create(snapshotOf(q)));
  const at = $pos.depth > 0 ? $pos.after(1) : pos;
  return state.tr.insert(at, s.nodes.quote!.create(snapshotOf(q)));
}

/** Brings a quote node's snapshot (block or inline) up to date with its annotation. */
export function updateQuoteAt(pos: number, q: QuoteRow): Command {
  return (state, dispatch) => {
    const node = state.doc.nodeAt(pos);
    if (!node || !QUOTE_NODES.has(node.type.name)) return false;
    dispatch?.(state.tr.setNodeMarkup(pos, undefined, snapshotOf(q)));
    return true;
  };
}

export function insertMention(from: number, to: number, actor: { id: number; name: string }): Command {
  return (state, dispatch) => {
    const node = s.nodes.actor!.create({ actorId: actor.id, name: actor.name });
    const tr = state.tr.replaceWith(from, to, [node, s.text(' ')]);
    dispatch?.(tr.setSelection(TextSelection.create(tr.doc, from + 2)).scrollIntoView());
    return true;
  };
}

export const insertCite = (article: { id: number; title: string }): Command => (state, dispatch) => {
  if (!state.selection.$from.parent.inlineContent) return false;
  dispatch?.(state.tr.replaceSelectionWith(s.nodes.cite!.create({ articleId: article.id, title: article.title }), false).scrollIntoView());
  return true;
};

export const insertStanceTable = (topic: { id: number; name: string }): Command => insertBlock(s.nodes.stance_table!.create({ topicId: topic.id, topic: topic.name }));

function cell(type: 'table_cell' | 'table_header', text: string): Node {
  return s.nodes[type]!.create(null, s.node('paragraph', null, text ? s.text(text) : undefined));
}

export function tableNode(header: string[], rows: string[][]): Node {
  return s.nodes.table!.create(null, [
    s.nodes.table_row!.create(null, header.map((h) => cell('table_header', h))),
    ...rows.map((r) => s.nodes.table_row!.create(null, r.map((c) => cell('table_cell', c)))),
  ]);
}

export const insertTable = (cols = 3, rows = 2): Command =>
  insertBlock(
    tableNode(
      Array.from({ length: cols }, () => ''),
      Array.from({ length: rows }, () => Array.from({ length: cols }, () => '')),
    ),
    true,
  );

/** "Freeze": the live table becomes an ordinary table with today's numbers. */
export function freezeStanceTable(pos: number, header: string[], rows: string[][]): Command {
  return (state, dispatch) => {
    const node = state.doc.nodeAt(pos);
    if (!node || node.type !== s.nodes.stance_table) return false;
    dispatch?.(state.tr.replaceWith(pos, pos + node.nodeSize, tableNode(header, rows)));
    return true;
  };
}

/**
 * A landscape figure at the end of the briefing (sent from the Landscape, where the cursor's place
 * is not known), selected and scrolled to, with an empty paragraph after it to write on.
 */
export const appendFigure = (attrs: FigureAttrs): Command => (state, dispatch) => {
  const figure = s.nodes.figure!.create(attrs);
  const last = state.doc.lastChild;
  const end = state.doc.content.size;
  // An empty last paragraph makes way for the figure rather than sit above it.
  const at = last && last.type === s.nodes.paragraph && last.content.size === 0 ? end - last.nodeSize : end;
  const tr = state.tr.replaceWith(at, end, [figure, s.nodes.paragraph!.create()]);
  dispatch?.(tr.setSelection(NodeSelection.create(tr.doc, at)).scrollIntoView());
  return true;
};

function setFigureAttrs(pos: number, patch: Partial<FigureAttrs>): Command {
  return (state, dispatch) => {
    const node = state.doc.nodeAt(pos);
    if (!node || node.type !== s.nodes.figure) return false;
    dispatch?.(state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...patch }));
    return true;
  };
}

/** "Freeze": the figure keeps the picture drawn now and no longer follows the coding. */
export const freezeFigure = (pos: number, frozen: FrozenFigure): Command => setFigureAttrs(pos, { frozen });

export const setFigureCaption = (pos: number, caption: string): Command => setFigureAttrs(pos, { caption });
