// Joining the lines of a paragraph. A word split across a line end by hyphenation is mended
// ("inter-" + "national" → "international"); a real hyphen that happens to fall at the line end is
// kept ("well-" + "known" → "well-known"). The rule:
//  - a soft hyphen (U+00AD), which only ever marks a break, is always dropped;
//  - a hyphen before a capital or a digit is kept: "Franco-" + "German", "COVID-" + "19";
//  - a hyphen before a lowercase letter splits a word, unless the document itself writes the
//    hyphenated compound elsewhere on one line ("well-known" in another sentence), which settles it.
// Lines of Chinese or Japanese join without a space: those scripts put none between words.

const SPLIT = /([\p{L}\p{M}]+)[-\u2010\u00AD]$/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]/u;

/** The hyphenated compounds a document writes within its lines (lowercased), the evidence for keeping a hyphen. */
export function compoundsIn(lines: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const line of lines) {
    for (const m of line.matchAll(/[\p{L}\p{M}]+(?:[-\u2010][\p{L}\p{M}]+)+/gu)) found.add(m[0].toLowerCase().replaceAll('\u2010', '-'));
  }
  return found;
}

/** `text` with `next` (the following line of the same paragraph) added. */
export function joinLine(text: string, next: string, compounds: ReadonlySet<string>): string {
  if (!text) return next;
  if (!next) return text;
  const split = SPLIT.exec(text);
  if (split) {
    const head = text.slice(0, -1);
    const hyphen = text.at(-1)!;
    if (hyphen === '\u00AD') return head + next;
    const first = next[0]!;
    if (/[\p{Lu}\p{Lt}\p{N}]/u.test(first)) return `${head}-${next}`;
    if (/\p{Ll}/u.test(first)) {
      const tail = /^[\p{L}\p{M}]+/u.exec(next)![0];
      const compound = `${split[1]}-${tail}`.toLowerCase();
      return compounds.has(compound) ? `${head}-${next}` : head + next;
    }
  }
  if (CJK.test(text.at(-1)!) && CJK.test(next[0]!)) return text + next;
  return `${text} ${next}`;
}
