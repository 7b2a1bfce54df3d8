// One TextIndex per document: the highlights, the suggestions and the reader all map offsets over
// the same doc, and building the index walks the whole of it (100,000 paragraphs: about 0.2 s).
import type { Node } from 'prosemirror-model';
import { TextIndex } from '../../shared/text-index';

const indexes = new WeakMap<Node, TextIndex>();

export function textIndexOf(doc: Node): TextIndex {
  let index = indexes.get(doc);
  if (!index) indexes.set(doc, (index = TextIndex.of(doc)));
  return index;
}
