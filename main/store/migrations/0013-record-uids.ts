import type { Migration } from './migration';
import { articleUid, newUid, UID_TABLES, UID_TAKEN_SQL } from '../uid';
import { RecordUidStore } from '../record-uids';
import { withRecordUids } from '../briefing-uids';

// A global identity for every shared record (main/store/uid.ts), before a second writer exists:
// articles by their text hash (the live copy first, so it keeps the plain hash), the rest by a
// UUIDv7 in the order the rows were made. A unique index per table, and a trigger that refuses a
// row without one, so no code path can add a record the team library could not name; a table of
// where merged actors and positions went (merge-redirects.ts). Every
// briefing's quote, mention and citation nodes get the uids of the records they refer to, as a save
// now writes them (revisions keep theirs as they were: restoring one saves it, which fills them).
export const recordUids: Migration = {
  version: 13,
  name: 'record-uids',
  up(db) {
    for (const table of UID_TABLES) db.exec(`ALTER TABLE ${table} ADD COLUMN uid TEXT`);
    const setArticle = db.prepare(`UPDATE articles SET uid = ? WHERE id = ?`);
    const taken = db.prepare<[string]>(UID_TAKEN_SQL);
    for (const a of db.prepare<[], { id: number; text_hash: string }>(`SELECT id, text_hash FROM articles ORDER BY deleted_at IS NOT NULL, id`).all()) {
      setArticle.run(articleUid(a.text_hash, (uid) => taken.get(uid) !== undefined), a.id);
    }
    for (const table of UID_TABLES) {
      if (table !== 'articles') {
        const set = db.prepare(`UPDATE ${table} SET uid = ? WHERE id = ?`);
        for (const { id } of db.prepare<[], { id: number }>(`SELECT id FROM ${table} ORDER BY id`).all()) set.run(newUid(), id);
      }
      db.exec(`
        CREATE UNIQUE INDEX ${table}_uid ON ${table} (uid);
        CREATE TRIGGER ${table}_uid_required BEFORE INSERT ON ${table} WHEN NEW.uid IS NULL
          BEGIN SELECT RAISE(ABORT, '${table} need a uid'); END;
        CREATE TRIGGER ${table}_uid_kept BEFORE UPDATE OF uid ON ${table} WHEN NEW.uid IS NOT OLD.uid
          BEGIN SELECT RAISE(ABORT, 'a uid never changes'); END;
      `);
    }
    // Where merged actors and positions went (merge-redirects.ts).
    db.exec(`
      CREATE TABLE merge_redirects (
        kind      TEXT NOT NULL CHECK (kind IN ('actor', 'position')),
        from_uid  TEXT NOT NULL,
        to_uid    TEXT NOT NULL,
        merged_at TEXT NOT NULL,
        PRIMARY KEY (kind, from_uid)
      ) WITHOUT ROWID;
    `);
    const uids = new RecordUidStore(db);
    const setDoc = db.prepare(`UPDATE briefings SET doc = ? WHERE id = ?`);
    for (const b of db.prepare<[], { id: number; doc: string }>(`SELECT id, doc FROM briefings`).all()) {
      let doc: unknown;
      try {
        doc = JSON.parse(b.doc);
      } catch {
        continue; // A damaged doc is repaired when it is read (services/briefings.ts), not here.
      }
      const filled = JSON.stringify(withRecordUids(doc, uids));
      if (filled !== b.doc) setDoc.run(filled, b.id);
    }
  },
};
