// The discourse networks of Discourse Network Analysis, computed from coded quotes.
//
// Leifeld, P. (2016). Policy Debates as Dynamic Networks: German Pension Politics and Privatization
// Discourse. Campus. Leifeld, P. (2017). "Discourse Network Analysis: Policy Debates as Dynamic
// Networks", in J. N. Victor, A. H. Montgomery, M. Lubell (eds.), The Oxford Handbook of Political
// Networks, ch. 12. The definitions below follow the Discourse Network Analyzer's exporter
// (DNA 3, `export.Exporter`: computeTwoModeMatrix and computeOneModeMatrix).
//
// DNA's statement is one actor's claim on one concept with a qualifier (agreement). Here a
// statement is one coding: a quote (annotation) with a speaker, one of its positions (DNA's
// concept) and the stance taken (DNA's qualifier, with three values). Let a(i, p, s) be the number
// of codings in which actor i takes stance s on position p.
//
// - Two-mode (actor × position; DNA "twomode", qualifier aggregation "combine" kept apart per
//   stance): one edge per actor, position and stance, weight a(i, p, s), the number of quotes.
// - Congruence (DNA "onemode", "congruence"): actors i and j are tied by
//   w(i, j) = Σ_p Σ_s a(i, p, s) · a(j, p, s), the pairs of their statements that take the same
//   stance on the same position.
// - Conflict (DNA "onemode", "conflict"): w(i, j) = Σ_p [a(i, p, sup) · a(j, p, opp) + a(i, p, opp)
//   · a(j, p, sup)], the pairs that take opposite stances on the same position. DNA's integer
//   qualifier would count a neutral statement as half a disagreement with both sides; a neutral
//   quote here is in no conflict (it opposes nobody) and agrees only with another neutral one.
//
// Normalisation of the one-mode weights (DNA's "normalization"):
// - raw ("no"): the counts above;
// - average activity ("average"): w(i, j) / ((n_i + n_j) / 2), n_i being all of i's statements
//   (every position and stance in the filter), so a prolific actor's ties do not dwarf the rest;
// - Jaccard ("jaccard"): w(i, j) / (m10 + m01 + m11), over the cells (p, s): m10 sums a(i, p, s)
//   where j has none, m01 sums a(j, p, s) where i has none, m11 sums a(i, p, s) · a(j, p, s) where
//   both have some. The same denominator serves congruence and conflict, as in DNA.
// A minimum edge weight then drops the ties below it (after normalisation).
import type { ActorKind, Stance } from '../model';

/** One statement in DNA's sense: a quote's speaker taking a stance on one of its positions. */
export interface Coding {
  quoteId: number;
  actorId: number;
  positionId: number;
  stance: Stance;
}

export const networkTypes = ['actor-position', 'congruence', 'conflict'] as const;
export type NetworkType = (typeof networkTypes)[number];

export const normalisations = ['raw', 'average', 'jaccard'] as const;
export type Normalisation = (typeof normalisations)[number];

export interface NetworkOptions {
  type: NetworkType;
  /** One-mode networks only; the two-mode network always counts quotes. */
  normalisation?: Normalisation;
  /** Ties weighing less than this (after normalisation) are left out. */
  minWeight?: number;
  /**
   * At most this many ties, the heaviest (equal weights in a fixed order, so the cut is stable). Thousands
   * of ties cannot be read, or drawn smoothly; `hiddenTies` counts the rest. Unlimited unless told.
   */
  maxTies?: number;
}

export interface NetworkNode {
  /** `a<actor id>` or `p<position id>`. */
  key: string;
  mode: 'actor' | 'position';
  /** The actor's or the position's id. */
  id: number;
  label: string;
  /** Actors: their kind (the node's colour by kind). */
  actorKind?: ActorKind;
  /** Actors: the organisation they are coloured by when colouring by organisation (none: null). */
  organization?: string | null;
  /** Positions: their topic's name. */
  topic?: string;
  /** How many quotes the actor said, or how many quotes code the position (the node's size). */
  quotes: number;
}

export interface NetworkEdge {
  key: string;
  source: string;
  target: string;
  /** The tie's weight, normalised as asked. */
  weight: number;
  /** The two-mode edge's stance. */
  stance?: Stance;
  /** The one-mode edge's relation. */
  relation?: 'congruence' | 'conflict';
  /** The quotes behind the tie, in ascending id. */
  quoteIds: number[];
}

export interface Network {
  type: NetworkType;
  normalisation: Normalisation;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** Ties left out by `maxTies` (not those under the minimum weight). */
  hiddenTies: number;
}

