// Briefings and their revisions.
import type Database from 'better-sqlite3';
import type { BriefingMeta, BriefingRevision, BriefingStatus } from '../../shared/model';
import { newUid } from './uid';

interface Row {
  id: number;
  title: string;
  classification: string;
  author: string;
  date: string | null;
  status: BriefingStatus;
  word_count: number;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

const META = 'id, title, classification, author, date, status, word_count, version, created_at, updated_at, deleted_at';

const toMeta = (r: Row): BriefingMeta => ({
  id: r.id,
  title: r.title,
  classification: r.classification,
  author: r.author,
  date: r.date,
  status: r.status,
  wordCount: r.word_count,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
});

export interface BriefingBody {
  doc: unknown;
  schemaVersion: number;
  text: string;
  wordCount: number;
}

export type BriefingPatch = Partial<Pick<BriefingMeta, 'title' | 'classification' | 'author' | 'date' | 'status'>>;

const PATCH_COLUMNS: Record<keyof BriefingPatch, string> = { title: 'title', classification: 'classification', author: 'author', date: 'date', status: 'status' };

/** Editing creates an automatic revision at most this often. */
export const REVISION_INTERVAL_MS = 5 * 60 * 1000;

export class BriefingStore {
  constructor(private readonly db: Database.Database) {}

  list(trash = false): BriefingMeta[] {
    return this.db
      .prepare<[], Row>(`SELECT ${META} FROM briefings WHERE deleted_at IS ${trash ? 'NOT ' : ''}NULL ORDER BY updated_at DESC, id DESC`)
      .all()
      .map(toMeta);
  }

  meta(id: number): BriefingMeta | undefined {
    const r = this.db.prepare<[number], Row>(`SELECT ${META} FROM briefings WHERE id = ?`).get(id);
    return r && toMeta(r);
  }

  /** The stored doc, and its plain text for when the doc cannot be read (see repairDoc). */
  body(id: number): { doc: unknown; schemaVersion: number; text: string } | undefined {
    const r = this.db.prepare<[number], { doc: string; schema_version: number; text: string }>(`SELECT doc, schema_version, text FROM briefings WHERE id = ?`).get(id);
    return r && { doc: parseStored(r.doc), schemaVersion: r.schema_version, text: r.text };
  }

  insert(meta: { title: string; classification: string; author: string; date: string | null }, body: BriefingBody, now = new Date().toISOString()): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO briefings (uid, title, classification, author, date, doc, schema_version, text, word_count, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(newUid(), meta.title, meta.classification, meta.author, meta.date, JSON.stringify(body.doc), body.schemaVersion, body.text, body.wordCount, now, now).lastInsertRowid,
    );
  }

  update(id: number, patch: BriefingPatch, now = new Date().toISOString()): void {
    const keys = (Object.keys(patch) as (keyof BriefingPatch)[]).filter((k) => patch[k] !== undefined);
    if (!keys.length) return;
    this.db.prepare(`UPDATE briefings SET ${keys.map((k) => `${PATCH_COLUMNS[k]} = @${k}`).join(', ')}, updated_at = @now WHERE id = @id`).run({ ...patch, id, now });
  }

  saveBody(id: number, body: BriefingBody, now = new Date().toISOString()): void {
    this.db
      .prepare(`UPDATE briefings SET doc = ?, schema_version = ?, text = ?, word_count = ?, version = version + 1, updated_at = ? WHERE id = ?`)
      .run(JSON.stringify(body.doc), body.schemaVersion, body.text, body.wordCount, now, id);
  }

  setDeleted(id: number, deletedAt: string | null): void {
    this.db.prepare(`UPDATE briefings SET deleted_at = ? WHERE id = ?`).run(deletedAt, id);
  }

  addRevision(id: number, reason: BriefingRevision['reason'], now = new Date().toISOString()): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO briefing_revisions (briefing_id, title, doc, schema_version, word_count, reason, created_at)
           SELECT id, title, doc, schema_version, word_count, ?, ? FROM briefings WHERE id = ?`,
        )
        .run(reason, now, id).lastInsertRowid,
    );
  }

  revisions(id: number): BriefingRevision[] {
    return this.db
      .prepare<[number], { id: number; briefing_id: number; title: string; word_count: number; reason: BriefingRevision['reason']; created_at: string }>(
        `SELECT id, briefing_id, title, word_count, reason, created_at FROM briefing_revisions WHERE briefing_id = ? ORDER BY created_at DESC, id DESC`,
      )
      .all(id)
      .map((r) => ({ id: r.id, briefingId: r.briefing_id, title: r.title, wordCount: r.word_count, reason: r.reason, createdAt: r.created_at }));
  }

  revision(revisionId: number): (BriefingRevision & { doc: unknown; schemaVersion: number }) | undefined {
    const r = this.db
      .prepare<[number], { id: number; briefing_id: number; title: string; word_count: number; reason: BriefingRevision['reason']; created_at: string; doc: string; schema_version: number }>(
        `SELECT * FROM briefing_revisions WHERE id = ?`,
      )
      .get(revisionId);
    return r && { id: r.id, briefingId: r.briefing_id, title: r.title, wordCount: r.word_count, reason: r.reason, createdAt: r.created_at, doc: parseStored(r.doc), schemaVersion: r.schema_version };
  }

  /** An automatic revision of the briefing, when the last one is older than REVISION_INTERVAL_MS (inside the caller's transaction). */
  reviseIfDue(id: number, now: Date): void {
    const last = this.latestRevisionAt(id);
    if (!last || now.getTime() - Date.parse(last) >= REVISION_INTERVAL_MS) this.addRevision(id, 'auto', now.toISOString());
  }

  latestRevisionAt(id: number): string | undefined {
    return this.db.prepare<[number], { t: string | null }>(`SELECT max(created_at) AS t FROM briefing_revisions WHERE briefing_id = ?`).get(id)?.t ?? undefined;
  }
}

/** A doc column that is not JSON (a damaged row, a hand edit) reads as no doc; the service rebuilds one. */
function parseStored(doc: string): unknown {
  try {
    return JSON.parse(doc) as unknown;
  } catch {
    return null;
  }
}
