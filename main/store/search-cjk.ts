// Search for what was typed in CJK scripts: the bigram tables of migration 10 find the rows (and
// rank them by bm25, as the word index does), the word index narrows them when Latin words were
// typed too, and the snippets are cut from the original text, since the bigram tables hold no text
// to cut them from.
import type Database from 'better-sqlite3';
import type { AnnotationKind, SearchHit } from '../../shared/model';
import { formatAnnotationWords } from '../../shared/annotation-words';
import type { SearchQuery } from './fts-query';
import { containsTerms, highlightTerms, snippetAround } from './snippet';

export interface Ranked extends SearchHit {
  rank: number;
}

const SPEAKERS = 3;
const SPEAKER_QUOTE_CHARS = 200;
const SHORT_QUOTE_CHARS = 240;

type Params = [Record<string, string | number>];

/** The same statement with and without the word-index filter (`IN (SELECT rowid FROM <fts> …)`). */
function both<R>(db: Database.Database, sql: (wordFilter: string) => string, fts: string, id: string) {
  return {
    cjkOnly: db.prepare<Params, R>(sql('')),
    withWords: db.prepare<Params, R>(sql(`AND ${id} IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH @words)`)),
  };
}

export class CjkSearch {
  private readonly articles;
  private readonly annotations;
  private readonly actors;
  private readonly briefings;
  private readonly speakerQuotes;

  constructor(db: Database.Database) {
    this.articles = both<{ id: number; title: string; text: string; rank: number }>(
      db,
      (w) => `SELECT a.id, a.title, a.text, t.rank
                FROM (SELECT rowid AS id, bm25(articles_cjk, 5.0, 1.0) AS rank FROM articles_cjk
                       WHERE articles_cjk MATCH @cjk ${w} ORDER BY rank LIMIT @limit) t
                JOIN articles a ON a.id = t.id
               ORDER BY t.rank`,
      'articles_fts',
      'rowid',
    );
    this.annotations = both<{ kind: string; id: number; articleId: number; title: string; exact: string; comment: string | null; tags: string; rank: number }>(
      db,
      (w) => `SELECT CASE n.kind WHEN 'note' THEN 'note' ELSE 'quote' END AS kind, n.id, n.article_id AS articleId,
                     coalesce(s.name || ' — ', '') || r.title AS title, n.exact, n.comment, n.tags, bm25(annotations_cjk) AS rank
                FROM annotations_cjk
                JOIN annotations n ON n.id = annotations_cjk.rowid
                JOIN articles r ON r.id = n.article_id
                LEFT JOIN actors s ON s.id = n.speaker_id
               WHERE annotations_cjk MATCH @cjk AND n.deleted_at IS NULL AND r.deleted_at IS NULL ${w}
               ORDER BY rank LIMIT @limit`,
      'annotations_fts',
      'n.id',
    );
    this.actors = both<{ id: number; title: string; kind: string; aliases: string; rank: number }>(
      db,
      (w) => `SELECT a.id, a.name AS title, a.kind, coalesce((SELECT group_concat(alias, ', ') FROM actor_aliases WHERE actor_id = a.id), '') AS aliases,
                     bm25(actors_cjk) AS rank
                FROM actors_cjk JOIN actors a ON a.id = actors_cjk.rowid
               WHERE actors_cjk MATCH @cjk ${w}
               ORDER BY rank LIMIT @limit`,
      'actors_fts',
      'a.id',
    );
    this.speakerQuotes = both<{ id: number; articleId: number; annotationKind: AnnotationKind; title: string; exact: string; rank: number }>(
      db,
      (w) => `SELECT n.id, n.article_id AS articleId, n.kind AS annotationKind, s.name || ' — ' || r.title AS title, n.exact, m.rank
                FROM (SELECT rowid AS id, bm25(actors_cjk) AS rank FROM actors_cjk WHERE actors_cjk MATCH @cjk ${w} ORDER BY rank LIMIT ${SPEAKERS}) m
                JOIN annotations n ON n.speaker_id = m.id
                JOIN actors s ON s.id = n.speaker_id
                JOIN articles r ON r.id = n.article_id
               WHERE n.deleted_at IS NULL AND r.deleted_at IS NULL AND n.kind <> 'note'
               ORDER BY m.rank, r.published_at IS NULL, r.published_at DESC, n.id DESC
               LIMIT @limit`,
      'actors_fts',
      'rowid',
    );
    this.briefings = both<{ id: number; title: string; text: string; rank: number }>(
      db,
      (w) => `SELECT b.id, b.title, b.text, bm25(briefings_cjk, 5.0, 1.0) AS rank
                FROM briefings_cjk JOIN briefings b ON b.id = briefings_cjk.rowid
               WHERE briefings_cjk MATCH @cjk AND b.deleted_at IS NULL ${w}
               ORDER BY rank LIMIT @limit`,
      'briefings_fts',
      'b.id',
    );
  }

