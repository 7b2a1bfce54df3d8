// Annotations: create, edit, review, trash and restore. (Re-anchoring when an article's text
// changes is the article text service's: article-text.ts.)
import type { AnnotationStore, AnnotationFields } from '../store/annotations';
import type { ArticleStore } from '../store/articles';
import type { ActorStore } from '../store/actors';
import type { TopicStore } from '../store/topics';
import type { CallInput } from '../../shared/contract';
import type { Annotation, AnnotationPosition, ArticleText } from '../../shared/model';
import { checkRange, selectorsFor } from '../../shared/anchoring';
import type { Transaction } from '../store/write-lock';
import { AppError, notFound } from '../errors';

type CreateInput = CallInput<'annotations.create'>;
type UpdateInput = CallInput<'annotations.update'>;

export class AnnotationService {
  constructor(
    private readonly tx: Transaction,
    private readonly annotations: AnnotationStore,
    private readonly articles: ArticleStore,
    private readonly actors: ActorStore,
    private readonly topics: TopicStore,
  ) {}

  /**
   * A read, so the trash does not refuse it (only changes are refused there): the reader may still
   * be opening an article the analyst has just trashed, and the trash view shows what was coded.
   */
  list(articleId: number): Annotation[] {
    if (!this.articles.meta(articleId)) throw notFound('Article', articleId);
    return this.annotations.forArticle(articleId);
  }

  create(input: CreateInput): Annotation {
    return this.tx(() => {
      const article = this.liveArticle(input.articleId);
      const problem = checkRange(article.text, input.start, input.end);
      if (problem) throw new AppError('invalid_input', problem);
      this.checkLinks(input.speakerId, input.positions);
      const fields: AnnotationFields = { kind: input.kind, speakerId: input.speakerId ?? null, comment: clean(input.comment), tags: cleanTags(input.tags) };
      const id = this.annotations.insert(article.id, selectorsFor(article.text, input.start, input.end), fields);
      if (input.positions) this.annotations.setPositions(id, dedupe(input.positions));
      return this.annotations.get(id)!;
    });
  }

  update(input: UpdateInput): Annotation {
    return this.tx(() => {
      const current = this.annotations.get(input.id) ?? fail(input.id);
      const article = this.liveArticle(current.articleId);
      this.checkLinks(input.speakerId, input.positions);
      if (input.start !== undefined || input.end !== undefined) {
        const start = input.start ?? current.start;
        const end = input.end ?? current.end;
        const problem = checkRange(article.text, start, end);
        if (problem) throw new AppError('invalid_input', problem);
        this.annotations.setAnchor(current.id, selectorsFor(article.text, start, end));
      }
      if (input.anchor) this.putBack(current.id, article.text, input.anchor);
      this.annotations.update(current.id, {
        kind: input.kind,
        speakerId: input.speakerId,
        comment: input.comment === undefined ? undefined : clean(input.comment),
        tags: input.tags === undefined ? undefined : cleanTags(input.tags),
      });
      if (input.positions) this.annotations.setPositions(current.id, dedupe(input.positions));
      return this.annotations.get(current.id)!;
    });
  }

  /**
   * Puts an earlier anchor back as it was. An orphan's stored words are what it quoted, whatever the
   * text says now; a placed anchor must still match the article, or the article changed since.
   */
  private putBack(id: number, text: string, anchor: NonNullable<UpdateInput['anchor']>) {
    const { orphaned, changedFrom, ...selectors } = anchor;
    if (!orphaned) {
      const problem = checkRange(text, selectors.start, selectors.end);
      if (problem) throw new AppError('invalid_input', problem);
      if (text.slice(selectors.start, selectors.end) !== selectors.exact) {
        throw new AppError('conflict', 'The article text has changed since; the annotation was left where it is.');
      }
    }
    this.annotations.putAnchor(id, selectors, orphaned, changedFrom ?? null);
  }

  delete(id: number): Annotation {
    return this.tx(() => {
      const current = this.annotations.get(id) ?? fail(id);
      this.annotations.setDeleted(id, new Date().toISOString());
      return current;
    });
  }

  restore(id: number): Annotation {
    return this.tx(() => {
      const current = this.annotations.get(id, true) ?? fail(id);
      this.liveArticle(current.articleId);
      if (current.speakerId !== null && !this.actors.get(current.speakerId)) this.annotations.update(id, { speakerId: null });
      this.annotations.setDeleted(id, null);
      return this.annotations.get(id)!;
    });
  }

  /**
   * The analyst's answer to a change in the words under an annotation: `accept-new` keeps it on
   * the new words; `keep-old` keeps the words as coded, which the text no longer holds, so it
   * becomes an orphan with them, to re-attach or delete. (Re-attaching is `update` with start/end.)
   */
  review(id: number, decision: 'accept-new' | 'keep-old'): Annotation {
    return this.tx(() => {
      const current = this.annotations.get(id) ?? fail(id);
      this.liveArticle(current.articleId);
      if (current.changedFrom === null) throw new AppError('conflict', 'This annotation has no changed words to review; nothing was changed.');
      const { start, end, prefix, suffix } = current;
      if (decision === 'accept-new') this.annotations.putAnchor(id, { start, end, exact: current.exact, prefix, suffix }, false, null);
      else this.annotations.putAnchor(id, { start, end, exact: current.changedFrom, prefix, suffix }, true);
      return this.annotations.get(id)!;
    });
  }

  private liveArticle(id: number): ArticleText {
    const a = this.articles.withText(id);
    if (!a) throw notFound('Article', id);
    if (a.deletedAt) throw new AppError('conflict', `“${a.title}” is in the trash; restore it first.`);
    return a;
  }

  private checkLinks(speakerId: number | null | undefined, positions: AnnotationPosition[] | undefined) {
    if (speakerId != null && !this.actors.get(speakerId)) throw notFound('Actor', speakerId);
    for (const p of positions ?? []) if (!this.topics.position(p.positionId)) throw notFound('Position', p.positionId);
  }
}

function fail(id: number): never {
  throw notFound('Annotation', id);
}

const clean = (v: string | null | undefined) => (v == null ? null : v.trim() || null);
const cleanTags = (tags: string[] | undefined) => [...new Set((tags ?? []).map((t) => t.trim()).filter(Boolean))];

/** One coding per position: the last stance given wins. */
function dedupe(positions: AnnotationPosition[]): AnnotationPosition[] {
  return [...new Map(positions.map((p) => [p.positionId, p])).values()];
}
