// Topics and the positions (claims) within them.
import type Database from 'better-sqlite3';
import type { Position, Topic } from '../../shared/model';

interface PositionRow {
  id: number;
  topic_id: number;
  claim: string;
  description: string | null;
  annotation_count: number;
}

const POSITION_SELECT = `SELECT p.id, p.topic_id, p.claim, p.description,
  (SELECT count(*) FROM annotation_positions ap JOIN annotations n ON n.id = ap.annotation_id JOIN articles r ON r.id = n.article_id
    WHERE ap.position_id = p.id AND n.deleted_at IS NULL AND r.deleted_at IS NULL) AS annotation_count
  FROM positions p`;

const toPosition = (r: PositionRow): Position => ({ id: r.id, topicId: r.topic_id, claim: r.claim, description: r.description, annotationCount: r.annotation_count });

export class TopicStore {
  constructor(private readonly db: Database.Database) {}

  list(): Topic[] {
    const topics = this.db.prepare<[], { id: number; name: string; description: string | null }>(`SELECT id, name, description FROM topics ORDER BY name COLLATE NOCASE`).all();
    const positions = this.db.prepare<[], PositionRow>(`${POSITION_SELECT} ORDER BY p.claim COLLATE NOCASE`).all();
    return topics.map((t) => ({ ...t, positions: positions.filter((p) => p.topic_id === t.id).map(toPosition) }));
  }

  get(id: number): Topic | undefined {
    return this.list().find((t) => t.id === id);
  }

  findByName(name: string): { id: number } | undefined {
    return this.db.prepare<[string], { id: number }>(`SELECT id FROM topics WHERE name = ? COLLATE NOCASE`).get(name);
  }

  insert(name: string, description: string | null, now = new Date().toISOString()): number {
    return Number(this.db.prepare(`INSERT INTO topics (name, description, created_at) VALUES (?, ?, ?)`).run(name, description, now).lastInsertRowid);
  }

  update(id: number, f: { name?: string; description?: string | null }): void {
    if (f.name !== undefined) this.db.prepare(`UPDATE topics SET name = ? WHERE id = ?`).run(f.name, id);
    if (f.description !== undefined) this.db.prepare(`UPDATE topics SET description = ? WHERE id = ?`).run(f.description, id);
  }

  delete(id: number): void {
    this.db.prepare(`DELETE FROM topics WHERE id = ?`).run(id);
  }

  position(id: number): Position | undefined {
    const r = this.db.prepare<[number], PositionRow>(`${POSITION_SELECT} WHERE p.id = ?`).get(id);
    return r && toPosition(r);
  }

  findPosition(topicId: number, claim: string): { id: number } | undefined {
    return this.db.prepare<[number, string], { id: number }>(`SELECT id FROM positions WHERE topic_id = ? AND claim = ? COLLATE NOCASE`).get(topicId, claim);
  }

  insertPosition(topicId: number, claim: string, description: string | null, now = new Date().toISOString()): number {
    return Number(this.db.prepare(`INSERT INTO positions (topic_id, claim, description, created_at) VALUES (?, ?, ?, ?)`).run(topicId, claim, description, now).lastInsertRowid);
  }

  updatePosition(id: number, f: { claim?: string; description?: string | null; topicId?: number }): void {
    if (f.claim !== undefined) this.db.prepare(`UPDATE positions SET claim = ? WHERE id = ?`).run(f.claim, id);
    if (f.description !== undefined) this.db.prepare(`UPDATE positions SET description = ? WHERE id = ?`).run(f.description, id);
    if (f.topicId !== undefined) this.db.prepare(`UPDATE positions SET topic_id = ? WHERE id = ?`).run(f.topicId, id);
  }

  positionUsage(id: number): number {
    return this.db.prepare<[number], { n: number }>(`SELECT count(*) AS n FROM annotation_positions WHERE position_id = ?`).get(id)!.n;
  }

  /** Moves every coding from `source` to `target` (keeping the target's stance where both were coded), then deletes `source`. */
  mergePositions(sourceId: number, targetId: number): void {
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
