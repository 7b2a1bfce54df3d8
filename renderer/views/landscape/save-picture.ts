// The landscape's picture saved as a file: the standalone SVG (shared/landscape/svg.ts, or
// timeline-svg.ts for the stance timeline), that SVG drawn on a canvas at twice its size as a PNG
// (a slide, a mail), or the network as GraphML with the picture's layout (shared/landscape/graphml.ts). The SVG is read as a data:
// address, which the page's CSP allows for images and which leaves the canvas readable.
import { sceneToSvg, NAME_EVERY_NODE_UP_TO } from '../../../shared/landscape/svg';
import { sceneToGraphml } from '../../../shared/landscape/graphml';
import type { Scene } from '../../../shared/landscape/scene';
import type { Colouring } from '../../../shared/landscape/colours';
import { download } from '../../download';

export type PictureFormat = 'svg' | 'png' | 'graphml';

export async function savePicture(scene: Scene, format: PictureFormat, name: string, caption: string, colouring: Colouring): Promise<void> {
  if (format === 'graphml') return download(`${name}.graphml`, sceneToGraphml(scene, name), 'application/graphml+xml');
  await saveSvg(sceneToSvg(scene, { caption, allLabels: scene.nodes.length <= NAME_EVERY_NODE_UP_TO, colouring }), format, name);
}

/** A picture already written as SVG, saved as it is or as PNG. */
export async function saveSvg(svg: string, format: 'svg' | 'png', name: string): Promise<void> {
  if (format === 'svg') return download(`${name}.svg`, svg, 'image/svg+xml');
  download(`${name}.png`, await svgToPng(svg), 'image/png');
}

async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(image.naturalWidth * scale);
  canvas.height = Math.round(image.naturalHeight * scale);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('This browser cannot draw the picture as PNG; save it as SVG instead.');
  g.scale(scale, scale);
  g.drawImage(image, 0, 0);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The PNG could not be made; save the picture as SVG instead.'))), 'image/png'));
}
