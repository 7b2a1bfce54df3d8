// A network laid out and fitted to a drawing: where each node and tie goes, how big and how wide,
// and how a tie is dashed. The encoding must read in greyscale (a printed briefing): supporting and
// agreeing ties are solid, opposing and conflicting ones dashed, neutral ones dotted; colour only
// repeats it. The live view draws a scene as SVG; a printed figure can draw the same scene.
import type { Stance } from '../model';
import type { Network, NetworkEdge, NetworkNode } from './network';
import type { Point } from './layout';

export const SCENE_WIDTH = 960;
export const SCENE_HEIGHT = 600;
/** Room around the drawing for the largest node and its label. */
const MARGIN = 48;
const MIN_RADIUS = 5;
const MAX_RADIUS = 22;
const MIN_WIDTH = 1;
const MAX_WIDTH = 7;
/** How much more one axis may be stretched than the other to fill the drawing. */
const STRETCH = 1.6;
/** How far apart two ties between the same nodes (two stances) bend. */
const PARALLEL_GAP = 16;

export type TieStyle = Stance | 'congruence' | 'conflict';

/** The dash pattern of each kind of tie (SVG stroke-dasharray); null is solid. */
export const TIE_DASH: Record<TieStyle, string | null> = {
  supports: null,
  congruence: null,
  opposes: '9 5',
  conflict: '9 5',
  neutral: '2 4',
};

export interface SceneNode extends NetworkNode {
  x: number;
  y: number;
  r: number;
  /** The label goes left of the node when it would run off the drawing's right edge. */
  labelSide: 'left' | 'right';
  /** Whether its label is drawn: past MAX_LABELS nodes, only the most quoted are named (the rest on hover). */
  labelled: boolean;
}

/** Names drawn at most: a hundred labels already cover a screen. */
export const MAX_LABELS = 80;

/** Labels longer than this are cut with an ellipsis (the full text is the node's tooltip). */
export const MAX_LABEL_CHARS = 38;
/** A label's width at 12px, roughly: enough to decide which side of its node it fits. */
export const labelWidth = (label: string) => Math.min(label.length, MAX_LABEL_CHARS) * 6.6;

export interface SceneEdge extends NetworkEdge {
  style: TieStyle;
  /** An SVG path: a line, or a gentle curve when two ties join the same nodes. */
  path: string;
  /** Where a label or a click target sits: the middle of the tie. */
  mid: Point;
  width: number;
}

export interface Scene {
  width: number;
  height: number;
  nodes: SceneNode[];
  edges: SceneEdge[];
}

/** What drawing a scene reads of a node: all a frozen figure keeps (no ids, no quotes behind it). */
export type DrawnNode = Pick<SceneNode, 'mode' | 'label' | 'actorKind' | 'organization' | 'quotes' | 'x' | 'y' | 'r' | 'labelSide' | 'labelled'>;
export type DrawnEdge = Pick<SceneEdge, 'style' | 'path' | 'width'>;

/** A scene as drawn: the picture without the network behind it. */
export interface DrawnScene {
  width: number;
  height: number;
  nodes: DrawnNode[];
  edges: DrawnEdge[];
}

export const radiusFor = (quotes: number, most: number) => MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(quotes / Math.max(1, most));
export const widthFor = (weight: number, most: number) => MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * (most > 0 ? weight / most : 0);

/** Fits the layout into the drawing, keeping its proportions, and sizes nodes and ties. */
export function layoutScene(network: Network, positions: ReadonlyMap<string, Point>, width = SCENE_WIDTH, height = SCENE_HEIGHT): Scene {
  const points = network.nodes.map((n) => positions.get(n.key) ?? { x: 0, y: 0 });
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  // A force layout's proportions mean nothing, but a picture squeezed flat reads badly: each axis
  // fills the drawing, the one stretched at most STRETCH times the other.
  const fitX = spanX ? (width - 2 * MARGIN) / spanX : Infinity;
  const fitY = spanY ? (height - 2 * MARGIN) / spanY : Infinity;
  const both = Math.min(fitX, fitY);
  const kx = Number.isFinite(both) ? Math.min(fitX, both * STRETCH) : Number.isFinite(fitX) ? fitX : 1;
  const ky = Number.isFinite(both) ? Math.min(fitY, both * STRETCH) : Number.isFinite(fitY) ? fitY : 1;
  // Centred: a single node, or a line of them, sits in the middle.
  const ox = width / 2 - ((minX + maxX) / 2) * kx;
  const oy = height / 2 - ((minY + maxY) / 2) * ky;
  const most = Math.max(1, ...network.nodes.map((n) => n.quotes));
  const nodes: SceneNode[] = network.nodes.map((n, i) => {
    const x = round(points[i]!.x * kx + ox);
    const r = round(radiusFor(n.quotes, most));
    return { ...n, x, y: round(points[i]!.y * ky + oy), r, labelSide: x + r + 4 + labelWidth(n.label) > width ? 'left' : 'right', labelled: true };
  });
  if (nodes.length > MAX_LABELS) {
    const named = new Set([...nodes].sort((a, b) => b.quotes - a.quotes || (a.key < b.key ? -1 : 1)).slice(0, MAX_LABELS));
    for (const n of nodes) n.labelled = named.has(n);
  }
  const at = new Map(nodes.map((n) => [n.key, n]));
  const heaviest = Math.max(0, ...network.edges.map((e) => e.weight));
  const between = new Map<string, NetworkEdge[]>();
  for (const e of network.edges) (between.get(pairKey(e)) ?? between.set(pairKey(e), []).get(pairKey(e))!).push(e);
  const edges: SceneEdge[] = [];
  for (const e of network.edges) {
    const a = at.get(e.source);
    const b = at.get(e.target);
    if (!a || !b) continue;
    const siblings = between.get(pairKey(e))!;
    const bend = (siblings.indexOf(e) - (siblings.length - 1) / 2) * PARALLEL_GAP;
    const { path, mid } = tiePath(a, b, bend);
    edges.push({ ...e, style: e.stance ?? e.relation ?? 'neutral', path, mid, width: round(widthFor(e.weight, heaviest)) });
  }
  return { width, height, nodes, edges };
}

const pairKey = (e: NetworkEdge) => (e.source < e.target ? `${e.source}|${e.target}` : `${e.target}|${e.source}`);
const round = (v: number) => Math.round(v * 10) / 10;

/** A straight tie, or a quadratic curve bent `bend` units to one side of the straight line. */
function tiePath(a: Point, b: Point, bend: number): { path: string; mid: Point } {
  if (!bend) return { path: `M${a.x} ${a.y}L${b.x} ${b.y}`, mid: { x: round((a.x + b.x) / 2), y: round((a.y + b.y) / 2) } };
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  // The control point sits twice as far out as the curve's middle does.
  const cx = round((a.x + b.x) / 2 - (dy / len) * bend * 2);
  const cy = round((a.y + b.y) / 2 + (dx / len) * bend * 2);
  return { path: `M${a.x} ${a.y}Q${cx} ${cy} ${b.x} ${b.y}`, mid: { x: round((a.x + b.x) / 4 + cx / 2), y: round((a.y + b.y) / 4 + cy / 2) } };
}
