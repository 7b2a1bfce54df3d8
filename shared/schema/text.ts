// The plain-text projection of an article: what search indexes and what annotation selectors count
// characters in. Blocks are separated by a blank line and hard breaks become a newline, so the
// projection reads like the text the analyst pasted.
import type { Node } from 'prosemirror-model';

export const BLOCK_SEPARATOR = '\n\n';
export const LEAF_TEXT = '\n';

export function projectText(doc: Node): string {
  return doc.textBetween(0, doc.content.size, BLOCK_SEPARATOR, LEAF_TEXT);
}

export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu);
  return m ? m.length : 0;
}

/**
 * The form two texts are compared in to recognise the same article imported twice: Unicode
 * compatibility-normalised, with all runs of white space folded, so a re-import from a
 * differently wrapped file still counts as the same text.
 */
export function normaliseForIdentity(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}
