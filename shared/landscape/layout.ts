// Where each node of a landscape network stands: ForceAtlas2 (Jacomy et al. 2014, the layout
// Gephi made common for discourse networks) from graphology, started from seeded random places so
// the same network is always drawn the same way (a figure in a briefing must not move between
// exports). Pure: no DOM, so the live view and a printed figure share it.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { Network } from './network';
import { mulberry32 } from '../random';

export interface Point {
  x: number;
  y: number;
}


/** A seed from the node keys: a node added or removed gives another start, the same nodes the same one. */
function seedOf(keys: readonly string[]): number {
  let h = 2166136261;
  for (const k of keys) for (let i = 0; i < k.length; i++) h = Math.imul(h ^ k.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Fewer iterations as the graph grows (each costs O(n log n) with Barnes–Hut, about 0.1 s at 5,000
 * nodes): a few hundred settle a briefing-sized network, a few dozen still untangle thousands.
 * Counted, never timed, so the same network always lands the same way.
 */
export function iterationsFor(order: number): number {
  if (order <= 200) return 400;
  if (order <= 1000) return 150;
  if (order <= 3000) return 40;
  return 15;
}

/**
 * Positions in the layout's own units; `layoutScene` (scene.ts) fits them to the drawing. Nodes
 * with ties are laid out by ForceAtlas2; those without (an actor who agrees with nobody, or whose
 * ties fell under the minimum weight) would only drift about the middle, so they stand in rows
 * under the rest, in the network's order.
 */
export function layoutNetwork(network: Network): Map<string, Point> {
  const graph = new Graph({ type: 'undirected' });
  const random = mulberry32(seedOf(network.nodes.map((n) => n.key)));
  const known = new Set(network.nodes.map((n) => n.key));
  const tied = new Set<string>();
  for (const e of network.edges) {
    if (e.source === e.target || !known.has(e.source) || !known.has(e.target)) continue;
    tied.add(e.source);
    tied.add(e.target);
  }
  for (const n of network.nodes) if (tied.has(n.key)) graph.addNode(n.key, { x: random() * 100, y: random() * 100, size: 1 + Math.sqrt(n.quotes) });
  // Two stances between one actor and one position pull as one tie of their summed weight.
  for (const e of network.edges) {
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target) || e.source === e.target) continue;
    graph.updateEdge(e.source, e.target, (attr: { weight?: number }) => ({ weight: (attr.weight ?? 0) + e.weight }));
  }
  if (graph.order > 1) {
    const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500, adjustSizes: graph.order <= 500 };
    forceAtlas2.assign(graph, { iterations: iterationsFor(graph.order), settings, getEdgeWeight: 'weight' });
  }
  const out = new Map<string, Point>();
  graph.forEachNode((key, attr) => out.set(key, { x: attr.x as number, y: attr.y as number }));
  const loose = network.nodes.filter((n) => !tied.has(n.key));
  if (loose.length) placeInRows(loose.map((n) => n.key), out);
  return out;
}

/** Nodes without ties in rows under the laid-out ones (or alone, filling a 16:10 box). */
function placeInRows(keys: string[], out: Map<string, Point>) {
  const xs = [...out.values()].map((p) => p.x);
  const ys = [...out.values()].map((p) => p.y);
  const [left, right, bottom] = xs.length ? [Math.min(...xs), Math.max(...xs), Math.max(...ys)] : [0, 160, -10];
  const width = Math.max(right - left, 1);
  const perRow = xs.length ? Math.max(1, Math.ceil(Math.sqrt(keys.length * 4))) : Math.max(1, Math.ceil(Math.sqrt(keys.length * 1.6)));
  const gap = width / Math.max(perRow - 1, 1);
  keys.forEach((key, i) => {
    const row = Math.floor(i / perRow);
    const col = i % perRow;
    const inRow = Math.min(perRow, keys.length - row * perRow);
    // A short last row (or a single node) is centred under the rest.
    const x = perRow === 1 || inRow === 1 ? left + width / 2 : left + (col + (perRow - inRow) / 2) * gap;
    out.set(key, { x, y: bottom + (row + 1) * gap });
  });
}
