// DNA's networks over small codings whose weights were worked out by hand (shared/landscape/network.ts).
import { describe, expect, it } from 'vitest';
import { computeNetwork, type Coding, type NetworkLabels } from '../../shared/landscape/network';
import type { Stance } from '../../shared/model';

// Actors A=1, B=2, C=3; positions P1=10, P2=20.
const labels: NetworkLabels = {
  actors: new Map([
    [1, { name: 'Alpha', kind: 'person' }],
    [2, { name: 'Beta', kind: 'organization' }],
    [3, { name: 'Gamma', kind: 'state' }],
  ]),
  positions: new Map([
    [10, { claim: 'P1', topic: 'T' }],
    [20, { claim: 'P2', topic: 'T' }],
  ]),
};

let nextQuote = 100;
const say = (actorId: number, positionId: number, stance: Stance, quoteId = nextQuote++): Coding => ({ quoteId, actorId, positionId, stance });

// A supports P1 twice and opposes P2 once; B supports P1 and P2 once each; C opposes P1 once.
const codings: Coding[] = [say(1, 10, 'supports', 1), say(1, 10, 'supports', 2), say(1, 20, 'opposes', 3), say(2, 10, 'supports', 4), say(2, 20, 'supports', 5), say(3, 10, 'opposes', 6)];

const weights = (type: 'congruence' | 'conflict', normalisation: 'raw' | 'average' | 'jaccard', minWeight?: number) =>
  Object.fromEntries(computeNetwork(codings, labels, { type, normalisation, minWeight }).edges.map((e) => [`${e.source}-${e.target}`, e.weight]));

describe('the two-mode actor × position network', () => {
  const net = computeNetwork(codings, labels, { type: 'actor-position' });

  it('has an edge per actor, position and stance, weighing the quotes', () => {
    const edges = Object.fromEntries(net.edges.map((e) => [`${e.source}-${e.target}-${e.stance}`, { w: e.weight, q: e.quoteIds }]));
    expect(edges).toEqual({
      'a1-p10-supports': { w: 2, q: [1, 2] },
      'a1-p20-opposes': { w: 1, q: [3] },
      'a2-p10-supports': { w: 1, q: [4] },
      'a2-p20-supports': { w: 1, q: [5] },
      'a3-p10-opposes': { w: 1, q: [6] },
    });
  });

  it('sizes actors by their quotes and positions by the quotes coding them', () => {
    expect(net.nodes.map((n) => [n.key, n.label, n.quotes])).toEqual([
      ['a1', 'Alpha', 3],
      ['a2', 'Beta', 2],
      ['a3', 'Gamma', 1],
      ['p10', 'P1', 4],
      ['p20', 'P2', 2],
    ]);
    expect(net.nodes.find((n) => n.key === 'a2')?.actorKind).toBe('organization');
  });

  it('counts a quote coded on two positions once in its speaker’s size, and once under each position', () => {
    const two = computeNetwork([say(1, 10, 'supports', 7), say(1, 20, 'opposes', 7)], labels, { type: 'actor-position' });
    expect(two.nodes.map((n) => [n.key, n.quotes])).toEqual([
      ['a1', 1],
      ['p10', 1],
      ['p20', 1],
    ]);
  });
});

describe('the congruence network', () => {
  it('ties actors by the products of their same-stance statements on each position', () => {
    // A–B: P1 supports 2·1 = 2. A–C and B–C share no stance.
    expect(weights('congruence', 'raw')).toEqual({ 'a1-a2': 2 });
  });

  it('normalises by average activity: w / ((n_i + n_j) / 2)', () => {
    // n_A = 3, n_B = 2: 2 / 2.5.
    expect(weights('congruence', 'average')).toEqual({ 'a1-a2': 0.8 });
  });

  it('normalises by DNA’s Jaccard: w / (m10 + m01 + m11)', () => {
    // Cells: (P1,sup) A2 B1 → m11 2; (P2,opp) A1 → m10 1; (P2,sup) B1 → m01 1. 2 / 4.
    expect(weights('congruence', 'jaccard')).toEqual({ 'a1-a2': 0.5 });
  });

  it('lists the quotes of both actors behind the tie, and only those', () => {
    const net = computeNetwork(codings, labels, { type: 'congruence' });
    expect(net.edges[0]?.quoteIds).toEqual([1, 2, 4]);
    expect(net.edges[0]?.relation).toBe('congruence');
  });

  it('counts two neutral quotes on a position as agreement, a neutral and a supporting one as neither', () => {
    const net = (cs: Coding[], type: 'congruence' | 'conflict') => computeNetwork(cs, labels, { type }).edges.map((e) => e.weight);
    expect(net([say(1, 10, 'neutral'), say(2, 10, 'neutral')], 'congruence')).toEqual([1]);
    expect(net([say(1, 10, 'neutral'), say(2, 10, 'supports')], 'congruence')).toEqual([]);
    expect(net([say(1, 10, 'neutral'), say(2, 10, 'supports')], 'conflict')).toEqual([]);
  });
});