/** What the network needs to know of an actor. */
export interface ActorLabel {
  name: string;
  kind: ActorKind;
  /** The organisation it belongs to (or is), for colouring by organisation. */
  organization?: string | null;
}

export interface NetworkLabels {
  actors: ReadonlyMap<number, ActorLabel>;
  positions: ReadonlyMap<number, { claim: string; topic: string }>;
}

const actorKey = (id: number) => `a${id}`;
const positionKey = (id: number) => `p${id}`;

/** The network of the given type over these codings; nodes are the actors (and positions) the codings name. */
export function computeNetwork(codings: readonly Coding[], labels: NetworkLabels, options: NetworkOptions): Network {
  const normalisation = options.type === 'actor-position' ? 'raw' : (options.normalisation ?? 'raw');
  const minWeight = options.minWeight ?? 0;
  const actorQuotes = distinctQuotes(codings, (c) => c.actorId);
  const nodes: NetworkNode[] = [...actorQuotes].map(([id, quotes]) => {
    const a = labels.actors.get(id);
    return { key: actorKey(id), mode: 'actor', id, label: a?.name ?? `Actor ${id}`, actorKind: a?.kind ?? 'other', organization: a?.organization ?? null, quotes: quotes.size };
  });
  const max = options.maxTies ?? Infinity;
  let kept: Tie[];
  let hiddenTies: number;
  if (options.type === 'actor-position') {
    for (const [id, quotes] of distinctQuotes(codings, (c) => c.positionId)) {
      const p = labels.positions.get(id);
      nodes.push({ key: positionKey(id), mode: 'position', id, label: p?.claim ?? `Position ${id}`, topic: p?.topic ?? '', quotes: quotes.size });
    }
    const heavy = twoModeEdges(codings).filter((e) => e.weight >= minWeight);
    kept = heavy.length > max ? [...heavy].sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1)).slice(0, max) : heavy;
    hiddenTies = heavy.length - kept.length;
  } else {
    ({ kept, hiddenTies } = oneModeEdges(codings, options.type, normalisation, minWeight, max));
  }
  nodes.sort((a, b) => (a.mode === b.mode ? a.label.localeCompare(b.label) || a.id - b.id : a.mode === 'actor' ? -1 : 1));
  // The quotes behind a tie are gathered only for the ties kept: 500 agreeing actors make 50,000.
  return { type: options.type, normalisation, nodes, edges: kept.map(({ quotes, ...e }) => ({ ...e, quoteIds: quotes() })), hiddenTies };
}

/** A tie before the cut: its quotes are listed only if it is kept. */
type Tie = Omit<NetworkEdge, 'quoteIds'> & { quotes: () => number[] };

function distinctQuotes(codings: readonly Coding[], by: (c: Coding) => number): Map<number, Set<number>> {
  const m = new Map<number, Set<number>>();
  for (const c of codings) {
    const k = by(c);
    let s = m.get(k);
    if (!s) m.set(k, (s = new Set()));
    s.add(c.quoteId);
  }
  return m;
}

function twoModeEdges(codings: readonly Coding[]): Tie[] {
  const edges = new Map<string, Tie & { ids: number[] }>();
  for (const c of codings) {
    const key = `${actorKey(c.actorId)}-${positionKey(c.positionId)}-${c.stance}`;
    const e = edges.get(key);
    if (e) {
      e.weight++;
      e.ids.push(c.quoteId);
    } else {
      const ids = [c.quoteId];
      edges.set(key, { key, source: actorKey(c.actorId), target: positionKey(c.positionId), weight: 1, stance: c.stance, ids, quotes: () => [...ids].sort((a, b) => a - b) });
    }
  }
  return [...edges.values()].map(({ ids: _ids, ...e }) => e);
}

/** a(i, p, s) with the quotes behind each cell. */
type Cells = Map<number, Map<number, Map<Stance, number[]>>>;

const OPPOSITE: Record<Stance, Stance | null> = { supports: 'opposes', opposes: 'supports', neutral: null };

const STANCE_INDEX: Record<Stance, number> = { supports: 0, opposes: 1, neutral: 2 };

/** How many statements tie two actors on one position, from their counts per stance there. */
function tieWeight(relation: 'congruence' | 'conflict', a: Int32Array, b: Int32Array): number {
  return relation === 'congruence' ? a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]! : a[0]! * b[1]! + a[1]! * b[0]!;
}

