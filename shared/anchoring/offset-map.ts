// Carrying offsets of an old text to a new one: the texts lined up on unique word runs, the short
// gaps between them diffed, and every offset mapped through the result.
import diff from 'fast-diff';
import type { Range } from './selectors';
import { isUnspacedScript } from './word-boundaries';

// ---- (b) Offsets through a diff ----

/**
 * Carries offsets of an old text to a new one. The unchanged runs of the diff are kept as parallel
 * arrays and looked up by binary search, so mapping all annotations costs one diff plus a
 * logarithmic look-up each.
 */
export class OffsetMap {
  private constructor(
    private readonly runs: Runs,
    private readonly moved: Moves,
    private readonly newLength: number,
  ) {}

  static between(oldText: string, newText: string): OffsetMap {
    const { runs, moved } = align(oldText, newText);
    return new OffsetMap(runs, moved, newText.length);
  }

  /**
   * Where old range start..end is in the new text. Text inserted exactly at either edge stays
   * outside the range; text that replaced a deleted edge is taken in, so a range whose first word
   * was rewritten starts at the rewritten word.
   */
  mapRange(start: number, end: number): Range {
    const s = this.mapStart(start);
    return { start: s, end: Math.max(s, this.mapEnd(end)) };
  }

  /**
   * Where the text at old range start..end went if it was moved rather than edited in place: the
   * new start implied by the first word shingle inside the range that the diff found elsewhere,
   * out of order. Undefined when there is none.
   */
  movedStart(start: number, end: number): number | undefined {
    const i = firstIndexAtLeast(this.moved.o, start);
    const o = this.moved.o[i];
    return o !== undefined && o < end ? Math.max(0, this.moved.n[i]! - (o - start)) : undefined;
  }

  private mapStart(o: number): number {
    const { oldStarts, newStarts, lengths } = this.runs;
    const i = firstIndexAtLeast(oldStarts, o + 1) - 1; // the last run starting at or before o
    if (i < 0) return 0; // inside a change at the very beginning
    // Inside the run; or in the change after it, which then starts where the run ends.
    return newStarts[i]! + Math.min(o - oldStarts[i]!, lengths[i]!);
  }

  private mapEnd(o: number): number {
    const { oldStarts, newStarts, lengths } = this.runs;
    const i = firstIndexAtLeast(oldStarts, o) - 1; // the last run starting before o
    if (i < 0) return o === 0 ? 0 : (newStarts[0] ?? this.newLength);
    const rel = o - oldStarts[i]!;
    if (rel <= lengths[i]!) return newStarts[i]! + rel;
    // In the change after the run: the end of whatever replaced it.
    return newStarts[i + 1] ?? this.newLength;
  }
}

