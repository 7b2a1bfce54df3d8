// Reading and curating the library: lists, one article, metadata edits, the trash.
import type { ArticleStore, ArticlePatch } from '../store/articles';
import type { Library } from '../store/open';
import type { LibraryStateStore } from '../store/library-state';
import { DEFAULT_PAGE, type ArticleListView } from '../../shared/contract';
import type { Article, ArticleCursor, ArticleReading, ArticleMeta, ArticlePage, LibraryInfo } from '../../shared/model';
import { AppError, notFound } from '../errors';
import { listBackups } from '../store/backup';
import type { Transaction } from '../store/write-lock';
import { cleanLine } from './control-chars';

export class LibraryService {
  constructor(
    private readonly library: Pick<Library, 'path' | 'readOnly' | 'warnings'>,
    private readonly state: LibraryStateStore,
    private readonly articles: ArticleStore,
    /** Each edit is one statement, but goes through a write transaction so a busy library is retried, not failed. */
    private readonly write: Transaction,
  ) {}

  info(): LibraryInfo {
    return {
      path: this.library.path,
      articleCount: this.articles.count(),
      trashCount: this.articles.count(true),
      schemaVersion: this.state.schemaVersion(),
      backups: listBackups(this.library.path),
      readOnly: this.library.readOnly,
      warnings: this.library.warnings,
    };
  }

  /** SQLite's data_version: it moves when another connection commits, and costs no read. */
  changes(): number {
    return this.state.dataVersion();
  }

  /** A page of the library list; the renderer asks for the pages near what is on screen, never the whole list. */
  list(opts: ArticleListView & { after?: ArticleCursor; offset?: number; limit?: number }): ArticlePage {
    return this.articles.page({ ...opts, limit: opts.limit ?? DEFAULT_PAGE });
  }

  position(opts: ArticleListView & { id: number }): { index: number | null } {
    const { id, ...view } = opts;
    return { index: this.articles.position(view, id) };
  }

  outlets(): string[] {
    return this.articles.outlets();
  }

  get(id: number): Article {
    return this.articles.get(id) ?? fail(id);
  }

  /** The article in the reader's form (`ArticleReading`), whole or its head. */
  read(id: number, head?: number): ArticleReading {
    return this.articles.reading(id, head) ?? fail(id);
  }

  update(id: number, patch: ArticlePatch): ArticleMeta {
    const current = this.articles.meta(id) ?? fail(id);
    if (current.deletedAt) throw new AppError('conflict', `“${current.title}” is in the trash; restore it before editing.`);
    const cleaned: ArticlePatch = {};
    for (const [k, v] of Object.entries(patch) as [keyof ArticlePatch, string | null | undefined][]) {
      if (v === undefined) continue;
      const t = v === null ? null : cleanLine(v) || null;
      if (k === 'title' && !t) throw new AppError('invalid_input', 'An article needs a title.');
      (cleaned as Record<string, string | null>)[k] = t;
    }
    this.write(() => this.articles.update(id, cleaned));
    return this.articles.meta(id)!;
  }

  delete(id: number): ArticleMeta {
    const current = this.articles.meta(id) ?? fail(id);
    if (!current.deletedAt) this.write(() => this.articles.setDeleted(id, new Date().toISOString()));
    return this.articles.meta(id)!;
  }

  restore(id: number): ArticleMeta {
    const current = this.articles.meta(id) ?? fail(id);
    if (!current.deletedAt) return current;
    try {
      this.write(() => this.articles.setDeleted(id, null));
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new AppError('conflict', `The same text was imported again since “${current.title}” was deleted; it cannot be restored beside it.`);
      }
      throw err;
    }
    return this.articles.meta(id)!;
  }

  emptyTrash(): { purged: number } {
    return { purged: this.write(() => this.articles.purgeTrash()) };
  }
}

function fail(id: number): never {
  throw notFound('Article', id);
}
