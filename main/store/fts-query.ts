// Turns what the analyst typed into FTS5 queries that cannot be a syntax error: every word is
// quoted (so AND, OR, NEAR, `-` and `*` typed by accident stay words), "quoted phrases" stay phrases,
// and the last word also matches as a prefix so results appear while typing.
//
// CJK runs (shared/cjk.ts) go to the bigram index instead: a term becomes the phrase of its
// bigrams, which matches wherever the term stands inside a longer run (資産売却 inside
// 資産売却を, 성의 inside 성의를); a single character is a prefix of the bigrams.
import { hasCjk, termBigrams } from '../../shared/cjk';

const CJK_OR_NOT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc\uff70\u3005\u3006]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc\uff70\u3005\u3006]+/gu;

export interface SearchQuery {
  /** The query over the word index (everything typed that is not CJK), or null. */
  words: string | null;
  /** The query over the CJK bigram index, or null when nothing CJK was typed. */
  cjk: string | null;
  /** The phrases `words` requires, each a query of its own (to ask how common each is). */
  phrases: string[];
}

/** The CJK terms' part of a query: each term the phrase of its bigrams, all required. */
function cjkQuery(terms: readonly string[]): string | null {
  const parts = terms.map((t) => {
    const grams = termBigrams(t);
    return grams.length ? `"${grams.join(' ')}"` : `"${t}"*`;
  });
  return parts.length ? parts.join(' ') : null;
}

function wordPhrases(input: string, cjkTerms: string[]): string[] {
  const parts: string[] = [];
  const re = /"([^"]*)"|([^\s"]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(input))) {
    const tokens = (m[1] ?? m[2] ?? '').match(/[\p{L}\p{N}]+/gu);
    if (!tokens) continue;
    const words: string[] = [];
    for (const token of tokens) {
      if (!hasCjk(token)) {
        words.push(token);
        continue;
      }
      for (const piece of token.match(CJK_OR_NOT) ?? []) {
        if (hasCjk(piece)) cjkTerms.push(piece);
        else words.push(piece);
      }
    }
    if (!words.length) continue;
    if (m[1] !== undefined) parts.push(`"${words.join(' ')}"`);
    else parts.push(...words.map((w) => `"${w}"`));
  }
  if (!parts.length) return parts;
  const last = parts[parts.length - 1]!;
  // A prefix on a one- or two-letter word would match half the library; wait for a third letter.
  if (/^"[^ ]+"$/.test(last) && last.length >= 5) parts[parts.length - 1] = `${last}*`;
  return parts;
}

export function parseSearch(input: string): SearchQuery {
  const cjkTerms: string[] = [];
  const phrases = wordPhrases(input.normalize('NFC'), cjkTerms);
  return { words: phrases.length ? phrases.join(' ') : null, cjk: cjkQuery(cjkTerms), phrases };
}

/** The word-index query alone (what a search without CJK terms runs). */
export function toFtsQuery(input: string): string | null {
  return parseSearch(input).words;
}
