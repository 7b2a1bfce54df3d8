// Scores suggested attributions against gold, as issue 11 defines it: a suggested content matches a
// gold one when their word tokens overlap by at least half of each (greedy one-to-one); its speaker
// is right when the suggested source span overlaps the gold source span the same way. Kinds come
// from the text itself, for gold and suggestions alike: direct when the content starts with a quote
// mark, mixed when it holds one, indirect otherwise.
import type { Suggestion, SuggestionKind } from '../../../shared/suggestion';
import type { GoldAttribution, GoldSpan } from './brat';

export { readBrat } from './brat';

// Two apostrophes are a double quotation mark in some archives (The New York Times').
const QUOTE_MARKS = /["“”„«»「」『』‘’]|''/;
const OPENING = /^(["“„«「『‘]|'')/;

interface Item {
  kind: SuggestionKind;
  content: Set<number>;
  source: Set<number> | null;
}

export interface Counts {
  gold: number;
  suggested: number;
  matched: number;
  /** Matched with the right source. */
  withSpeaker: number;
}

export interface Figures {
  precision: number;
  recall: number;
  f1: number;
}

export interface Score {
  counts: Record<'all' | SuggestionKind, Counts>;
}

/** Start offsets of the text's word tokens (letters and digits), to turn spans into token sets. */
export class Tokens {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  constructor(readonly text: string) {
    for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
      this.starts.push(m.index);
      this.ends.push(m.index + m[0].length);
    }
  }
  /** Indexes of the tokens lying inside [start, end) (a token cut by an edge counts). */
  of(fragments: readonly { start: number; end: number }[]): Set<number> {
    const set = new Set<number>();
    for (const { start, end } of fragments) {
      let i = lowerBound(this.ends, start + 1);
      for (; i < this.starts.length && this.starts[i]! < end; i++) set.add(i);
    }
    return set;
  }
}

function lowerBound(a: number[], v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function kindOfText(words: string): SuggestionKind {
  const trimmed = words.trim();
  if (OPENING.test(trimmed)) return 'direct';
  return QUOTE_MARKS.test(trimmed) ? 'mixed' : 'indirect';
}

/**
 * The gold content's words, for its kind. Annotators sometimes start a span just inside the opening
 * mark (`I have earned…,”`, or the second half of a `''` mark): the quotation still starts with that
 * mark, so the first fragment is read from it. Without this such gold counts as mixed, and a direct
 * suggestion of the very same quotation as a false positive.
 */
export function goldText(text: string, span: GoldSpan): string {
  return span.fragments
    .map((f, i) => {
      let start = f.start;
      if (i === 0) {
        const lead = text.slice(Math.max(0, start - 2), start);
        if (/''$/.test(lead) || (/^'/.test(text.slice(start)) && /'$/.test(lead))) start -= lead.endsWith("''") ? 2 : 1;
        else if (/["“„«「『‘]$/.test(lead) && !OPENING.test(text.slice(start, f.end).trimStart())) start -= 1;
      }
      return text.slice(start, f.end);
    })
    .join(' ');
}

function overlaps(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared >= a.size / 2 && shared >= b.size / 2 ? shared / Math.max(a.size, b.size) : 0;
}

/** Greedy one-to-one: the best-overlapping pairs first. */
function match(gold: Item[], suggested: Item[]): Array<[Item, Item]> {
  const pairs: Array<[number, Item, Item]> = [];
  for (const g of gold) for (const s of suggested) {
    const o = overlaps(g.content, s.content);
    if (o > 0) pairs.push([o, g, s]);
  }
  pairs.sort((a, b) => b[0] - a[0]);
  const usedG = new Set<Item>();
  const usedS = new Set<Item>();
  const out: Array<[Item, Item]> = [];
  for (const [, g, s] of pairs) {
    if (usedG.has(g) || usedS.has(s)) continue;
    usedG.add(g);
    usedS.add(s);
    out.push([g, s]);
  }
  return out;
}

function speakerRight(g: Item, s: Item): boolean {
  if (!g.source || !s.source) return !g.source && !s.source;
  return overlaps(g.source, s.source) > 0;
}

function emptyCounts(): Counts {
  return { gold: 0, suggested: 0, matched: 0, withSpeaker: 0 };
}

export function emptyScore(): Score {
  return { counts: { all: emptyCounts(), direct: emptyCounts(), mixed: emptyCounts(), indirect: emptyCounts() } };
}

/** Adds one document's counts to `into` (a corpus is scored by summing its documents). */
export function scoreDocument(text: string, gold: GoldAttribution[], suggestions: readonly Suggestion[], into: Score = emptyScore()): Score {
  const tokens = new Tokens(text);
  const goldItems: Item[] = gold.map((g) => ({
    kind: kindOfText(goldText(text, g.content)),
    content: tokens.of(g.content.fragments),
    source: g.source ? tokens.of(g.source.fragments) : null,
  }));
  const suggestedItems: Item[] = suggestions.map((s) => ({
    kind: kindOfText(s.content.exact),
    content: tokens.of(s.fragments ?? [s.content]),
    source: s.source ? tokens.of([s.source]) : null,
  }));
  const add = (key: 'all' | SuggestionKind, g: Item[], s: Item[]) => {
    const c = into.counts[key];
    const pairs = match(g, s);
    c.gold += g.length;
    c.suggested += s.length;
    c.matched += pairs.length;
    c.withSpeaker += pairs.filter(([gi, si]) => speakerRight(gi, si)).length;
  };
  add('all', goldItems, suggestedItems);
  for (const kind of ['direct', 'mixed', 'indirect'] as const) {
    add(kind, goldItems.filter((g) => g.kind === kind), suggestedItems.filter((s) => s.kind === kind));
  }
  return into;
}

export function figures(matched: number, suggested: number, gold: number): Figures {
  const precision = suggested ? matched / suggested : 0;
  const recall = gold ? matched / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const pct = (x: number) => Math.round(x * 1000) / 10;
  return { precision: pct(precision), recall: pct(recall), f1: pct(f1) };
}

/** Quotes alone and quote + speaker, as percentages. */
export function summarise(score: Score) {
  const out: Record<string, { quotes: Figures; quoteAndSpeaker: Figures; gold: number; suggested: number }> = {};
  for (const [key, c] of Object.entries(score.counts)) {
    out[key] = {
      quotes: figures(c.matched, c.suggested, c.gold),
      quoteAndSpeaker: figures(c.withSpeaker, c.suggested, c.gold),
      gold: c.gold,
      suggested: c.suggested,
    };
  }
  return out;
}

/** One document, summarised: the figures for a single text. */
export function score(text: string, gold: GoldAttribution[], suggestions: readonly Suggestion[]) {
  return summarise(scoreDocument(text, gold, suggestions));
}
