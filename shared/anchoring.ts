// Annotation anchoring over the plain-text projection of an article.
//
// An annotation stores W3C Web Annotation selectors: a TextPositionSelector (start, end) and a
// TextQuoteSelector (exact, with PREFIX_SUFFIX_CHARS of prefix and suffix). When the analyst edits
// the article text, `reanchor` finds each annotation again in the new text, trying the cheapest
// strategy first and moving on to dearer ones only for the annotations that need them:
//
//   exact-position  the old offsets still hold exactly the quoted words
//   mapped          the offsets, carried through one diff of old → new text, hold them
//   exact-quote     the quoted words occur verbatim near there, or further off with their context
//   fuzzy-near      the quote, edited, near where the diff says it went
//   fuzzy-anywhere  the quote, edited, anywhere in the text, with its context
//   orphan          none of the above; the caller keeps the annotation and its words
//
// Approximate matching uses Myers' bit-parallel algorithm (approx-string-match), as Hypothesis does.
import diff from 'fast-diff';
import search from 'approx-string-match';
import type { TextSelectors } from './model';

/** How much context is stored on either side of a quote. */
export const PREFIX_SUFFIX_CHARS = 32;

// ---- Creating selectors ----

/**
 * Why start..end cannot be annotated in `text`, or null when it can. The messages are written for
 * the analyst, since a bad range usually comes from a selection in the reader.
 */
export function checkRange(text: string, start: number, end: number): string | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return 'The selection must start and end at whole character offsets.';
  if (start < 0 || end > text.length) return `The selection (${start}–${end}) lies outside the article text (0–${text.length}).`;
  if (start > end) return `The selection starts (${start}) after it ends (${end}).`;
  if (start === end) return 'The selection is empty.';
  if (!/\S/u.test(text.slice(start, end))) return 'The selection contains only white space.';
  return null;
}

/** Position and quote selectors for start..end of `text`, with the context read from `text`. */
export function selectorsFor(text: string, start: number, end: number): TextSelectors {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start > end) {
    throw new RangeError(`No range ${start}–${end} in a text of ${text.length} characters.`);
  }
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - PREFIX_SUFFIX_CHARS), start),
    suffix: text.slice(end, end + PREFIX_SUFFIX_CHARS),
  };
}

// ---- Re-anchoring ----

export type AnchorStatus = 'exact-position' | 'mapped' | 'exact-quote' | 'fuzzy-near' | 'fuzzy-anywhere' | 'orphan';

/** An annotation to re-anchor. An `orphaned` one has offsets from some older text, so only its quote counts. */
export interface AnchorInput<Id> extends TextSelectors {
  id: Id;
  orphaned?: boolean;
}

export interface AnchorResult<Id> {
  id: Id;
  status: AnchorStatus;
  /** Where the annotation now is, with exact, prefix and suffix read from the new text; absent for orphans. */
  selectors?: TextSelectors;
}

export interface ReanchorOptions {
  /** An approximate match may differ from the quote in at most this share of its characters. */
  maxErrorRate?: number;
  /** A nearby approximate match with at most this share of errors is taken without looking at its context. */
  confidentErrorRate?: number;
  /**
   * Agreement (0–1) of the stored prefix and suffix with the text around a match, needed for any
   * doubtful match: a distant one, or a nearby one with many errors. Unrelated text scores about 0.4.
   */
  minContextScore?: number;
  /** How far (in characters) around the mapped position the near searches look. */
  nearWindow?: number;
}

const DEFAULTS: Required<ReanchorOptions> = {
  maxErrorRate: 0.25,
  confidentErrorRate: 0.1,
  minContextScore: 0.6,
  nearWindow: 400,
};

/**
 * Where the passage the diff carried an annotation to may still be taken when the quote search
 * fails: when its words differ from the quote in at most this share (a short quote with a word
 * inserted) and its context agrees.
 */
const MAPPED_MAX_ERROR_RATE = 0.5;

