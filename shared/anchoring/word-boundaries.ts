// Word boundaries.
//
// An analyst selects whole words, and a quote cut mid-word ("completely and i") misquotes whoever
// said it. So wherever a quote began or ended at a word boundary, its new anchor must too.
import type { TextSelectors } from '../model';
import { isUsable, type Range } from './selectors';
import { alignmentCost } from './agreement';

/** A letter or digit of a spaced script; Chinese and Japanese characters are words on their own. */
function joinsWords(c: string | undefined): boolean {
  return c !== undefined && WORD_CHAR.test(c) && !isUnspacedScript(c.charCodeAt(0));
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether offset `i` of `text` falls between two characters of one word. */
export function cutsWord(text: string, i: number): boolean {
  return joinsWords(text[i - 1]) && joinsWords(text[i]);
}

/** Whether the stored quote began (ended) at a word boundary of the text it was taken from. */
export const startsWhole = (a: TextSelectors) => !(joinsWords(a.prefix.at(-1)) && joinsWords(a.exact[0]));
export const endsWhole = (a: TextSelectors) => !(joinsWords(a.exact.at(-1)) && joinsWords(a.suffix[0]));

/**
 * A run of letters longer than this is no word (a URL, a hash, a run-together paste); an edge
 * inside one is left where it is rather than stretched over it.
 */
const LONGEST_WORD = 64;

/** Where the word around offset `i` starts and ends, or null when it is longer than LONGEST_WORD. */
function wordAround(text: string, i: number): Range | null {
  let start = i;
  let end = i;
  while (start > 0 && joinsWords(text[start - 1]) && i - start < LONGEST_WORD) start--;
  while (end < text.length && joinsWords(text[end]) && end - i < LONGEST_WORD) end++;
  return cutsWord(text, start) || cutsWord(text, end) ? null : { start, end };
}

/**
 * Moves an edge that cuts a word, where the stored quote did not, to one side of that word: out
 * to take the whole word in ("completely and irreversibly"), or in to leave it out, whichever
 * lines the stored prefix, quote and suffix up better with the text; taking it in on a tie.
 */
export function snapToWords(text: string, a: TextSelectors, range: Range): Range {
  const startWord = startsWhole(a) && cutsWord(text, range.start) ? wordAround(text, range.start) : null;
  const endWord = endsWhole(a) && cutsWord(text, range.end) ? wordAround(text, range.end) : null;
  if (!startWord && !endWord) return range;
  const starts = startWord ? [startWord.start, startWord.end] : [range.start];
  const ends = endWord ? [endWord.end, endWord.start] : [range.end];
  let best: Range | null = null;
  let bestCost = Infinity;
  for (const start of starts) {
    for (const end of ends) {
      if (!isUsable(text, { start, end })) continue;
      const cost = alignmentCost(text, a, { start, end });
      if (cost < bestCost) {
        best = { start, end };
        bestCost = cost;
      }
    }
  }
  return best ?? range;
}


export const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c);

/** Kana and CJK ideographs. */
export function isUnspacedScript(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}
