import type { Migration } from './migration';

// Briefings (their ProseMirror doc as JSON with its schema version), revisions, and an FTS5
// index over their title and plain text.
export const briefings: Migration = {
  version: 3,
  name: 'briefings',
  up(db) {
    db.exec(`
      CREATE TABLE briefings (
        id             INTEGER PRIMARY KEY,
        title          TEXT NOT NULL,
        classification TEXT NOT NULL DEFAULT '',
        author         TEXT NOT NULL DEFAULT '',
        date           TEXT,
        status         TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
        doc            TEXT NOT NULL,
        schema_version INTEGER NOT NULL,
        text           TEXT NOT NULL DEFAULT '',
        word_count     INTEGER NOT NULL DEFAULT 0,
        version        INTEGER NOT NULL DEFAULT 1,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        deleted_at     TEXT
      );
      CREATE INDEX briefings_updated ON briefings (updated_at);

      CREATE TABLE briefing_revisions (
        id             INTEGER PRIMARY KEY,
        briefing_id    INTEGER NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
        title          TEXT NOT NULL,
        doc            TEXT NOT NULL,
        schema_version INTEGER NOT NULL,
        word_count     INTEGER NOT NULL,
        reason         TEXT NOT NULL CHECK (reason IN ('auto', 'manual', 'restore')),
        created_at     TEXT NOT NULL
      );
      CREATE INDEX briefing_revisions_briefing ON briefing_revisions (briefing_id, created_at);

      CREATE VIRTUAL TABLE briefings_fts USING fts5(
        title, text,
        content = 'briefings', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER briefings_fts_insert AFTER INSERT ON briefings BEGIN
        INSERT INTO briefings_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
      END;
      CREATE TRIGGER briefings_fts_delete AFTER DELETE ON briefings BEGIN
        INSERT INTO briefings_fts (briefings_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
      END;
      CREATE TRIGGER briefings_fts_update AFTER UPDATE OF title, text ON briefings BEGIN
        INSERT INTO briefings_fts (briefings_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO briefings_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
      END;
    `);
  },
};
