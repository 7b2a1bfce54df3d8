// Where a merged actor or position went: its uid points at the record it was merged into. A team
// member offline during the merge may still send coding that names the old uid; their copy and
// every other follows the redirect to the survivor, so the merge holds everywhere (issue 15). Kept
// as single steps (A→B, then B→C) and followed when read, so undoing one merge removes one step.
import type Database from 'better-sqlite3';

export type MergedKind = 'actor' | 'position';

/** More steps than any desk's merges make: a longer walk is a loop written by hand into the file. */
const MAX_STEPS = 1000;

export class MergeRedirectStore {
  constructor(private readonly db: Database.Database) {}

  record(kind: MergedKind, fromUid: string, toUid: string, now = new Date().toISOString()): void {
    this.db.prepare(`INSERT OR REPLACE INTO merge_redirects (kind, from_uid, to_uid, merged_at) VALUES (?, ?, ?, ?)`).run(kind, fromUid, toUid, now);
  }

  /** An undone merge: the record is itself again. */
  remove(kind: MergedKind, fromUid: string): void {
    this.db.prepare(`DELETE FROM merge_redirects WHERE kind = ? AND from_uid = ?`).run(kind, fromUid);
  }

  /** The uid a record is known by now: `uid` itself unless it was merged away. */
  resolve(kind: MergedKind, uid: string): string {
    const next = this.db.prepare<[string, string], { to_uid: string }>(`SELECT to_uid FROM merge_redirects WHERE kind = ? AND from_uid = ?`);
    let at = uid;
    for (let step = 0; step < MAX_STEPS; step++) {
      const r = next.get(kind, at);
      if (!r) return at;
      at = r.to_uid;
    }
    throw new Error(`The merges of ${kind} ${uid} go round in a loop.`);
  }
}
