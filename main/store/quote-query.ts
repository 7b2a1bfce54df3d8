// The SQL of the quotes table's pages: a filter's conditions, each sort's key, and the way a page is
// found. With migration 12's indexes, a page in the date, article or text order is a walk along
// an index from the cursor that stops after the page; the speaker and kind orders, and any order
// under a speaker or article filter (an actor's or an article's quotes are a small share of the
// table), sort the matches' keys read from an index, keeping only the page's rows (SQLite's
// sorter with a LIMIT). Index names are written out: left to itself, the planner has no
// statistics and would rather sort every match, or read rows through an index that does not hold
// the columns the query needs.
import type { QuoteFilter, QuotePageQuery, QuoteSort } from '../../shared/contract';
import { LIVE_ANNOTATION } from './live-annotations';

export interface QuoteSql {
  sql: string;
  params: Record<string, unknown>;
}

/** The date key: the publication date ('' when undated), the article, the quote's start counted down. */
const DATE_KEY = `coalesce(r.published_at, '') || printf(' %012d %012d', r.id, 999999999999 - n.start)`;
/** A date key this store wrote: the date (or none), then the article and the start. */
const DATE_KEY_FORM = /^(\d{4}-\d{2}-\d{2})? \d{12} \d{12}$/;
const TEXT_KEY = 'substr(n.exact, 1, 200) COLLATE NOCASE';

interface SortPlan {
  /** The cursor's key: one text value per row, compared with the id after it. */
  key: string;
  /** The sort's own direction. */
  desc: boolean;
  /** What the key reads besides the annotation: its article (`r`) or its speaker (`s`). */
  reads: 'article' | 'speaker' | null;
  /** The walk along indexes in the key's order, where there is one. */
  walk?: {
    from: string;
    /** The key's order written column by column, so the planner sees the indexes' order in it. */
    order: (desc: boolean) => string;
    /** A bound on the outer index implied by the cursor, so the walk starts at the cursor rather than before it. */
    seek?: (key: string, desc: boolean) => string | null;
  };
}

const ARTICLES_THEN_QUOTES = (index: string) => `articles r INDEXED BY ${index} CROSS JOIN annotations n INDEXED BY annotations_article`;

/**
 * Each sort as one text key (the cursor's `key`) and its own direction; the annotation's id breaks
 * ties. By date, quotes of one article stay together in reading order: the key carries the article
 * id and the quote's start (counted down, so the newest-first order reads each article top to bottom);
 * an undated article's key starts with the space, below every digit, so it comes last newest-first.
 * By text, the first 200 characters decide (the id after them), so a cursor stays small.
 */
const SORTS: Record<QuoteSort, SortPlan> = {
  date: {
    key: DATE_KEY,
    desc: true,
    reads: 'article',
    walk: {
      from: ARTICLES_THEN_QUOTES('articles_live_published'),
      // The key's parts in its order: the date, the article, the start (counted down in the key), then the id.
      order: (desc) => (desc ? `coalesce(r.published_at, '') DESC, r.id DESC, n.start ASC, n.id DESC` : `coalesce(r.published_at, '') ASC, r.id ASC, n.start DESC, n.id ASC`),
      // A row after the cursor is on an article dated no later (newest first) than the cursor's.
      seek: (key, desc) => (DATE_KEY_FORM.test(key) ? `coalesce(r.published_at, '') ${desc ? '<=' : '>='} @seek` : null),
    },
  },
  article: {
    key: 'r.title COLLATE NOCASE',
    desc: false,
    reads: 'article',
    walk: {
      from: ARTICLES_THEN_QUOTES('articles_live_title'),
      order: (desc) => `r.title COLLATE NOCASE ${desc ? 'DESC' : 'ASC'}, n.id ${desc ? 'DESC' : 'ASC'}`,
      seek: (_key, desc) => `r.title COLLATE NOCASE ${desc ? '<=' : '>='} @seek`,
    },
  },
  // No speaker sorts last from A to Z, as it did in the table.
  speaker: { key: `coalesce(s.name, char(1114111)) COLLATE NOCASE`, desc: false, reads: 'speaker' },
  kind: { key: 'n.kind', desc: false, reads: null },
  text: {
    key: TEXT_KEY,
    desc: false,
    reads: null,
    // The cursor's own condition (the key and the id) is the index's leading columns: it seeks.
    walk: { from: 'annotations n INDEXED BY annotations_text', order: (desc) => `${TEXT_KEY} ${desc ? 'DESC' : 'ASC'}, n.id ${desc ? 'DESC' : 'ASC'}` },
  },
};

