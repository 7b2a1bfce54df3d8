// Text runs into rows (runs sharing a baseline) and rows into segments (runs close enough across to
// be one line of one column). A column gutter is a gap wider than any word space, so a row of a
// two-column page falls into two segments.
import type { TextRun } from './types';

export interface Segment {
  runs: TextRun[];
  x0: number;
  x1: number;
  y: number;
  size: number;
}

export interface Row {
  y: number;
  segments: Segment[];
}

/** Runs on baselines this close (in font sizes) are one row: superscripts and subscripts included. */
const BASELINE_TOLERANCE = 0.45;
/** A gap this wide (in font sizes) is not a word space: it separates columns or table cells. */
const SEGMENT_GAP = 0.9;
/** A gap wider than this (in font sizes) between two runs is a space nobody typed as a character. */
const SPACE_GAP = 0.12;

/** Rows top to bottom, each with its segments left to right. Runs of white space only are dropped (their widths lie). */
export function rowsOf(runs: readonly TextRun[]): Row[] {
  const visible = runs.filter((r) => r.text.trim() !== '' && r.size > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const grouped: { y: number; size: number; runs: TextRun[] }[] = [];
  for (const run of visible) {
    const row = grouped.at(-1);
    if (row && Math.abs(row.y - run.y) <= BASELINE_TOLERANCE * Math.max(row.size, run.size)) {
      row.runs.push(run);
      if (run.size > row.size) {
        row.size = run.size;
        row.y = run.y;
      }
    } else grouped.push({ y: run.y, size: run.size, runs: [run] });
  }
  return grouped.map((row) => ({ y: row.y, segments: segmentsOf(row.runs) }));
}

function segmentsOf(runs: TextRun[]): Segment[] {
  const sorted = [...runs].sort((a, b) => a.x - b.x);
  const segments: Segment[] = [];
  for (const run of sorted) {
    const seg = segments.at(-1);
    if (seg && run.x - seg.x1 <= SEGMENT_GAP * Math.max(seg.size, run.size)) {
      seg.runs.push(run);
      seg.x1 = Math.max(seg.x1, run.x + run.width);
      if (run.size > seg.size) {
        seg.size = run.size;
        seg.y = run.y;
      }
    } else segments.push({ runs: [run], x0: run.x, x1: run.x + run.width, y: run.y, size: run.size });
  }
  return segments;
}

/** The text of runs on one line, left to right, with a space wherever the gap between two runs is one. */
export function textOfRuns(runs: readonly TextRun[]): string {
  const sorted = [...runs].sort((a, b) => a.x - b.x);
  let text = '';
  let end = -Infinity;
  let prev: TextRun | null = null;
  for (const run of sorted) {
    // Fake bold: the same text drawn twice, a hair apart.
    if (prev && run.text === prev.text && Math.abs(run.x - prev.x) < 0.5 * run.size) continue;
    const gap = run.x - end;
    if (text && gap > SPACE_GAP * run.size && !/\s$/.test(text) && !/^\s/.test(run.text)) text += ' ';
    text += run.text;
    end = Math.max(end, run.x + run.width);
    prev = run;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** The size most of a line's characters are set in. */
export function sizeOfRuns(runs: readonly TextRun[]): number {
  const weight = new Map<number, number>();
  for (const r of runs) {
    const s = Math.round(r.size * 2) / 2;
    weight.set(s, (weight.get(s) ?? 0) + r.text.length);
  }
  return [...weight].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}
