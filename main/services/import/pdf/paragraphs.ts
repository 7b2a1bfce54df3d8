// Lines into paragraphs and headings. Within a column a paragraph ends where the next line stands
// further apart than the text's line spacing, where the next line starts further in (a first-line
// indent) after a line that ended a sentence or stopped short, or where a short line ends a
// sentence. Across a column or a page a paragraph goes on when its last line ran to the column's
// edge and the next column's first line is not indented. Lines set clearly larger than the text
// are headings.
import { median } from './columns';
import { hyphenEvidence, joinLine } from './hyphenation';
import type { Block, Line } from './types';

/** Clearly larger than the text: a heading. */
export const HEADING_RATIO = 1.15;
/** A heading is a few short lines; a longer run of large type is a lead paragraph. */
const HEADING_MAX_LINES = 4;
const HEADING_MAX_CHARS = 300;
/** Wider spacing than this (times the usual) between two lines is a gap between paragraphs. */
const GAP_RATIO = 1.4;
/** A first-line indent, in font sizes. */
const INDENT = 0.6;
/** A line ending this far (in font sizes) short of its column's edge stopped short. */
const SHORT = 2.5;
const SENTENCE_END = /[.!?:;…"”’»)\]]$/u;

interface Edges {
  left: number;
  right: number;
  /** Most lines run to the right edge: only a paragraph's last line stops short. */
  justified: boolean;
}
/** How close (in points) to the right edge a line of justified text ends. */
const FLUSH = 1.5;

/** The size most of the text is set in. */
export function bodySizeOf(lines: readonly Line[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) weight.set(l.size, (weight.get(l.size) ?? 0) + l.text.length);
  return [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** Each flow's column edges: where most of its lines start, and how far the longest reaches. */
function edgesOf(lines: readonly Line[], body: number): Map<string, Edges> {
  const byFlow = new Map<string, Line[]>();
  for (const l of lines) byFlow.set(l.flow, [...(byFlow.get(l.flow) ?? []), l]);
  const edges = new Map<string, Edges>();
  for (const [flow, list] of byFlow) {
    const text = list.filter((l) => Math.abs(l.size - body) < 0.5);
    const use = text.length ? text : list;
    const starts = new Map<number, number>();
    for (const l of use) starts.set(Math.round(l.x0), (starts.get(Math.round(l.x0)) ?? 0) + 1);
    const [mode, count] = [...starts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
    const left = count >= 2 ? Math.min(mode, ...use.map((l) => l.x0).filter((x) => x >= mode - 1)) : Math.min(...use.map((l) => l.x0));
    const right = Math.max(...use.map((l) => l.x1));
    const flush = use.filter((l) => l.x1 >= right - FLUSH).length;
    edges.set(flow, { left, right, justified: flush >= 2 && flush >= 0.4 * use.length });
  }
  return edges;
}

/** The usual distance between the baselines of two lines of text. */
function lineSpacingOf(lines: readonly Line[], body: number): number {
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    if (a.flow !== b.flow || Math.abs(a.size - body) >= 0.5 || Math.abs(b.size - body) >= 0.5) continue;
    const step = a.y - b.y;
    if (step > 0 && step < 3 * body) steps.push(step);
  }
  return steps.length ? median(steps) : 1.2 * body;
}

export function blocksOf(lines: readonly Line[]): Block[] {
  const body = bodySizeOf(lines);
  const edges = edgesOf(lines, body);
  const spacing = lineSpacingOf(lines, body);
  const evidence = hyphenEvidence(lines.map((l) => l.text));
  const isLarge = (l: Line) => l.size >= HEADING_RATIO * body;

  // First the breaks, then the groups between them.
  const groups: Line[][] = [];
  for (const [i, line] of lines.entries()) {
    const prev = lines[i - 1];
    if (!prev || startsNew(prev, line)) groups.push([line]);
    else groups.at(-1)!.push(line);
  }

  return groups.map((group): Block => {
    const text = group.reduce((t, l) => joinLine(t, l.text, evidence), '');
    const heading = isLarge(group[0]!) && group.length <= HEADING_MAX_LINES && text.length <= HEADING_MAX_CHARS;
    return heading ? { kind: 'heading', size: group[0]!.size, text, page: group[0]!.page } : { kind: 'paragraph', text, page: group[0]!.page };
  });

  function startsNew(prev: Line, line: Line): boolean {
    // Headings stand apart from text, and from headings of another size.
    if (isLarge(prev) !== isLarge(line) || Math.abs(prev.size - line.size) > 0.1 * Math.min(prev.size, line.size)) return true;
    const prevEdges = edges.get(prev.flow)!;
    const edgesHere = edges.get(line.flow)!;
    const em = line.size;
    const indented = line.x0 - edgesHere.left > INDENT * em;
    const short = prev.x1 < prevEdges.right - (prevEdges.justified ? FLUSH : SHORT * prev.size);
    const ended = SENTENCE_END.test(prev.text);
    if (prev.flow !== line.flow) return indented || short;
    const step = prev.y - line.y;
    const expected = spacing * (Math.max(prev.size, line.size) / body);
    if (step > GAP_RATIO * expected || step < -0.5 * em) return true;
    // A first-line indent: further in than the line before, which ended a paragraph.
    if (line.x0 - prev.x0 > INDENT * em && indented && (ended || short)) return true;
    return short && ended && !isLarge(line);
  }
}
