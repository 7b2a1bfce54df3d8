// The layout and its fitting to the drawing: the same network always lands the same way, inside
// the drawing, with sizes and dashes that say what the network says.
import { describe, expect, it } from 'vitest';
import { computeNetwork, type Coding, type NetworkLabels } from '../../shared/landscape/network';
import { layoutNetwork } from '../../shared/landscape/layout';
import { layoutScene, SCENE_HEIGHT, SCENE_WIDTH, TIE_DASH } from '../../shared/landscape/scene';

const labels: NetworkLabels = {
  actors: new Map([1, 2, 3, 4].map((id) => [id, { name: `Actor ${id}`, kind: 'person' as const }])),
  positions: new Map([10, 20].map((id) => [id, { claim: `Claim ${id}`, topic: 'T' }])),
};
const codings: Coding[] = [
  { quoteId: 1, actorId: 1, positionId: 10, stance: 'supports' },
  { quoteId: 2, actorId: 1, positionId: 10, stance: 'opposes' },
  { quoteId: 3, actorId: 2, positionId: 10, stance: 'supports' },
  { quoteId: 4, actorId: 3, positionId: 20, stance: 'neutral' },
  { quoteId: 5, actorId: 4, positionId: 20, stance: 'opposes' },
  { quoteId: 6, actorId: 1, positionId: 20, stance: 'supports' },
];
const scene = (type: 'actor-position' | 'congruence' | 'conflict', c = codings) => {
  const net = computeNetwork(c, labels, { type });
  return layoutScene(net, layoutNetwork(net));
};

describe('the landscape scene', () => {
  it('lays the same network out the same way every time', () => {
    expect(scene('actor-position')).toEqual(scene('actor-position'));
  });

  it('keeps every node inside the drawing', () => {
    for (const n of scene('actor-position').nodes) {
      expect(n.x - n.r).toBeGreaterThanOrEqual(0);
      expect(n.x + n.r).toBeLessThanOrEqual(SCENE_WIDTH);
      expect(n.y - n.r).toBeGreaterThanOrEqual(0);
      expect(n.y + n.r).toBeLessThanOrEqual(SCENE_HEIGHT);
    }
  });

  it('sizes nodes by quotes and ties by weight', () => {
    const s = scene('actor-position');
    const r = Object.fromEntries(s.nodes.map((n) => [n.key, n.r]));
    expect(r.a1).toBeGreaterThan(r.a2!);
    expect(r.p10).toBeGreaterThan(r.a4!);
  });

  it('dashes ties by stance, and bends two stances between the same nodes apart', () => {
    const s = scene('actor-position');
    const style = Object.fromEntries(s.edges.map((e) => [e.key, e.style]));
    expect(style['a1-p10-supports']).toBe('supports');
    expect(style['a3-p20-neutral']).toBe('neutral');
    expect(TIE_DASH.supports).toBeNull();
    expect(new Set([TIE_DASH.supports, TIE_DASH.opposes, TIE_DASH.neutral]).size).toBe(3);
    const pair = s.edges.filter((e) => e.source === 'a1' && e.target === 'p10');
    expect(pair).toHaveLength(2);
    expect(pair.every((e) => e.path.includes('Q'))).toBe(true);
    expect(s.edges.find((e) => e.key === 'a2-p10-supports')!.path).toContain('L');
  });

  it('centres a single actor, and draws no ties for them', () => {
    const s = scene('conflict', [codings[0]!]);
    expect(s.nodes).toHaveLength(1);
    expect(s.nodes[0]).toMatchObject({ x: SCENE_WIDTH / 2, y: SCENE_HEIGHT / 2 });
    expect(s.edges).toEqual([]);
  });

  it('draws nothing, without failing, for an empty network', () => {
    expect(scene('congruence', [])).toMatchObject({ nodes: [], edges: [] });
  });
});

describe('labels', () => {
  it('go left of a node whose label would run off the right edge, right of the others', () => {
    const s = scene('actor-position');
    for (const n of s.nodes) {
      if (n.labelSide === 'right') expect(n.x + n.r + 4 + Math.min(n.label.length, 38) * 6.6).toBeLessThanOrEqual(SCENE_WIDTH);
      else expect(n.x).toBeGreaterThan(SCENE_WIDTH / 2);
    }
    expect(scene('conflict', [codings[0]!]).nodes[0]!.labelSide).toBe('right');
  });
});

describe('actors without ties', () => {
  it('stand in rows under the tied ones, each in a place of its own', () => {
    // Actors 1 and 2 conflict on P10; 3 and 4 are alone in the conflict network.
    const s = scene('conflict');
    const y = Object.fromEntries(s.nodes.map((n) => [n.key, n.y]));
    expect(s.edges.length).toBeGreaterThan(0);
    const tied = new Set(s.edges.flatMap((e) => [e.source, e.target]));
    const loose = s.nodes.filter((n) => !tied.has(n.key));
    expect(loose.length).toBeGreaterThan(0);
    for (const n of loose) for (const k of tied) expect(n.y).toBeGreaterThan(y[k]!);
    expect(new Set(s.nodes.map((n) => `${n.x},${n.y}`)).size).toBe(s.nodes.length);
  });

  it('fill the drawing in rows when nobody is tied', () => {
    const alone = codings.filter((c) => c.positionId === 10).map((c, i) => ({ ...c, positionId: 100 + i }));
    const s = scene('congruence', alone);
    expect(s.edges).toEqual([]);
    expect(new Set(s.nodes.map((n) => `${n.x},${n.y}`)).size).toBe(s.nodes.length);
  });
});

describe('many nodes', () => {
  it('name only the most quoted', () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ quoteId: i + 1, actorId: 1000 + i, positionId: 10, stance: 'supports' as const }));
    many.push({ quoteId: 999, actorId: 1000, positionId: 20, stance: 'supports' });
    const s = scene('actor-position', many);
    expect(s.nodes.filter((n) => n.labelled)).toHaveLength(80);
    expect(s.nodes.find((n) => n.key === 'a1000')?.labelled).toBe(true);
    expect(s.nodes.find((n) => n.key === 'p10')?.labelled).toBe(true);
  });

  it('draw 5,000 actors inside the drawing, each once, the strongest 1,500 ties kept', () => {
    // 5,000 actors on 40 positions, each with a stance on two of them: a codebook far past any desk's.
    const stances = ['supports', 'opposes', 'neutral'] as const;
    const big: Coding[] = [];
    for (let a = 0; a < 5000; a++) {
      for (const p of [a % 40, (a * 7 + 3) % 40]) big.push({ quoteId: big.length + 1, actorId: a + 1, positionId: 100 + p, stance: stances[(a + p) % 3]! });
    }
    const net = computeNetwork(big, { actors: new Map(), positions: new Map() }, { type: 'congruence', maxTies: 1500 });
    expect(net.nodes).toHaveLength(5000);
    expect(net.edges).toHaveLength(1500);
    expect(net.hiddenTies).toBeGreaterThan(0);
    const s = layoutScene(net, layoutNetwork(net));
    expect(new Set(s.nodes.map((n) => n.key)).size).toBe(5000);
    for (const n of s.nodes) {
      expect(Number.isFinite(n.x) && Number.isFinite(n.y)).toBe(true);
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x).toBeLessThanOrEqual(SCENE_WIDTH);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeLessThanOrEqual(SCENE_HEIGHT);
    }
    expect(s.nodes.filter((n) => n.labelled)).toHaveLength(80);
    expect(s.edges).toHaveLength(1500);
  });
});