/** The value `seek` compares with: the cursor's date for the date sort, its key otherwise. */
function seekValue(sort: QuoteSort, key: string): string {
  return sort === 'date' ? key.slice(0, key.length - 26) : key;
}

/**
 * The WHERE of a quote filter: live annotations on live articles, and each condition the filter
 * sets. With the article joined (`r`), its columns are read there; without, through the articles'
 * own indexes, as a set of ids.
 */
export function quoteFilterSql(filter: QuoteFilter, article: boolean): { where: string[]; params: Record<string, unknown> } {
  const where = article ? ['n.deleted_at IS NULL', 'r.deleted_at IS NULL'] : [LIVE_ANNOTATION];
  const params: Record<string, unknown> = {};
  const coding: string[] = [];
  /** Adds a condition, to the annotation's or to its codings' list, when the filter has that value. */
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
  add(where, 'n.coded_by = @codedBy', 'codedBy');
  if (filter.from !== undefined || filter.to !== undefined) {
    // The published index's own key; an open end is a bound every date passes, and undated
    // articles ('' in the key) fall outside every range.
    params.from = filter.from ?? '0000-01-01';
    params.to = filter.to ?? '9999-12-31';
    const range = `coalesce(r.published_at, '') BETWEEN @from AND @to`;
    where.push(article ? range : `n.article_id IN (SELECT r.id FROM articles r WHERE r.deleted_at IS NULL AND ${range})`);
  }
  // Position filters keep the annotation when any of its codings matches all the given conditions:
  // the set of such annotations is read once from the codings' index (`+` keeps it a set to check
  // against, not a list of rows to visit out of order).
  add(coding, 'ap.position_id = @positionId', 'positionId');
  add(coding, 'ap.stance = @stance', 'stance');
  add(coding, 'p.topic_id = @topicId', 'topicId');
  if (coding.length) {
    const positions = filter.topicId !== undefined ? 'JOIN positions p ON p.id = ap.position_id' : '';
    where.push(`+n.id IN (SELECT ap.annotation_id FROM annotation_positions ap ${positions} WHERE ${coding.join(' AND ')})`);
  }
  return { where, params };
}

/** The index that lists a filter's matches: a speaker's under the speaker filter, else the one by article. */
function matchIndex(filter: QuoteFilter): string {
  return filter.actorId !== undefined && filter.articleId === undefined ? 'annotations_speaker' : 'annotations_article';
}

/** How many annotations a filter keeps, counted in an index. */
export function quoteCountSql(filter: QuoteFilter): QuoteSql {
  const { where, params } = quoteFilterSql(filter, false);
  return { sql: `SELECT count(*) AS n FROM annotations n INDEXED BY ${matchIndex(filter)} WHERE ${where.join(' AND ')}`, params };
}

/**
 * The ids and sort keys of one page's rows (one more than the page, to tell whether another
 * follows), in the sort's order, after the cursor if there is one.
 */
export function quotePageKeysSql(q: QuotePageQuery & { limit: number }): QuoteSql {
  const sortName = q.sort ?? 'date';
  const sort = SORTS[sortName];
  const desc = q.desc ?? sort.desc;
  const dir = desc ? 'DESC' : 'ASC';
  // An article's or a speaker's quotes are few next to the table: sorting them costs less than
  // walking the whole order to find them.
  const walk = q.articleId === undefined && q.actorId === undefined ? sort.walk : undefined;
  const { where, params } = quoteFilterSql(q, sort.reads === 'article');
  let from: string;
  if (walk) {
    from = walk.from;
    if (sort.reads === 'article') where.unshift('n.article_id = r.id');
  } else {
    const annotations = `annotations n INDEXED BY ${matchIndex(q)}`;
    from =
      sort.reads === 'article' ? `${annotations} CROSS JOIN articles r` : sort.reads === 'speaker' ? `${annotations} LEFT JOIN actors s ON s.id = n.speaker_id` : annotations;
    if (sort.reads === 'article') where.unshift('r.id = n.article_id');
  }
  if (q.after) {
    where.push(`(${sort.key}, n.id) ${desc ? '<' : '>'} (@afterKey, @afterId)`);
    params.afterKey = q.after.key;
    params.afterId = q.after.id;
    const seek = walk?.seek?.(q.after.key, desc);
    if (seek) {
      where.push(seek);
      params.seek = seekValue(sortName, q.after.key);
    }
  }
  params.limit = q.limit + 1;
  const order = walk ? walk.order(desc) : `${sort.key} ${dir}, n.id ${dir}`;
  return { sql: `SELECT n.id, ${sort.key} AS sort_key FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT @limit`, params };
}
