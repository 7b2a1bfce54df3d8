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

/**
 * Whether two quotes say the same words: equal but for how white space falls (a paragraph split
 * or rejoined). Anything else, a letter or a comma, is a change to the quote the analyst reviews.
 */
export function sameWords(a: string, b: string): boolean {
  const fold = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim();
  return fold(a) === fold(b);
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
   * doubtful match: a distant one, or a nearby one with many errors. Unrelated text scores 0.1–0.3.
   */
  minContextScore?: number;
  /** How far (in characters) around the mapped position the near searches look. */
  nearWindow?: number;
}

const DEFAULTS: Required<ReanchorOptions> = {
  maxErrorRate: 0.25,
  confidentErrorRate: 0.1,
  minContextScore: 0.5,
  nearWindow: 400,
};

/**
 * Where the passage the diff carried an annotation to may still be taken when the quote search
 * fails: when its words differ from the quote in at most this share (a short quote with a word
 * inserted) and its context agrees.
 */
const MAPPED_MAX_ERROR_RATE = 0.5;

/** Characters beyond the error budget on either side of the first, tight near search. */
const TIGHT_WINDOW_SLACK = 32;

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
    return found ? placed(a, 'fuzzy-anywhere', newText, found) : orphan(a.id);
  });
}

function anchorOne<Id>(a: AnchorInput<Id>, text: string, offsetMap: () => OffsetMap, opts: Options): AnchorResult<Id> {
  if (!a.exact) return orphan(a.id);

  // (a), (b) Positional evidence; an orphan's offsets belong to an older text and say nothing.
  const hints: { at: number; mapped?: Range }[] = [];
  if (!a.orphaned) {
    if (text.slice(a.start, a.end) === a.exact) return placed(a, 'exact-position', text, a);
    const map = offsetMap();
    const mapped = map.mapRange(a.start, a.end);
    if (text.slice(mapped.start, mapped.end) === a.exact) return placed(a, 'mapped', text, mapped);
    hints.push({ at: mapped.start, mapped });
    // Words of the quote the diff saw elsewhere, out of order: the paragraph was moved.
    const moved = map.movedStart(a.start, a.end);
    if (moved !== undefined && Math.abs(moved - mapped.start) > opts.nearWindow) hints.push({ at: moved });
  } else {
    hints.push({ at: clamp(a.start, 0, text.length) });
  }

  // (c) The words verbatim near a spot, the nearest winning; verbatim beats approximate at any of them.
  for (const hint of hints) {
    const exact = searchExactNear(text, a, hint.at, opts);
    if (exact) return placed(a, 'exact-quote', text, exact);
  }
  // (d) The words edited, near a spot.
  for (const hint of hints) {
    const near = searchNear(text, a, hint.at, hint.mapped, opts);
    if (near) return placed(a, 'fuzzy-near', text, near);
  }

  // (c) The words verbatim further off, if their context agrees.
  const far = searchExactFar(text, a, hints[0]!.at, opts);
  if (far) return placed(a, 'exact-quote', text, far);

  // (e) The words edited, anywhere: the dear search, left for the few quotes that get this far.
  const anywhere = searchAnywhere(text, a, hints[0]!.at, opts);
  if (anywhere) return placed(a, 'fuzzy-anywhere', text, anywhere);

  return orphan(a.id);
}

/**
 * The result for an annotation found at `range`. Every strategy ends here, so this is where the
 * rule that a quote taken at word boundaries keeps to them is enforced: the quoted words may have
 * been edited in place ("complete" → "completely"), and the new anchor takes in the whole word.
 */
function placed<Id>(a: AnchorInput<Id>, status: AnchorStatus, text: string, range: Range): AnchorResult<Id> {
  const { start, end } = snapToWords(text, a, range);
  return { id: a.id, status, selectors: selectorsFor(text, start, end) };
}

function orphan<Id>(id: Id): AnchorResult<Id> {
  return { id, status: 'orphan' };
}

// ---- (c) Exact quote search ----

/**
 * Start offsets of the quote's verbatim occurrences in text[lo, hi); not those inside longer words
 * when the quote was whole words ("to" is not found in "tomorrow").
 */
function occurrences(text: string, a: TextSelectors, lo = 0, hi = text.length): number[] {
  const quote = a.exact;
  const part = lo > 0 || hi < text.length ? text.slice(lo, hi) : text;
  const wholeStart = startsWhole(a);
  const wholeEnd = endsWhole(a);
  const starts: number[] = [];
  for (let i = part.indexOf(quote); i !== -1; i = part.indexOf(quote, i + 1)) {
    const s = i + lo;
    if ((wholeStart && cutsWord(text, s)) || (wholeEnd && cutsWord(text, s + quote.length))) continue;
    starts.push(s);
  }
  return starts;
}

