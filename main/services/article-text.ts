// Editing an article's text (edit-text mode): the corrected doc is checked, every annotation on
// the article re-anchored to the new text (shared/anchoring), and text and anchors stored together
// in one transaction, so an annotation never points into a text it was not placed in.
import { Node } from 'prosemirror-model';
import type { AnnotationStore } from '../store/annotations';
import type { ArticleStore } from '../store/articles';
import type { Transaction } from '../store/write-lock';
import type { ArticleReading, ArticleText } from '../../shared/model';
import { articleSchema, countWords, projectText, safeHref } from '../../shared/schema';
import { reanchor, sameWords } from '../../shared/anchoring';
import { AppError, notFound } from '../errors';
import { textHash } from './text-hash';

export class ArticleTextService {
  constructor(
    private readonly tx: Transaction,
    private readonly articles: ArticleStore,
    private readonly annotations: AnnotationStore,
    /** Told of each article whose text changed (its suggestions are computed again). */
    private readonly onChanged: (id: number) => void = () => {},
  ) {}

  /**
   * Puts a corrected text in place and re-anchors every annotation on the article. Those whose
   * words the edit changed are placed on the new words and flagged for review, keeping the words
   * as coded (`changedFrom`); those that cannot be placed become orphans: kept, with the words as
   * coded, for the analyst to re-attach.
   */
  update(articleId: number, docJSON: unknown): { article: ArticleReading; placed: number; changed: number; orphaned: number } {
    let doc: Node;
    try {
      doc = Node.fromJSON(articleSchema, docJSON);
      doc.check();
    } catch (err) {
      throw new AppError('invalid_input', `The article text is not valid: ${(err as Error).message}`);
    }
    doc.descendants((node) => {
      for (const mark of node.marks) if (mark.type.name === 'link' && !safeHref(mark.attrs.href as string)) throw new AppError('invalid_input', 'Links may only be http, https or mailto.');
      return true;
    });
    const text = projectText(doc);
    if (!/[\p{L}\p{N}]/u.test(text)) throw new AppError('invalid_input', 'The article would have no text left.');
    const result = this.tx(() => {
      const article = this.liveArticle(articleId);
      const all = this.annotations.allForArticle(articleId);
      const results = reanchor(article.text, text, all);
      let placed = 0;
      let changed = 0;
      let orphaned = 0;
      results.forEach((r, i) => {
        const a = all[i]!;
        if (r.selectors) {
          // Against the words as coded, not the last text's: an edit undone by a later one clears the flag.
          const coded = a.changedFrom ?? a.exact;
          const changedFrom = sameWords(coded, r.selectors.exact) ? null : coded;
          this.annotations.setAnchor(r.id, r.selectors, changedFrom);
          placed++;
          if (changedFrom !== null) changed++;
        } else {
          this.annotations.setAnchor(r.id, null);
          orphaned++;
        }
      });
      const hash = textHash(text);
      const twin = this.articles.findLiveByHash(hash);
      if (twin && twin.id !== articleId) throw new AppError('conflict', `“${twin.title}” already has exactly this text.`);
      this.articles.setText(articleId, doc, text, countWords(text), hash);
      return { article: this.articles.reading(articleId)!, placed, changed, orphaned };
    });
    this.onChanged(articleId);
    return result;
  }

  private liveArticle(id: number): ArticleText {
    const a = this.articles.withText(id);
    if (!a) throw notFound('Article', id);
    if (a.deletedAt) throw new AppError('conflict', `“${a.title}” is in the trash; restore it first.`);
    return a;
  }
}
