// Re-anchoring benchmark: how fast and how well `reanchor` finds 200 quotes again in an edited
// ~100,000-character article, beside the peer that fuzzy-searches every quote over the whole text
// (`fuzzyAnywhere`, step (e) of `reanchor` alone). Deterministic: a seeded generator writes a
// news-like article from a word list, picks 200 quotes of 20–200 characters (whole words, within a
// paragraph; the words of 20 of them are written into the article a second time, elsewhere), then
// for each edit share (5%, 10%, 15%: that share of the article's word count in edits) applies
// random word insertions, deletions and substitutions and character typos anywhere, so some fall
// inside quotes, plus two paragraph moves, tracking where each quote truly went.
//
// Truth: text inserted exactly at a quote's edge stays outside it, text replacing its edge is
// taken in. A quote is placed correctly when both ends are within TOLERANCE characters of the
// truth, or, if it kept less than half its characters, also when it is an orphan. Timings are
// medians, ours and the peer's measured in alternation so both see the same machine load.
// Self-contained on purpose: it shares nothing with the other bench files, whose changes
// therefore cannot move these figures.
//
//   node --import tsx tests/bench/reanchor.ts     prints the report as JSON
import { pathToFileURL } from 'node:url';
import { reanchor, selectorsFor, type AnchorInput, type AnchorResult } from '../../shared/anchoring';
import { fuzzyAnywhere } from './whole-text-matcher';
import { mulberry32 } from './corpus';

export const REANCHOR_SEED = 20_240_611;
const ARTICLE_CHARS = 100_000;
const QUOTES = 200;
/** Quotes whose words are written into the article a second time, elsewhere. */
const DUPLICATED_QUOTES = 20;
const EDIT_SHARES = [0.05, 0.1, 0.15] as const;
const PARAGRAPH_MOVES = 2;
/** A quote is placed correctly when both ends are within this many characters of the truth. */
const TOLERANCE = 5;
/** A quote that kept less than this share of its characters may correctly be an orphan. */
const LOST_BELOW = 0.5;
const BUDGET = { ratio: 0.1, placedCorrectlyShare: 0.97 };

export interface ReanchorFigures {
  editShare: number;
  edits: number;
  quotesEdited: number;
  quotesMoved: number;
  quotesLost: number;
  reanchorMs: number;
  wholeTextFuzzyMs: number;
  ratio: number;
  placedCorrectlyShare: number;
  peerPlacedCorrectlyShare: number;
  orphans: number;
  peerOrphans: number;
  statuses: Record<string, number>;
  met: boolean;
}

export interface ReanchorReport {
  seed: number;
  timingRounds: number;
  articleChars: number;
  paragraphs: number;
  quotes: number;
  duplicatedQuotes: number;
  tolerance: number;
  budget: typeof BUDGET;
  runs: ReanchorFigures[];
  met: boolean;
}

/** One edited article of the benchmark: old text and annotations, new text, and where each quote truly is. */
export interface ReanchorScenario {
  editShare: number;
  edits: number;
  oldText: string;
  newText: string;
  annotations: AnchorInput<number>[];
  truth: Span[];
}

/** The benchmark's article, quotes and edited versions (one per edit share), all from the fixed seed. */
export function reanchorScenarios(seed = REANCHOR_SEED): ReanchorScenario[] {
  const rand = prng(seed);
  const quoted = pickQuotes(rand, generateArticle(rand, ARTICLE_CHARS), QUOTES, DUPLICATED_QUOTES);
  const oldText = quoted.text;
  const annotations: AnchorInput<number>[] = quoted.spans.map((s, id) => ({ id, ...selectorsFor(oldText, s.start, s.end) }));
  return EDIT_SHARES.map((editShare, k) => {
    const edited = quoted.clone();
    const edits = applyEdits(prng(seed + 1 + k), edited, editShare);
    return { editShare, edits, oldText, newText: edited.text, annotations, truth: edited.spans };
  });
}

/** Whether a result is right: both ends within TOLERANCE of the truth, or an orphan for a quote that lost most of its words. */
export function placedCorrectly(result: AnchorResult<number>, truth: Span): boolean {
  if (!result.selectors) return truth.kept / truth.length < LOST_BELOW;
  return Math.abs(result.selectors.start - truth.start) <= TOLERANCE && Math.abs(result.selectors.end - truth.end) <= TOLERANCE;
}

