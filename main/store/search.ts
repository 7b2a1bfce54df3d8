import type Database from 'better-sqlite3';
import { SNIPPET_CLOSE, SNIPPET_OPEN, type SearchHit } from '../../shared/model';
import { toFtsQuery } from './fts-query';

const SNIPPET_TOKENS = 24;

/** Full-text search over the library, ranked by bm25 with the title weighing five times the text. */
export class SearchStore {
  private readonly articlesStmt;

  constructor(db: Database.Database) {
    this.articlesStmt = db.prepare<[string, number], { id: number; title: string; snippet: string }>(
      `SELECT a.id, a.title,
              snippet(articles_fts, 1, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}', '…', ${SNIPPET_TOKENS}) AS snippet
         FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
        WHERE articles_fts MATCH ? AND a.deleted_at IS NULL
        ORDER BY bm25(articles_fts, 5.0, 1.0)
        LIMIT ?`,
    );
  }

  search(query: string, limit = 20): SearchHit[] {
    const fts = toFtsQuery(query);
    if (!fts) return [];
    return this.articlesStmt.all(fts, limit).map((r) => ({ kind: 'article', id: r.id, title: r.title, snippet: r.snippet }));
  }
}
