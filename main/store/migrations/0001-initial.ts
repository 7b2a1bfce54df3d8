import type { Migration } from './migration';

// Articles with their plain-text projection, and an FTS5 index over title and text kept in sync
// by triggers (external content: the text is stored once, in `articles`).
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE articles (
        id            INTEGER PRIMARY KEY,
        title         TEXT NOT NULL,
        outlet        TEXT,
        author        TEXT,
        published_at  TEXT,
        url           TEXT,
        imported_at   TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        deleted_at    TEXT,
        source_format TEXT NOT NULL CHECK (source_format IN ('txt', 'md', 'html')),
        doc           TEXT NOT NULL,
        text          TEXT NOT NULL,
        text_hash     TEXT NOT NULL,
        word_count    INTEGER NOT NULL
      );
      -- The same text may be imported again once the first copy is in the trash.
      CREATE UNIQUE INDEX articles_text_hash ON articles (text_hash) WHERE deleted_at IS NULL;
      CREATE INDEX articles_imported_at ON articles (imported_at);
      CREATE INDEX articles_published_at ON articles (published_at);
      CREATE INDEX articles_outlet ON articles (outlet);

      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text,
        content = 'articles', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
      END;
      CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
      END;
    `);
  },
};
