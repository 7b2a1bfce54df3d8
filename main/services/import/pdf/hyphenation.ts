// Joining the lines of a paragraph. A word split across a line end by hyphenation is mended
// ("inter-" + "national" → "international"); a real hyphen that happens to fall at the line end is
// kept ("well-" + "known" → "well-known"). The rule:
//  - a soft hyphen (U+00AD), which only ever marks a break, is always dropped;
//  - in a document whose layout marks its own breaks with a distinct character (Chromium and
//    others draw an automatic break as U+2010 or U+00AD), a plain "-" at a line end is a real
//    hyphen and is kept, and the marks are dropped;
//  - a hyphen before a capital or a digit is kept: "Franco-" + "German", "COVID-" + "19";
//  - a hyphen before a lowercase letter splits a word, unless the document itself writes the
//    hyphenated compound elsewhere on one line ("well-known" in another sentence), which settles it.
// Lines of Chinese or Japanese join without a space: those scripts put none between words.

const SPLIT = /([\p{L}\p{M}]+)[-\u2010\u00AD]$/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]/u;

/** What a document's own lines say about its hyphens. */
export interface HyphenEvidence {
  /** Hyphenated compounds written within a line (lowercased): "well-known". */
  compounds: Set<string>;
  /** Its layout marks automatic breaks with U+2010 or U+00AD, so a "-" at a line end is a real hyphen. */
  marksBreaks: boolean;
}

export function hyphenEvidence(lines: readonly string[]): HyphenEvidence {
  const compounds = new Set<string>();
  let marksBreaks = false;
  for (const line of lines) {
    for (const m of line.matchAll(/[\p{L}\p{M}]+(?:[-\u2010][\p{L}\p{M}]+)+/gu)) compounds.add(m[0].toLowerCase().replaceAll('\u2010', '-'));
    if (/[\p{L}\p{M}][\u2010\u00AD]$/u.test(line)) marksBreaks = true;
  }
  return { compounds, marksBreaks };
}

/** `text` with `next` (the following line of the same paragraph) added. */
export function joinLine(text: string, next: string, evidence: HyphenEvidence): string {
  if (!text) return next;
  if (!next) return text;
  const split = SPLIT.exec(text);
  if (split) {
    const head = text.slice(0, -1);
    const hyphen = text.at(-1)!;
    if (hyphen === '\u00AD') return head + next;
    if (evidence.marksBreaks) return hyphen === '-' ? text + next : head + next;
    const first = next[0]!;
    if (/[\p{Lu}\p{Lt}\p{N}]/u.test(first)) return `${head}-${next}`;
    if (/\p{Ll}/u.test(first)) {
      const tail = /^[\p{L}\p{M}]+/u.exec(next)![0];
      const compound = `${split[1]}-${tail}`.toLowerCase();
      return evidence.compounds.has(compound) ? `${head}-${next}` : head + next;
    }
  }
  if (CJK.test(text.at(-1)!) && CJK.test(next[0]!)) return text + next;
  return `${text} ${next}`;
}
