// An SVG drawn as PNG without a browser (resvg, a Rust renderer): the fallback image Word needs
// beside a figure's SVG, for the Word versions and viewers that cannot draw SVG. Fonts are the
// system's, so names are set in whatever sans-serif the machine has when Helvetica and Arial are not.
import { Resvg } from '@resvg/resvg-js';

export function svgToPng(svg: string, width: number): Uint8Array {
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: Math.round(width) }, font: { loadSystemFonts: true, defaultFontFamily: 'sans-serif' }, background: '#ffffff' });
  return resvg.render().asPng();
}
