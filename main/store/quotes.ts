// Read-side of the coding: annotations joined with their article, speaker and positions, for the
// quotes table, the quote bank, exports and the actor × position matrix.
import type Database from 'better-sqlite3';
import type { QuoteFilter, QuotePageQuery } from '../../shared/contract';
import type { AnnotationKind, Matrix, MatrixOverview, MatrixOverviewPage, QuoteFacets, QuotePage, QuoteRow, Stance, ActorKind } from '../../shared/model';
import { LIVE_ANNOTATION } from './live-annotations';
import { cellTotal, ordered, sumCells, type ColSort, type RowSort } from '../../shared/matrix-order';
import { quoteCountSql, quoteFilterSql, quotePageKeysSql } from './quote-query';

interface Row {
  id: number;
  kind: AnnotationKind;
  exact: string;
  comment: string | null;
  tags: string;
  orphaned: number;
  start: number;
  end: number;
  prefix: string;
  suffix: string;
  created_at: string;
  article_id: number;
  title: string;
  outlet: string | null;
  author: string | null;
  published_at: string | null;
  url: string | null;
  speaker_id: number | null;
  speaker_name: string | null;
  speaker_kind: ActorKind | null;
}

const ROW_COLUMNS = `n.id, n.kind, n.exact, n.comment, n.tags, n.orphaned, n.start, n."end", n.prefix, n.suffix, n.created_at,
  r.id AS article_id, r.title, r.outlet, r.author, r.published_at, r.url,
  s.id AS speaker_id, s.name AS speaker_name, s.kind AS speaker_kind`;
const ROW_TABLES = `annotations n JOIN articles r ON r.id = n.article_id LEFT JOIN actors s ON s.id = n.speaker_id`;

/** The overview's counts at one state of the library, with what is derived from them. */
interface Counted {
  /** The connection's total changes and the file's data_version when they were read. */
  at: string;
  overview: MatrixOverview;
  sums: ReturnType<typeof sumCells>;
  /** The actors in each row order asked for so far. */
  orders: Map<RowSort, MatrixOverview['actors']>;
  /** The largest cell total (at least 1). */
  max: number;
}

export class QuoteStore {
  private stateStmt: Database.Statement<[], string> | undefined;
  /**
   * The overview's counts as last read, with the state of the library they were read in: the
   * analyst scrolling through its pages, or sorting it again, needs no second pass over every
   * coding while nothing has been written since.
   */
  private counted: Counted | null = null;

  constructor(private readonly db: Database.Database) {}

  list(filter: QuoteFilter = {}): QuoteRow[] {
    const { where, params } = quoteFilterSql(filter, true);
    // Every match is read whole and sorted: in the table's own order, not through an index that
    // would visit the rows out of it (an article's or a speaker's quotes are found through theirs).
    const tables = filter.articleId === undefined && filter.actorId === undefined ? `annotations n NOT INDEXED CROSS JOIN articles r ON r.id = n.article_id LEFT JOIN actors s ON s.id = n.speaker_id` : ROW_TABLES;
    const rows = this.db
      .prepare<Record<string, unknown>, Row>(
        `SELECT ${ROW_COLUMNS} FROM ${tables} WHERE ${where.join(' AND ')}
          ORDER BY r.published_at IS NULL, r.published_at DESC, r.id DESC, n.start, n.id`,
      )
      .all(params);
    return this.complete(rows);
  }

  /**
   * One page of the quotes table: the filter's matches in the sort's order, after `after` (a cursor
   * an earlier page returned), with the count of all matches. Keyset: rows added or removed before
   * the cursor do not shift the next page.
   */
  page(q: QuotePageQuery & { limit: number }): QuotePage {
    // First the page's ids, in order, with only the key (`quote-query.ts`: a walk along an index,
    // or the matches' keys sorted); then those rows in full. One row more than asked says whether a
    // next page exists.
    const keysSql = quotePageKeysSql(q);
    const keys = this.db.prepare<Record<string, unknown>, { id: number; sort_key: string }>(keysSql.sql).all(keysSql.params);
    const more = keys.length > q.limit;
    if (more) keys.pop();
    // A first page that holds every match has counted them; otherwise the count is a pass over an index.
    const total = !q.after && !more ? keys.length : this.count(q);
    const last = keys[keys.length - 1];
    return { items: this.rows(keys.map((k) => k.id)), total, next: more && last ? { key: last.sort_key, id: last.id } : null };
  }

  /** Annotations in full, in the order of the ids given. */
  rows(ids: number[]): QuoteRow[] {
    const byId = new Map(
      this.db
        .prepare<[string], Row>(`SELECT ${ROW_COLUMNS} FROM ${ROW_TABLES} WHERE n.id IN (SELECT value FROM json_each(?))`)
        .all(JSON.stringify(ids))
        .map((r) => [r.id, r]),
    );
    return this.complete(ids.map((id) => byId.get(id)!));
  }

