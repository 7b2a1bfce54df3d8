// Annotation anchoring over the plain-text projection of an article.
//
// An annotation stores W3C Web Annotation selectors: a TextPositionSelector (start, end) and a
// TextQuoteSelector (exact, with PREFIX_SUFFIX_CHARS of prefix and suffix). When the analyst edits
// the article text, `reanchor` finds each annotation again in the new text, trying the cheapest
// strategy first and falling back to more expensive ones only for the annotations that need them:
//
//   exact-position  the old offsets still hold exactly the quoted words
//   mapped          the offsets, carried through one character diff of old → new text, do
//   exact-quote     the quoted words occur verbatim elsewhere (nearest the mapped spot wins)
//   fuzzy-near     an approximate match of the quote close to the mapped spot
//   fuzzy-anywhere  an approximate match anywhere in the text
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

/** Position and quote selectors for start..end of `text`, with context recomputed from `text`. */
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

/** An annotation to re-anchor. `orphaned` ones have offsets from some older text, so only their quote is used. */
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
  /** Approximate matches may differ from the quote in at most this share of its characters. */
  maxErrorRate?: number;
  /**
   * An approximate match with at most this share of errors is accepted without looking at its
   * context; one with more must also have context that agrees (see minContextScore).
   */
  confidentErrorRate?: number;
  /** Agreement (0–1) of prefix and suffix needed to accept a doubtful match. */
  minContextScore?: number;
  /** How far (in characters) around the mapped position the near search looks. */
  nearWindow?: number;
}

const DEFAULTS: Required<ReanchorOptions> = {
  maxErrorRate: 0.25,
  confidentErrorRate: 0.1,
  minContextScore: 0.5,
  nearWindow: 400,
};

/**
 * Finds every annotation of `oldText` again in `newText`. Returns one result per annotation, in
 * input order; an annotation that cannot be placed is in the result with status 'orphan', never
 * dropped.
 */
export function reanchor<Id>(oldText: string, newText: string, annotations: readonly AnchorInput<Id>[], options: ReanchorOptions = {}): AnchorResult<Id>[] {
  const opts = { ...DEFAULTS, ...options };
  // One diff for all annotations, computed only if some annotation is not where it was.
  let offsets: OffsetMap | undefined;
  const offsetMap = () => (offsets ??= OffsetMap.between(oldText, newText));
  return annotations.map((a) => anchorOne(a, newText, offsetMap, opts));
}

/**
 * The peer the benchmark measures `reanchor` against: an approximate search of every quote over the
 * whole new text (step e alone), nearest the old start among equally good matches.
 */
export function fuzzyAnywhere<Id>(newText: string, annotations: readonly AnchorInput<Id>[], options: ReanchorOptions = {}): AnchorResult<Id>[] {
  const opts = { ...DEFAULTS, ...options };
  return annotations.map((a) => {
    const hit = a.exact ? fuzzyMatch(newText, a, clamp(a.start, 0, newText.length), 0, newText.length, opts) : null;
    return hit ? placed(a.id, 'fuzzy-anywhere', newText, hit) : { id: a.id, status: 'orphan' };
  });
}

function anchorOne<Id>(a: AnchorInput<Id>, text: string, offsetMap: () => OffsetMap, opts: Required<ReanchorOptions>): AnchorResult<Id> {
  if (!a.exact) return { id: a.id, status: 'orphan' };

  // (a) and (b): positional evidence, meaningless for an orphan whose offsets belong to an older text.
  let hint = clamp(a.start, 0, text.length);
  if (!a.orphaned) {
    if (text.slice(a.start, a.end) === a.exact) return placed(a.id, 'exact-position', text, { start: a.start, end: a.end });
    const mapped = offsetMap().mapRange(a.start, a.end);
    if (text.slice(mapped.start, mapped.end) === a.exact) return placed(a.id, 'mapped', text, mapped);
    hint = mapped.start;
  }

  // (c) The words verbatim. A nearby occurrence, or a distant one whose context agrees (a moved
  // paragraph), is taken at once; a distant one with unrelated context is only a fallback, since
  // the annotated passage itself may still be close by with an edit inside it.
  const exact = exactMatch(text, a, hint, opts);
  if (exact && exact.confident) return placed(a.id, 'exact-quote', text, exact);

  // (d) Approximately, near where the diff says the passage went.
  const lo = Math.max(0, hint - opts.nearWindow);
  const hi = Math.min(text.length, hint + a.exact.length + opts.nearWindow);
  const near = fuzzyMatch(text, a, hint, lo, hi, opts);
  if (near) return placed(a.id, 'fuzzy-near', text, near);

  if (exact) return placed(a.id, 'exact-quote', text, exact);

  // (e) Approximately, anywhere: the expensive search, left for the few quotes that need it.
  const anywhere = fuzzyMatch(text, a, hint, 0, text.length, opts);
  if (anywhere) return placed(a.id, 'fuzzy-anywhere', text, anywhere);

  return { id: a.id, status: 'orphan' };
}

function placed<Id>(id: Id, status: AnchorStatus, text: string, range: Range): AnchorResult<Id> {
  return { id, status, selectors: selectorsFor(text, range.start, range.end) };
}

interface Range {
  start: number;
  end: number;
}

