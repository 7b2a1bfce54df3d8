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
import { figureQuery, type FigureQuery } from './query';
import type { Landscape } from './result';
import type { LandscapeTimeline } from './time-result';
import { drawnTimeline, timelineScene, TIMELINE_ROWS, type DrawnTimeline } from './timeline-scene';
import { timelineSvgHeight, timelineToSvg } from './timeline-svg';
import { layoutScene, type DrawnScene, type Scene } from './scene';
import { sceneToSvg, svgHeight, NAME_EVERY_NODE_UP_TO } from './svg';

/** A picture as drawn: a network's scene or a timeline, and its source line. */
export type FrozenFigure = {
  /** "12 quotes from 4 articles, 2024-03-01 – 2024-05-02": what the picture is drawn from. */
  source: string;
} & ({ scene: DrawnScene; timeline?: never } | { timeline: DrawnTimeline; scene?: never });

/** A figure node's attributes (shared/schema/briefing.ts). */
export interface FigureAttrs {
  query: FigureQuery;
  colouring: Colouring;
  caption: string;
  /** Null while live. */
  frozen: FrozenFigure | null;
  /** The global identity of the query's topic (main/store/uid.ts), filled in when the briefing is saved: what a team's other libraries draw it from. */
  topicUid?: string | null;
}

/** Most nodes and ties a frozen figure may hold: the landscape's own limits, with room. */
const MAX_FIGURE_NODES = 20_000;
const MAX_FIGURE_TIES = 100_000;
const coordinate = z.number().min(-1e6).max(1e6);

const label = z.string().max(MAX_META_CHARS);
const source = z.string().max(MAX_META_CHARS);
const size = { width: z.number().int().min(1).max(10_000), height: z.number().int().min(1).max(10_000) };

const FROZEN_NETWORK = z.strictObject({
  scene: z.strictObject({
    ...size,
    nodes: z
      .array(
        z.strictObject({
          mode: z.enum(['actor', 'position']),
          label,
          actorKind: z.enum(actorKinds).optional(),
          organization: label.nullable().optional(),
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
  source,
});

const FROZEN_TIMELINE = z.strictObject({
  timeline: z.strictObject({
    ...size,
    plot: z.strictObject({ left: coordinate, width: coordinate, top: coordinate }),
    ticks: z.array(z.strictObject({ x: coordinate, label })).max(20),
    rows: z.array(z.strictObject({ y: coordinate, label })).max(TIMELINE_ROWS),
    marks: z.array(z.strictObject({ x: coordinate, y: coordinate, stance: z.enum(stances) })).max(MAX_FIGURE_TIES),
  }),
  source,
});

export const FROZEN_FIGURE = z.union([FROZEN_NETWORK, FROZEN_TIMELINE]);

export const FIGURE_COLOURING = z.enum(colourings);

/** A figure node's attributes all together: what a pasted figure must be to be one. */
export const FIGURE_ATTRS = z.strictObject({ query: figureQuery, colouring: FIGURE_COLOURING, caption: z.string(), frozen: FROZEN_FIGURE.nullable(), topicUid: z.string().max(200).nullable().optional() });

/** What each picture shows, in words: a new figure's caption starts from it. */
export const FIGURE_TITLES: Record<FigureQuery['type'], string> = {
  'actor-position': 'Actors and the positions they take',
  congruence: 'Who agrees with whom',
  conflict: 'Who is in conflict with whom',
  timeline: 'Stances over time',
};

export function defaultCaption(type: FigureQuery['type'], topic: string | undefined): string {
  return topic ? `${FIGURE_TITLES[type]} on ${topic}` : FIGURE_TITLES[type];
}

/** The source line: how many quotes from how many articles, and the span of their dates. */
export function figureSource(landscape: { quotes: readonly { publishedAt: string | null }[]; articles: number }): string {
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

/** The stance timeline as a figure; the source line says what it leaves out. */
export function drawTimelineFigure(t: LandscapeTimeline): FrozenFigure {
  const dropped = [
    t.actors.length > TIMELINE_ROWS ? `the ${TIMELINE_ROWS} actors quoted most of ${t.actors.length}` : '',
    t.undated.quotes ? `${plural(t.undated.quotes, 'undated quote')} left out` : '',
  ].filter(Boolean);
  return { timeline: drawnTimeline(timelineScene(t)), source: `${figureSource(t)}${dropped.length ? `; ${dropped.join('; ')}` : ''}` };
}

/** Whether a drawn figure shows nothing (no coded quote matches its filters). */
export const isEmptyFigure = (f: FrozenFigure): boolean => (f.timeline ? !f.timeline.marks.length : !f.scene!.nodes.length);

/** The figure's picture as a standalone SVG and its size, every node named when they are few enough to read. */
export function figureSvg(figure: FrozenFigure, colouring: Colouring): { svg: string; width: number; height: number } {
  if (figure.timeline) return { svg: timelineToSvg(figure.timeline), width: figure.timeline.width, height: timelineSvgHeight(figure.timeline) };
  const scene = figure.scene!;
  const options = { allLabels: scene.nodes.length <= NAME_EVERY_NODE_UP_TO, colouring };
  return { svg: sceneToSvg(scene, options), width: scene.width, height: svgHeight(scene, options) };
}
