// The actor–position two-mode network, in the spirit of Discourse Network Analyzer: actors and
// positions are nodes; an edge per (actor, position, stance) weighted by how often the actor took
// that stance, signed +1 supports, -1 opposes, 0 neutral.
import type { QuoteRow, Stance } from '../../../shared/model';
import { toCsv } from './csv';
import { xmlText } from '../../../shared/xml';

export interface NetworkEdge {
  actorId: number;
  actor: string;
  positionId: number;
  position: string;
  topic: string;
  stance: Stance;
  sign: 1 | -1 | 0;
  weight: number;
}

const SIGN: Record<Stance, 1 | -1 | 0> = { supports: 1, opposes: -1, neutral: 0 };

export function networkEdges(rows: QuoteRow[]): NetworkEdge[] {
  const edges = new Map<string, NetworkEdge>();
  for (const q of rows) {
    if (!q.speaker) continue;
    for (const p of q.positions) {
      const key = `${q.speaker.id}:${p.id}:${p.stance}`;
      const e = edges.get(key);
      if (e) e.weight++;
      else edges.set(key, { actorId: q.speaker.id, actor: q.speaker.name, positionId: p.id, position: p.claim, topic: p.topic, stance: p.stance, sign: SIGN[p.stance], weight: 1 });
    }
  }
  return [...edges.values()].sort((a, b) => a.actor.localeCompare(b.actor) || a.position.localeCompare(b.position) || b.sign - a.sign);
}

export function networkToCsv(rows: QuoteRow[]): string {
  return toCsv(
    ['actor_id', 'actor', 'position_id', 'position', 'topic', 'stance', 'sign', 'weight'],
    networkEdges(rows).map((e) => [e.actorId, e.actor, e.positionId, e.position, e.topic, e.stance, e.sign, e.weight]),
  );
}

const xml = xmlText;

export function networkToGraphml(rows: QuoteRow[]): string {
  const edges = networkEdges(rows);
  const actors = new Map<number, string>();
  const positions = new Map<number, { claim: string; topic: string }>();
  for (const e of edges) {
    actors.set(e.actorId, e.actor);
    positions.set(e.positionId, { claim: e.position, topic: e.topic });
  }
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
    '  <key id="topic" for="node" attr.name="topic" attr.type="string"/>',
    '  <key id="stance" for="edge" attr.name="stance" attr.type="string"/>',
    '  <key id="sign" for="edge" attr.name="sign" attr.type="int"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <graph id="actor-position" edgedefault="undirected">',
  ];
  for (const [id, name] of actors) lines.push(`    <node id="a${id}"><data key="label">${xml(name)}</data><data key="type">actor</data></node>`);
  for (const [id, p] of positions) {
    lines.push(`    <node id="p${id}"><data key="label">${xml(p.claim)}</data><data key="type">position</data><data key="topic">${xml(p.topic)}</data></node>`);
  }
  edges.forEach((e, i) => {
    lines.push(
      `    <edge id="e${i}" source="a${e.actorId}" target="p${e.positionId}"><data key="stance">${e.stance}</data><data key="sign">${e.sign}</data><data key="weight">${e.weight}</data></edge>`,
    );
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