type Options = Required<ReanchorOptions>;

interface Range {
  start: number;
  end: number;
}

/**
 * Finds every annotation of `oldText` again in `newText`. Returns one result per annotation, in
 * input order; an annotation that cannot be placed is in the result with status 'orphan', never
 * dropped.
 */
export function reanchor<Id>(oldText: string, newText: string, annotations: readonly AnchorInput<Id>[], options: ReanchorOptions = {}): AnchorResult<Id>[] {
  const opts = { ...DEFAULTS, ...options };
  // One diff for all annotations, computed only when some annotation is not where it was.
  let offsets: OffsetMap | undefined;
  const offsetMap = () => (offsets ??= OffsetMap.between(oldText, newText));
  return annotations.map((a) => anchorOne(a, newText, offsetMap, opts));
}

/**
 * The peer the benchmark measures `reanchor` against: step (e) alone, an approximate search of
 * every quote over the whole new text, nearest the old start among equally good matches.
 */
export function fuzzyAnywhere<Id>(newText: string, annotations: readonly AnchorInput<Id>[], options: ReanchorOptions = {}): AnchorResult<Id>[] {
  const opts = { ...DEFAULTS, ...options };
  return annotations.map((a) => {
    const found = a.exact ? searchAnywhere(newText, a, clamp(a.start, 0, newText.length), opts) : null;
    return found ? placed(a.id, 'fuzzy-anywhere', newText, found) : orphan(a.id);
  });
}

function anchorOne<Id>(a: AnchorInput<Id>, text: string, offsetMap: () => OffsetMap, opts: Options): AnchorResult<Id> {
  if (!a.exact) return orphan(a.id);

  // (a), (b) Positional evidence; an orphan's offsets belong to an older text and say nothing.
  let hint = clamp(a.start, 0, text.length);
  let mapped: Range | undefined;
  if (!a.orphaned) {
    if (text.slice(a.start, a.end) === a.exact) return placed(a.id, 'exact-position', text, a);
    mapped = offsetMap().mapRange(a.start, a.end);
    if (text.slice(mapped.start, mapped.end) === a.exact) return placed(a.id, 'mapped', text, mapped);
    hint = mapped.start;
  }

  // (c) The words verbatim: nearby, or further off (a moved paragraph) if the context agrees.
  const exact = searchExact(text, a, hint, opts);
  if (exact) return placed(a.id, 'exact-quote', text, exact);

  // (d) The words edited, near where the diff carried them.
  const near = searchNear(text, a, hint, mapped, opts);
  if (near) return placed(a.id, 'fuzzy-near', text, near);

  // (e) The words edited, anywhere: the dear search, left for the few quotes that get this far.
  const anywhere = searchAnywhere(text, a, hint, opts);
  if (anywhere) return placed(a.id, 'fuzzy-anywhere', text, anywhere);

  return orphan(a.id);
}

function placed<Id>(id: Id, status: AnchorStatus, text: string, range: Range): AnchorResult<Id> {
  return { id, status, selectors: selectorsFor(text, range.start, range.end) };
}

function orphan<Id>(id: Id): AnchorResult<Id> {
  return { id, status: 'orphan' };
}

// ---- (c) Exact quote search ----

/**
 * The verbatim occurrence of the quote nearest `hint`, with ties (one on either side) told apart by
 * context. Beyond the near window "nearest" says little, so a distant occurrence must have
 * agreeing context: otherwise it is more likely the same words said elsewhere than this passage.
 */
function searchExact(text: string, a: TextSelectors, hint: number, opts: Options): Range | null {
  const starts: number[] = [];
  for (let i = text.indexOf(a.exact); i !== -1; i = text.indexOf(a.exact, i + 1)) starts.push(i);
  const at = (start: number): Range => ({ start, end: start + a.exact.length });
  const score = (start: number) => contextScore(text, a, at(start));

  const nearest = maxima(starts, (s) => -Math.abs(s - hint));
  const best = nearest.length > 1 ? maxima(nearest, score)[0]! : nearest[0];
  if (best === undefined) return null;
  if (Math.abs(best - hint) <= opts.nearWindow) return at(best);

  const agreeing = starts.map((s) => ({ s, c: score(s) })).filter((x) => x.c >= opts.minContextScore);
  const top = maxima(maxima(agreeing, (x) => x.c), (x) => -Math.abs(x.s - hint))[0];
  return top ? at(top.s) : null;
}

