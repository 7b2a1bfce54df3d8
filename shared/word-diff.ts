// What changed between two texts, word by word: a quote's words as coded against its words now
// (the "changed — review" card), a briefing against one of its revisions (the revision dialog).
// fast-diff works on characters and would mark "f" and "nal" of "finally" against "irreversibly";
// so each distinct token first stands in for one character, and a changed word shows whole.
import diff from 'fast-diff';

export type DiffOp = 'same' | 'added' | 'removed';

export interface DiffPart {
  op: DiffOp;
  text: string;
}

/** Words, runs of white space, and single other characters (punctuation), in order. */
const TOKEN = /[\p{L}\p{N}]+|\s+|[^\p{L}\p{N}\s]/gu;

// Stand-in characters from U+0100 up to just below the surrogates: one per distinct token.
const FIRST = 0x100;
const LAST = 0xd7ff;

/**
 * The parts of `from` and `to`, in order: unchanged, only in `to` ('added'), only in `from`
 * ('removed'). Falls back to a character diff in the (very unlikely) case of more distinct tokens
 * than stand-in characters.
 */
export function wordDiff(from: string, to: string): DiffPart[] {
  const codes = new Map<string, string>();
  const tokens: string[] = [];
  const encode = (s: string) =>
    (s.match(TOKEN) ?? [])
      .map((t) => {
        let c = codes.get(t);
        if (c === undefined) {
          c = String.fromCharCode(FIRST + tokens.length);
          codes.set(t, c);
          tokens.push(t);
        }
        return c;
      })
      .join('');
  const a = encode(from);
  const b = encode(to);
  if (tokens.length > LAST - FIRST) return merge(diff(from, to).map(([op, text]) => ({ op: opOf(op), text })));
  return merge(diff(a, b).map(([op, text]) => ({ op: opOf(op), text: [...text].map((ch) => tokens[ch.charCodeAt(0) - FIRST]!).join('') })));
}

const opOf = (op: -1 | 0 | 1): DiffOp => (op === 0 ? 'same' : op === 1 ? 'added' : 'removed');

/** Joins neighbouring parts of the same kind. */
function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && last.op === p.op) last.text += p.text;
    else if (p.text) out.push({ ...p });
  }
  return out;
}

export interface QuotePart {
  text: string;
  /** True for words the other version does not have. */
  changed: boolean;
}

/** The two versions of a quote, each split into unchanged and changed parts, to show side by side. */
export function quoteDiff(before: string, after: string): { before: QuotePart[]; after: QuotePart[] } {
  const out = { before: [] as QuotePart[], after: [] as QuotePart[] };
  for (const { op, text } of wordDiff(before, after)) {
    if (op !== 'added') out.before.push({ text, changed: op === 'removed' });
    if (op !== 'removed') out.after.push({ text, changed: op === 'added' });
  }
  return out;
}
