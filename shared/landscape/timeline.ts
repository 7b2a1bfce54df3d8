// The stance timeline: each actor's quotes over the publication dates of their articles, one point
// per coding (a quote on two positions is two points, one per stance taken), so the view can draw a
// row per actor and colour each point by stance. The topic is the filter's (one topic, or all).
// Quotes from undated articles have no place on the axis: they are left out and counted.
import type { Stance } from '../model';
import { splitUndated, type DatedCoding, type Undated } from './dated';

export interface TimelinePoint {
  date: string;
  actorId: number;
  positionId: number;
  stance: Stance;
  quoteId: number;
}

export interface TimelineActor {
  actorId: number;
  /** Dated quotes (a quote coding several positions counts once). */
  quotes: number;
  /** Points per stance. */
  supports: number;
  opposes: number;
  neutral: number;
  first: string;
  last: string;
}

export interface Timeline {
  /** In time order: date, then quote id, then position id. */
  points: TimelinePoint[];
  /** The rows: most quotes first, then by actor id (the service orders equal counts by name). */
  actors: TimelineActor[];
  /** The first and last dates of the points; null when there are none. */
  span: { from: string; to: string } | null;
  undated: Undated;
}

export function computeTimeline(codings: readonly DatedCoding[]): Timeline {
  const { dated, undated } = splitUndated(codings);
  const points = dated.map((c): TimelinePoint => ({ date: c.publishedAt, actorId: c.actorId, positionId: c.positionId, stance: c.stance, quoteId: c.quoteId }));
  const rows = new Map<number, TimelineActor & { ids: Set<number> }>();
  for (const p of points) {
    let row = rows.get(p.actorId);
    if (!row) rows.set(p.actorId, (row = { actorId: p.actorId, quotes: 0, supports: 0, opposes: 0, neutral: 0, first: p.date, last: p.date, ids: new Set() }));
    row.ids.add(p.quoteId);
    row[p.stance]++;
    row.last = p.date; // points are in time order
  }
  const actors = [...rows.values()].map(({ ids, ...row }) => ({ ...row, quotes: ids.size })).sort((a, b) => b.quotes - a.quotes || a.actorId - b.actorId);
  const span = points.length ? { from: points[0]!.date, to: points[points.length - 1]!.date } : null;
  return { points, actors, span, undated };
}
