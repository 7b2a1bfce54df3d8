// The stance timeline fitted to a drawing: a row per actor (the most quoted first, at most
// TIMELINE_ROWS), five date ticks, and a mark per coding at its article's date, marks of one day in
// one row standing side by side. The live view (StanceTimeline.tsx) and a printed figure draw the same
// geometry; the mark's shape carries the stance so it reads in greyscale (dot supports, cross
// opposes, ring neutral), colour only repeating it.
import type { Stance } from '../model';
import type { LandscapeTimeline } from './time-result';

export const TIMELINE_ROWS = 40;
const ROW = 24;
const LABEL = 190;
const PLOT = 760;
const TOP = 28;
const DAY = 86_400_000;
/** Actor names longer than this are cut with an ellipsis. */
const NAME_CHARS = 28;

const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

export interface TimelineMark {
  x: number;
  y: number;
  stance: Stance;
}

/** What drawing a timeline reads: all a frozen figure keeps. */
export interface DrawnTimeline {
  width: number;
  height: number;
  /** The plot's left edge and width, where the date axis runs. */
  plot: { left: number; width: number; top: number };
  ticks: { x: number; label: string }[];
  rows: { y: number; label: string }[];
  marks: TimelineMark[];
}

/** A mark of the live view: where it is drawn, and the coding it stands for. */
export type LiveTimelineMark = TimelineMark & { quoteId: number; positionId: number; date: string };

export interface TimelineScene extends DrawnTimeline {
  marks: LiveTimelineMark[];
  /** The date under an x in the drawing (clamped to the plot), for a drag across the dates. */
  dateAt: (x: number) => string;
}

export function timelineScene(t: Pick<LandscapeTimeline, 'points' | 'actors' | 'span'>): TimelineScene {
  const span = t.span ?? { from: '1970-01-01', to: '1970-01-01' };
  // A single day still gets a width: half a day either side.
  const pad = span.from === span.to ? DAY / 2 : 0;
  const t0 = ms(span.from) - pad;
  const t1 = ms(span.to) + pad;
  const x = (time: number) => round(LABEL + ((time - t0) / (t1 - t0)) * PLOT);
  const rows = t.actors.slice(0, TIMELINE_ROWS);
  const rowOf = new Map(rows.map((a, i) => [a.actorId, i]));
  const mid = (i: number) => TOP + i * ROW + ROW / 2;
  const seen = new Map<string, number>();
  const marks: LiveTimelineMark[] = [];
  for (const p of t.points) {
    const row = rowOf.get(p.actorId);
    if (row === undefined) continue;
    const key = `${p.actorId}:${p.date}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    marks.push({ x: round(x(ms(p.date)) + n * 5), y: mid(row), stance: p.stance, quoteId: p.quoteId, positionId: p.positionId, date: p.date });
  }
  const ticks = Array.from({ length: 5 }, (_, i) => t0 + ((t1 - t0) * i) / 4).map((time) => ({ x: x(time), label: iso(time) }));
  return {
    width: LABEL + PLOT + 20,
    height: TOP + rows.length * ROW + 8,
    plot: { left: LABEL, width: PLOT, top: TOP },
    ticks,
    rows: rows.map((a, i) => ({ y: mid(i), label: short(a.name) })),
    marks,
    dateAt: (px) => iso(Math.round((t0 + ((Math.min(Math.max(px, LABEL), LABEL + PLOT) - LABEL) / PLOT) * (t1 - t0)) / DAY) * DAY),
  };
}

/** Only what drawing reads: no quote ids in a briefing. */
export function drawnTimeline(scene: DrawnTimeline): DrawnTimeline {
  return { width: scene.width, height: scene.height, plot: { ...scene.plot }, ticks: scene.ticks.map((t) => ({ ...t })), rows: scene.rows.map((r) => ({ ...r })), marks: scene.marks.map(({ x, y, stance }) => ({ x, y, stance })) };
}

const short = (name: string) => (name.length > NAME_CHARS ? `${name.slice(0, NAME_CHARS - 1)}…` : name);
const round = (v: number) => Math.round(v * 10) / 10;
