// The articles table: the only place that writes SQL about articles.
import type Database from 'better-sqlite3';
import { Node } from 'prosemirror-model';
import type { Article, ArticleCursor, ArticleMeta, ArticlePage, ArticleReading, ArticleText, SourceFormat } from '../../shared/model';
import { articleSchema } from '../../shared/schema/article';
import { packDoc, packedHead, type PackedBlock } from '../../shared/schema/packed-doc';
import type { ArticleListView, ArticleSort } from '../../shared/contract';
import { articleUid, UID_TAKEN_SQL } from './uid';

export interface NewArticle {
  title: string;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  /** The source's date as written when it was not one certain day (see ArticleMeta); absent means null. */
  publishedAsWritten?: string | null;
  url: string | null;
  sourceFormat: SourceFormat;
  /** The ProseMirror doc, already serialised: a 10 MB article's JSON is built before the write lock is taken. */
  docJson: string;
  /** The doc's structure around its text (shared/schema/packed-doc.ts), serialised likewise. */
  structureJson: string;
  text: string;
  textHash: string;
  wordCount: number;
}

export type ArticlePatch = Partial<Pick<ArticleMeta, 'title' | 'outlet' | 'author' | 'publishedAt' | 'url'>>;

interface Row {
  id: number;
  title: string;
  outlet: string | null;
  author: string | null;
  published_at: string | null;
  published_as_written: string | null;
  url: string | null;
  imported_at: string;
  updated_at: string;
  deleted_at: string | null;
  word_count: number;
  annotation_count: number;
}

// The annotation count is a lookup per row on the annotations_article index, not a join over the table.
const META_COLUMNS =
  'id, title, outlet, author, published_at, published_as_written, url, imported_at, updated_at, deleted_at, word_count, ' +
  '(SELECT count(*) FROM annotations n WHERE n.article_id = articles.id AND n.deleted_at IS NULL) AS annotation_count';

const toMeta = (r: Row): ArticleMeta => ({
  id: r.id,
  title: r.title,
  outlet: r.outlet,
  author: r.author,
  publishedAt: r.published_at,
  publishedAsWritten: r.published_as_written,
  url: r.url,
  importedAt: r.imported_at,
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
  wordCount: r.word_count,
  annotationCount: r.annotation_count,
});

/**
 * Each sort as one key and a direction, ties broken by id in the same direction. The keys are
 * exactly the expressions migration 8 indexes, so a page is a walk along an index from the cursor.
 * Undated articles key as '' and so come last in the newest-published order.
 */
const SORTS: Record<ArticleSort, { key: string; desc: boolean }> = {
  imported: { key: 'imported_at', desc: true },
  published: { key: "coalesce(published_at, '')", desc: true },
  title: { key: 'title COLLATE NOCASE', desc: false },
};

/**
 * The index a live view's page and position walk: its sort's, under the outlet filter its outlet's
 * (migrations 8 and 11). Named rather than left to the planner, which, given a date range, would
 * rather sort the whole range (most of the library for a wide one) than walk the sort's own order
 * and skip what is outside it, which these indexes answer without reading a row. The trash is a
 * few rows and has no such index.
 */
function walkFrom(view: ArticleListView): string {
  return view.trash ? 'articles' : `articles INDEXED BY articles_live_${view.outlet !== undefined ? 'outlet_' : ''}${view.sort ?? 'imported'}`;
}

/**
 * The WHERE of a library view: live or trash, one outlet or all, published within a date range or
 * whenever. The range is written on the published sort's own key, so migration 8's published
 * indexes (with or without the outlet) serve it as a range; an open end stands in as a bound no
 * date passes, and undated articles ('' in the key) fall outside every range.
 */
function viewFilter(view: ArticleListView): { where: string[]; params: string[] } {
  const where = [view.trash ? 'deleted_at IS NOT NULL' : 'deleted_at IS NULL'];
  const params: string[] = [];
  if (view.outlet !== undefined) {
    where.push('outlet = ?');
    params.push(view.outlet);
  }
  if (view.from !== undefined || view.to !== undefined) {
    where.push("coalesce(published_at, '') BETWEEN ? AND ?");
    params.push(view.from ?? '0000-01-01', view.to ?? '9999-12-31');
  }
  return { where, params };
}

/** The stored structure, or for a row written around the store (without one) the structure of its doc. */
const structureOf = (r: { structure: string | null; doc: string | null }): PackedBlock[] =>
  r.structure !== null ? (JSON.parse(r.structure) as PackedBlock[]) : packDoc(Node.fromJSON(articleSchema, JSON.parse(r.doc!)));

