// Re-anchoring: finding every annotation again after the analyst edited the article text.
//
// An annotation stores W3C Web Annotation selectors (selectors.ts). When the analyst edits
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
import search from 'approx-string-match';
import type { TextSelectors } from '../model';
import { selectorsFor, isUsable, type Range } from './selectors';
import { editDistance } from './edit-distance';
import { alignmentCost, contextScore } from './agreement';
import { cutsWord, endsWhole, isSpace, snapToWords, startsWhole } from './word-boundaries';
import { OffsetMap } from './offset-map';

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

export const DEFAULTS: Required<ReanchorOptions> = {
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

export type Options = Required<ReanchorOptions>;

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
export function placed<Id>(a: AnchorInput<Id>, status: AnchorStatus, text: string, range: Range): AnchorResult<Id> {
  const { start, end } = snapToWords(text, a, range);
  return { id: a.id, status, selectors: selectorsFor(text, start, end) };
}

export function orphan<Id>(id: Id): AnchorResult<Id> {
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

function resembles(found: string, quote: string): boolean {
  const limit = Math.floor(quote.length * MAPPED_MAX_ERROR_RATE);
  return Math.abs(found.length - quote.length) <= limit && editDistance(found, quote, limit) <= limit;
}

// ---- (e) Search anywhere ----

/**
 * The quote, edited, anywhere in the text: only with agreeing context, since a match far from
 * where the passage was is otherwise as likely to be similar words elsewhere.
 */
export function searchAnywhere(text: string, a: TextSelectors, hint: number, opts: Options): Range | null {
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

export function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}
