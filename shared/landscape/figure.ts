// A landscape picture in a briefing: a figure. It stores the query it was drawn from, so it is
// drawn again from the coded quotes each time the briefing is shown or exported ("live", like the
// Actors & positions table) until the analyst freezes it; a frozen figure keeps the drawn scene
// itself and its source line. Only what drawing needs is kept, and every value is checked when the
// briefing loads (FROZEN_FIGURE), so a pasted or hand-edited figure can only ever draw as escaped
// text and numbers through sceneToSvg — never as markup of its own.
import { z } from 'zod';
import { actorKinds, stances } from '../model';
import { MAX_META_CHARS } from '../limits';
import { plural } from '../plural';
import { colourings, type Colouring } from './colours';
import { layoutNetwork } from './layout';
import type { NetworkType } from './network';
import type { NetworkQuery } from './query';
import type { Landscape } from './result';
import { layoutScene, type DrawnScene, type Scene } from './scene';
import { sceneToSvg, svgHeight, NAME_EVERY_NODE_UP_TO } from './svg';

export interface FrozenFigure {
  scene: DrawnScene;
  /** "12 quotes from 4 articles, 2024-03-01 – 2024-05-02": what the picture is drawn from. */
  source: string;
}

/** A figure node's attributes (shared/schema/briefing.ts). */
export interface FigureAttrs {
  query: NetworkQuery;
  colouring: Colouring;
  caption: string;
  /** Null while live. */
  frozen: FrozenFigure | null;
}

/** Most nodes and ties a frozen figure may hold: the landscape's own limits, with room. */
const MAX_FIGURE_NODES = 20_000;
const MAX_FIGURE_TIES = 100_000;
const coordinate = z.number().min(-1e6).max(1e6);

export const FROZEN_FIGURE = z.strictObject({
  scene: z.strictObject({
    width: z.number().int().min(1).max(10_000),
    height: z.number().int().min(1).max(10_000),
    nodes: z
      .array(
        z.strictObject({
          mode: z.enum(['actor', 'position']),
          label: z.string().max(MAX_META_CHARS),
          actorKind: z.enum(actorKinds).optional(),
          organization: z.string().max(MAX_META_CHARS).nullable().optional(),
          quotes: z.number().int().min(0),
          x: coordinate,
          y: coordinate,
          r: z.number().min(0).max(1000),
          labelSide: z.enum(['left', 'right']),
          labelled: z.boolean(),
        }),
      )
      .max(MAX_FIGURE_NODES),
    edges: z
      .array(
        z.strictObject({
          style: z.enum([...stances, 'congruence', 'conflict']),
          // A tie is a line or one quadratic curve (scene.ts): commands and numbers only.
          path: z.string().max(200).regex(/^[MLQ0-9. e+-]+$/),
          width: z.number().min(0).max(100),
        }),
      )
      .max(MAX_FIGURE_TIES),
  }),
  source: z.string().max(MAX_META_CHARS),
});

export const FIGURE_COLOURING = z.enum(colourings);

/** What each network shows, in words: a new figure's caption starts from it. */
export const NETWORK_TITLES: Record<NetworkType, string> = {
  'actor-position': 'Actors and the positions they take',
  congruence: 'Who agrees with whom',
  conflict: 'Who is in conflict with whom',
};

export function defaultCaption(type: NetworkType, topic: string | undefined): string {
  return topic ? `${NETWORK_TITLES[type]} on ${topic}` : NETWORK_TITLES[type];
}

/** The source line: how many quotes from how many articles, and the span of their dates. */
export function figureSource(landscape: Pick<Landscape, 'quotes' | 'articles'>): string {
  const dates = landscape.quotes.flatMap((q) => (q.publishedAt ? [q.publishedAt] : [])).sort();
  const [first, last] = [dates[0], dates.at(-1)];
  const span = !first ? '' : first === last ? `, ${first}` : `, ${first} – ${last}`;
  return `${plural(landscape.quotes.length, 'quote')} from ${plural(landscape.articles, 'article')}${span}`;
}

/** Only what drawing reads: the ids and the quotes behind each node and tie stay out of a briefing. */
export function drawnScene(scene: Scene): DrawnScene {
  return {
    width: scene.width,
    height: scene.height,
    nodes: scene.nodes.map(({ mode, label, actorKind, organization, quotes, x, y, r, labelSide, labelled }) => ({
      mode,
      label,
      ...(actorKind ? { actorKind } : {}),
      ...(organization !== undefined ? { organization } : {}),
      quotes,
      x,
      y,
      r,
      labelSide,
      labelled,
    })),
    edges: scene.edges.map(({ style, path, width }) => ({ style, path, width })),
  };
}

/** A landscape drawn as a figure: laid out (seeded, so the same quotes always draw the same way). */
export function drawFigure(landscape: Landscape, positions = layoutNetwork(landscape.network)): FrozenFigure {
  return { scene: drawnScene(layoutScene(landscape.network, positions)), source: figureSource(landscape) };
}

/** The figure's picture as a standalone SVG and its size, every node named when they are few enough to read. */
export function figureSvg(figure: FrozenFigure, colouring: Colouring): { svg: string; width: number; height: number } {
  const options = { allLabels: figure.scene.nodes.length <= NAME_EVERY_NODE_UP_TO, colouring };
  return { svg: sceneToSvg(figure.scene, options), width: figure.scene.width, height: svgHeight(figure.scene, options) };
}