const PATCH_COLUMNS: Record<keyof ArticlePatch, string> = {
  title: 'title',
  outlet: 'outlet',
  author: 'author',
  publishedAt: 'published_at',
  url: 'url',
};

export class ArticleStore {
  private readonly insertStmt;
  private readonly uidTakenStmt;
  private readonly byHashStmt;
  private readonly metaStmt;
  private readonly fullStmt;
  private readonly readingStmt;
  private readonly headStmt;
  private readonly textHeadStmt;
  private readonly textStmt;

  constructor(private readonly db: Database.Database) {
    this.insertStmt = db.prepare(
      `INSERT INTO articles (uid, title, outlet, author, published_at, published_as_written, url, imported_at, updated_at, source_format, doc, structure, text, text_hash, word_count)
       VALUES (@uid, @title, @outlet, @author, @publishedAt, @publishedAsWritten, @url, @now, @now, @sourceFormat, @docJson, @structureJson, @text, @textHash, @wordCount)`,
    );
    this.uidTakenStmt = db.prepare<[string]>(UID_TAKEN_SQL);
    this.byHashStmt = db.prepare<[string], Row>(`SELECT ${META_COLUMNS} FROM articles WHERE text_hash = ? AND deleted_at IS NULL`);
    this.metaStmt = db.prepare<[number], Row>(`SELECT ${META_COLUMNS} FROM articles WHERE id = ?`);
    this.fullStmt = db.prepare<[number], Row & { doc: string; text: string; source_format: SourceFormat }>(
      `SELECT ${META_COLUMNS}, doc, text, source_format FROM articles WHERE id = ?`,
    );
    // The doc JSON only when the structure is missing (a row written around the store): reading a
    // long article's 13 MB of doc JSON is what the reader's form spares.
    this.textStmt = db.prepare<[number], Row & { text: string }>(`SELECT ${META_COLUMNS}, text FROM articles WHERE id = ?`);
    this.readingStmt = db.prepare<[number], Row & { structure: string | null; doc: string | null; text: string; source_format: SourceFormat }>(
      `SELECT ${META_COLUMNS}, structure, CASE WHEN structure IS NULL THEN doc END AS doc, text, source_format FROM articles WHERE id = ?`,
    );
    this.headStmt = db.prepare<[number], Row & { structure: string | null; doc: string | null; source_format: SourceFormat }>(
      `SELECT ${META_COLUMNS}, structure, CASE WHEN structure IS NULL THEN doc END AS doc, source_format FROM articles WHERE id = ?`,
    );
    // substr counts characters, JavaScript UTF-16 units: n characters hold at least n units, which are then cut to n.
    this.textHeadStmt = db.prepare<[number, number], { text: string }>(`SELECT substr(text, 1, ?) AS text FROM articles WHERE id = ?`);
  }

  insert(a: NewArticle, now = new Date().toISOString()): number {
    const info = this.insertStmt.run({ publishedAsWritten: null, ...a, uid: articleUid(a.textHash, (uid) => this.uidTakenStmt.get(uid) !== undefined), now });
    return Number(info.lastInsertRowid);
  }

  findLiveByHash(textHash: string): ArticleMeta | undefined {
    const r = this.byHashStmt.get(textHash);
    return r && toMeta(r);
  }

  meta(id: number): ArticleMeta | undefined {
    const r = this.metaStmt.get(id);
    return r && toMeta(r);
  }

  get(id: number): Article | undefined {
    const r = this.fullStmt.get(id);
    return r && { ...toMeta(r), doc: JSON.parse(r.doc) as unknown, text: r.text, sourceFormat: r.source_format };
  }

  /** The article's metadata and text, without its doc: what coding and suggesting need. */
  withText(id: number): ArticleText | undefined {
    const r = this.textStmt.get(id);
    return r && { ...toMeta(r), text: r.text };
  }

  /**
   * The article in the reader's form: its text once, and the doc's structure around it. With
   * `head`, only the first blocks that reach that many characters (`complete` says whether that was all).
   */
  reading(id: number, head?: number): ArticleReading | undefined {
    if (head === undefined) {
      const r = this.readingStmt.get(id);
      return r && { ...toMeta(r), sourceFormat: r.source_format, text: r.text, structure: structureOf(r), complete: true };
    }
    const r = this.headStmt.get(id);
    if (!r) return undefined;
    const structure = structureOf(r);
    const cut = packedHead(articleSchema, structure, head);
    const text = this.textHeadStmt.get(cut.length, id)!.text.slice(0, cut.length);
    return { ...toMeta(r), sourceFormat: r.source_format, text, structure: cut.blocks, complete: cut.blocks.length === structure.length };
  }