export function benchReanchor(options: { rounds?: number; seed?: number } = {}): ReanchorReport {
  const rounds = options.rounds ?? 5;
  const scenarios = reanchorScenarios(options.seed);
  const runs = scenarios.map(({ editShare, edits, oldText, newText, annotations, truth }) => {
    const { ours, peer } = timeInterleaved(
      rounds,
      () => reanchor(oldText, newText, annotations),
      () => fuzzyAnywhere(newText, annotations),
    );
    const share = (results: AnchorResult<number>[]) => results.filter((r, i) => placedCorrectly(r, truth[i]!)).length / results.length;

    const statuses: Record<string, number> = {};
    for (const r of ours.result) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    const ratio = ours.ms / peer.ms;
    const placedCorrectlyShare = share(ours.result);
    return {
      editShare,
      edits,
      quotesEdited: truth.filter((s) => s.edited).length,
      quotesMoved: truth.filter((s) => s.moved).length,
      quotesLost: truth.filter((s) => s.kept / s.length < LOST_BELOW).length,
      reanchorMs: round(ours.ms),
      wholeTextFuzzyMs: round(peer.ms),
      ratio: round(ratio, 4),
      placedCorrectlyShare: round(placedCorrectlyShare, 4),
      peerPlacedCorrectlyShare: round(share(peer.result), 4),
      orphans: ours.result.filter((r) => r.status === 'orphan').length,
      peerOrphans: peer.result.filter((r) => r.status === 'orphan').length,
      statuses,
      met: ratio <= BUDGET.ratio && placedCorrectlyShare >= BUDGET.placedCorrectlyShare,
    } satisfies ReanchorFigures;
  });

  const { oldText, annotations } = scenarios[0]!;
  return {
    seed: options.seed ?? REANCHOR_SEED,
    timingRounds: rounds,
    articleChars: oldText.length,
    paragraphs: oldText.split('\n\n').length,
    quotes: annotations.length,
    duplicatedQuotes: DUPLICATED_QUOTES,
    tolerance: TOLERANCE,
    budget: BUDGET,
    runs,
    met: runs.every((r) => r.met),
  };
}

/**
 * Median times of `ours` and `peer`, measured in alternation so both see the same machine load
 * (other processes, GC, frequency scaling). `ours` is far cheaper, so it runs several times a round.
 */
function timeInterleaved<T>(rounds: number, ours: () => T, peer: () => T): { ours: { ms: number; result: T }; peer: { ms: number; result: T } } {
  const time = (fn: () => T, samples: number[]) => {
    const t0 = performance.now();
    const result = fn();
    samples.push(performance.now() - t0);
    return result;
  };
  // Warm-up, so the JIT has compiled both before anything counts; also the results judged.
  let oursResult = ours();
  for (let i = 0; i < 4; i++) ours();
  let peerResult = peer();
  const oursSamples: number[] = [];
  const peerSamples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < 3; i++) oursResult = time(ours, oursSamples);
    peerResult = time(peer, peerSamples);
  }
  return { ours: { ms: median(oursSamples), result: oursResult }, peer: { ms: median(peerSamples), result: peerResult } };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

// ---- Deterministic randomness ----

type Rand = () => number;

const prng: (seed: number) => Rand = mulberry32;

const int = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(rand: Rand, items: readonly T[]) => items[Math.floor(rand() * items.length)]!;

// ---- A news-like article ----

