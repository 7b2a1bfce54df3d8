// The landscape's networks at a codebook of 500 actors and 5,000 coded quotes (issue 14): the
// network computed (shared/landscape/network.ts), laid out (layout.ts, ForceAtlas2 from seeded
// places) and fitted to the drawing (scene.ts), per network type; beside it the peer, graphology's
// ForceAtlas2 with its default settings on the same graph for the same iterations. Medians of RUNS.
// The first paint and panning are in landscape-browser.ts, the figure in a PDF export in pdf.ts.
// Run alone: `node --import tsx tests/bench/landscape.ts`.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { computeNetwork, networkTypes, type Coding, type NetworkLabels } from '../../shared/landscape/network';
import { iterationsFor, layoutNetwork } from '../../shared/landscape/layout';
import { layoutScene } from '../../shared/landscape/scene';
import { LANDSCAPE_MAX_TIES } from '../../shared/landscape/result';
import { actorKinds, stances } from '../../shared/model';
import { median, progress, round } from './stats';

export const LANDSCAPE_ACTORS = 500;
export const LANDSCAPE_QUOTES = 5000;
const POSITIONS = 60;
const RUNS = Number(process.env.BENCH_LANDSCAPE_RUNS ?? 3);

/** Codings as a coded library would hold them: a few busy actors, many occasional ones (a power law), 1.2 positions a quote. */
export function codedQuotes(seed = 14): { codings: Coding[]; labels: NetworkLabels } {
  let s = seed;
  const random = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  const codings: Coding[] = [];
  for (let q = 1; q <= LANDSCAPE_QUOTES; q++) {
    const actorId = 1 + Math.floor(LANDSCAPE_ACTORS * random() ** 2);
    const positions = random() < 0.2 ? 2 : 1;
    for (let k = 0; k < positions; k++) codings.push({ quoteId: q, actorId, positionId: 1 + Math.floor(POSITIONS * random()), stance: stances[Math.floor(random() * 3)]! });
  }
  const labels: NetworkLabels = {
    actors: new Map(Array.from({ length: LANDSCAPE_ACTORS }, (_, i) => [i + 1, { name: `Actor ${i + 1}`, kind: actorKinds[i % actorKinds.length]! }])),
    positions: new Map(Array.from({ length: POSITIONS }, (_, i) => [i + 1, { claim: `Position ${i + 1}`, topic: 'Topic' }])),
  };
  return { codings, labels };
}

const ms = (fn: () => void) => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

export function benchLandscape() {
  const { codings, labels } = codedQuotes();
  const result: Record<string, unknown> = { actors: LANDSCAPE_ACTORS, quotes: LANDSCAPE_QUOTES, codings: codings.length, positions: POSITIONS, runs: RUNS };
  for (const type of networkTypes) {
    progress(`landscape: ${type}…`);
    const samples = { computeMs: [] as number[], layoutMs: [] as number[], sceneMs: [] as number[], peerLayoutMs: [] as number[] };
    let shape = { nodes: 0, ties: 0, drawnTies: 0 };
    for (let run = 0; run < RUNS; run++) {
      const options = { type, normalisation: 'average' as const, maxTies: LANDSCAPE_MAX_TIES };
      let drawn = computeNetwork(codings, labels, options);
      samples.computeMs.push(ms(() => (drawn = computeNetwork(codings, labels, options))));
      shape = { nodes: drawn.nodes.length, ties: drawn.edges.length + drawn.hiddenTies, drawnTies: drawn.edges.length };
      let positions = layoutNetwork(drawn);
      samples.layoutMs.push(ms(() => (positions = layoutNetwork(drawn))));
      samples.sceneMs.push(ms(() => layoutScene(drawn, positions)));
      // The peer: the same graph, random places, ForceAtlas2's defaults, as many iterations.
      const graph = new Graph({ type: 'undirected' });
      for (const n of drawn.nodes) graph.addNode(n.key, { x: Math.random() * 100, y: Math.random() * 100 });
      for (const e of drawn.edges) graph.updateEdge(e.source, e.target, (a: { weight?: number }) => ({ weight: (a.weight ?? 0) + e.weight }));
      samples.peerLayoutMs.push(ms(() => forceAtlas2.assign(graph, { iterations: iterationsFor(graph.order) })));
    }
    const m = (xs: number[]) => round(median(xs), 1);
    result[type] = {
      ...shape,
      computeMs: m(samples.computeMs),
      layoutMs: m(samples.layoutMs),
      sceneMs: m(samples.sceneMs),
      totalMs: round(m(samples.computeMs) + m(samples.layoutMs) + m(samples.sceneMs), 1),
      peer: { what: 'graphology-layout-forceatlas2 with its default settings, same graph and iterations', layoutMs: m(samples.peerLayoutMs) },
      layoutVsPeer: round(median(samples.layoutMs) / median(samples.peerLayoutMs), 2),
    };
  }
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${JSON.stringify(benchLandscape(), null, 2)}\n`);
}