/** The items with the highest value of `value`. */
function maxima<T>(items: readonly T[], value: (item: T) => number): T[] {
  let best = -Infinity;
  let out: T[] = [];
  for (const item of items) {
    const v = value(item);
    if (v > best) (best = v), (out = [item]);
    else if (v === best) out.push(item);
  }
  return out;
}

// ---- (d) Near search ----

/**
 * The quote, edited, within the near window around `hint`. Two kinds of evidence are combined:
 * the approximate match says where the words are, and the diff (`mapped`) where the passage's
 * edges went. The approximate search sees only the quote, so at an edited edge it trims or
 * stretches the match to save an error or two; the diff also aligned the context, so where the two
 * roughly agree the diff's edges are the better ones. When the quote has changed too much for the
 * search (a short quote with a word inserted), the mapped passage is still taken if it resembles
 * the quote and its context agrees.
 */
function searchNear(text: string, a: TextSelectors, hint: number, mapped: Range | undefined, opts: Options): Range | null {
  const maxErrors = errorBudget(a, opts);
  const lo = Math.max(0, hint - opts.nearWindow);
  const hi = Math.min(text.length, hint + a.exact.length + opts.nearWindow);
  for (const m of approximateMatches(text, a.exact, maxErrors, lo, hi, hint)) {
    const range = mapped ? preferEdges(m, mapped, maxErrors) : refineEdges(text, a, m, maxErrors);
    if (!isUsable(text, range)) continue;
    if (m.errors <= a.exact.length * opts.confidentErrorRate || contextScore(text, a, range) >= opts.minContextScore) return range;
  }
  if (mapped && isUsable(text, mapped) && resembles(text.slice(mapped.start, mapped.end), a.exact) && contextScore(text, a, mapped) >= opts.minContextScore) {
    return mapped;
  }
  return null;
}

/** Each edge of `preferred` where it is within `slack` of the match's, else the match's. */
function preferEdges(match: Range, preferred: Range, slack: number): Range {
  const start = Math.abs(preferred.start - match.start) <= slack ? preferred.start : match.start;
  const end = Math.abs(preferred.end - match.end) <= slack ? preferred.end : match.end;
  return { start, end: Math.max(start, end) };
}

function resembles(found: string, quote: string): boolean {
  const limit = Math.floor(quote.length * MAPPED_MAX_ERROR_RATE);
  return Math.abs(found.length - quote.length) <= limit && editDistance(found, quote, limit) <= limit;
}

// ---- (e) Search anywhere ----

/**
 * The quote, edited, anywhere in the text: only with agreeing context, since a match far from
 * where the passage was is otherwise as likely to be similar words elsewhere.
 */
function searchAnywhere(text: string, a: TextSelectors, hint: number, opts: Options): Range | null {
  const maxErrors = errorBudget(a, opts);
  for (const m of approximateMatches(text, a.exact, maxErrors, 0, text.length, hint)) {
    const range = refineEdges(text, a, m, maxErrors);
    if (isUsable(text, range) && contextScore(text, a, range) >= opts.minContextScore) return range;
  }
  return null;
}

// ---- Approximate matching ----

function errorBudget(a: TextSelectors, opts: Options): number {
  return Math.floor(a.exact.length * opts.maxErrorRate);
}

/**
 * Approximate matches of `pattern` in text[lo, hi), nearest `hint` first. The search reports only
 * the matches with the fewest errors, so all are equally good as quotes.
 */
