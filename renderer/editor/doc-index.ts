// One TextIndex per document: the highlights, the suggestions and the reader all map offsets over
// the same doc, and building the index walks the whole of it (100,000 paragraphs: about 0.2 s).
import type { Node } from 'prosemirror-model';
import { TextIndex } from '../../shared/text-index';
import { articleSchema } from '../../shared/schema';
import { unpackDoc, unpacking, type Unpacked } from '../../shared/schema/packed-doc';
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
  return docs.get(article) ?? keep(article, unpackDoc(articleSchema, article.text, article.structure));
}

/**
 * `articleDoc` built a slice at a time between tasks, for an article that is not on screen yet
 * (the whole of one shown from its first screens): the page keeps scrolling meanwhile.
 */
export async function buildArticleDoc(article: ArticleReading): Promise<Node> {
  const steps = unpacking(articleSchema, article.text, article.structure, 5_000);
  for (;;) {
    const step = steps.next();
    if (step.done) return keep(article, step.value);
    await new Promise((resume) => setTimeout(resume));
  }
}

function keep(article: ArticleReading, unpacked: Unpacked): Node {
  indexes.set(unpacked.doc, TextIndex.known(unpacked.doc, article.text, unpacked.segments));
  docs.set(article, unpacked.doc);
  return unpacked.doc;
}
