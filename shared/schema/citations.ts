// Citation numbers of a briefing: the first article cited (by a quote, an inline quote or a cite)
// is 1, and so on in document order. Never stored: the editor (its decorations) and every export
// compute them here from the doc, so the numbers can never drift from the text or between them.
import type { Node } from 'prosemirror-model';
import { QUOTE_NODES } from './briefing';

/** Whether the node cites an article: a quote, an inline quote or a cite. */
export function isCitation(node: Node): boolean {
  return QUOTE_NODES.has(node.type.name) || node.type.name === 'cite';
}

/**
 * Calls `visit` for every citing node in document order. Quotes are atoms and inline nodes have no
 * children, so neither is entered.
 */
export function forEachCitation(doc: Node, visit: (node: Node, pos: number, articleId: number) => void): void {
  doc.descendants((node, pos) => {
    if (isCitation(node)) visit(node, pos, node.attrs.articleId as number);
    return !node.isInline && node.type.name !== 'quote';
  });
}

/** The article id of every citing node, in document order, repeats included: what the numbering depends on. */
export function citationSequence(doc: Node): number[] {
  const sequence: number[] = [];
  forEachCitation(doc, (_node, _pos, articleId) => sequence.push(articleId));
  return sequence;
}

/** Article id → citation number, by first appearance in `sequence`. */
export function numberCitations(sequence: readonly number[]): Map<number, number> {
  const order = new Map<number, number>();
  for (const id of sequence) if (!order.has(id)) order.set(id, order.size + 1);
  return order;
}

/** Article id → citation number for the doc. */
export function citationOrder(doc: Node): Map<number, number> {
  return numberCitations(citationSequence(doc));
}
