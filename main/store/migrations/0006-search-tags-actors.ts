import type { Migration } from './migration';

// Search finds what the analyst coded, not only what they read: annotations by their tags as well
// as their words and comment, and actors by name and alias (and through them, what each speaker
// said). Both are FTS5 lookups, so search stays as fast as the articles index allows.
//
// annotations_fts gets a third column, `tags` (the stored JSON array; the tokenizer reads the tag
// words out of it), so it is rebuilt from the annotations table. actors_fts keeps its own copy of
// each actor's name and aliases (comma-separated), kept in step by triggers on both tables.
export const searchTagsActors: Migration = {
  version: 6,
  name: 'search-tags-actors',
  up(db) {
    db.exec(`
      DROP TRIGGER annotations_fts_insert;
      DROP TRIGGER annotations_fts_delete;
      DROP TRIGGER annotations_fts_update;
      DROP TABLE annotations_fts;
      CREATE VIRTUAL TABLE annotations_fts USING fts5(
        exact, comment, tags,
        content = 'annotations', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER annotations_fts_insert AFTER INSERT ON annotations BEGIN
        INSERT INTO annotations_fts (rowid, exact, comment, tags) VALUES (new.id, new.exact, new.comment, new.tags);
      END;
      CREATE TRIGGER annotations_fts_delete AFTER DELETE ON annotations BEGIN
        INSERT INTO annotations_fts (annotations_fts, rowid, exact, comment, tags) VALUES ('delete', old.id, old.exact, old.comment, old.tags);
      END;
      CREATE TRIGGER annotations_fts_update AFTER UPDATE OF exact, comment, tags ON annotations BEGIN
        INSERT INTO annotations_fts (annotations_fts, rowid, exact, comment, tags) VALUES ('delete', old.id, old.exact, old.comment, old.tags);
        INSERT INTO annotations_fts (rowid, exact, comment, tags) VALUES (new.id, new.exact, new.comment, new.tags);
      END;
      INSERT INTO annotations_fts (annotations_fts) VALUES ('rebuild');

      CREATE VIRTUAL TABLE actors_fts USING fts5(name, aliases, tokenize = 'unicode61 remove_diacritics 2');
      CREATE TRIGGER actors_fts_insert AFTER INSERT ON actors BEGIN
        INSERT INTO actors_fts (rowid, name, aliases) VALUES (new.id, new.name, '');
      END;
      CREATE TRIGGER actors_fts_delete AFTER DELETE ON actors BEGIN
        DELETE FROM actors_fts WHERE rowid = old.id;
      END;
      CREATE TRIGGER actors_fts_rename AFTER UPDATE OF name ON actors BEGIN
        UPDATE actors_fts SET name = new.name WHERE rowid = new.id;
      END;
      CREATE TRIGGER actors_fts_alias_insert AFTER INSERT ON actor_aliases BEGIN
        UPDATE actors_fts SET aliases = (SELECT group_concat(alias, ', ') FROM actor_aliases WHERE actor_id = new.actor_id) WHERE rowid = new.actor_id;
      END;
      CREATE TRIGGER actors_fts_alias_delete AFTER DELETE ON actor_aliases BEGIN
        UPDATE actors_fts SET aliases = coalesce((SELECT group_concat(alias, ', ') FROM actor_aliases WHERE actor_id = old.actor_id), '') WHERE rowid = old.actor_id;
      END;
      INSERT INTO actors_fts (rowid, name, aliases)
        SELECT a.id, a.name, coalesce((SELECT group_concat(alias, ', ') FROM actor_aliases WHERE actor_id = a.id), '') FROM actors a;
    `);
  },
};
