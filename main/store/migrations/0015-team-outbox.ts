import type { Migration } from './migration';

// The laptop's side of a team library (issue 15), for the codebook first:
//
// - team_outbox names each codebook record changed here and not yet acknowledged by the team's
//   server. Triggers write it, in the same transaction as the change, whichever code path or
//   process made it (the app, the CLI, an undo, a merge): a kill -9 right after a commit loses
//   nothing, since the record is read from its row when it is sent. One row per record however
//   often it changes, so the outbox never outgrows the codebook; its version counts the changes,
//   so a change made while an earlier one is on its way is not cleared with it.
// - team_applying is set while changes that came from the team are written, so they are not sent
//   back as local ones. It is only ever set inside a transaction, so no other connection sees it.
// - team_documents keeps each Yjs document's state, so a laptop offline still holds what it last
//   had of the team's, and sends only what the server lacks when it reconnects.
// - team_settings: the server's address and this member's token (`verbatim team join`).
const OUTBOX = (kind: string, uidSql: string) => `INSERT INTO team_outbox (kind, uid) ${uidSql} ON CONFLICT (kind, uid) DO UPDATE SET version = version + 1;`;
/** Only in a library in a team (joining queues everything there is), and not while the team's own changes are written. */
const LOCAL = `WHEN (SELECT applying FROM team_applying) = 0 AND EXISTS (SELECT 1 FROM team_settings WHERE key = 'url')`;

export const teamOutbox: Migration = {
  version: 15,
  name: 'team-outbox',
  up(db) {
    db.exec(`
      CREATE TABLE team_outbox (kind TEXT NOT NULL, uid TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, PRIMARY KEY (kind, uid)) WITHOUT ROWID;
      CREATE TABLE team_applying (one INTEGER PRIMARY KEY CHECK (one = 1), applying INTEGER NOT NULL);
      INSERT INTO team_applying VALUES (1, 0);
      CREATE TABLE team_documents (name TEXT PRIMARY KEY, state BLOB NOT NULL) WITHOUT ROWID;
      CREATE TABLE team_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    `);
    for (const [table, kind] of [
      ['actors', 'actor'],
      ['topics', 'topic'],
      ['positions', 'position'],
    ] as const) {
      db.exec(`
        CREATE TRIGGER ${table}_team_insert AFTER INSERT ON ${table} ${LOCAL} BEGIN ${OUTBOX(kind, `VALUES ('${kind}', new.uid)`)} END;
        CREATE TRIGGER ${table}_team_update AFTER UPDATE ON ${table} ${LOCAL} BEGIN ${OUTBOX(kind, `VALUES ('${kind}', new.uid)`)} END;
        CREATE TRIGGER ${table}_team_delete AFTER DELETE ON ${table} ${LOCAL} BEGIN ${OUTBOX(kind, `VALUES ('${kind}', old.uid)`)} END;
      `);
    }
    // An actor's aliases and affiliations are fields of the actor. When the actor itself is being
    // deleted its row is already gone, and its own trigger has named it.
    for (const table of ['actor_aliases', 'affiliations']) {
      db.exec(`
        CREATE TRIGGER ${table}_team_insert AFTER INSERT ON ${table} ${LOCAL} BEGIN ${OUTBOX('actor', `SELECT 'actor', uid FROM actors WHERE id = new.actor_id`)} END;
        CREATE TRIGGER ${table}_team_update AFTER UPDATE ON ${table} ${LOCAL} BEGIN ${OUTBOX('actor', `SELECT 'actor', uid FROM actors WHERE id = new.actor_id`)} END;
        CREATE TRIGGER ${table}_team_delete AFTER DELETE ON ${table} ${LOCAL} BEGIN ${OUTBOX('actor', `SELECT 'actor', uid FROM actors WHERE id = old.actor_id`)} END;
      `);
    }
    db.exec(`
      CREATE TRIGGER merge_redirects_team_insert AFTER INSERT ON merge_redirects ${LOCAL} BEGIN ${OUTBOX('redirect', `VALUES ('redirect', new.kind || ':' || new.from_uid)`)} END;
      CREATE TRIGGER merge_redirects_team_delete AFTER DELETE ON merge_redirects ${LOCAL} BEGIN ${OUTBOX('redirect', `VALUES ('redirect', old.kind || ':' || old.from_uid)`)} END;
    `);
  },
};