/** The verbatim occurrence nearest `hint` within the near window, with a tie (one on either side) settled by context. */
function searchExactNear(text: string, a: TextSelectors, hint: number, opts: Options): Range | null {
  const starts = occurrences(text, a, Math.max(0, hint - opts.nearWindow), hint + a.exact.length + opts.nearWindow);
  const nearest = maxima(starts, (s) => -Math.abs(s - hint));
  const best = nearest.length > 1 ? maxima(nearest, (s) => contextScore(text, a, at(s, a))) : nearest;
  return best.length ? at(best[0]!, a) : null;
}

/**
 * A verbatim occurrence anywhere, only with agreeing context (best context, then nearest): far
 * from where the passage was, "nearest" says little, and the same words without their context
 * are more likely said elsewhere than this passage moved.
 */
function searchExactFar(text: string, a: TextSelectors, hint: number, opts: Options): Range | null {
  const scored = occurrences(text, a).map((s) => ({ s, c: contextScore(text, a, at(s, a)) }));
  const agreeing = scored.filter((x) => x.c >= opts.minContextScore);
  const best = maxima(maxima(agreeing, (x) => x.c), (x) => -Math.abs(x.s - hint))[0];
  return best ? at(best.s, a) : null;
}

const at = (start: number, a: TextSelectors): Range => ({ start, end: start + a.exact.length });

