import type Database from 'better-sqlite3';
import { SNIPPET_CLOSE, SNIPPET_OPEN, type AnnotationKind, type SearchHit } from '../../shared/model';
import { formatAnnotationWords } from '../../shared/annotation-words';
import { parseSearch } from './fts-query';
import { CjkSearch, type Ranked } from './search-cjk';
import { ArticleSearch } from './search-articles';
import { searchTerms } from '../../shared/term-match';

const SNIPPET_TOKENS = 24;
/** A name shared by many actors ("Ministry") finds the quotes of the best-matching few, not of all. */
const SPEAKERS = 3;
/** Words of a quote shown when it was found by its speaker, not by its own words. */
const SPEAKER_QUOTE_CHARS = 200;


/**
 * Full-text search over articles and briefings (title weighing five times the text), annotations
 * (quoted words, comment and tags) and actors (name and aliases), each ranked by bm25 inside FTS5;
 * the lists are merged by rank. A speaker's name also finds what they said: the matched actors'
 * annotations, looked up by the speaker index, ranked as their speaker.
 */
export class SearchStore {
  private readonly articles;
  private readonly annotationsStmt;
  private readonly actorsStmt;
  private readonly speakerQuotesStmt;
  private readonly briefingsStmt;
  private readonly cjk;

  constructor(db: Database.Database) {
    this.cjk = new CjkSearch(db);
    this.articles = new ArticleSearch(db);
    // The snippet shows the words when they matched (or are short enough to show whole), else the
    // comment or tags that did.
    this.annotationsStmt = db.prepare<[string, number], Ranked & { articleId: number }>(
      `SELECT CASE n.kind WHEN 'note' THEN 'note' ELSE 'quote' END AS kind, n.id, n.article_id AS articleId,
              coalesce(s.name || ' — ', '') || r.title AS title,
              CASE WHEN length(n.exact) <= 240 THEN highlight(annotations_fts, 0, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}')
                   ELSE snippet(annotations_fts, -1, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}', '…', ${SNIPPET_TOKENS}) END
                || CASE WHEN n.tags <> '[]' AND length(n.exact) <= 240 THEN '  ' || (SELECT group_concat('#' || value, ' ') FROM json_each(n.tags)) ELSE '' END AS snippet,
              bm25(annotations_fts, 1.0, 0.5, 1.0) AS rank
         FROM annotations_fts
         JOIN annotations n ON n.id = annotations_fts.rowid
         JOIN articles r ON r.id = n.article_id
         LEFT JOIN actors s ON s.id = n.speaker_id
        WHERE annotations_fts MATCH ? AND n.deleted_at IS NULL AND r.deleted_at IS NULL
        ORDER BY rank
        LIMIT ?`,
    );
    this.actorsStmt = db.prepare<[string, number], Ranked>(
      `SELECT 'actor' AS kind, a.id, a.name AS title,
              a.kind || CASE WHEN actors_fts.aliases <> '' THEN ', also ' || highlight(actors_fts, 1, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}') ELSE '' END AS snippet,
              bm25(actors_fts, 2.0, 1.0) AS rank
         FROM actors_fts JOIN actors a ON a.id = actors_fts.rowid
        WHERE actors_fts MATCH ?
        ORDER BY rank
        LIMIT ?`,
    );
    // Newest first within a speaker; notes have no speaker worth the name, so they stay out.
    this.speakerQuotesStmt = db.prepare<[string, number], Ranked & { articleId: number; annotationKind: AnnotationKind }>(
      `SELECT 'quote' AS kind, n.id, n.article_id AS articleId, 1 AS bySpeaker, n.kind AS annotationKind,
              s.name || ' — ' || r.title AS title,
              CASE WHEN length(n.exact) <= ${SPEAKER_QUOTE_CHARS} THEN n.exact ELSE substr(n.exact, 1, ${SPEAKER_QUOTE_CHARS}) || '…' END AS snippet,
              m.rank
         FROM (SELECT rowid AS id, bm25(actors_fts, 2.0, 1.0) AS rank FROM actors_fts WHERE actors_fts MATCH ? ORDER BY rank LIMIT ${SPEAKERS}) m
         JOIN annotations n ON n.speaker_id = m.id
         JOIN actors s ON s.id = n.speaker_id
         JOIN articles r ON r.id = n.article_id
        WHERE n.deleted_at IS NULL AND r.deleted_at IS NULL AND n.kind <> 'note'
        ORDER BY m.rank, r.published_at IS NULL, r.published_at DESC, n.id DESC
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
    const parsed = parseSearch(query);
    if (parsed.cjk) return this.rankTogether(this.cjk.search({ ...parsed, cjk: parsed.cjk }, searchTerms(query), limit), limit);
    const fts = parsed.words;
    if (!fts) return [];
    // A quote found both by its words and by its speaker is listed once, by its words.
    const byWords = this.annotationsStmt.all(fts, limit);
    const seen = new Set(byWords.map((h) => h.id));
    // Nothing in their words matched, so they read as the exports print them: a paraphrase is no quote.
    const bySpeaker = this.speakerQuotesStmt
      .all(fts, limit)
      .filter((h) => !seen.has(h.id))
      .map(({ annotationKind, ...h }) => ({ ...h, snippet: formatAnnotationWords(annotationKind, h.snippet) }));
    return this.rankTogether([...this.articles.search(parsed.phrases, searchTerms(query), limit), ...byWords, ...this.actorsStmt.all(fts, limit), ...bySpeaker, ...this.briefingsStmt.all(fts, limit)], limit);
  }

  private rankTogether(hits: Ranked[], limit: number): SearchHit[] {
    return hits
      .sort((a, b) => a.rank - b.rank)
      .slice(0, limit)
      .map(({ rank: _rank, bySpeaker, ...hit }) => (bySpeaker ? { ...hit, bySpeaker: true } : hit));
  }
}
