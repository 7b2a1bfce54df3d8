// Topics and the positions (claims) within them.
import type Database from 'better-sqlite3';
import type { Position, Topic } from '../../shared/model';
import { DEAD_ANNOTATIONS } from './live-annotations';
import { newUid } from './uid';
import { MergeRedirectStore } from './merge-redirects';

interface PositionRow {
  id: number;
  topic_id: number;
  claim: string;
  description: string | null;
  annotation_count: number;
}

/**
 * Positions with how many live annotations code each: the codings read from their index (position,
 * annotation; migration 12), setting aside the few annotations that do not count, rather than
 * looking up every coded annotation and its article. For many positions the counts are grouped in
 * one pass; for one, counted in its own stretch of the index.
 */
const POSITIONS_COUNTED = `SELECT p.id, p.topic_id, p.claim, p.description, coalesce(c.n, 0) AS annotation_count
  FROM positions p
  LEFT JOIN (SELECT ap.position_id, count(*) AS n FROM annotation_positions ap INDEXED BY annotation_positions_position
              WHERE ap.annotation_id NOT IN (${DEAD_ANNOTATIONS}) GROUP BY ap.position_id) c ON c.position_id = p.id`;
const POSITION_COUNTED = `SELECT p.id, p.topic_id, p.claim, p.description,
  (SELECT count(*) FROM annotation_positions ap INDEXED BY annotation_positions_position
    WHERE ap.position_id = p.id AND ap.annotation_id NOT IN (${DEAD_ANNOTATIONS})) AS annotation_count
  FROM positions p`;

const toPosition = (r: PositionRow): Position => ({ id: r.id, topicId: r.topic_id, claim: r.claim, description: r.description, annotationCount: r.annotation_count });

export class TopicStore {
  constructor(private readonly db: Database.Database) {}

  list(): Topic[] {
    return this.topics(`SELECT id, name, description FROM topics ORDER BY name COLLATE NOCASE`, `${POSITIONS_COUNTED} ORDER BY p.claim COLLATE NOCASE`);
  }

  /** One topic with its positions, counting only its own positions' codings. */
  get(id: number): Topic | undefined {
    return this.topics(`SELECT id, name, description FROM topics WHERE id = ?`, `${POSITION_COUNTED} WHERE p.topic_id = ? ORDER BY p.claim COLLATE NOCASE`, id)[0];
  }

  private topics(topicSql: string, positionSql: string, ...params: unknown[]): Topic[] {
    const topics = this.db.prepare<unknown[], { id: number; name: string; description: string | null }>(topicSql).all(...params);
    const positions = this.db.prepare<unknown[], PositionRow>(positionSql).all(...params);
    return topics.map((t) => ({ ...t, positions: positions.filter((p) => p.topic_id === t.id).map(toPosition) }));
  }

  findByName(name: string): { id: number } | undefined {
    return this.db.prepare<[string], { id: number }>(`SELECT id FROM topics WHERE name = ? COLLATE NOCASE`).get(name);
  }

  insert(name: string, description: string | null, now = new Date().toISOString()): number {
    return Number(this.db.prepare(`INSERT INTO topics (uid, name, description, created_at) VALUES (?, ?, ?, ?)`).run(newUid(), name, description, now).lastInsertRowid);
  }

  update(id: number, f: { name?: string; description?: string | null }): void {
    if (f.name !== undefined) this.db.prepare(`UPDATE topics SET name = ? WHERE id = ?`).run(f.name, id);
    if (f.description !== undefined) this.db.prepare(`UPDATE topics SET description = ? WHERE id = ?`).run(f.description, id);
  }

  delete(id: number): void {
    this.db.prepare(`DELETE FROM topics WHERE id = ?`).run(id);
  }

  position(id: number): Position | undefined {
    const r = this.db.prepare<[number], PositionRow>(`${POSITION_COUNTED} WHERE p.id = ?`).get(id);
    return r && toPosition(r);
  }

  findPosition(topicId: number, claim: string): { id: number } | undefined {
    return this.db.prepare<[number, string], { id: number }>(`SELECT id FROM positions WHERE topic_id = ? AND claim = ? COLLATE NOCASE`).get(topicId, claim);
  }

  insertPosition(topicId: number, claim: string, description: string | null, now = new Date().toISOString()): number {
    return Number(this.db.prepare(`INSERT INTO positions (uid, topic_id, claim, description, created_at) VALUES (?, ?, ?, ?, ?)`).run(newUid(), topicId, claim, description, now).lastInsertRowid);
  }

  updatePosition(id: number, f: { claim?: string; description?: string | null; topicId?: number }): void {
    if (f.claim !== undefined) this.db.prepare(`UPDATE positions SET claim = ? WHERE id = ?`).run(f.claim, id);
    if (f.description !== undefined) this.db.prepare(`UPDATE positions SET description = ? WHERE id = ?`).run(f.description, id);
    if (f.topicId !== undefined) this.db.prepare(`UPDATE positions SET topic_id = ? WHERE id = ?`).run(f.topicId, id);
  }

  positionUsage(id: number): number {
    return this.db.prepare<[number], { n: number }>(`SELECT count(*) AS n FROM annotation_positions WHERE position_id = ?`).get(id)!.n;
  }

  /** Moves every coding from `source` to `target` (keeping the target's stance where both were coded), then deletes `source`, leaving a redirect. */
  mergePositions(sourceId: number, targetId: number): void {
    const uid = (id: number) => this.db.prepare<[number], { uid: string }>(`SELECT uid FROM positions WHERE id = ?`).get(id)!.uid;
    new MergeRedirectStore(this.db).record('position', uid(sourceId), uid(targetId));
    this.db.prepare(`INSERT OR IGNORE INTO annotation_positions (annotation_id, position_id, stance) SELECT annotation_id, ?, stance FROM annotation_positions WHERE position_id = ?`).run(targetId, sourceId);
    this.db.prepare(`DELETE FROM annotation_positions WHERE position_id = ?`).run(sourceId);
    this.db.prepare(`DELETE FROM positions WHERE id = ?`).run(sourceId);
  }

  /** Deletes the position and every coding of it (the database refuses to delete one still coded). Run inside a transaction. */
  deletePosition(id: number): void {
    this.db.prepare(`DELETE FROM annotation_positions WHERE position_id = ?`).run(id);
    this.db.prepare(`DELETE FROM positions WHERE id = ?`).run(id);
  }
}
