// Where search terms occur in a text, as the index matched them: a word matches at the start of a
// word and runs to its end (the search also matches prefixes), case and Latin diacritics aside; a
// CJK term matches wherever its characters stand, since those scripts do not mark word ends
// (shared/cjk.ts). Used for the reader's search highlights and for snippets the index cannot build.
import { hasCjk } from './cjk';
import { fold } from './fold';

export type Range = [start: number, end: number];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u30fc\\uff70\\u3005\\u3006';

/** The terms of a search as typed: words and CJK runs, folded. */
export function searchTerms(query: string): string[] {
  const words = query.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  const out: string[] = [];
  for (const w of words) {
    // "G7정상회의": the Latin and the CJK parts are separate terms, as the index has them.
    for (const part of w.match(new RegExp(`[${CJK_CLASS}]+|[^${CJK_CLASS}]+`, 'gu')) ?? []) {
      const t = fold(part).text;
      if (t && !out.includes(t)) out.push(t);
    }
  }
  return out;
}

/** A regular expression over a folded text that finds any of the (folded) terms. */
export function termPattern(terms: readonly string[]): RegExp | null {
  if (!terms.length) return null;
  const alternatives = [...terms]
    .sort((a, b) => b.length - a.length)
    .map((t) => (hasCjk(t) ? escapeRegExp(t) : `(?<![\\p{L}\\p{N}])${escapeRegExp(t)}[^\\s\\p{P}\\p{S}${CJK_CLASS}]*`));
  return new RegExp(alternatives.join('|'), 'gu');
}

/** Every place in `text` where one of the terms matches, in order, as offsets into `text`. */
export function findTerms(text: string, terms: readonly string[]): Range[] {
  const re = termPattern(terms);
  if (!re) return [];
  const folded = fold(text);
  const out: Range[] = [];
  for (const m of folded.text.matchAll(re)) {
    if (!m[0]) continue;
    out.push([folded.original(m.index!), folded.original(m.index! + m[0].length)]);
  }
  return out;
}