function oneModeEdges(
  codings: readonly Coding[],
  relation: 'congruence' | 'conflict',
  normalisation: Normalisation,
  minWeight: number,
  maxTies: number,
): { kept: Tie[]; hiddenTies: number } {
  const cells: Cells = new Map();
  const activity = new Map<number, number>();
  // a(i, p, ·) as three counts, for the pair loop below: arithmetic only, no allocation.
  const counts = new Map<number, { actor: number; n: Int32Array }[]>();
  const countOf = new Map<number, Map<number, Int32Array>>();
  for (const c of codings) {
    let byPosition = cells.get(c.actorId);
    if (!byPosition) cells.set(c.actorId, (byPosition = new Map()));
    let byStance = byPosition.get(c.positionId);
    if (!byStance) byPosition.set(c.positionId, (byStance = new Map()));
    const quotes = byStance.get(c.stance);
    if (quotes) quotes.push(c.quoteId);
    else byStance.set(c.stance, [c.quoteId]);
    activity.set(c.actorId, (activity.get(c.actorId) ?? 0) + 1);
    let mine = countOf.get(c.actorId);
    if (!mine) countOf.set(c.actorId, (mine = new Map()));
    let n = mine.get(c.positionId);
    if (!n) {
      mine.set(c.positionId, (n = new Int32Array(3)));
      (counts.get(c.positionId) ?? counts.set(c.positionId, []).get(c.positionId)!).push({ actor: c.actorId, n });
    }
    n[STANCE_INDEX[c.stance]]!++;
  }
  // Only actors who share a position can be tied: walk each position's actors, not every pair.
  const pairs = new Map<number, Map<number, number>>();
  for (const actors of counts.values()) {
    actors.sort((a, b) => a.actor - b.actor);
    for (let x = 0; x < actors.length; x++) {
      const { actor: i, n: ni } = actors[x]!;
      let withI: Map<number, number> | undefined;
      for (let y = x + 1; y < actors.length; y++) {
        const w = tieWeight(relation, ni, actors[y]!.n);
        if (!w) continue;
        const j = actors[y]!.actor;
        withI ??= pairs.get(i) ?? pairs.set(i, new Map()).get(i)!;
        withI.set(j, (withI.get(j) ?? 0) + w);
      }
    }
  }
  /** The quotes behind a kept tie: on each position both actors took, the cells that match. */
  const quotesOf = (i: number, j: number) => {
    const ids = new Set<number>();
    const cj = cells.get(j)!;
    for (const [p, si] of cells.get(i)!) {
      const sj = cj.get(p);
      if (!sj) continue;
      for (const [s, qi] of si) {
        const t = relation === 'congruence' ? s : OPPOSITE[s];
        const qj = t ? sj.get(t) : undefined;
        if (!qj) continue;
        for (const q of qi) ids.add(q);
        for (const q of qj) ids.add(q);
      }
    }
    return [...ids].sort((a, b) => a - b);
  };
  // Every tie's weight in flat arrays; objects only for those kept (50,000 would keep the collector busy).
  const is: number[] = [];
  const js: number[] = [];
  const ws: number[] = [];
  for (const [i, withI] of pairs) {
    for (const [j, raw] of withI) {
      const w = raw / denominator(normalisation, cells, activity, i, j);
      if (w < minWeight) continue;
      is.push(i);
      js.push(j);
      ws.push(w);
    }
  }
  let order = ws.map((_, k) => k);
  // Equal weights are kept by actor ids, so the cut is stable.
  if (order.length > maxTies) order = order.sort((a, b) => ws[b]! - ws[a]! || is[a]! - is[b]! || js[a]! - js[b]!).slice(0, maxTies);
  const kept = order.map(
    (k): Tie => ({
      key: `${actorKey(is[k]!)}-${actorKey(js[k]!)}-${relation}`,
      source: actorKey(is[k]!),
      target: actorKey(js[k]!),
      weight: ws[k]!,
      relation,
      quotes: () => quotesOf(is[k]!, js[k]!),
    }),
  );
  return { kept, hiddenTies: ws.length - kept.length };
}

function denominator(normalisation: Normalisation, cells: Cells, activity: Map<number, number>, i: number, j: number): number {
  if (normalisation === 'raw') return 1;
  if (normalisation === 'average') return ((activity.get(i) ?? 0) + (activity.get(j) ?? 0)) / 2;
  // Jaccard: DNA's m10 + m01 + m11 over every (position, stance) cell either actor uses.
  const ci = cells.get(i)!;
  const cj = cells.get(j)!;
  let sum = 0;
  for (const [p, byStance] of ci) {
    for (const [s, qi] of byStance) {
      const nj = cj.get(p)?.get(s)?.length ?? 0;
      sum += nj ? qi.length * nj : qi.length;
    }
  }
  for (const [p, byStance] of cj) for (const [s, qj] of byStance) if (!ci.get(p)?.get(s)) sum += qj.length;
  return sum;
}

