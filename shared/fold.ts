// Text as search compares it: lower case, Latin diacritics dropped (the index's remove_diacritics),
// and the same whichever Unicode normalisation form it came in (a name typed as NFC finds a text
// saved as NFD). The folded copy keeps a map back to the original offsets, so a match found in it
// marks the original characters exactly.
//
// Only the combining marks of U+0300–U+036F are dropped: kana voicing marks (が is か + U+3099
// in NFD) and other scripts' marks change the letter, so those characters keep their composed form.

const ASCII = /^[^\u0080-\uffff]*$/;
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;
const LATIN_MARKS = /[\u0300-\u036f]/g;
const ANY_MARK = /\p{M}/u;
const LATIN_MARK = /[\u0300-\u036f]/;

export interface Folded {
  text: string;
  /** Offset in the original text of each offset in `text` (and of its end). */
  original(offset: number): number;
}

function foldCluster(cluster: string): string {
  const composed = cluster.normalize('NFC');
  const stripped = composed.normalize('NFD').replace(LATIN_MARKS, '');
  return (ANY_MARK.test(stripped) ? composed : stripped.normalize('NFC')).toLowerCase();
}

/** True when folding is lower-casing alone (ASCII; most CJK and curly-quoted text): no map needed. */
function foldsByCase(text: string, lower: string): boolean {
  if (ASCII.test(text)) return true;
  return lower.length === text.length && !ANY_MARK.test(text) && text.normalize('NFC') === text && !LATIN_MARK.test(text.normalize('NFD'));
}

export function fold(text: string): Folded {
  const lower = text.toLowerCase();
  if (foldsByCase(text, lower)) return { text: lower, original: (i) => i };
  let out = '';
  const starts: number[] = [];
  for (const m of text.matchAll(CLUSTER)) {
    const f = foldCluster(m[0]);
    for (let k = 0; k < f.length; k++) starts.push(m.index!);
    out += f;
  }
  starts.push(text.length);
  // A match ending inside a cluster's output ends after the whole cluster.
  return {
    text: out,
    original: (i) => starts[Math.min(i, starts.length - 1)]!,
  };
}

/** A search term or name folded the same way, to look for in a folded text. */
export function foldTerm(term: string): string {
  return fold(term).text;
}
