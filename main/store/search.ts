import type Database from 'better-sqlite3';
import { SNIPPET_CLOSE, SNIPPET_OPEN, type SearchHit } from '../../shared/model';
import { toFtsQuery } from './fts-query';

const SNIPPET_TOKENS = 24;

interface Ranked extends SearchHit {
  rank: number;
}

/**
 * Full-text search over articles and briefings (title weighing five times the text) and
 * annotations (quoted words and comments), each ranked by bm25; the lists are merged by rank.
 */
export class SearchStore {
  private readonly articlesStmt;
  private readonly annotationsStmt;
  private readonly briefingsStmt;

  constructor(db: Database.Database) {
    // Ranked and cut to the top hits inside FTS5 (trashed articles are not in the index), so only
    // those few rows of the large articles table are read and only their snippets are built.
    this.articlesStmt = db.prepare<[string, number], Ranked>(
      `SELECT 'article' AS kind, a.id, a.title, t.snippet, t.rank
         FROM (SELECT rowid AS id,
                      snippet(articles_fts, 1, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}', '…', ${SNIPPET_TOKENS}) AS snippet,
                      bm25(articles_fts, 5.0, 1.0) AS rank
                 FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?) t
         JOIN articles a ON a.id = t.id
        ORDER BY t.rank`,
    );
    this.annotationsStmt = db.prepare<[string, number], Ranked & { articleId: number }>(
      `SELECT CASE n.kind WHEN 'note' THEN 'note' ELSE 'quote' END AS kind, n.id, n.article_id AS articleId,
              coalesce(s.name || ' — ', '') || r.title AS title,
              CASE WHEN length(n.exact) <= 240 THEN highlight(annotations_fts, 0, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}')
                   ELSE snippet(annotations_fts, 0, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}', '…', ${SNIPPET_TOKENS}) END AS snippet,
              bm25(annotations_fts, 1.0, 0.5) AS rank
         FROM annotations_fts
         JOIN annotations n ON n.id = annotations_fts.rowid
         JOIN articles r ON r.id = n.article_id
         LEFT JOIN actors s ON s.id = n.speaker_id
        WHERE annotations_fts MATCH ? AND n.deleted_at IS NULL AND r.deleted_at IS NULL
        ORDER BY rank
        LIMIT ?`,
    );
    this.briefingsStmt = db.prepare<[string, number], Ranked>(
      `SELECT 'briefing' AS kind, b.id, b.title,
              snippet(briefings_fts, 1, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}', '…', ${SNIPPET_TOKENS}) AS snippet,
              bm25(briefings_fts, 5.0, 1.0) AS rank
         FROM briefings_fts JOIN briefings b ON b.id = briefings_fts.rowid
        WHERE briefings_fts MATCH ? AND b.deleted_at IS NULL
        ORDER BY rank
        LIMIT ?`,
    );
  }

  search(query: string, limit = 20): SearchHit[] {
    const fts = toFtsQuery(query);
    if (!fts) return [];
    const hits: Ranked[] = [...this.articlesStmt.all(fts, limit), ...this.annotationsStmt.all(fts, limit), ...this.briefingsStmt.all(fts, limit)];
    return hits
      .sort((a, b) => a.rank - b.rank)
      .slice(0, limit)
      .map(({ rank: _rank, ...hit }) => hit);
  }
}
