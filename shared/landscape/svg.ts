// A landscape scene as a standalone SVG file: what File ▸ Export picture writes, and what a printed
// figure can embed. Everything is inline (no stylesheet, no CSS variables, no script), in print
// colours on white; the stance stays legible in greyscale through the dash patterns (TIE_DASH),
// colour only repeating it. Every name is escaped text: an actor called "<script>" is drawn as such.
import { labelWidth, MAX_LABEL_CHARS, TIE_DASH, type DrawnScene, type TieStyle } from './scene';
import { xmlText } from '../xml';
import { colourFill, nodeColour, organizationKey, NO_ORGANIZATION_FILL, ORGANIZATION_FILL, OTHER_ORGANIZATION_FILL, type Colouring, type OrganizationKey } from './colours';

/** Print colours: the light theme's (renderer/styles/app.css), darkened where a line must carry on paper. */
export const TIE_STROKE: Record<TieStyle, string> = {
  supports: '#2e8b57',
  opposes: '#c0392b',
  neutral: '#6b6b72',
  congruence: '#2f5d9e',
  conflict: '#c0392b',
};
const POSITION_FILL = '#ecebe6';
export const TEXT = '#1f1f24';
export const MUTED = '#5f5f66';
export const FONT = "'Helvetica Neue', Arial, 'Noto Sans', sans-serif";


const round = (v: number) => Math.round(v * 10) / 10;
const short = (s: string) => (s.length > MAX_LABEL_CHARS ? `${s.slice(0, MAX_LABEL_CHARS - 1)}…` : s);

export interface SvgOptions {
  /** A line under the picture: what it shows and where from ("12 quotes from 4 articles, …"). */
  caption?: string;
  /** Whether every node is named (a figure), or only those the scene labels (the live view's choice). */
  allLabels?: boolean;
  /** What an actor's colour says (by kind unless told); by organisation, a key of them goes under the picture. */
  colouring?: Colouring;
}

/** Up to this many nodes, a saved picture or a figure names every one (more would overlap). */
export const NAME_EVERY_NODE_UP_TO = 200;

const CAPTION_HEIGHT = 28;
const KEY_HEIGHT = 24;

/** The SVG's height: the scene's, with room for the caption and the key of organisations. */
export function svgHeight(scene: DrawnScene, options: SvgOptions = {}): number {
  return scene.height + (options.caption ? CAPTION_HEIGHT : 0) + (options.colouring === 'organization' ? KEY_HEIGHT : 0);
}

export function sceneToSvg(scene: DrawnScene, options: SvgOptions = {}): string {
  const colouring = options.colouring ?? 'kind';
  const key = colouring === 'organization' ? organizationKey(scene.nodes) : null;
  const keyTop = scene.height + (options.caption ? CAPTION_HEIGHT : 0);
  const height = svgHeight(scene, options);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${height}" viewBox="0 0 ${scene.width} ${height}" font-family="${xmlText(FONT)}">`,
    `<rect width="${scene.width}" height="${height}" fill="#ffffff"/>`,
    '<g fill="none" stroke-linecap="butt">',
  );
  for (const e of scene.edges) {
    const dash = TIE_DASH[e.style];
    out.push(`<path d="${xmlText(e.path)}" stroke="${TIE_STROKE[e.style]}" stroke-width="${e.width}"${dash ? ` stroke-dasharray="${dash}"` : ''} stroke-opacity="0.85"/>`);
  }
  out.push('</g>', '<g stroke="#ffffff" stroke-width="1.5">');
  for (const n of scene.nodes) {
    if (n.mode === 'actor') out.push(`<circle cx="${n.x}" cy="${n.y}" r="${n.r}" fill="${colourFill(nodeColour(n, colouring, key))}"><title>${xmlText(n.label)}</title></circle>`);
    else {
      const s = n.r * 0.8;
      out.push(`<rect x="${n.x - s}" y="${n.y - s}" width="${2 * s}" height="${2 * s}" rx="2" fill="${POSITION_FILL}" stroke="${MUTED}"><title>${xmlText(n.label)}</title></rect>`);
    }
  }
  // A pale box behind each name keeps it legible over the ties. Not a stroked halo: a PDF printer
  // writes stroked text twice, and the names would read doubled when copied or searched.
  const named = scene.nodes.filter((n) => n.labelled || options.allLabels);
  out.push('</g>', '<g fill="#ffffff" fill-opacity="0.8">');
  for (const n of named) {
    const w = labelWidth(short(n.label)) + 4;
    const x = n.labelSide === 'right' ? n.x + n.r + 2 : n.x - n.r - 2 - w;
    out.push(`<rect x="${round(x)}" y="${n.y - 7}" width="${round(w)}" height="14" rx="2"/>`);
  }
  out.push('</g>', '<g font-size="12">');
  for (const n of named) {
    const right = n.labelSide === 'right';
    const x = right ? n.x + n.r + 4 : n.x - n.r - 4;
    const style = n.mode === 'actor' ? `fill="${TEXT}"` : `fill="${MUTED}" font-style="italic"`;
    out.push(`<text x="${x}" y="${n.y + 4}" text-anchor="${right ? 'start' : 'end'}" ${style}>${xmlText(short(n.label))}</text>`);
  }
  out.push('</g>');
  if (options.caption) out.push(`<text x="12" y="${scene.height + 18}" font-size="12" fill="${MUTED}">${xmlText(options.caption)}</text>`);
  if (key) out.push(...organizationLegend(key, keyTop + 16, scene.width));
  out.push('</svg>');
  return out.join('\n');
}

/** One line of swatches naming the organisations' colours, as many as fit the width. */
function organizationLegend(key: OrganizationKey, y: number, width: number): string[] {
  const entries = [
    ...key.named.map((o, i) => ({ fill: ORGANIZATION_FILL[i]!, label: o.name })),
    ...(key.others ? [{ fill: OTHER_ORGANIZATION_FILL, label: `${key.others} other organisation${key.others === 1 ? '' : 's'}` }] : []),
    ...(key.unaffiliated ? [{ fill: NO_ORGANIZATION_FILL, label: 'no organisation' }] : []),
  ];
  const out = [`<g font-size="11" fill="${MUTED}">`];
  let x = 12;
  for (const e of entries) {
    const label = e.label.length > 24 ? `${e.label.slice(0, 23)}…` : e.label;
    const w = 16 + label.length * 6 + 14;
    if (x + w > width) break;
    out.push(`<circle cx="${x + 5}" cy="${y - 4}" r="5" fill="${e.fill}"/>`, `<text x="${x + 14}" y="${y}">${xmlText(label)}</text>`);
    x += w;
  }
  out.push('</g>');
  return out;
}
