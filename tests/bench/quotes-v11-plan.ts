// The bench's peer for the quotes table and the codebook's counts (issue 12): the queries as
// version 11 ran them, on a copy of the same library with version 11's indexes put back. A page
// was one pass over every live annotation joined with its article (the key of every match through
// the sort, counted by a window); an actor's and a position's counts were a subquery per row, each
// looking up the annotations and their articles. Kept here, not in the store, only to be measured.
import type Database from 'better-sqlite3';
import type { QuoteFilter, QuotePageQuery, QuoteSort } from '../../shared/contract';

/** Puts back version 11's indexes of the annotations and codings in place of migration 12's. */
export function rewindToV11Indexes(db: Database.Database): void {
  db.exec(`
    DROP INDEX annotations_article;
    CREATE INDEX annotations_article ON annotations (article_id, start);
    DROP INDEX annotations_speaker;
    CREATE INDEX annotations_speaker ON annotations (speaker_id);
    DROP INDEX annotations_text;
    DROP INDEX annotations_trashed;
    DROP INDEX annotation_positions_position;
    CREATE INDEX annotation_positions_position ON annotation_positions (position_id);
  `);
}

const ROW_TABLES = `annotations n JOIN articles r ON r.id = n.article_id LEFT JOIN actors s ON s.id = n.speaker_id`;

const QUOTE_SORTS: Record<QuoteSort, { key: string; desc: boolean }> = {
  date: { key: `coalesce(r.published_at, '') || printf(' %012d %012d', r.id, 999999999999 - n.start)`, desc: true },
  article: { key: 'r.title COLLATE NOCASE', desc: false },
  speaker: { key: `coalesce(s.name, char(1114111)) COLLATE NOCASE`, desc: false },
  kind: { key: 'n.kind', desc: false },
  text: { key: 'substr(n.exact, 1, 200) COLLATE NOCASE', desc: false },
};

function filterSql(filter: QuoteFilter): { where: string[]; params: Record<string, unknown> } {
  const where = ['n.deleted_at IS NULL', 'r.deleted_at IS NULL'];
  const params: Record<string, unknown> = {};
  const coding: string[] = [];
  const add = (to: string[], sql: string, key: keyof QuoteFilter) => {
    const value = filter[key];
    if (value === undefined) return;
    to.push(sql);
    params[key] = value;
  };
  add(where, 'n.article_id = @articleId', 'articleId');
  add(where, 'n.speaker_id = @actorId', 'actorId');
  add(where, 'n.kind = @kind', 'kind');
  add(where, 'EXISTS (SELECT 1 FROM json_each(n.tags) WHERE json_each.value = @tag)', 'tag');
  add(where, 'r.published_at >= @from', 'from');
  add(where, 'r.published_at <= @to', 'to');
  add(coding, 'ap.position_id = @positionId', 'positionId');
  add(coding, 'ap.stance = @stance', 'stance');
  add(coding, 'p.topic_id = @topicId', 'topicId');
  if (coding.length) {
    where.push(`EXISTS (SELECT 1 FROM annotation_positions ap JOIN positions p ON p.id = ap.position_id WHERE ap.annotation_id = n.id AND ${coding.join(' AND ')})`);
  }
  return { where, params };
}

/** Version 11's way to a page: the ids, keys and count of its rows (the rows themselves are read the same way in both). */
export function pageKeysV11(db: Database.Database, q: QuotePageQuery & { limit: number }): { ids: number[]; total: number; next: { key: string; id: number } | null } {
  const { where, params } = filterSql(q);
  const sort = QUOTE_SORTS[q.sort ?? 'date'];
  const desc = q.desc ?? sort.desc;
  const total = q.after
    ? db.prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM annotations n JOIN articles r ON r.id = n.article_id WHERE ${where.join(' AND ')}`).get(params)!.n
    : null;
  if (q.after) {
    where.push(`(${sort.key}, n.id) ${desc ? '<' : '>'} (@afterKey, @afterId)`);
    params.afterKey = q.after.key;
    params.afterId = q.after.id;
  }
  const dir = desc ? 'DESC' : 'ASC';
  const keys = db
    .prepare<Record<string, unknown>, { id: number; sort_key: string; total: number }>(
      `SELECT n.id, ${sort.key} AS sort_key, count(*) OVER () AS total FROM ${ROW_TABLES} WHERE ${where.join(' AND ')} ORDER BY ${sort.key} ${dir}, n.id ${dir} LIMIT @limit`,
    )
    .all({ ...params, limit: q.limit + 1 });
  const more = keys.length > q.limit;
  const matches = total ?? keys[0]?.total ?? 0;
  if (more) keys.pop();
  const last = keys[keys.length - 1];
  return { ids: keys.map((k) => k.id), total: matches, next: more && last ? { key: last.sort_key, id: last.id } : null };
}

/** Version 11's tag choices: every live annotation with its article. */
export function tagsV11(db: Database.Database): string[] {
  return db
    .prepare<[], { tag: string }>(`SELECT DISTINCT t.value AS tag FROM annotations n JOIN articles r ON r.id = n.article_id, json_each(n.tags) t WHERE n.deleted_at IS NULL AND r.deleted_at IS NULL AND n.tags <> '[]'`)
    .all()
    .map((t) => t.tag)
    .sort((a, b) => a.localeCompare(b));
}

/** Version 11's actor counts: a subquery per actor. */
export function actorCountsV11(db: Database.Database): Map<number, number> {
  const rows = db
    .prepare<[], { id: number; n: number }>(
      `SELECT a.id, (SELECT count(*) FROM annotations n JOIN articles r ON r.id = n.article_id
                      WHERE n.speaker_id = a.id AND n.deleted_at IS NULL AND r.deleted_at IS NULL) AS n
         FROM actors a ORDER BY a.name COLLATE NOCASE`,
    )
    .all();
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** Version 11's position counts: a subquery per position. */
export function positionCountsV11(db: Database.Database): Map<number, number> {
  const rows = db
    .prepare<[], { id: number; n: number }>(
      `SELECT p.id, (SELECT count(*) FROM annotation_positions ap JOIN annotations n ON n.id = ap.annotation_id JOIN articles r ON r.id = n.article_id
                      WHERE ap.position_id = p.id AND n.deleted_at IS NULL AND r.deleted_at IS NULL) AS n
         FROM positions p ORDER BY p.claim COLLATE NOCASE`,
    )
    .all();
  return new Map(rows.map((r) => [r.id, r.n]));
}
