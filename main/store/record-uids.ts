// Reads records' global identities (uid.ts) by their local ids, for what refers to records by id
// and must also name them globally: the quote, mention and citation nodes of a briefing.
import type Database from 'better-sqlite3';
import type { UID_TABLES } from './uid';

export class RecordUidStore {
  constructor(private readonly db: Database.Database) {}

  /** The uid of each of `ids` in `table` that exists; ids gone for good are left out. */
  uids(table: (typeof UID_TABLES)[number], ids: readonly number[]): Map<number, string> {
    const out = new Map<number, string>();
    const unique = [...new Set(ids)];
    // SQLite's default limit on bound parameters is 32,766; a briefing refers to far fewer records.
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      const rows = this.db.prepare<number[], { id: number; uid: string }>(`SELECT id, uid FROM ${table} WHERE id IN (${chunk.map(() => '?').join(',')})`).all(...chunk);
      for (const r of rows) out.set(r.id, r.uid);
    }
    return out;
  }
}
