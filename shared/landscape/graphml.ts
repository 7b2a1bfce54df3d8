// A landscape's network as GraphML with the picture's layout: every node with its place (x, y, as
// drawn, y downwards), size and quotes, every tie with its stance or kind and weight, so Gephi, yEd
// or visone open the network as Verbatim drew it. Gephi reads node attributes named x, y and size.
import type { Scene } from './scene';
import { xmlText as xml } from '../xml';

export function sceneToGraphml(scene: Scene, graphId: string): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="topic" for="node" attr.name="topic" attr.type="string"/>',
    '  <key id="quotes" for="node" attr.name="quotes" attr.type="int"/>',
    '  <key id="x" for="node" attr.name="x" attr.type="double"/>',
    '  <key id="y" for="node" attr.name="y" attr.type="double"/>',
    '  <key id="size" for="node" attr.name="size" attr.type="double"/>',
    '  <key id="tie" for="edge" attr.name="tie" attr.type="string"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="edgequotes" for="edge" attr.name="quotes" attr.type="int"/>',
    `  <graph id="${xml(graphId)}" edgedefault="undirected">`,
  ];
  for (const n of scene.nodes) {
    const data = [
      ['label', n.label],
      ['type', n.mode],
      ...(n.actorKind ? [['kind', n.actorKind]] : []),
      ...(n.topic ? [['topic', n.topic]] : []),
      ['quotes', n.quotes],
      ['x', n.x],
      ['y', n.y],
      ['size', n.r],
    ];
    lines.push(`    <node id="${xml(n.key)}">${data.map(([k, v]) => `<data key="${k}">${xml(v!)}</data>`).join('')}</node>`);
  }
  for (const e of scene.edges) {
    lines.push(
      `    <edge id="${xml(e.key)}" source="${xml(e.source)}" target="${xml(e.target)}"><data key="tie">${e.style}</data><data key="weight">${e.weight}</data><data key="edgequotes">${e.quoteIds.length}</data></edge>`,
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