/** The items with the highest value of `value`. */
function maxima<T>(items: readonly T[], value: (item: T) => number): T[] {
  let best = -Infinity;
  let out: T[] = [];
  for (const item of items) {
    const v = value(item);
    if (v > best) {
      best = v;
      out = [item];
    } else if (v === best) {
      out.push(item);
    }
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
  // Usually the diff put the hint within a few characters, so a tight window is tried first.
  const tight = Math.min(opts.nearWindow, 2 * maxErrors + TIGHT_WINDOW_SLACK);
  for (const pad of tight < opts.nearWindow ? [tight, opts.nearWindow] : [opts.nearWindow]) {
    const lo = Math.max(0, hint - pad);
    const hi = Math.min(text.length, hint + a.exact.length + pad);
    for (const m of approximateMatches(text, a.exact, maxErrors, lo, hi, hint)) {
      const range = mapped ? tidyEdges(text, a, combineEdges(text, a, m, mapped, maxErrors)) : refineEdges(text, a, m, maxErrors);
      if (!isUsable(text, range)) continue;
      if (m.errors <= a.exact.length * opts.confidentErrorRate || contextScore(text, a, range) >= opts.minContextScore) return range;
    }
  }
  if (!mapped) return null;
  const passage = tidyEdges(text, a, mapped);
  if (isUsable(text, passage) && resembles(text.slice(passage.start, passage.end), a.exact) && contextScore(text, a, passage) >= opts.minContextScore) return passage;
  return null;
}

/**
 * The edges for an approximate match `m` given the diff's `mapped` range: the diff's when the two
 * roughly agree (within `slack`); otherwise whichever combination of their edges best aligns the
 * stored prefix, quote and suffix with the text (a short quote with a long insertion inside: the
 * search finds only its tail, the diff the whole of it).
 */
function combineEdges(text: string, a: TextSelectors, m: Range, mapped: Range, slack: number): Range {
  if (Math.abs(m.start - mapped.start) <= slack && Math.abs(m.end - mapped.end) <= slack) return mapped;
  const candidates = [mapped, m, { start: mapped.start, end: m.end }, { start: m.start, end: mapped.end }].filter((r) => r.start < r.end);
  let best = m;
  let bestCost = Infinity;
  for (const r of candidates) {
    const cost = alignmentCost(text, a, r);
    if (cost < bestCost) {
      best = r;
      bestCost = cost;
    }
  }
  return best;
}

/** Edits needed to turn the stored prefix, quote and suffix into the text before, inside and after `range`. */
function alignmentCost(text: string, a: TextSelectors, range: Range): number {
  const before = text.slice(Math.max(0, range.start - a.prefix.length), range.start);
  const after = text.slice(range.end, range.end + a.suffix.length);
  const inside = text.slice(range.start, range.end);
  const limit = Math.max(inside.length, a.exact.length);
  return editDistance(a.prefix, before, a.prefix.length) + editDistance(a.exact, inside, limit) + editDistance(a.suffix, after, a.suffix.length);
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
 * Better edges for an approximate match found without the global diff (far away, or for an
 * orphan): the stored prefix, quote and suffix are diffed against the text around the match and
 * the quote's edges carried through, so the context decides where an edited edge goes; then as
 * in combineEdges and tidyEdges.
 */
function refineEdges(text: string, a: TextSelectors, match: Range, slack: number): Range {
  const from = Math.max(0, match.start - a.prefix.length - slack);
  const to = Math.min(text.length, match.end + a.suffix.length + slack);
  const local = OffsetMap.between(a.prefix + a.exact + a.suffix, text.slice(from, to));
  const carried = local.mapRange(a.prefix.length, a.prefix.length + a.exact.length);
  return tidyEdges(text, a, combineEdges(text, a, match, { start: carried.start + from, end: carried.end + from }, slack));
}

/**
 * Tidies the edges of an approximate range to the shape of the quote: an edge that cuts a word in
 * two is moved to a word boundary when the quote began or ended at one (see snapToWords), and
 * white space the quote did not begin or end with is left out.
 */
function tidyEdges(text: string, a: TextSelectors, range: Range): Range {
  let { start, end } = snapToWords(text, a, range);
  if (!isSpace(a.exact[0])) while (start < end && isSpace(text[start])) start++;
  if (!isSpace(a.exact.at(-1))) while (end > start && isSpace(text[end - 1])) end--;
  return { start, end };
}

// ---- Word boundaries ----
//
// An analyst selects whole words, and a quote cut mid-word ("completely and i") misquotes whoever
// said it. So wherever a quote began or ended at a word boundary, its new anchor must too.

/** A letter or digit of a spaced script; Chinese and Japanese characters are words on their own. */
function joinsWords(c: string | undefined): boolean {
  return c !== undefined && WORD_CHAR.test(c) && !isUnspacedScript(c.charCodeAt(0));
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether offset `i` of `text` falls between two characters of one word. */
function cutsWord(text: string, i: number): boolean {
  return joinsWords(text[i - 1]) && joinsWords(text[i]);
}

/** Whether the stored quote began (ended) at a word boundary of the text it was taken from. */
const startsWhole = (a: TextSelectors) => !(joinsWords(a.prefix.at(-1)) && joinsWords(a.exact[0]));
const endsWhole = (a: TextSelectors) => !(joinsWords(a.exact.at(-1)) && joinsWords(a.suffix[0]));

/**
 * A run of letters longer than this is no word (a URL, a hash, a run-together paste); an edge
 * inside one is left where it is rather than stretched over it.
 */
const LONGEST_WORD = 64;

/** Where the word around offset `i` starts and ends, or null when it is longer than LONGEST_WORD. */
function wordAround(text: string, i: number): Range | null {
  let start = i;
  let end = i;
  while (start > 0 && joinsWords(text[start - 1]) && i - start < LONGEST_WORD) start--;
  while (end < text.length && joinsWords(text[end]) && end - i < LONGEST_WORD) end++;
  return cutsWord(text, start) || cutsWord(text, end) ? null : { start, end };
}

/**
 * Moves an edge that cuts a word, where the stored quote did not, to one side of that word: out
 * to take the whole word in ("completely and irreversibly"), or in to leave it out, whichever
 * lines the stored prefix, quote and suffix up better with the text; taking it in on a tie.
 */
export function snapToWords(text: string, a: TextSelectors, range: Range): Range {
  const startWord = startsWhole(a) && cutsWord(text, range.start) ? wordAround(text, range.start) : null;
  const endWord = endsWhole(a) && cutsWord(text, range.end) ? wordAround(text, range.end) : null;
  if (!startWord && !endWord) return range;
  const starts = startWord ? [startWord.start, startWord.end] : [range.start];
  const ends = endWord ? [endWord.end, endWord.start] : [range.end];
  let best: Range | null = null;
  let bestCost = Infinity;
  for (const start of starts) {
    for (const end of ends) {
      if (!isUsable(text, { start, end })) continue;
      const cost = alignmentCost(text, a, { start, end });
      if (cost < bestCost) {
        best = { start, end };
        bestCost = cost;
      }
    }
  }
  return best ?? range;
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c);

function isUsable(text: string, range: Range): boolean {
  return range.start < range.end && /\S/u.test(text.slice(range.start, range.end));
}

// ---- Context agreement ----

/**
 * How well the text around `range` agrees with the stored prefix and suffix, each compared
 * character by character from the quote outwards (edit distance): 1 identical, 0.1–0.3 for
 * unrelated text.
 */
function contextScore(text: string, a: TextSelectors, range: Range): number {
  const stored = a.prefix.length + a.suffix.length;
  if (!stored) return 0.5; // the quote was the whole text: nothing to compare
  const before = text.slice(Math.max(0, range.start - a.prefix.length), range.start);
  const after = text.slice(range.end, range.end + a.suffix.length);
  // Each side weighs by its length, so a one-character suffix (a quote at the end) cannot vouch alone.
  return (similarity(a.prefix, before) * a.prefix.length + similarity(a.suffix, after) * a.suffix.length) / stored;
}

function similarity(stored: string, found: string): number {
  return stored ? 1 - editDistance(stored, found, stored.length) / stored.length : 1;
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

/** Kana and CJK ideographs. */
function isUnspacedScript(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
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

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}