  /** Hits of every kind for a query with CJK terms; `terms` are what the snippets mark. */
  search(q: SearchQuery & { cjk: string }, terms: readonly string[], limit: number): Ranked[] {
    const params: Record<string, string | number> = q.words ? { cjk: q.cjk, words: q.words, limit } : { cjk: q.cjk, limit };
    const run = <R>(s: { cjkOnly: Database.Statement<Params, R>; withWords: Database.Statement<Params, R> }) =>
      (q.words ? s.withWords : s.cjkOnly).all(params);

    const articles: Ranked[] = run(this.articles).map((r) => ({ kind: 'article', id: r.id, title: r.title, snippet: snippetAround(r.text, terms), rank: r.rank }));
    const byWords: Ranked[] = run(this.annotations).map((r) => ({
      kind: r.kind as 'quote' | 'note',
      id: r.id,
      articleId: r.articleId,
      title: r.title,
      snippet: annotationSnippet(r, terms),
      rank: r.rank,
    }));
    const seen = new Set(byWords.map((h) => h.id));
    const bySpeaker: Ranked[] = run(this.speakerQuotes)
      .filter((r) => !seen.has(r.id))
      .map((r) => ({
        kind: 'quote',
        id: r.id,
        articleId: r.articleId,
        title: r.title,
        snippet: formatAnnotationWords(r.annotationKind, r.exact.length <= SPEAKER_QUOTE_CHARS ? r.exact : `${r.exact.slice(0, SPEAKER_QUOTE_CHARS)}…`),
        bySpeaker: true,
        rank: r.rank,
      }));
    const actors: Ranked[] = run(this.actors).map((r) => ({
      kind: 'actor',
      id: r.id,
      title: r.title,
      snippet: r.kind + (r.aliases ? `, also ${highlightTerms(r.aliases, terms)}` : ''),
      rank: r.rank,
    }));
    const briefings: Ranked[] = run(this.briefings).map((r) => ({ kind: 'briefing', id: r.id, title: r.title, snippet: snippetAround(r.text, terms), rank: r.rank }));
    return [...articles, ...byWords, ...actors, ...bySpeaker, ...briefings];
  }
}

/** The words when they matched (whole when short), else the comment or tags that did. */
function annotationSnippet(r: { exact: string; comment: string | null; tags: string }, terms: readonly string[]): string {
  const tags = (JSON.parse(r.tags) as string[]).map((t) => `#${t}`).join(' ');
  if (containsTerms(r.exact, terms) || (!containsTerms(r.comment ?? '', terms) && !containsTerms(tags, terms))) {
    return r.exact.length <= SHORT_QUOTE_CHARS ? highlightTerms(r.exact, terms) + (tags ? `  ${highlightTerms(tags, terms)}` : '') : snippetAround(r.exact, terms);
  }
  if (r.comment && containsTerms(r.comment, terms)) return snippetAround(r.comment, terms);
  return highlightTerms(tags, terms);
}