  /** How many live annotations a filter keeps. */
  count(filter: QuoteFilter): number {
    const { sql, params } = quoteCountSql(filter);
    return this.db.prepare<Record<string, unknown>, { n: number }>(sql).get(params)!.n;
  }

  /** The articles that hold live annotations (newest first, as the table lists them), every tag in use, and who coded them. */
  facets(): QuoteFacets {
    const articles = this.db
      .prepare<[], { id: number; title: string }>(
        `SELECT r.id, r.title FROM articles r WHERE r.deleted_at IS NULL AND EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = r.id AND n.deleted_at IS NULL)
          ORDER BY r.published_at IS NULL, r.published_at DESC, r.id DESC`,
      )
      .all();
    const tags = this.db
      .prepare<[], { tag: string }>(`SELECT DISTINCT t.value AS tag FROM annotations n INDEXED BY annotations_article, json_each(n.tags) t WHERE ${LIVE_ANNOTATION} AND n.tags <> '[]'`)
      .all()
      .map((t) => t.tag)
      .sort((a, b) => a.localeCompare(b));
    const coders = this.db
      .prepare<[], string>(`SELECT DISTINCT n.coded_by FROM annotations n WHERE ${LIVE_ANNOTATION} AND n.coded_by IS NOT NULL ORDER BY n.coded_by`)
      .pluck()
      .all();
    return { articles, tags, coders };
  }