const WORDS = (
  'the of and to in a that for on with as by at from said would its their has have was were will not be been ' +
  'government ministry minister foreign official officials talks meeting agreement court ruling compensation ' +
  'labor wartime company companies assets seized liquidation process bilateral relations diplomats dialogue ' +
  'summit trilateral president prime counterpart bureau affairs statement sincerity resolve problem export ' +
  'controls materials semiconductors retaliation measures rectification historic decision forced period ' +
  'colonial rule peninsula financial aid understanding issue settled completely finally demands solution ' +
  'judicial intervene delay exchanges business political levels important travel quarantine arrival negative ' +
  'itineraries preventive separate special representative closely cooperate dealing north south east west ' +
  'economic security trade tariffs negotiations delegation spokesman parliament opposition coalition budget ' +
  'election campaign voters poll survey analysts markets investors shares currency inflation growth forecast ' +
  'quarter percent billion million year month week day morning evening yesterday today tomorrow country ' +
  'countries region regional international national local public private sector industry workers union ' +
  'strike wages pension reform policy policies proposal draft law bill committee hearing testimony evidence ' +
  'investigation prosecutors police arrest charges trial verdict appeal sentence lawyer defense victims ' +
  'families survivors apology responsibility history memorial ceremony anniversary visit trip envoy embassy ' +
  'ambassador sanctions nuclear missile launch military defense alliance troops exercise border tension ' +
  'crisis response pressure support concern concerns criticism warning warned urged called stressed noted ' +
  'added told reporters according sources familiar matter expected likely unclear further whether however ' +
  'meanwhile although despite because after before during while since until amid against between among'
).split(' ');
const NAMES = ['Takizaki', 'Kim', 'Suga', 'Moon', 'Lee', 'Tokyo', 'Seoul', 'Beijing', 'Washington', 'Nippon Steel', 'Mitsubishi', 'Yonhap', 'Kyodo'];

function sentence(rand: Rand): string {
  const n = int(rand, 8, 26);
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    let w = rand() < 0.08 ? pick(rand, NAMES) : pick(rand, WORDS);
    if (i > 1 && i < n - 1 && rand() < 0.06) w += ',';
    words.push(w);
  }
  words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
  const body = words.join(' ');
  return rand() < 0.15 ? `"${body}," ${pick(rand, NAMES)} said.` : `${body}.`;
}

function generateArticle(rand: Rand, chars: number): string {
  const paragraphs: string[] = [];
  let length = 0;
  while (length < chars) {
    const n = int(rand, 1, 5);
    const p = Array.from({ length: n }, () => sentence(rand)).join(' ');
    paragraphs.push(p);
    length += p.length + 2;
  }
  return paragraphs.join('\n\n');
}

// ---- Text with tracked spans ----

export interface Span {
  start: number;
  end: number;
  /** Length when the quote was taken, and how many of those characters are left. */
  length: number;
  kept: number;
  edited: boolean;
  moved: boolean;
}

/**
 * A text and the true positions of spans in it, kept up to date through every edit. An insertion
 * exactly at a span's edge stays outside it; a replacement of a span's edge is taken in (the same
 * convention `reanchor` maps offsets by).
 */
class TrackedText {
  constructor(
    public text: string,
    public spans: Span[] = [],
  ) {}

  clone(): TrackedText {
    return new TrackedText(
      this.text,
      this.spans.map((s) => ({ ...s })),
    );
  }

  replace(at: number, deleteCount: number, insert: string): void {
    this.text = this.text.slice(0, at) + insert + this.text.slice(at + deleteCount);
    const delEnd = at + deleteCount;
    const shift = insert.length - deleteCount;
    for (const s of this.spans) {
      const overlap = Math.max(0, Math.min(delEnd, s.end) - Math.max(at, s.start));
      const inside = overlap > 0 || (at > s.start && at < s.end);
      if (inside) s.edited = true;
      s.kept -= overlap;
      s.start = s.start < at ? s.start : s.start === at && deleteCount === 0 ? s.start + insert.length : s.start < delEnd ? at : s.start + shift;
      s.end = s.end <= at ? s.end : s.end <= delEnd ? at + insert.length : s.end + shift;
    }
  }

  /** Moves paragraph `from` to before paragraph `to` (indices in the current text). */
  moveParagraph(from: number, to: number): void {
    const paragraphs = this.text.split('\n\n');
    const starts: number[] = [];
    let o = 0;
    for (const p of paragraphs) {
      starts.push(o);
      o += p.length + 2;
    }
    const order = paragraphs.map((_, i) => i);
    order.splice(from, 1);
    order.splice(to > from ? to - 1 : to, 0, from);
    const newStarts: number[] = [];
    o = 0;
    for (const i of order) {
      newStarts[i] = o;
      o += paragraphs[i]!.length + 2;
    }
    const paragraphOf = (offset: number) => {
      let i = starts.length - 1;
      while (starts[i]! > offset) i--;
      return i;
    };
    for (const s of this.spans) {
      const i = paragraphOf(s.start);
      const delta = newStarts[i]! - starts[i]!;
      if (delta && i === from) s.moved = true;
      s.start += delta;
      s.end += delta;
    }
    this.text = order.map((i) => paragraphs[i]).join('\n\n');
  }
}