/** The index of the first element of the ascending `values` that is >= `x` (values.length if none). */
function firstIndexAtLeast(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ---- The diff ----
//
// fast-diff (Myers' O(N·D) diff from diff-match-patch) takes 0.4–3 s on a 100,000-character
// article with 5–15% of its words edited, far over the re-anchoring budget. So the texts are first
// aligned on anchors, runs of SHINGLE_WORDS words that occur exactly once in each text, kept in
// the longest order-preserving chain (patience diff); fast-diff then only diffs the short gaps
// between anchors. A paragraph moved elsewhere falls out of the chain and shows as deleted here
// and inserted there, which the quote searches handle.

const SHINGLE_WORDS = 3;
/** Gaps whose two sides multiply to more than this are left as a replacement rather than diffed. */
const MAX_GAP_PRODUCT = 4_000_000;

interface Runs {
  oldStarts: number[];
  newStarts: number[];
  lengths: number[];
}

/** Word shingles found in both texts but out of order: old start → new start, ascending by old start. */
interface Moves {
  o: number[];
  n: number[];
}

/** The unchanged runs between two texts, in order, as a diff would give them; and the moved shingles. */
function align(oldText: string, newText: string): { runs: Runs; moved: Moves } {
  const runs: Runs = { oldStarts: [], newStarts: [], lengths: [] };
  const moved: Moves = { o: [], n: [] };
  const add = (o: number, n: number, length: number) => {
    if (length <= 0) return;
    const last = runs.lengths.length - 1;
    // Extend the last run when this one continues it on the same diagonal.
    if (last >= 0 && runs.oldStarts[last]! + runs.lengths[last]! === o && runs.newStarts[last]! + runs.lengths[last]! === n) runs.lengths[last]! += length;
    else {
      runs.oldStarts.push(o);
      runs.newStarts.push(n);
      runs.lengths.push(length);
    }
  };
  const diffGap = (o0: number, o1: number, n0: number, n1: number) => {
    if (o1 <= o0 || n1 <= n0 || (o1 - o0) * (n1 - n0) > MAX_GAP_PRODUCT) return;
    let o = o0;
    let n = n0;
    for (const [op, chunk] of diff(oldText.slice(o0, o1), newText.slice(n0, n1))) {
      if (op === diff.EQUAL) add(o, n, chunk.length);
      if (op !== diff.INSERT) o += chunk.length;
      if (op !== diff.DELETE) n += chunk.length;
    }
  };

  if (oldText === newText) {
    add(0, 0, oldText.length);
    return { runs, moved };
  }
  const { chain, outOfOrder } = anchors(oldText, newText);
  for (const m of outOfOrder) {
    moved.o.push(m.o);
    moved.n.push(m.n);
  }
  let o = 0;
  let n = 0;
  for (const anchor of chain) {
    diffGap(o, anchor.o, n, anchor.n);
    add(anchor.o, anchor.n, anchor.length);
    o = anchor.o + anchor.length;
    n = anchor.n + anchor.length;
  }
  diffGap(o, oldText.length, n, newText.length);
  return { runs, moved };
}

interface Anchor {
  o: number;
  n: number;
  length: number;
}

/**
 * Identical stretches of the two texts, disjoint and in the same order in both (`chain`); and the
 * unique shingles left out of that order (`outOfOrder`, by old position), the trace of moved text.
 */
function anchors(oldText: string, newText: string): { chain: Anchor[]; outOfOrder: Anchor[] } {
  const oldWords = wordSpans(oldText);
  const newWords = wordSpans(newText);
  const newShingles = uniqueShingles(newWords);

  // Shingles unique in both texts, in old-text order (a Map iterates in insertion order, and a
  // unique shingle was inserted at its only index); then the longest chain also in new-text order.
  const pairs: [number, number][] = [];
  for (const [key, i] of uniqueShingles(oldWords)) {
    const j = newShingles.get(key);
    if (i >= 0 && j !== undefined && j >= 0) pairs.push([i, j]);
  }
  const chain = longestIncreasingChain(pairs);
  const inChain = new Set(chain.map(([i]) => i));
  const outOfOrder = pairs.filter(([i]) => !inChain.has(i)).map(([i, j]) => ({ o: oldWords.starts[i]!, n: newWords.starts[j]!, length: 0 }));

  const out: Anchor[] = [];
  for (const [i, j] of chain) {
    const o = oldWords.starts[i]!;
    const n = newWords.starts[j]!;
    const length = oldWords.ends[i + SHINGLE_WORDS - 1]! - o;
    // Shingles are matched by hash; a (very unlikely) collision must not become an anchor.
    if (newWords.ends[j + SHINGLE_WORDS - 1]! - n !== length || !sameText(oldText, o, newText, n, length)) continue;
    const last = out[out.length - 1];
    if (last && o - last.o === n - last.n && o <= last.o + last.length) {
      // Overlapping shingles on the same diagonal: one longer stretch.
      last.length = Math.max(last.length, o + length - last.o);
      continue;
    }
    // Otherwise skip whatever overlaps the previous stretch on either side.
    const cut = last ? Math.max(0, last.o + last.length - o, last.n + last.length - n) : 0;
    if (length > cut) out.push({ o: o + cut, n: n + cut, length: length - cut });
  }
  return { chain: out, outOfOrder };
}

interface Words {
  starts: number[];
  ends: number[];
  /** A 32-bit hash of each word. */
  hashes: number[];
}

/**
 * The words of `text` (maximal runs of non-space characters; each Chinese or Japanese character
 * on its own, since those scripts do not space words), with their hashes. One pass.
 */
function wordSpans(text: string): Words {
  const words: Words = { starts: [], ends: [], hashes: [] };
  let start = -1;
  let hash = 0;
  const close = (end: number) => {
    if (start >= 0) {
      words.starts.push(start);
      words.ends.push(end);
      words.hashes.push(hash >>> 0);
    }
    start = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      close(i);
      continue;
    }
    const single = isUnspacedScript(c);
    if (single) close(i);
    if (start < 0) {
      start = i;
      hash = 0x811c9dc5;
    }
    hash = Math.imul(hash ^ c, 0x01000193); // FNV-1a
    if (single) close(i + 1);
  }
  close(text.length);
  return words;
}

function isSpaceCode(c: number): boolean {
  return c <= 32 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x3000;
}

/** Each run of SHINGLE_WORDS words, by hash → the index of its first word, or -1 if it occurs more than once. */
function uniqueShingles(words: Words): Map<number, number> {
  const map = new Map<number, number>();
  const h = words.hashes;
  for (let i = 0; i + SHINGLE_WORDS <= h.length; i++) {
    let key = 0;
    for (let k = 0; k < SHINGLE_WORDS; k++) key = Math.imul(key ^ h[i + k]!, 0x9e3779b1) >>> 0;
    map.set(key, map.has(key) ? -1 : i);
  }
  return map;
}

function sameText(a: string, i: number, b: string, j: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (a.charCodeAt(i + k) !== b.charCodeAt(j + k)) return false;
  return true;
}

/** The longest subsequence of `pairs` (sorted by their first element) whose second elements increase. O(n log n). */
function longestIncreasingChain(pairs: readonly [number, number][]): [number, number][] {
  const tails: number[] = []; // tails[k]: index in pairs of the smallest tail of a chain of length k + 1
  const previous = new Int32Array(pairs.length);
  for (let p = 0; p < pairs.length; p++) {
    const value = pairs[p]![1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pairs[tails[mid]!]![1] < value) lo = mid + 1;
      else hi = mid;
    }
    previous[p] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = p;
  }
  const chain: [number, number][] = [];
  for (let p = tails[tails.length - 1] ?? -1; p >= 0; p = previous[p]!) chain.push(pairs[p]!);
  return chain.reverse();
}