function approximateMatches(text: string, pattern: string, maxErrors: number, lo: number, hi: number, hint: number): (Range & { errors: number })[] {
  return search(text.slice(lo, hi), pattern, maxErrors)
    .map((m) => ({ start: m.start + lo, end: m.end + lo, errors: m.errors }))
    .sort((x, y) => Math.abs(x.start - hint) - Math.abs(y.start - hint));
}

/**
 * Better edges for an approximate match, found without the global diff: the stored prefix, quote
 * and suffix are diffed against the text around the match and the quote's edges carried through,
 * so the context decides where an edited edge goes. Edges that move more than `slack` are not
 * trusted; the rest are widened to whole words when the quote was whole words.
 */
function refineEdges(text: string, a: TextSelectors, match: Range, slack: number): Range {
  const from = Math.max(0, match.start - a.prefix.length - slack);
  const to = Math.min(text.length, match.end + a.suffix.length + slack);
  const local = OffsetMap.between(a.prefix + a.exact + a.suffix, text.slice(from, to));
  const carried = local.mapRange(a.prefix.length, a.prefix.length + a.exact.length);
  const range = preferEdges(match, { start: carried.start + from, end: carried.end + from }, slack);
  return snapToWords(text, a, range, slack);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (c: string | undefined) => c !== undefined && WORD_CHAR.test(c);

/** Widens an edge that cuts a word in two, when the quote itself began or ended at a word boundary. */
function snapToWords(text: string, a: TextSelectors, range: Range, limit: number): Range {
  let { start, end } = range;
  const wholeAtStart = !(isWordChar(a.prefix.at(-1)) && isWordChar(a.exact[0]));
  const wholeAtEnd = !(isWordChar(a.exact.at(-1)) && isWordChar(a.suffix[0]));
  if (wholeAtStart) for (let n = 0; n < limit && isWordChar(text[start - 1]) && isWordChar(text[start]); n++) start--;
  if (wholeAtEnd) for (let n = 0; n < limit && isWordChar(text[end - 1]) && isWordChar(text[end]); n++) end++;
  return { start, end };
}

function isUsable(text: string, range: Range): boolean {
  return range.start < range.end && /\S/u.test(text.slice(range.start, range.end));
}

// ---- Context agreement ----

/**
 * How well the text around `range` agrees with the stored prefix and suffix: 1 identical, about
 * 0.4 for unrelated text. A side with no stored context (the quote was at an edge of the text)
 * agrees fully with an edge and counts as neutral elsewhere.
 */
function contextScore(text: string, a: TextSelectors, range: Range): number {
  const before = text.slice(Math.max(0, range.start - a.prefix.length), range.start);
  const after = text.slice(range.end, range.end + a.suffix.length);
  return (similarity(a.prefix, before) + similarity(a.suffix, after)) / 2;
}

function similarity(stored: string, found: string): number {
  if (!stored) return found ? 0.5 : 1;
  return 1 - editDistance(stored, found, stored.length) / stored.length;
}

/** Levenshtein distance, or `limit` + 1 once it is certain to exceed `limit`. For short strings. */
function editDistance(a: string, b: string, limit: number): number {
  if (a === b) return 0;
  let prev = new Int32Array(b.length + 1).map((_, j) => j);
  let cur = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      rowMin = Math.min(rowMin, cur[j]!);
    }
    if (rowMin > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[b.length]!, limit + 1);
}

// ---- (b) Offsets through a diff ----

/**
 * Carries offsets of an old text to a new one. The unchanged runs of the diff are kept as parallel
 * arrays and looked up by binary search, so mapping all annotations costs one diff plus a
 * logarithmic look-up each.
 */
export class OffsetMap {
  private constructor(
    private readonly oldStarts: readonly number[],
    private readonly newStarts: readonly number[],
    private readonly lengths: readonly number[],
    private readonly newLength: number,
  ) {}

