// Finds quotations by their marks: curly and straight double quotes, „ “, « », 「」 and 『』,
// nested marks inside them, quotations that run over several paragraphs (each continuing paragraph
// opens with a mark, only the last one closes) and quotations that never close.
import type { Paragraph } from './text-model';

export interface Quotation {
  /** The opening mark's offset. */
  start: number;
  /** Just after the closing mark (or the end of the last paragraph when it never closed). */
  end: number;
  closed: boolean;
  /** How many paragraphs it runs over. */
  paragraphs: number;
}

/** Closing marks for each opening mark. */
const CLOSERS: Record<string, string> = {
  '“': '”“', // “…” in English; „…“ puts “ at the close, handled below
  '„': '“”',
  '«': '»',
  '「': '」',
  '『': '』',
  '"': '"',
  // Headlines quote with single marks (“Kim: ‘We will not sign’”); ’ is also the apostrophe, so it
  // closes only before a non-letter.
  '‘': '’',
};

/** Hurried typing mixes the kinds: “…" and "…” close at the first mark that can only close. */
const MIXED_CLOSER: Record<string, string> = { '“': '"', '"': '”' };

const OPENERS = new Set(Object.keys(CLOSERS));
const ANY_CLOSER = new Set(['”', '»', '」', '』', '"', '’']);

/** A straight mark opens when nothing but space or an opening bracket comes before it. */
function straightOpens(text: string, i: number, paragraphStart: number): boolean {
  const before = i > paragraphStart ? text[i - 1]! : ' ';
  const after = text[i + 1] ?? ' ';
  return /[\s([{\u2014\u2013-]/.test(before) && !/\s/.test(after);
}

/** A curly mark in the wrong direction after a letter or stop is a closer typed the wrong way. */
function curlyOpenIsReallyClose(text: string, i: number, paragraphStart: number): boolean {
  if (i === paragraphStart) return false;
  const before = text[i - 1]!;
  const after = text[i + 1] ?? ' ';
  return /[\p{L}\p{N}.,!?;:]/u.test(before) && /[\s.,;:!?)]|$/.test(after);
}

export function findQuotations(original: string, paragraphs: readonly Paragraph[]): Quotation[] {
  // Some papers (The New York Times' archive among them) quote with two apostrophes: read '' as "
  // (the second apostrophe becomes a neutral character, so every offset stays the same).
  const text = original.replace(/''/g, '"\u200b');
  const out: Quotation[] = [];
  // A quotation left open at the end of a paragraph, waiting to see whether the next one continues it.
  let pending: { start: number; opener: string; paragraphs: number; lastEnd: number } | null = null;
  for (const p of paragraphs) {
    let open: { start: number; opener: string; depth: number } | null = null;
    let i = p.start;
    if (pending) {
      const first = text[p.start]!;
      // Only a mark of the same kind continues it: a stray straight mark opening one paragraph must
      // not swallow the curly quotations of the paragraphs after it.
      if (first === pending.opener || (pending.opener === '„' && first === '“')) {
        open = { start: pending.start, opener: pending.opener, depth: 0 };
        pending.paragraphs++;
        i = p.start + 1;
      } else {
        out.push({ start: pending.start, end: pending.lastEnd, closed: false, paragraphs: pending.paragraphs });
        pending = null;
      }
    }
    for (; i < p.end; i++) {
      const ch = text[i]!;
      // An apostrophe (“don’t”, “Kim’s”), or a ‘ inside a word, is no quotation mark.
      if (ch === '’' && /[\p{L}\p{N}]/u.test(text[i + 1] ?? ' ')) continue;
      if (ch === '‘' && i > p.start && /[\p{L}\p{N}]/u.test(text[i - 1]!)) continue;
      if (!open) {
        if (!OPENERS.has(ch)) continue;
        if (ch === '"' && !straightOpens(text, i, p.start)) continue;
        if (ch === '“' && curlyOpenIsReallyClose(text, i, p.start)) continue;
        open = { start: i, opener: ch, depth: 0 };
        continue;
      }
      const closers = CLOSERS[open.opener]!;
      // Nested quotations of another kind (« inside “, 『 inside 「) only deepen the level.
      if (ch !== open.opener && OPENERS.has(ch) && !closers.includes(ch) && ch !== '"') {
        open.depth++;
        continue;
      }
      if (open.depth > 0 && ANY_CLOSER.has(ch) && !closers.includes(ch)) {
        open.depth--;
        continue;
      }
      if (open.depth === 0 && MIXED_CLOSER[open.opener] === ch && !(ch === '"' && straightOpens(text, i, p.start))) {
        out.push({ start: open.start, end: i + 1, closed: true, paragraphs: pending ? pending.paragraphs : 1 });
        pending = null;
        open = null;
        continue;
      }
      if (closers.includes(ch)) {
        // A straight mark that opens (space before, a word after) starts a nested quotation.
        if (ch === '"' && open.opener !== '"' && straightOpens(text, i, p.start)) {
          open.depth++;
          continue;
        }
        if (ch === '"' && open.opener === '"' && straightOpens(text, i, p.start) && i > open.start + 1) {
          // `"a "b" c"`: treat an opening-looking straight mark as nesting.
          open.depth++;
          continue;
        }
        if (open.depth > 0 && ch === '"') {
          open.depth--;
          continue;
        }
        const paragraphsSpanned: number = pending ? pending.paragraphs : 1;
        out.push({ start: open.start, end: i + 1, closed: true, paragraphs: paragraphsSpanned });
        pending = null;
        open = null;
      }
    }
    // A single mark left open ("the ‘90s", a stray ‘) is no quotation: only double marks run on.
    if (open && open.opener === '‘') open = null;
    if (open) {
      pending = { start: open.start, opener: open.opener, paragraphs: pending ? pending.paragraphs : 1, lastEnd: p.end };
    }
  }
  if (pending) out.push({ start: pending.start, end: pending.lastEnd, closed: false, paragraphs: pending.paragraphs });
  for (const q of out) if (q.closed && original[q.end] === "'" && original[q.end - 1] === "'") q.end++;
  return out.filter((q) => q.end - q.start > 2);
}
