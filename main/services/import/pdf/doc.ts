// Blocks into an article doc. Heading levels follow type sizes: the largest is level 1 (the title),
// the next 2, and so on to 4, the deepest the article schema's headings take from HTML.
import type { Node } from 'prosemirror-model';
import { articleSchema } from '../../../../shared/schema';
import { stripControls } from '../../control-chars';
import type { Block } from './types';

const DEEPEST = 4;

export function docOf(blocks: readonly Block[]): Node {
  const sizes = [...new Set(blocks.flatMap((b) => (b.kind === 'heading' ? [Math.round(b.size)] : [])))].sort((a, b) => b - a);
  const nodes: Node[] = [];
  for (const b of blocks) {
    const text = stripControls(b.text).replace(/\s+/g, ' ').trim();
    if (!text) continue;
    nodes.push(
      b.kind === 'heading'
        ? articleSchema.node('heading', { level: Math.min(DEEPEST, sizes.indexOf(Math.round(b.size)) + 1) }, articleSchema.text(text))
        : articleSchema.node('paragraph', null, articleSchema.text(text)),
    );
  }
  if (!nodes.length) nodes.push(articleSchema.node('paragraph'));
  return articleSchema.node('doc', null, nodes);
}
