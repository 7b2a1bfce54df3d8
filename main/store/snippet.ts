// A snippet built from the original text, for matches the word index did not make (CJK terms are
// found through the bigram index, whose tokens are not the text): the first match with some words
// before it and more after, every term inside marked as FTS5's snippet() marks them.
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../shared/model';
import { findTerms, type Range } from '../../shared/term-match';

const BEFORE = 40;
const AFTER = 110;

/** Moves an offset off the second half of a surrogate pair. */
const safe = (text: string, i: number) => (i > 0 && i < text.length && /[\udc00-\udfff]/.test(text[i]!) ? i - 1 : i);

function mark(text: string, from: number, to: number, ranges: readonly Range[]): string {
  let out = '';
  let at = from;
  for (const [s, e] of ranges) {
    if (e <= from || s >= to || s < at) continue;
    out += text.slice(at, s) + SNIPPET_OPEN + text.slice(s, Math.min(e, to)) + SNIPPET_CLOSE;
    at = Math.min(e, to);
  }
  return out + text.slice(at, to);
}

/** The whole text with the terms marked (a short quote or a name). */
export function highlightTerms(text: string, terms: readonly string[]): string {
  return mark(text, 0, text.length, findTerms(text, terms));
}

/** Whether any term occurs in the text. */
export const containsTerms = (text: string, terms: readonly string[]) => findTerms(text, terms).length > 0;

/** Text around the first match, cut near white space where the script has it, with `…` where cut. */
export function snippetAround(text: string, terms: readonly string[]): string {
  const ranges = findTerms(text, terms);
  const first = ranges[0]?.[0] ?? 0;
  let from = safe(text, Math.max(0, first - BEFORE));
  let to = safe(text, Math.min(text.length, first + AFTER));
  // Spaced scripts are cut at a word boundary; unspaced ones anywhere.
  if (from > 0) {
    const space = text.slice(from, first).search(/\s/);
    if (space >= 0) from += space + 1;
  }
  if (to < text.length) {
    const space = text.slice(first, to).search(/\s\S*$/);
    if (space > 0 && first + space > (ranges[0]?.[1] ?? first)) to = first + space;
  }
  const body = mark(text, from, to, ranges).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}