  static between(oldText: string, newText: string): OffsetMap {
    const runs = equalRuns(oldText, newText);
    return new OffsetMap(runs.oldStarts, runs.newStarts, runs.lengths, newText.length);
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

  private mapStart(o: number): number {
    const i = this.lastRun(o, true);
    if (i < 0) return 0; // inside a change at the very beginning
    // Inside the run; or in the change after it, which then starts where the run ends.
    return this.newStarts[i]! + Math.min(o - this.oldStarts[i]!, this.lengths[i]!);
  }

  private mapEnd(o: number): number {
    const i = this.lastRun(o, false);
    if (i < 0) return o === 0 ? 0 : (this.newStarts[0] ?? this.newLength);
    const rel = o - this.oldStarts[i]!;
    if (rel <= this.lengths[i]!) return this.newStarts[i]! + rel;
    // In the change after the run: the end of whatever replaced it.
    return this.newStarts[i + 1] ?? this.newLength;
  }

  /** The last run starting at or before `o` (inclusive) or strictly before it; -1 if none. */
  private lastRun(o: number, inclusive: boolean): number {
    let lo = 0;
    let hi = this.oldStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const s = this.oldStarts[mid]!;
      if (inclusive ? s <= o : s < o) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }
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

/** The unchanged runs between two texts, in order, as a diff would give them. */
function equalRuns(oldText: string, newText: string): Runs {
  const runs: Runs = { oldStarts: [], newStarts: [], lengths: [] };
  const add = (o: number, n: number, length: number) => {
    if (length <= 0) return;
    const last = runs.lengths.length - 1;
    // Extend the last run when this one continues it on the same diagonal.
    if (last >= 0 && runs.oldStarts[last]! + runs.lengths[last]! === o && runs.newStarts[last]! + runs.lengths[last]! === n) runs.lengths[last]! += length;
    else runs.oldStarts.push(o), runs.newStarts.push(n), runs.lengths.push(length);
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
    return runs;
  }
  let o = 0;
  let n = 0;
  for (const anchor of anchors(oldText, newText)) {
    diffGap(o, anchor.o, n, anchor.n);
    add(anchor.o, anchor.n, anchor.length);
    o = anchor.o + anchor.length;
    n = anchor.n + anchor.length;
  }
  diffGap(o, oldText.length, n, newText.length);
  return runs;
}

interface Anchor {
  o: number;
  n: number;
  length: number;
}

/** Identical stretches of the two texts, disjoint and in the same order in both. */
function anchors(oldText: string, newText: string): Anchor[] {
  const oldWords = wordSpans(oldText);
  const newWords = wordSpans(newText);
  const oldShingles = uniqueShingles(oldText, oldWords);
  const newShingles = uniqueShingles(newText, newWords);

  // Shingles unique in both texts, in old-text order; then the longest chain also in new-text order.
  const pairs: [number, number][] = [];
  for (const [key, i] of oldShingles) {
    const j = newShingles.get(key);
    if (i >= 0 && j !== undefined && j >= 0) pairs.push([i, j]);
  }
  pairs.sort((x, y) => x[0] - y[0]);
  const chain = longestIncreasingChain(pairs);

  const out: Anchor[] = [];
  for (const [i, j] of chain) {
    const o = oldWords.starts[i]!;
    const n = newWords.starts[j]!;
    const length = oldWords.ends[i + SHINGLE_WORDS - 1]! - o;
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
  return out;
}

function wordSpans(text: string): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(/\S+/g)) starts.push(m.index), ends.push(m.index + m[0].length);
  return { starts, ends };
}

/** Each run of SHINGLE_WORDS words (with the spaces between) → the index of its first word, or -1 if it occurs more than once. */
function uniqueShingles(text: string, words: { starts: number[]; ends: number[] }): Map<string, number> {
  const map = new Map<string, number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.starts.length; i++) {
    const key = text.slice(words.starts[i], words.ends[i + SHINGLE_WORDS - 1]);
    map.set(key, map.has(key) ? -1 : i);
  }
  return map;
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

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}
