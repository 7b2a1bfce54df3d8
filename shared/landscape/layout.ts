// Where each node of a landscape network stands: ForceAtlas2 (Jacomy et al. 2014, the layout
// Gephi made common for discourse networks) from graphology, started from seeded random places so
// the same network is always drawn the same way (a figure in a briefing must not move between
// exports). Pure: no DOM, so the live view and a printed figure share it.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { Network } from './network';

export interface Point {
  x: number;
  y: number;
}

/** A small, fast, seeded generator (mulberry32): the layout's start, the same for the same network. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed from the node keys: a node added or removed gives another start, the same nodes the same one. */
function seedOf(keys: readonly string[]): number {
  let h = 2166136261;
  for (const k of keys) for (let i = 0; i < k.length; i++) h = Math.imul(h ^ k.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Fewer iterations as the graph grows (each costs O(n log n) with Barnes–Hut): a few hundred
 * settle a briefing-sized network, 60 still untangle thousands of nodes.
 */
export function iterationsFor(order: number): number {
  if (order <= 200) return 400;
  if (order <= 1000) return 150;
  return 60;
}

/** Positions in the layout's own units; `layoutScene` (scene.ts) fits them to the drawing. */
export function layoutNetwork(network: Network): Map<string, Point> {
  const graph = new Graph({ type: 'undirected' });
  const random = seeded(seedOf(network.nodes.map((n) => n.key)));
  for (const n of network.nodes) graph.addNode(n.key, { x: random() * 100, y: random() * 100, size: 1 + Math.sqrt(n.quotes) });
  // Two stances between one actor and one position pull as one tie of their summed weight.
  for (const e of network.edges) {
    if (e.source === e.target || !graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    graph.updateEdge(e.source, e.target, (attr: { weight?: number }) => ({ weight: (attr.weight ?? 0) + e.weight }));
  }
  if (graph.order > 1 && graph.size > 0) {
    const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500, adjustSizes: graph.order <= 500 };
    forceAtlas2.assign(graph, { iterations: iterationsFor(graph.order), settings, getEdgeWeight: 'weight' });
  }
  const out = new Map<string, Point>();
  graph.forEachNode((key, attr) => out.set(key, { x: attr.x as number, y: attr.y as number }));
  return out;
}