  private complete(rows: Row[]): QuoteRow[] {
    const positions = new Map<number, QuoteRow['positions']>();
    const affiliations = new Map<number, { name: string; role: string | null }[]>();
    if (rows.length) {
      for (const p of this.db
        .prepare<[string], { annotation_id: number; id: number; claim: string; topic_id: number; topic: string; stance: Stance }>(
          `SELECT ap.annotation_id, p.id, p.claim, p.topic_id, t.name AS topic, ap.stance
             FROM annotation_positions ap JOIN positions p ON p.id = ap.position_id JOIN topics t ON t.id = p.topic_id
            WHERE ap.annotation_id IN (SELECT value FROM json_each(?)) ORDER BY ap.rowid`,
        )
        .all(JSON.stringify(rows.map((r) => r.id)))) {
        positions.set(p.annotation_id, [...(positions.get(p.annotation_id) ?? []), { id: p.id, claim: p.claim, topicId: p.topic_id, topic: p.topic, stance: p.stance }]);
      }
      for (const f of this.db
        .prepare<[string], { actor_id: number; name: string; role: string | null }>(
          `SELECT f.actor_id, o.name, f.role FROM affiliations f JOIN actors o ON o.id = f.organization_id
            WHERE f.actor_id IN (SELECT value FROM json_each(?)) ORDER BY o.name`,
        )
        .all(JSON.stringify([...new Set(rows.flatMap((r) => (r.speaker_id === null ? [] : [r.speaker_id])))]))) {
        affiliations.set(f.actor_id, [...(affiliations.get(f.actor_id) ?? []), { name: f.name, role: f.role }]);
      }
    }
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      text: r.exact,
      comment: r.comment,
      tags: JSON.parse(r.tags) as string[],
      orphaned: r.orphaned === 1,
      start: r.start,
      end: r.end,
      prefix: r.prefix,
      suffix: r.suffix,
      createdAt: r.created_at,
      article: { id: r.article_id, title: r.title, outlet: r.outlet, author: r.author, publishedAt: r.published_at, url: r.url },
      speaker: r.speaker_id === null ? null : { id: r.speaker_id, name: r.speaker_name!, kind: r.speaker_kind!, affiliations: affiliations.get(r.speaker_id) ?? [] },
      positions: positions.get(r.id) ?? [],
    }));
  }

  /**
   * Who takes positions on what, across all topics: live codings per actor and topic, by stance.
   * Topics with no codings are listed too, so the overview names every topic. The codings are read
   * in the table's own order, which is about the annotations' (coded as they were made), so each
   * annotation's row, read once for its speaker, is mostly on the page read just before (through
   * the codings' position index they were read all over the table, a third slower); the
   * trash is set aside by the annotation's own columns (`LIVE_ANNOTATION`), not its article's row.
   */
  overview(): MatrixOverview {
    return this.counts().overview;
  }

  private counts(): Counted {
    // What this connection has written (every insert, update and delete, triggers' too) and what
    // other connections have committed: while both stand still, so do the counts. Asked on every
    // page of the overview: one statement for both numbers, prepared once.
    this.stateStmt ??= this.db.prepare<[], string>(`SELECT total_changes() || ':' || data_version FROM pragma_data_version`).pluck();
    const at = this.stateStmt.get()!;
    if (this.counted?.at !== at) {
      const overview = this.countOverview();
      const sums = sumCells(overview.cells, (c) => c.actorId, (c) => c.topicId);
      this.counted = { at, overview, sums, orders: new Map(), max: overview.cells.reduce((m, c) => Math.max(m, cellTotal(c)), 1) };
    }
    return this.counted;
  }

  private countOverview(): MatrixOverview {
    const topics = this.db.prepare<[], { id: number; name: string }>(`SELECT id, name FROM topics ORDER BY name COLLATE NOCASE`).all();
    const cells = this.db
      .prepare<[], MatrixOverview['cells'][number]>(
        `SELECT n.speaker_id AS actorId, p.topic_id AS topicId,
                sum(ap.stance = 'supports') AS supports, sum(ap.stance = 'opposes') AS opposes, sum(ap.stance = 'neutral') AS neutral
           FROM annotation_positions ap NOT INDEXED
           CROSS JOIN annotations n ON n.id = ap.annotation_id
           JOIN positions p ON p.id = ap.position_id
          WHERE n.speaker_id IS NOT NULL AND ${LIVE_ANNOTATION}
          GROUP BY n.speaker_id, p.topic_id`,
      )
      .all();
    // The actors are those the cells name: one pass over the codings, not a second one to find them.
    const actorIds = [...new Set(cells.map((c) => c.actorId))];
    const actors = this.db
      .prepare<[string], { id: number; name: string; color: string }>(`SELECT id, name, color FROM actors WHERE id IN (SELECT value FROM json_each(?)) ORDER BY name COLLATE NOCASE`)
      .all(JSON.stringify(actorIds));
    return { actors, topics, cells };
  }

  /**
   * A window of the overview's actor rows in the analyst's order: the codings are counted once per
   * actor and topic, the actors ordered by the chosen sum (then name, then id: a stable order, so an
   * offset finds the same rows page after page), and only the window's actors and their cells go
   * back. The columns come in their order, and the largest cell of the whole table, for the colours.
   */
  overviewPage(q: { rowSort: RowSort; colSort: ColSort; offset: number; limit: number }): MatrixOverviewPage {
    const counted = this.counts();
    const { actors: all, topics, cells } = counted.overview;
    // Each order is sorted once while the counts stand: the next windows are slices of it.
    let order = counted.orders.get(q.rowSort);
    if (!order) counted.orders.set(q.rowSort, (order = ordered(all, (a) => a.name, counted.sums.rows, q.rowSort)));
    const actors = order.slice(q.offset, q.offset + q.limit);
    const shown = new Set(actors.map((a) => a.id));
    return {
      topics: ordered(topics, (t) => t.name, counted.sums.cols, q.colSort),
      actors,
      cells: cells.filter((c) => shown.has(c.actorId)),
      total: all.length,
      offset: q.offset,
      max: counted.max,
    };
  }

  /** Who stands where on one topic: counts of live codings per actor and position. */
  matrix(topicId: number): Matrix | undefined {
    const topic = this.db.prepare<[number], { id: number; name: string }>(`SELECT id, name FROM topics WHERE id = ?`).get(topicId);
    if (!topic) return undefined;
    const positions = this.db.prepare<[number], { id: number; claim: string }>(`SELECT id, claim FROM positions WHERE topic_id = ? ORDER BY claim COLLATE NOCASE`).all(topicId);
    const cells = this.db
      .prepare<[number], { actorId: number; positionId: number; supports: number; opposes: number; neutral: number }>(
        `SELECT n.speaker_id AS actorId, ap.position_id AS positionId,
                sum(ap.stance = 'supports') AS supports, sum(ap.stance = 'opposes') AS opposes, sum(ap.stance = 'neutral') AS neutral
           FROM positions p
           JOIN annotation_positions ap INDEXED BY annotation_positions_position ON ap.position_id = p.id
           JOIN annotations n ON n.id = ap.annotation_id
          WHERE p.topic_id = ? AND n.speaker_id IS NOT NULL AND ${LIVE_ANNOTATION}
          GROUP BY n.speaker_id, ap.position_id`,
      )
      .all(topicId);
    const actorIds = [...new Set(cells.map((c) => c.actorId))];
    const actors = actorIds.length
      ? this.db
          .prepare<number[], { id: number; name: string; color: string }>(`SELECT id, name, color FROM actors WHERE id IN (${actorIds.map(() => '?').join(',')}) ORDER BY name COLLATE NOCASE`)
          .all(...actorIds)
      : [];
    return { topic, actors, positions, cells };
  }
}
