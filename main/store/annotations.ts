// Annotations and their codings (position + stance).
import type Database from 'better-sqlite3';
import type { Annotation, AnnotationKind, AnnotationPosition, Stance, TextSelectors } from '../../shared/model';
import { newUid } from './uid';

interface Row {
  id: number;
  article_id: number;
  kind: AnnotationKind;
  speaker_id: number | null;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  comment: string | null;
  tags: string;
  orphaned: number;
  changed_from: string | null;
  coded_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface AnnotationFields {
  kind: AnnotationKind;
  speakerId: number | null;
  comment: string | null;
  tags: string[];
}

const COLUMNS = `id, article_id, kind, speaker_id, start, "end", exact, prefix, suffix, comment, tags, orphaned, changed_from, coded_by, created_at, updated_at`;

export class AnnotationStore {
  constructor(private readonly db: Database.Database) {}

  private hydrate(rows: Row[]): Annotation[] {
    if (!rows.length) return [];
    const byId = new Map<number, AnnotationPosition[]>();
    const ids = rows.map((r) => r.id);
    // Chunks keep the statement under SQLite's variable limit for articles with many annotations.
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const stmt = this.db.prepare<number[], { annotation_id: number; position_id: number; stance: Stance }>(
        `SELECT annotation_id, position_id, stance FROM annotation_positions WHERE annotation_id IN (${chunk.map(() => '?').join(',')}) ORDER BY rowid`,
      );
      for (const p of stmt.all(...chunk)) byId.set(p.annotation_id, [...(byId.get(p.annotation_id) ?? []), { positionId: p.position_id, stance: p.stance }]);
    }
    return rows.map((r) => ({
      id: r.id,
      articleId: r.article_id,
      kind: r.kind,
      speakerId: r.speaker_id,
      start: r.start,
      end: r.end,
      exact: r.exact,
      prefix: r.prefix,
      suffix: r.suffix,
      comment: r.comment,
      tags: JSON.parse(r.tags) as string[],
      orphaned: r.orphaned === 1,
      changedFrom: r.changed_from,
      codedBy: r.coded_by,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      positions: byId.get(r.id) ?? [],
    }));
  }

  /** Live annotations of an article in reading order; orphans last. */
  forArticle(articleId: number): Annotation[] {
    return this.hydrate(
      this.db.prepare<[number], Row>(`SELECT ${COLUMNS} FROM annotations WHERE article_id = ? AND deleted_at IS NULL ORDER BY orphaned, start, "end" DESC, id`).all(articleId),
    );
  }

  get(id: number, includeDeleted = false): Annotation | undefined {
    const r = this.db.prepare<[number], Row>(`SELECT ${COLUMNS} FROM annotations WHERE id = ? ${includeDeleted ? '' : 'AND deleted_at IS NULL'}`).get(id);
    return r && this.hydrate([r])[0];
  }

  isDeleted(id: number): boolean {
    return !!this.db.prepare<[number], { d: string | null }>(`SELECT deleted_at AS d FROM annotations WHERE id = ?`).get(id)?.d;
  }

  insert(articleId: number, s: TextSelectors, f: AnnotationFields, now = new Date().toISOString()): number {
    return Number(
      this.db
        .prepare(
          // Coded by this library's member of its team, when it is in one.
          `INSERT INTO annotations (uid, article_id, kind, speaker_id, start, "end", exact, prefix, suffix, comment, tags, created_at, updated_at, coded_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT value FROM team_settings WHERE key = 'member'))`,
        )
        .run(newUid(), articleId, f.kind, f.speakerId, s.start, s.end, s.exact, s.prefix, s.suffix, f.comment, JSON.stringify(f.tags), now, now).lastInsertRowid,
    );
  }

  update(id: number, f: Partial<AnnotationFields>, now = new Date().toISOString()): void {
    const values: Record<string, unknown> = { kind: f.kind, speaker_id: f.speakerId, comment: f.comment, tags: f.tags && JSON.stringify(f.tags) };
    const columns = Object.keys(values).filter((k) => values[k] !== undefined);
    if (!columns.length) return;
    const sets = columns.map((c) => `${c} = @${c}`);
    const params = { ...Object.fromEntries(columns.map((c) => [c, values[c]])), id, now };
    this.db.prepare(`UPDATE annotations SET ${sets.join(', ')}, updated_at = @now WHERE id = @id`).run(params);
  }

  /**
   * Where re-anchoring put it, with the words as coded when they differ from the new ones
   * (`changedFrom`); or, for null, an orphan quoting the words as coded, so they are never lost.
   */
  setAnchor(id: number, s: TextSelectors | null, changedFrom: string | null = null): void {
    if (s) this.putAnchor(id, s, false, changedFrom);
    else this.db.prepare(`UPDATE annotations SET orphaned = 1, exact = coalesce(changed_from, exact), changed_from = NULL WHERE id = ?`).run(id);
  }

  /** An anchor stored exactly as given, orphan or not, with its change to review if any (undoing a re-attach or a review). */
  putAnchor(id: number, s: TextSelectors, orphaned: boolean, changedFrom: string | null = null): void {
    this.db
      .prepare(`UPDATE annotations SET start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?, orphaned = ?, changed_from = ? WHERE id = ?`)
      .run(s.start, s.end, s.exact, s.prefix, s.suffix, orphaned ? 1 : 0, orphaned ? null : changedFrom, id);
  }

  setPositions(id: number, positions: AnnotationPosition[]): void {
    this.db.prepare(`DELETE FROM annotation_positions WHERE annotation_id = ?`).run(id);
    const add = this.db.prepare(`INSERT OR REPLACE INTO annotation_positions (annotation_id, position_id, stance) VALUES (?, ?, ?)`);
    for (const p of positions) add.run(id, p.positionId, p.stance);
  }

  setDeleted(id: number, deletedAt: string | null): void {
    this.db.prepare(`UPDATE annotations SET deleted_at = ? WHERE id = ?`).run(deletedAt, id);
  }

  /** Annotations of an article including orphans, for re-anchoring. */
  allForArticle(articleId: number): Annotation[] {
    return this.hydrate(this.db.prepare<[number], Row>(`SELECT ${COLUMNS} FROM annotations WHERE article_id = ?`).all(articleId));
  }
}
