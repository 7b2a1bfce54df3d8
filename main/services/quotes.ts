// The coding read back: the quotes table (every annotation with its article, speaker and
// positions), the actor × position matrices, and the coding exported for other tools.
import type { QuoteExportFormat, QuoteFilter, QuotePageQuery } from '../../shared/contract';
import type { Matrix, MatrixOverview, MatrixOverviewPage, QuoteFacets, QuotePage, QuoteRow } from '../../shared/model';
import type { QuoteStore } from '../store/quotes';
import type { ArticleStore } from '../store/articles';
import type { ActorStore } from '../store/actors';
import type { TopicStore } from '../store/topics';
import { notFound } from '../errors';
import type { ColSort, RowSort } from '../../shared/matrix-order';
import { exportQuotes, type ExportedFile } from './export/quotes';

/** Rows a page holds unless the caller says: a screen and a half of the table. */
export const DEFAULT_QUOTE_PAGE = 100;

/** Actor rows an overview page holds unless the caller says. */
export const DEFAULT_MATRIX_PAGE = 60;

export class QuoteService {
  constructor(
    private readonly quotes: QuoteStore,
    private readonly articles: ArticleStore,
    private readonly actors: ActorStore,
    private readonly topics: TopicStore,
  ) {}

  list(filter: QuoteFilter = {}): QuoteRow[] {
    return this.quotes.list(this.known(filter));
  }

  /** One page of the quotes table; a filter naming something that does not exist is an error, as for `list`. */
  page(q: QuotePageQuery): QuotePage {
    this.known(q);
    return this.quotes.page({ ...q, limit: q.limit ?? DEFAULT_QUOTE_PAGE });
  }

  /** The choices of the table's article and tag filters. */
  facets(): QuoteFacets {
    return this.quotes.facets();
  }

  /** Who stands where on one topic. */
  matrix(topicId: number): Matrix {
    return this.quotes.matrix(topicId) ?? fail('Topic', topicId);
  }

  /** The matrix of a topic that may have been deleted since (a stance table in an old briefing). */
  findMatrix(topicId: number): Matrix | undefined {
    return this.quotes.matrix(topicId);
  }

  overview(): MatrixOverview {
    return this.quotes.overview();
  }

  /** A window of the overview's actor rows; the most coded first unless the analyst chose otherwise. */
  overviewPage(q: { rowSort?: RowSort; colSort?: ColSort; offset?: number; limit?: number } = {}): MatrixOverviewPage {
    return this.quotes.overviewPage({ rowSort: q.rowSort ?? 'total', colSort: q.colSort ?? 'total', offset: q.offset ?? 0, limit: q.limit ?? DEFAULT_MATRIX_PAGE });
  }

  export(format: QuoteExportFormat, filter: QuoteFilter = {}): ExportedFile {
    return exportQuotes(this.list(filter), format);
  }

  /** A filter naming an article, actor, topic or position that does not exist is an error, not an empty list. */
  private known(f: QuoteFilter): QuoteFilter {
    if (f.articleId !== undefined && !this.articles.meta(f.articleId)) fail('Article', f.articleId);
    if (f.actorId !== undefined && !this.actors.get(f.actorId)) fail('Actor', f.actorId);
    if (f.topicId !== undefined && !this.topics.get(f.topicId)) fail('Topic', f.topicId);
    if (f.positionId !== undefined && !this.topics.position(f.positionId)) fail('Position', f.positionId);
    return f;
  }
}

function fail(what: string, id: number): never {
  throw notFound(what, id);
}