  /**
   * One page of a library view, after `after` (a cursor an earlier page returned) and `offset`
   * rows further, with the view's total. Keyset: rows added or removed before the cursor do not
   * shift the next page.
   */
  page(view: ArticleListView & { after?: ArticleCursor; offset?: number; limit: number }): ArticlePage {
    const { key, desc } = SORTS[view.sort ?? 'imported'];
    const { where, params } = viewFilter(view);
    const total = this.db.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM articles WHERE ${where.join(' AND ')}`).get(...params)!.n;
    const args: unknown[] = [...params];
    if (view.after) {
      where.push(`(${key}, id) ${desc ? '<' : '>'} (?, ?)`);
      args.push(view.after.key, view.after.id);
    }
    const dir = desc ? 'DESC' : 'ASC';
    // One row more than asked says whether a next page exists without a second query.
    const sql =
      `SELECT ${META_COLUMNS}, ${key} AS sort_key FROM ${walkFrom(view)} WHERE ${where.join(' AND ')} ` +
      `ORDER BY ${key} ${dir}, id ${dir} LIMIT ? OFFSET ?`;
    const rows = this.db.prepare<unknown[], Row & { sort_key: string }>(sql).all(...args, view.limit + 1, view.offset ?? 0);
    const more = rows.length > view.limit;
    if (more) rows.pop();
    const last = rows[rows.length - 1];
    return { items: rows.map(toMeta), total, next: more && last ? { key: last.sort_key, id: last.id } : null };
  }

  /** How many rows come before article `id` in a library view, or null when the view does not hold it. */
  position(view: ArticleListView, id: number): number | null {
    const { key, desc } = SORTS[view.sort ?? 'imported'];
    const { where, params } = viewFilter(view);
    const filter = where.join(' AND ');
    const at = this.db.prepare<unknown[], { k: string }>(`SELECT ${key} AS k FROM articles WHERE id = ? AND ${filter}`).get(id, ...params);
    if (!at) return null;
    const sql = `SELECT count(*) AS n FROM ${walkFrom(view)} WHERE ${filter} AND (${key}, id) ${desc ? '>' : '<'} (?, ?)`;
    return this.db.prepare<unknown[], { n: number }>(sql).get(...params, at.k, id)!.n;
  }

  outlets(): string[] {
    return this.db
      .prepare<[], { outlet: string }>(
        `SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL AND deleted_at IS NULL ORDER BY outlet COLLATE NOCASE`,
      )
      .all()
      .map((r) => r.outlet);
  }

  count(trash = false): number {
    const sql = `SELECT count(*) AS n FROM articles WHERE deleted_at IS ${trash ? 'NOT ' : ''}NULL`;
    return this.db.prepare<[], { n: number }>(sql).get()!.n;
  }

  update(id: number, patch: ArticlePatch, now = new Date().toISOString()): void {
    const keys = (Object.keys(patch) as (keyof ArticlePatch)[]).filter((k) => patch[k] !== undefined);
    if (!keys.length) return;
    const sets = keys.map((k) => `${PATCH_COLUMNS[k]} = @${k}`).join(', ');
    this.db.prepare(`UPDATE articles SET ${sets}, updated_at = @now WHERE id = @id`).run({ ...patch, id, now });
  }

  /** A corrected text (edit-text mode). The hash follows, so the article is still recognised on re-import. */
  setText(id: number, doc: Node, text: string, wordCount: number, textHash?: string, now = new Date().toISOString()): void {
    this.db
      .prepare(`UPDATE articles SET doc = ?, structure = ?, text = ?, word_count = ?, text_hash = coalesce(?, text_hash), updated_at = ? WHERE id = ?`)
      .run(JSON.stringify(doc.toJSON()), JSON.stringify(packDoc(doc)), text, wordCount, textHash ?? null, now, id);
  }

  setDeleted(id: number, deletedAt: string | null): void {
    this.db.prepare(`UPDATE articles SET deleted_at = ? WHERE id = ?`).run(deletedAt, id);
  }

  purgeTrash(): number {
    return this.db.prepare(`DELETE FROM articles WHERE deleted_at IS NOT NULL`).run().changes;
  }
}
