// One TextIndex per document: the highlights, the suggestions and the reader all map offsets over
// the same doc, and building the index walks the whole of it (100,000 paragraphs: about 0.2 s).
import type { Node } from 'prosemirror-model';
import { TextIndex } from '../../shared/text-index';
import { articleSchema } from '../../shared/schema';
import { unpackDoc } from '../../shared/schema/packed-doc';
import type { ArticleReading } from '../../shared/model';

const indexes = new WeakMap<Node, TextIndex>();
const docs = new WeakMap<ArticleReading, Node>();

export function textIndexOf(doc: Node): TextIndex {
  let index = indexes.get(doc);
  if (!index) indexes.set(doc, (index = TextIndex.of(doc)));
  return index;
}

/** The article's doc, built once from its reader's form; its TextIndex comes with it, gathered while building. */
export function articleDoc(article: ArticleReading): Node {
  let doc = docs.get(article);
  if (!doc) {
    const unpacked = unpackDoc(articleSchema, article.text, article.structure);
    doc = unpacked.doc;
    indexes.set(doc, TextIndex.known(doc, article.text, unpacked.segments));
    docs.set(article, doc);
  }
  return doc;
}
