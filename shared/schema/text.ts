// The plain-text projection of an article: what search indexes and what annotation selectors count
// characters in. Blocks are separated by a blank line and hard breaks become a newline, so the
// projection reads like the text the analyst pasted.
import type { Node } from 'prosemirror-model';
import { hasCjk } from '../cjk';

export const BLOCK_SEPARATOR = '\n\n';
export const LEAF_TEXT = '\n';

export function projectText(doc: Node): string {
  return doc.textBetween(0, doc.content.size, BLOCK_SEPARATOR, LEAF_TEXT);
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const CJK_RUNS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc\uff70\u3005\u3006]+/gu;
let segmenter: Intl.Segmenter | undefined;

/**
 * Words as a reader counts them. Spaced scripts by runs of letters; Chinese and Japanese, which
 * write no spaces, by ICU's dictionary word segmentation (Intl.Segmenter, in Node and Chromium
 * alike), so a Japanese article does not count as one word per sentence.
 */
export function countWords(text: string): number {
  if (!hasCjk(text)) return text.match(WORD)?.length ?? 0;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  let n = 0;
  for (const run of text.match(CJK_RUNS) ?? []) for (const s of segmenter.segment(run)) if (s.isWordLike) n++;
  return n + (text.replace(CJK_RUNS, ' ').match(WORD)?.length ?? 0);
}

/**
 * The form two texts are compared in to recognise the same article imported twice: Unicode
 * compatibility-normalised, with all runs of white space folded, so a re-import from a
 * differently wrapped file still counts as the same text.
 */
export function normaliseForIdentity(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}
