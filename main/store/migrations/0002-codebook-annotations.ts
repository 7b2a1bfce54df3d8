import type { Migration } from './migration';

// The codebook (actors with aliases and affiliations; topics with positions) and annotations tied
// to it. Deleting an article for good takes its annotations with it; deleting an actor or a
// position that annotations still use is refused by the database itself (RESTRICT), so the
// services' "it is still used by N annotations" check can never be bypassed.
export const codebookAnnotations: Migration = {
  version: 2,
  name: 'codebook-annotations',
  up(db) {
    db.exec(`
      CREATE TABLE actors (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        kind       TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'organization', 'state', 'group', 'other')),
        color      TEXT NOT NULL,
        notes      TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX actors_name ON actors (name COLLATE NOCASE);

      CREATE TABLE actor_aliases (
        actor_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
        alias    TEXT NOT NULL,
        PRIMARY KEY (actor_id, alias)
      );
      CREATE INDEX actor_aliases_alias ON actor_aliases (alias COLLATE NOCASE);

      CREATE TABLE affiliations (
        actor_id        INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
        organization_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
        role            TEXT,
        PRIMARY KEY (actor_id, organization_id),
        CHECK (actor_id <> organization_id)
      );
      CREATE INDEX affiliations_organization ON affiliations (organization_id);

      CREATE TABLE topics (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL,
        description TEXT,
        created_at  TEXT NOT NULL
      );
      CREATE UNIQUE INDEX topics_name ON topics (name COLLATE NOCASE);

      CREATE TABLE positions (
        id          INTEGER PRIMARY KEY,
        topic_id    INTEGER NOT NULL REFERENCES topics (id) ON DELETE RESTRICT,
        claim       TEXT NOT NULL,
        description TEXT,
        created_at  TEXT NOT NULL
      );
      CREATE UNIQUE INDEX positions_claim ON positions (topic_id, claim COLLATE NOCASE);

      CREATE TABLE annotations (
        id          INTEGER PRIMARY KEY,
        article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        kind        TEXT NOT NULL CHECK (kind IN ('quote', 'paraphrase', 'note')),
        speaker_id  INTEGER REFERENCES actors (id) ON DELETE RESTRICT,
        start       INTEGER NOT NULL CHECK (start >= 0),
        "end"       INTEGER NOT NULL CHECK ("end" > start),
        exact       TEXT NOT NULL,
        prefix      TEXT NOT NULL,
        suffix      TEXT NOT NULL,
        comment     TEXT,
        tags        TEXT NOT NULL DEFAULT '[]',
        orphaned    INTEGER NOT NULL DEFAULT 0,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        deleted_at  TEXT
      );
      CREATE INDEX annotations_article ON annotations (article_id, start);
      CREATE INDEX annotations_speaker ON annotations (speaker_id);

      CREATE TABLE annotation_positions (
        annotation_id INTEGER NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
        position_id   INTEGER NOT NULL REFERENCES positions (id) ON DELETE RESTRICT,
        stance        TEXT NOT NULL CHECK (stance IN ('supports', 'opposes', 'neutral')),
        PRIMARY KEY (annotation_id, position_id)
      );
      CREATE INDEX annotation_positions_position ON annotation_positions (position_id);

      CREATE VIRTUAL TABLE annotations_fts USING fts5(
        exact, comment,
        content = 'annotations', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER annotations_fts_insert AFTER INSERT ON annotations BEGIN
        INSERT INTO annotations_fts (rowid, exact, comment) VALUES (new.id, new.exact, coalesce(new.comment, ''));
      END;
      CREATE TRIGGER annotations_fts_delete AFTER DELETE ON annotations BEGIN
        INSERT INTO annotations_fts (annotations_fts, rowid, exact, comment) VALUES ('delete', old.id, old.exact, coalesce(old.comment, ''));
      END;
      CREATE TRIGGER annotations_fts_update AFTER UPDATE OF exact, comment ON annotations BEGIN
        INSERT INTO annotations_fts (annotations_fts, rowid, exact, comment) VALUES ('delete', old.id, old.exact, coalesce(old.comment, ''));
        INSERT INTO annotations_fts (rowid, exact, comment) VALUES (new.id, new.exact, coalesce(new.comment, ''));
      END;
    `);
  },
};