// ---- (c) Exact quote search ----

/** The best verbatim occurrence of the quote, and whether it is good enough to take before fuzzy search. */
function exactMatch(text: string, a: TextSelectors, hint: number, opts: Required<ReanchorOptions>): (Range & { confident: boolean }) | null {
  const starts: number[] = [];
  for (let i = text.indexOf(a.exact); i !== -1; i = text.indexOf(a.exact, i + 1)) starts.push(i);
  if (!starts.length) return null;

  const score = (start: number) => contextScore(text, a, { start, end: start + a.exact.length });
  const near = starts.filter((s) => Math.abs(s - hint) <= opts.nearWindow);
  if (near.length) {
    // Nearest wins; equally near occurrences (one on either side) are told apart by their context.
    const best = bestBy(near, (s) => -Math.abs(s - hint), score);
    return { start: best, end: best + a.exact.length, confident: true };
  }
  // Far away: context first, since "nearest" says little at this distance; then nearest.
  const scored = starts.map((s) => ({ s, c: score(s) }));
  const best = bestBy(scored, (x) => x.c, (x) => -Math.abs(x.s - hint));
  return { start: best.s, end: best.s + a.exact.length, confident: best.c >= opts.minContextScore };
}

/** The item with the highest `primary` value, ties broken by the highest `secondary` (computed only for ties). */
function bestBy<T>(items: readonly T[], primary: (item: T) => number, secondary: (item: T) => number): T {
  const top = maxima(items, primary);
  return top.length > 1 ? maxima(top, secondary)[0]! : top[0]!;
}

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

// ---- (d), (e) Approximate quote search ----

/**
 * The approximate match of the quote in text[lo, hi) with the fewest errors, nearest `hint` among
 * equals, accepted when it is close to the quote or its context agrees; null when none is.
 */
function fuzzyMatch(text: string, a: TextSelectors, hint: number, lo: number, hi: number, opts: Required<ReanchorOptions>): Range | null {
  const maxErrors = Math.floor(a.exact.length * opts.maxErrorRate);
  const matches = search(text.slice(lo, hi), a.exact, maxErrors)
    .map((m) => ({ start: m.start + lo, end: m.end + lo, errors: m.errors }))
    .sort((x, y) => Math.abs(x.start - hint) - Math.abs(y.start - hint));
  // The search reports only the matches with the fewest errors, so all candidates are equally good
  // as quotes; try them nearest first.
  for (const m of matches) {
    if (m.errors <= a.exact.length * opts.confidentErrorRate) return m;
    if (contextScore(text, a, m) >= opts.minContextScore) return m;
  }
  return null;
}

// ---- Context agreement ----

/** How well the text around `range` agrees with the stored prefix and suffix: 1 identical, 0 unrelated. */
function contextScore(text: string, a: TextSelectors, range: Range): number {
  const before = text.slice(Math.max(0, range.start - a.prefix.length), range.start);
  const after = text.slice(range.end, range.end + a.suffix.length);
  return (similarity(a.prefix, before) + similarity(a.suffix, after)) / 2;
}

/** 1 − (edit distance of `stored` within `found`) / length; an empty stored context agrees only with an edge of the text. */
function similarity(stored: string, found: string): number {
  if (!stored) return found ? 0.5 : 1;
  if (stored === found) return 1;
  if (!found) return 0;
  const [best] = search(found, stored, stored.length);
  return best ? 1 - best.errors / stored.length : 0;
}

// ---- (b) Offsets through a diff ----

/**
 * Carries offsets of the old text to the new one through a character diff. The unchanged runs are
 * kept as parallel arrays and looked up by binary search, so mapping all annotations costs one diff
 * plus a logarithmic look-up each.
 */
export class OffsetMap {
  private constructor(
    private readonly oldStarts: readonly number[],
    private readonly newStarts: readonly number[],
    private readonly lengths: readonly number[],
    private readonly newLength: number,
  ) {}

  static between(oldText: string, newText: string): OffsetMap {
    const oldStarts: number[] = [];
    const newStarts: number[] = [];
    const lengths: number[] = [];
    let o = 0;
    let n = 0;
    for (const [op, chunk] of diff(oldText, newText)) {
      if (op === diff.EQUAL) {
        oldStarts.push(o);
        newStarts.push(n);
        lengths.push(chunk.length);
      }
      if (op !== diff.INSERT) o += chunk.length;
      if (op !== diff.DELETE) n += chunk.length;
    }
    return new OffsetMap(oldStarts, newStarts, lengths, newText.length);
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
    const rel = o - this.oldStarts[i]!;
    // Inside the run, or in the change after it: the change's start (before any replacement).
    return this.newStarts[i]! + Math.min(rel, this.lengths[i]!);
  }

  private mapEnd(o: number): number {
    const i = this.lastRun(o, false);
    if (i < 0) return o === 0 ? 0 : (this.newStarts[0] ?? this.newLength);
    const rel = o - this.oldStarts[i]!;
    if (rel <= this.lengths[i]!) return this.newStarts[i]! + rel;
    // In a change after the run: the end of whatever replaced it.
    return this.newStarts[i + 1] ?? this.newLength;
  }

  /** The last run starting at or before `o` (inclusive) or strictly before it (exclusive); -1 if none. */
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

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}
