// Scripts written without spaces between words (Chinese, Japanese) or with particles joined to the
// word (Korean: 성의를 is 성의 + 를). A word-based index cannot find a word inside such a run, so
// search indexes CJK runs as overlapping two-character pieces (bigrams), the classic CJK index:
// any word of two or more characters is then found as the phrase of its bigrams, wherever it
// stands in the run, with no dictionary to disagree with the text. (tests/bench/cjk-search.ts
// measures the alternatives: Intl.Segmenter words and FTS5's trigram tokenizer.)

/** Han (kanji, hanzi, hanja), kana, Hangul, and the kana length and iteration marks. */
export const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc\uff70\u3005\u3006]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc\uff70\u3005\u3006]+/gu;

export function hasCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}

/** The CJK runs of a text, in order (NFC, so decomposed Hangul or kana compare as composed). */
export function cjkRuns(text: string): string[] {
  return text.normalize('NFC').match(CJK_RUN) ?? [];
}

/**
 * One run as search tokens: its overlapping bigrams, then its last character alone, so that a
 * one-character search (a prefix of the tokens) also finds a character that ends a run.
 */
export function runGrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  out.push(chars[chars.length - 1]!);
  return out;
}

/** What the bigram index holds for a text: its CJK runs as tokens, space-separated; '' when there are none. */
export function cjkGrams(text: string | null | undefined): string {
  if (!text || !hasCjk(text)) return '';
  return cjkRuns(text).map((r) => runGrams(r).join(' ')).join(' ');
}

/** The bigrams a CJK search term must match in a row, in order (a phrase); a single character has none. */
export function termBigrams(term: string): string[] {
  const chars = [...term.normalize('NFC')];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}
