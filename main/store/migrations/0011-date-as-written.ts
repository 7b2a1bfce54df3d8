import type { Migration } from './migration';

// Issue 13, two changes of the articles table:
//
// A source's date that is not one certain day (03/04/2024 could be 3 April or 4 March; "Spring
// 2024" is no day at all) is not guessed. The article keeps the text as the source wrote it,
// published_at stays empty, and the article details show the text until the analyst sets the date.
// A column rather than only a warning in the import result: that result is gone once the import
// dialog closes, and a batch of 500 articles cannot be settled at a glance.
//
// The library list filters by a range of publication dates. Sorted by date, the range is a stretch
// of migration 8's published indexes. Sorted by import time or title, a page walks that sort's
// index and skips the articles outside the range: these indexes now end with the published key,
// so the skipping reads only the index, never the rows (a wide range otherwise meant sorting most
// of the library, or reading a row per article skipped). Same names, same leading columns.
export const dateAsWritten: Migration = {
  version: 11,
  name: 'date-as-written',
  up(db) {
    db.exec(`
      ALTER TABLE articles ADD COLUMN published_as_written TEXT;
      DROP INDEX articles_live_imported;
      DROP INDEX articles_live_title;
      DROP INDEX articles_live_outlet_imported;
      DROP INDEX articles_live_outlet_title;
      CREATE INDEX articles_live_imported ON articles (imported_at, id, coalesce(published_at, '')) WHERE deleted_at IS NULL;
      CREATE INDEX articles_live_title ON articles (title COLLATE NOCASE, id, coalesce(published_at, '')) WHERE deleted_at IS NULL;
      CREATE INDEX articles_live_outlet_imported ON articles (outlet, imported_at, id, coalesce(published_at, '')) WHERE deleted_at IS NULL;
      CREATE INDEX articles_live_outlet_title ON articles (outlet, title COLLATE NOCASE, id, coalesce(published_at, '')) WHERE deleted_at IS NULL;
    `);
  },
};
