// What restoring a revision would change, word by word: the briefing's text now against the
// revision's. fast-diff works on characters; each distinct word (and each run of spaces) is first
// stood in for by one character, so a changed word shows as that word, not as scattered letters.
import diff from 'fast-diff';

export type DiffOp = 'same' | 'added' | 'removed';

export interface DiffPart {
  op: DiffOp;
  text: string;
}

// Stand-in characters from U+0100 up to just below the surrogates: one per distinct token.
const FIRST = 0x100;
const LAST = 0xd7ff;

/** The text as tokens: words and the runs of white space between them, in order. */
const tokens = (text: string) => text.split(/(\s+)/).filter(Boolean);

/**
 * The parts of `from` and `to`, in order: unchanged, only in `to` ('added'), only in `from`
 * ('removed'). Falls back to a character diff in the (very unlikely) case of more distinct words
 * than stand-in characters.
 */
export function wordDiff(from: string, to: string): DiffPart[] {
  const a = tokens(from);
  const b = tokens(to);
  const codes = new Map<string, string>();
  const words: string[] = [];
  const encode = (list: string[]) =>
    list
      .map((t) => {
        let c = codes.get(t);
        if (c === undefined) {
          c = String.fromCharCode(FIRST + words.length);
          codes.set(t, c);
          words.push(t);
        }
        return c;
      })
      .join('');
  const ea = encode(a);
  const eb = encode(b);
  if (words.length > LAST - FIRST) return merge(diff(from, to).map(([op, text]) => ({ op: opOf(op), text })));
  return merge(diff(ea, eb).map(([op, text]) => ({ op: opOf(op), text: [...text].map((ch) => words[ch.charCodeAt(0) - FIRST]!).join('') })));
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