/** Word boundaries inside paragraphs: [start, end) of each word (letters, digits and attached punctuation). */
function words(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[^\s]+/g)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** The first word starting at or after `offset` (wrapping round), without scanning the whole text. */
function wordAt(text: string, offset: number): { start: number; end: number } {
  const isSpace = (i: number) => /\s/.test(text[i]!);
  let start = offset;
  while (start < text.length && (isSpace(start) || (start > 0 && !isSpace(start - 1)))) start++;
  if (start >= text.length) return wordAt(text, 0);
  let end = start;
  while (end < text.length && !isSpace(end)) end++;
  return { start, end };
}

// ---- Quotes ----

function pickQuotes(rand: Rand, text: string, count: number, duplicated: number): TrackedText {
  const tracked = new TrackedText(text);
  const ws = words(text);
  while (tracked.spans.length < count) {
    // 20–200 characters, from the start of a word to the end of a word in the same paragraph.
    const first = int(rand, 0, ws.length - 1);
    const target = int(rand, 20, 200);
    let last = first;
    while (ws[last + 1] && ws[last + 1]!.end - ws[first]!.start <= target) last++;
    const start = ws[first]!.start;
    const end = ws[last]!.end;
    if (end - start < 20 || text.slice(start, end).includes('\n')) continue;
    tracked.spans.push({ start, end, length: end - start, kept: end - start, edited: false, moved: false });
  }
  // Some quotes' words appear a second time elsewhere, as a pull quote or a repeated statement.
  for (let i = 0; i < duplicated; i++) {
    const s = tracked.spans[int(rand, 0, count - 1)]!;
    const copy = tracked.text.slice(s.start, s.end);
    const paragraphStarts = [0, ...[...tracked.text.matchAll(/\n\n/g)].map((m) => m.index + 2)];
    const at = pick(rand, paragraphStarts);
    tracked.replace(at, 0, `${copy}. `);
  }
  for (const s of tracked.spans) Object.assign(s, { length: s.end - s.start, kept: s.end - s.start, edited: false });
  return tracked;
}

// ---- Edits ----

/** Applies `share` × (number of words) random edits and a couple of paragraph moves; returns the edit count. */
function applyEdits(rand: Rand, t: TrackedText, share: number): number {
  const edits = Math.round(words(t.text).length * share);
  const movesAt = new Set(Array.from({ length: PARAGRAPH_MOVES }, () => int(rand, 0, edits - 1)));
  for (let k = 0; k < edits; k++) {
    if (movesAt.has(k)) {
      const n = t.text.split('\n\n').length;
      t.moveParagraph(int(rand, 0, n - 1), int(rand, 0, n));
    }
    const w = wordAt(t.text, int(rand, 0, t.text.length - 1));
    const kind = rand();
    if (kind < 0.25) {
      t.replace(w.start, 0, `${pick(rand, WORDS)} `); // insert a word
    } else if (kind < 0.45) {
      t.replace(w.start, w.end - w.start + (t.text[w.end] === ' ' ? 1 : 0), ''); // delete a word
    } else if (kind < 0.7) {
      t.replace(w.start, w.end - w.start, pick(rand, WORDS)); // substitute a word
    } else {
      // A typo or its fix: one character inserted, deleted or substituted inside the word.
      const at = int(rand, w.start, w.end - 1);
      const letter = String.fromCharCode(97 + int(rand, 0, 25));
      const op = rand();
      if (op < 1 / 3) t.replace(at, 0, letter);
      else if (op < 2 / 3 && w.end - w.start > 1) t.replace(at, 1, '');
      else t.replace(at, 1, letter);
    }
  }
  return edits;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(benchReanchor(), null, 2));
}
