// W3C Web Annotation selectors over an article's plain-text projection: a TextPositionSelector
// (start, end) and a TextQuoteSelector (exact, with PREFIX_SUFFIX_CHARS of prefix and suffix).
import type { TextSelectors } from '../model';

/** How much context is stored on either side of a quote. */
export const PREFIX_SUFFIX_CHARS = 32;

/**
 * Why start..end cannot be annotated in `text`, or null when it can. The messages are written for
 * the analyst, since a bad range usually comes from a selection in the reader.
 */
export function checkRange(text: string, start: number, end: number): string | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return 'The selection must start and end at whole character offsets.';
  if (start < 0 || end > text.length) return `The selection (${start}–${end}) lies outside the article text (0–${text.length}).`;
  if (start > end) return `The selection starts (${start}) after it ends (${end}).`;
  if (start === end) return 'The selection is empty.';
  if (!/\S/u.test(text.slice(start, end))) return 'The selection contains only white space.';
  return null;
}

/** Position and quote selectors for start..end of `text`, with the context read from `text`. */
export function selectorsFor(text: string, start: number, end: number): TextSelectors {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start > end) {
    throw new RangeError(`No range ${start}–${end} in a text of ${text.length} characters.`);
  }
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - PREFIX_SUFFIX_CHARS), start),
    suffix: text.slice(end, end + PREFIX_SUFFIX_CHARS),
  };
}

/**
 * Whether two quotes say the same words: equal but for how white space falls (a paragraph split
 * or rejoined). Anything else, a letter or a comma, is a change to the quote the analyst reviews.
 */
export function sameWords(a: string, b: string): boolean {
  const fold = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim();
  return fold(a) === fold(b);
}

/** A stretch of text by offsets, end exclusive. */
export interface Range {
  start: number;
  end: number;
}

/** Whether `range` holds something to annotate: not empty, not only white space. */
export function isUsable(text: string, range: Range): boolean {
  return range.start < range.end && /\S/u.test(text.slice(range.start, range.end));
}