describe('the conflict network', () => {
  it('ties actors by the products of their opposite statements on each position', () => {
    // A–B: P2 A opposes 1 · B supports 1 = 1. A–C: P1 A supports 2 · C opposes 1 = 2. B–C: P1 1·1 = 1.
    expect(weights('conflict', 'raw')).toEqual({ 'a1-a2': 1, 'a1-a3': 2, 'a2-a3': 1 });
  });

  it('normalises by average activity and by Jaccard with the same denominators as congruence', () => {
    // A–B: 1/2.5, A–C: 2/((3+1)/2), B–C: 1/((2+1)/2).
    expect(weights('conflict', 'average')).toEqual({ 'a1-a2': 0.4, 'a1-a3': 1, 'a2-a3': 2 / 3 });
    // A–C cells: (P1,sup) A2 → m10; (P2,opp) A1 → m10; (P1,opp) C1 → m01: 2 / 4. B–C: (P1,sup) B1, (P2,sup) B1, (P1,opp) C1: 1 / 3.
    expect(weights('conflict', 'jaccard')).toEqual({ 'a1-a2': 0.25, 'a1-a3': 0.5, 'a2-a3': 1 / 3 });
  });

  it('drops ties under the minimum weight, keeping every actor as a node', () => {
    const net = computeNetwork(codings, labels, { type: 'conflict', minWeight: 2 });
    expect(net.edges.map((e) => `${e.source}-${e.target}`)).toEqual(['a1-a3']);
    expect(net.nodes.map((n) => n.key)).toEqual(['a1', 'a2', 'a3']);
  });
});

describe('bad input', () => {
  it('gives an empty network for no codings', () => {
    for (const type of ['actor-position', 'congruence', 'conflict'] as const) expect(computeNetwork([], labels, { type })).toMatchObject({ nodes: [], edges: [] });
  });

  it('gives one node and no ties for one actor', () => {
    const net = computeNetwork([say(1, 10, 'supports'), say(1, 10, 'opposes')], labels, { type: 'conflict' });
    expect(net.nodes.map((n) => n.key)).toEqual(['a1']);
    expect(net.edges).toEqual([]);
  });

  it('ignores the normalisation asked for the two-mode network, which counts quotes', () => {
    expect(computeNetwork(codings, labels, { type: 'actor-position', normalisation: 'jaccard' }).normalisation).toBe('raw');
  });
});

describe('the strongest ties', () => {
  it('keeps the heaviest ties, says how many it hid, and keeps every node', () => {
    const cut = computeNetwork(codings, labels, { type: 'conflict', maxTies: 1 });
    expect(cut.hiddenTies).toBe(2);
    expect(cut.edges.map((e) => [`${e.source}-${e.target}`, e.quoteIds])).toEqual([['a1-a3', [1, 2, 6]]]);
    expect(cut.nodes).toHaveLength(3);
    expect(computeNetwork(codings, labels, { type: 'conflict', maxTies: 10 })).toEqual(computeNetwork(codings, labels, { type: 'conflict' }));
    expect(computeNetwork(codings, labels, { type: 'actor-position', maxTies: 2 }).edges.map((e) => e.key)).toEqual(['a1-p10-supports', 'a1-p20-opposes']);
  });
});
