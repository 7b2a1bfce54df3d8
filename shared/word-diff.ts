// What an edit changed in a quote, word by word, for showing the analyst the words as coded beside
// the new ones. A character diff would mark "f" and "nal" of "finally" against "irreversibly";
// a quote is read, and misquoted, in words.
import diff from 'fast-diff';

export interface QuotePart {
  text: string;
  /** True for words the other version does not have. */
  changed: boolean;
}

/** Words, runs of white space, and single other characters (punctuation), in order. */
const TOKEN = /[\p{L}\p{N}]+|\s+|[^\p{L}\p{N}\s]/gu;

/** First of the Private Use Area: each distinct token becomes one character there, so the diff is by token. */
const PRIVATE_USE = 0xe000;
const PRIVATE_USE_SIZE = 6400;

/** The two versions of a quote split into unchanged and changed parts. */
export function wordDiff(before: string, after: string): { before: QuotePart[]; after: QuotePart[] } {
  const codes = new Map<string, string>();
  const tokens: string[] = [];
  const encode = (s: string) =>
    (s.match(TOKEN) ?? [])
      .map((t) => {
        let c = codes.get(t);
        if (c === undefined) {
          c = String.fromCharCode(PRIVATE_USE + tokens.length);
          codes.set(t, c);
          tokens.push(t);
        }
        return c;
      })
      .join('');
  const a = encode(before);
  const b = encode(after);
  // Quotes with more distinct words than there are code points to spare: shown whole, as changed.
  if (tokens.length > PRIVATE_USE_SIZE) return { before: [{ text: before, changed: true }], after: [{ text: after, changed: true }] };
  const decode = (s: string) => [...s].map((c) => tokens[c.charCodeAt(0) - PRIVATE_USE]).join('');
  const out = { before: [] as QuotePart[], after: [] as QuotePart[] };
  for (const [op, chunk] of diff(a, b)) {
    const part = { text: decode(chunk), changed: op !== diff.EQUAL };
    if (op !== diff.INSERT) out.before.push(part);
    if (op !== diff.DELETE) out.after.push(part);
  }
  return out;
}
