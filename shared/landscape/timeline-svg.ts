// A stance timeline as a standalone SVG: what a timeline figure prints. Inline print colours on
// white like svg.ts; the stance is the mark's shape (dot, cross, ring) so it reads in greyscale,
// and a key under the plot says so. Names and dates are escaped text.
import { xmlText } from '../xml';
import { FONT, MUTED, TEXT, TIE_STROKE } from './svg';
import type { DrawnTimeline, TimelineMark } from './timeline-scene';

const KEY_HEIGHT = 24;
const RULE = '#c8ccd3';

export function timelineSvgHeight(t: DrawnTimeline): number {
  return t.height + KEY_HEIGHT;
}

function mark(m: TimelineMark): string {
  const { x, y } = m;
  if (m.stance === 'supports') return `<circle cx="${x}" cy="${y}" r="4.5" fill="${TIE_STROKE.supports}"/>`;
  if (m.stance === 'opposes') return `<path d="M${x - 4} ${y - 4}L${x + 4} ${y + 4}M${x + 4} ${y - 4}L${x - 4} ${y + 4}" stroke="${TIE_STROKE.opposes}" stroke-width="2.2" fill="none"/>`;
  return `<circle cx="${x}" cy="${y}" r="4" fill="none" stroke="${TIE_STROKE.neutral}" stroke-width="1.8"/>`;
}

export function timelineToSvg(t: DrawnTimeline): string {
  const height = timelineSvgHeight(t);
  const bottom = t.height - 8;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${t.width}" height="${height}" viewBox="0 0 ${t.width} ${height}" font-family="${xmlText(FONT)}">`,
    `<rect width="${t.width}" height="${height}" fill="#ffffff"/>`,
    `<g stroke="${RULE}">`,
    ...t.ticks.map((tick) => `<line x1="${tick.x}" x2="${tick.x}" y1="${t.plot.top - 6}" y2="${bottom}"/>`),
    ...t.rows.map((r) => `<line x1="${t.plot.left}" x2="${t.plot.left + t.plot.width}" y1="${r.y}" y2="${r.y}" stroke-dasharray="1 3"/>`),
    '</g>',
    `<g font-size="11" fill="${MUTED}">`,
    ...t.ticks.map((tick, i) => `<text x="${tick.x}" y="${t.plot.top - 10}" text-anchor="${i === t.ticks.length - 1 ? 'end' : 'middle'}">${xmlText(tick.label)}</text>`),
    '</g>',
    `<g font-size="12" fill="${TEXT}">`,
    ...t.rows.map((r) => `<text x="${t.plot.left - 8}" y="${r.y + 4}" text-anchor="end">${xmlText(r.label)}</text>`),
    '</g>',
    '<g>',
    ...t.marks.map(mark),
    '</g>',
  ];
  // The key: each shape once, named.
  const y = t.height + 14;
  const key: [TimelineMark['stance'], string][] = [
    ['supports', 'supports'],
    ['opposes', 'opposes'],
    ['neutral', 'neutral'],
  ];
  out.push(`<g font-size="11" fill="${MUTED}">`);
  key.forEach(([stance, label], i) => {
    const x = t.plot.left + i * 90;
    out.push(mark({ x, y: y - 4, stance }), `<text x="${x + 10}" y="${y}">${label}</text>`);
  });
  out.push('</g>', '</svg>');
  return out.join('\n');
}
