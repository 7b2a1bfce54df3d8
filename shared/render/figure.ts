// A figure as every export prints it: its picture (the frozen scene, or the one drawn now from the
// library), its number in document order, its caption and source line, and what stands in when
// nothing can be drawn. One place, so PDF, HTML, Word and Markdown number and word it alike.
import { isEmptyFigure, type FigureAttrs, type FrozenFigure } from '../landscape/figure';
import type { FigureQuery } from '../landscape/query';

/** How an export's context finds a live figure's drawing: by its query, keys in a fixed order. */
export function figureKey(query: FigureQuery): string {
  return JSON.stringify(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Every live figure drawn now, by figureKey; undefined when it cannot be (its topic was deleted). */
export type FigureDrawings = ReadonlyMap<string, FrozenFigure | undefined>;

export interface PrintedFigure {
  /** The scene to draw, or null when there is none (and `missing` says why). */
  drawn: FrozenFigure | null;
  missing: string | null;
  /** "Figure 2. Who agrees with whom on Tariffs. 12 quotes from 4 articles, 2024-03-01 – 2024-05-02." */
  label: string;
  caption: string;
  source: string | null;
}

export function printedFigure(attrs: FigureAttrs, n: number, drawings: FigureDrawings | undefined): PrintedFigure {
  const drawn = attrs.frozen ?? drawings?.get(figureKey(attrs.query)) ?? null;
  const missing = !drawn
    ? 'The topic this figure was drawn from is no longer in the codebook.'
    : isEmptyFigure(drawn)
      ? 'No coded quotes match this figure’s filters any more.'
      : null;
  const caption = attrs.caption.trim() || 'Untitled figure';
  return { drawn: missing ? null : drawn, missing, label: `Figure ${n}.`, caption: /[.!?…]$/.test(caption) ? caption : `${caption}.`, source: drawn ? `${drawn.source}.` : null };
}
