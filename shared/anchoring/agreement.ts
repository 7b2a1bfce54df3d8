// How well a place in the text agrees with an annotation's stored selectors: the words inside and
// the context either side, measured in edits.
import type { TextSelectors } from '../model';
import type { Range } from './selectors';
import { editDistance, similarity } from './edit-distance';

/**
 * How well the text around `range` agrees with the stored prefix and suffix, each compared
 * character by character from the quote outwards (edit distance): 1 identical, 0.1–0.3 for
 * unrelated text.
 */
export function contextScore(text: string, a: TextSelectors, range: Range): number {
  const stored = a.prefix.length + a.suffix.length;
  if (!stored) return 0.5; // the quote was the whole text: nothing to compare
  const before = text.slice(Math.max(0, range.start - a.prefix.length), range.start);
  const after = text.slice(range.end, range.end + a.suffix.length);
  // Each side weighs by its length, so a one-character suffix (a quote at the end) cannot vouch alone.
  return (similarity(a.prefix, before) * a.prefix.length + similarity(a.suffix, after) * a.suffix.length) / stored;
}

/** Edits needed to turn the stored prefix, quote and suffix into the text before, inside and after `range`. */
export function alignmentCost(text: string, a: TextSelectors, range: Range): number {
  const before = text.slice(Math.max(0, range.start - a.prefix.length), range.start);
  const after = text.slice(range.end, range.end + a.suffix.length);
  const inside = text.slice(range.start, range.end);
  const limit = Math.max(inside.length, a.exact.length);
  return editDistance(a.prefix, before, a.prefix.length) + editDistance(a.exact, inside, limit) + editDistance(a.suffix, after, a.suffix.length);
}
