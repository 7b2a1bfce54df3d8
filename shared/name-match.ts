// Finding known names in a text, in every script: "Kim Jung Han" as whole words; 박진 with a
// particle joined (박진은); 滝崎 inside a Japanese sentence, which has no spaces; "Žižek" and
// "José Martí" whether the text and the name are composed (NFC) or decomposed (NFD), and with or
// without their accents, as search matches them (shared/fold.ts).
import { fold } from './fold';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const HANGUL = /^\p{Script=Hangul}/u;
const UNSPACED = /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul}|[\u30fc\uff70\u3005\u3006]/u;

export interface NameMatch<T> {
  start: number;
  end: number;
  value: T;
}

export interface NameMatcher<T> {
  find(text: string): NameMatch<T>[];
}

/** One pattern over every name, longest first so "Kim Jung Han" wins over "Kim"; names shorter than two characters are left out. */
export function nameMatcher<T>(names: Iterable<[name: string, value: T]>): NameMatcher<T> | null {
  const byName = new Map<string, T>();
  for (const [name, value] of names) {
    const folded = fold(name.trim()).text;
    if ([...folded].length >= 2) byName.set(folded, value);
  }
  if (!byName.size) return null;
  const alternatives = [...byName.keys()]
    .sort((a, b) => b.length - a.length)
    .map((n) => {
      const first = [...n][0]!;
      const last = [...n].at(-1)!;
      // Chinese and Japanese names stand inside words; a Korean one starts a word but may have a
      // particle after it; a Latin one is a whole word.
      const before = UNSPACED.test(first) && !HANGUL.test(first) ? '' : '(?<![\\p{L}\\p{N}])';
      const after = UNSPACED.test(last) ? '' : '(?![\\p{L}\\p{N}])';
      return `${before}${escapeRegExp(n)}${after}`;
    });
  const re = new RegExp(alternatives.join('|'), 'gu');
  return {
    find(text) {
      const folded = fold(text);
      const out: NameMatch<T>[] = [];
      for (const m of folded.text.matchAll(re)) {
        const value = byName.get(m[0]);
        if (value !== undefined) out.push({ start: folded.original(m.index!), end: folded.original(m.index! + m[0].length), value });
      }
      return out;
    },
  };
}
