import type { Migration } from './migration';

// Search in every script (issue 13): Chinese and Japanese write words without spaces, Korean joins
// particles to the word, so the word index (unicode61) holds whole runs as single tokens and finds
// no word inside them. Beside each word index, a bigram index holds the CJK runs of the same rows as
// overlapping two-character tokens (shared/cjk.ts); a CJK search term is the phrase of its bigrams.
//
// The bigram tables are contentless (the text is already stored once) with contentless_delete, so
// the triggers can drop a row by id. Triggers compute the bigrams with verbatim_cjk_grams, which
// openLibrary registers on its connection (store/search-functions.ts) before migrating; a row with no
// CJK characters gets no bigram row, so an English library's bigram tables stay empty.
const table = (name: string, columns: string) =>
  `CREATE VIRTUAL TABLE ${name} USING fts5(${columns}, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');`;

const ACTOR_NAMES = (id: string) => `
  DELETE FROM actors_cjk WHERE rowid = ${id};
  INSERT INTO actors_cjk (rowid, names)
    SELECT id, g FROM (SELECT a.id, verbatim_cjk_grams(a.name || ', ' || coalesce((SELECT group_concat(alias, ', ') FROM actor_aliases WHERE actor_id = a.id), '')) AS g
                         FROM actors a WHERE a.id = ${id})
     WHERE g <> '';`;

export const cjkSearch: Migration = {
  version: 10,
  name: 'cjk-search',
  up(db) {
    db.exec(`
      ${table('articles_cjk', 'title, text')}
      -- Live articles only, like articles_fts (migration 4).
      CREATE TRIGGER articles_cjk_insert AFTER INSERT ON articles WHEN new.deleted_at IS NULL BEGIN
        INSERT INTO articles_cjk (rowid, title, text)
          SELECT new.id, t, x FROM (SELECT verbatim_cjk_grams(new.title) AS t, verbatim_cjk_grams(new.text) AS x) WHERE t <> '' OR x <> '';
      END;
      CREATE TRIGGER articles_cjk_delete AFTER DELETE ON articles BEGIN
        DELETE FROM articles_cjk WHERE rowid = old.id;
      END;
      CREATE TRIGGER articles_cjk_update AFTER UPDATE OF title, text, deleted_at ON articles BEGIN
        DELETE FROM articles_cjk WHERE rowid = old.id;
        INSERT INTO articles_cjk (rowid, title, text)
          SELECT new.id, t, x FROM (SELECT verbatim_cjk_grams(new.title) AS t, verbatim_cjk_grams(new.text) AS x)
           WHERE new.deleted_at IS NULL AND (t <> '' OR x <> '');
      END;
      INSERT INTO articles_cjk (rowid, title, text)
        SELECT id, t, x FROM (SELECT id, verbatim_cjk_grams(title) AS t, verbatim_cjk_grams(text) AS x FROM articles WHERE deleted_at IS NULL)
         WHERE t <> '' OR x <> '';

      -- Annotations: the quoted words, comment and tags together (annotations_fts ranks by column;
      -- here one column is enough to find them). Trashed ones stay, as in annotations_fts.
      ${table('annotations_cjk', 'words')}
      CREATE TRIGGER annotations_cjk_insert AFTER INSERT ON annotations BEGIN
        INSERT INTO annotations_cjk (rowid, words)
          SELECT new.id, g FROM (SELECT verbatim_cjk_grams(new.exact || ' ' || coalesce(new.comment, '') || ' ' || new.tags) AS g) WHERE g <> '';
      END;
      CREATE TRIGGER annotations_cjk_delete AFTER DELETE ON annotations BEGIN
        DELETE FROM annotations_cjk WHERE rowid = old.id;
      END;
      CREATE TRIGGER annotations_cjk_update AFTER UPDATE OF exact, comment, tags ON annotations BEGIN
        DELETE FROM annotations_cjk WHERE rowid = old.id;
        INSERT INTO annotations_cjk (rowid, words)
          SELECT new.id, g FROM (SELECT verbatim_cjk_grams(new.exact || ' ' || coalesce(new.comment, '') || ' ' || new.tags) AS g) WHERE g <> '';
      END;
      INSERT INTO annotations_cjk (rowid, words)
        SELECT id, g FROM (SELECT id, verbatim_cjk_grams(exact || ' ' || coalesce(comment, '') || ' ' || tags) AS g FROM annotations) WHERE g <> '';

      ${table('briefings_cjk', 'title, text')}
      CREATE TRIGGER briefings_cjk_insert AFTER INSERT ON briefings BEGIN
        INSERT INTO briefings_cjk (rowid, title, text)
          SELECT new.id, t, x FROM (SELECT verbatim_cjk_grams(new.title) AS t, verbatim_cjk_grams(new.text) AS x) WHERE t <> '' OR x <> '';
      END;
      CREATE TRIGGER briefings_cjk_delete AFTER DELETE ON briefings BEGIN
        DELETE FROM briefings_cjk WHERE rowid = old.id;
      END;
      CREATE TRIGGER briefings_cjk_update AFTER UPDATE OF title, text ON briefings BEGIN
        DELETE FROM briefings_cjk WHERE rowid = old.id;
        INSERT INTO briefings_cjk (rowid, title, text)
          SELECT new.id, t, x FROM (SELECT verbatim_cjk_grams(new.title) AS t, verbatim_cjk_grams(new.text) AS x) WHERE t <> '' OR x <> '';
      END;
      INSERT INTO briefings_cjk (rowid, title, text)
        SELECT id, t, x FROM (SELECT id, verbatim_cjk_grams(title) AS t, verbatim_cjk_grams(text) AS x FROM briefings) WHERE t <> '' OR x <> '';

      -- Actors: name and aliases in one column, recomputed whenever either changes.
      ${table('actors_cjk', 'names')}
      CREATE TRIGGER actors_cjk_insert AFTER INSERT ON actors BEGIN ${ACTOR_NAMES('new.id')} END;
      CREATE TRIGGER actors_cjk_rename AFTER UPDATE OF name ON actors BEGIN ${ACTOR_NAMES('new.id')} END;
      CREATE TRIGGER actors_cjk_delete AFTER DELETE ON actors BEGIN
        DELETE FROM actors_cjk WHERE rowid = old.id;
      END;
      CREATE TRIGGER actors_cjk_alias_insert AFTER INSERT ON actor_aliases BEGIN ${ACTOR_NAMES('new.actor_id')} END;
      CREATE TRIGGER actors_cjk_alias_delete AFTER DELETE ON actor_aliases BEGIN ${ACTOR_NAMES('old.actor_id')} END;
      INSERT INTO actors_cjk (rowid, names)
        SELECT id, g FROM (SELECT a.id, verbatim_cjk_grams(a.name || ', ' || coalesce((SELECT group_concat(alias, ', ') FROM actor_aliases WHERE actor_id = a.id), '')) AS g FROM actors a)
         WHERE g <> '';
    `);
  },
};
