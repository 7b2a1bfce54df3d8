import type { Migration } from './migration';

// Articles in the trash leave the full-text index (and come back when restored). Search can then
// rank inside FTS5 alone and join only the top hits: a common word no longer makes SQLite read
// the row of every matching article just to ask whether it is in the trash.
export const trashOutOfSearch: Migration = {
  version: 4,
  name: 'trash-out-of-search',
  up(db) {
    db.exec(`
      DROP TRIGGER articles_fts_insert;
      DROP TRIGGER articles_fts_delete;
      DROP TRIGGER articles_fts_update;
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles WHEN new.deleted_at IS NULL BEGIN
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles WHEN old.deleted_at IS NULL BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
      END;
      -- One trigger, so the old entry is always removed before the new one goes in (the order in
      -- which SQLite fires separate triggers is not to be relied on).
      CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text, deleted_at ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text) SELECT 'delete', old.id, old.title, old.text WHERE old.deleted_at IS NULL;
        INSERT INTO articles_fts (rowid, title, text) SELECT new.id, new.title, new.text WHERE new.deleted_at IS NULL;
      END;
      INSERT INTO articles_fts (articles_fts, rowid, title, text)
        SELECT 'delete', id, title, text FROM articles WHERE deleted_at IS NOT NULL;
    `);
  },
};
