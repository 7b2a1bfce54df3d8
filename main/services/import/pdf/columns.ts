// Reading order on a page. A two-column page is read column by column: the gutter is an upright
// strip in the middle of the text that no line crosses while lines stand on both sides of it.
// Lines that do cross it (a title over both columns, a full-width table, the running footer)
// split the page into bands, each read left column then right column, top to bottom.
import { rowsOf, sizeOfRuns, textOfRuns, type Row, type Segment } from './rows';
import type { Line, PageLines, PageText } from './types';

/** The gutter is looked for in this middle share of the text's width. */
const MIDDLE = [0.3, 0.7] as const;
/** Each column needs at least this many lines. */
const MIN_COLUMN_LINES = 3;
/** Column lines fill most of their column (table cells and labels do not). */
const MIN_FILL = 0.4;

export function pageLines(page: PageText): PageLines {
  const rows = rowsOf(page.runs);
  const gutter = findGutter(rows);
  return { number: page.number, box: page.box, lines: gutter === null ? singleColumn(page.number, rows) : twoColumns(page.number, rows, gutter) };
}

/** The x of the gutter's middle, or null for a page of one column. */
export function findGutter(rows: readonly Row[]): number | null {
  const segs = rows.flatMap((r) => r.segments);
  if (segs.length < 2 * MIN_COLUMN_LINES) return null;
  const left = Math.min(...segs.map((s) => s.x0));
  const right = Math.max(...segs.map((s) => s.x1));
  const width = right - left;
  if (width <= 0) return null;
  // The least-crossed strip in the middle; its widest stretch of least crossing.
  let best = Infinity;
  let run: [number, number] | null = null;
  let bestRun: [number, number] | null = null;
  for (let x = left + MIDDLE[0] * width; x <= left + MIDDLE[1] * width; x += 1) {
    const crossing = segs.filter((s) => s.x0 < x && s.x1 > x).length;
    if (crossing < best) {
      best = crossing;
      run = [x, x];
      bestRun = run;
    } else if (crossing === best && run && x - run[1] <= 1.01) {
      run[1] = x;
      if (run[1] - run[0] > bestRun![1] - bestRun![0]) bestRun = run;
    } else if (crossing === best) {
      run = [x, x];
    } else run = null;
  }
  if (!bestRun) return null;
  const gutter = (bestRun[0] + bestRun[1]) / 2;
  // Each row's text on either side, as one stretch (justified lines have wide word spaces).
  const sides = rows.flatMap((r) => {
    if (r.segments.some((s) => s.x0 < gutter && s.x1 > gutter)) return [];
    const l = r.segments.filter((s) => s.x1 <= gutter);
    const rt = r.segments.filter((s) => s.x0 >= gutter);
    return [...(l.length ? [{ side: 'left', y: r.y, width: l.at(-1)!.x1 - l[0]!.x0 }] : []), ...(rt.length ? [{ side: 'right', y: r.y, width: rt.at(-1)!.x1 - rt[0]!.x0 }] : [])];
  });
  const onLeft = sides.filter((s) => s.side === 'left');
  const onRight = sides.filter((s) => s.side === 'right');
  if (onLeft.length < MIN_COLUMN_LINES || onRight.length < MIN_COLUMN_LINES) return null;
  if (median(onLeft.map((s) => s.width)) < MIN_FILL * (gutter - left)) return null;
  if (median(onRight.map((s) => s.width)) < MIN_FILL * (right - gutter)) return null;
  // Side by side, not one above the other.
  const span = (list: typeof sides) => [Math.min(...list.map((s) => s.y)), Math.max(...list.map((s) => s.y))] as const;
  const [l0, l1] = span(onLeft);
  const [r0, r1] = span(onRight);
  const overlap = Math.min(l1, r1) - Math.max(l0, r0);
  if (overlap <= 0.5 * Math.min(l1 - l0, r1 - r0)) return null;
  return gutter;
}

function singleColumn(page: number, rows: readonly Row[]): Line[] {
  return rows.map((row) => lineOf(row.segments, page, `${page}:0:0`));
}

function twoColumns(page: number, rows: readonly Row[], gutter: number): Line[] {
  const out: Line[] = [];
  let band = 0;
  let left: Line[] = [];
  let right: Line[] = [];
  let spanning = false;
  const flush = () => {
    out.push(...left, ...right);
    left = [];
    right = [];
  };
  for (const row of rows) {
    if (row.segments.some((s) => s.x0 < gutter && s.x1 > gutter)) {
      if (!spanning) {
        flush();
        band++;
        spanning = true;
      }
      out.push(lineOf(row.segments, page, `${page}:${band}:span`));
      continue;
    }
    if (spanning) {
      band++;
      spanning = false;
    }
    const l = row.segments.filter((s) => s.x1 <= gutter);
    const r = row.segments.filter((s) => s.x0 >= gutter);
    if (l.length) left.push(lineOf(l, page, `${page}:${band}:left`));
    if (r.length) right.push(lineOf(r, page, `${page}:${band}:right`));
  }
  flush();
  return out;
}

function lineOf(segments: readonly Segment[], page: number, flow: string): Line {
  const runs = segments.flatMap((s) => s.runs);
  return {
    text: textOfRuns(runs),
    x0: Math.min(...segments.map((s) => s.x0)),
    x1: Math.max(...segments.map((s) => s.x1)),
    y: segments.reduce((best, s) => (s.size > best.size ? s : best)).y,
    size: sizeOfRuns(runs),
    page,
    flow,
  };
}

export function median(values: readonly number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
