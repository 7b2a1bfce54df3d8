import type { Migration } from './migration';

// The library list is read a page at a time (keyset pagination, issue 12): each sort, alone or
// under the outlet filter, walks an index in its own order from the cursor, and the count of live
// articles is read from the smallest of them. Each index holds live articles only (the trash is a
// few rows, found through `articles_trashed` and sorted in memory). The published sort keys undated
// articles as '' so they come last in its descending order and the key is never NULL (a NULL would
// drop out of the cursor's row-value comparison). The single-column indexes of version 1 go: these
// lead with the same columns.
export const libraryListIndexes: Migration = {
  version: 8,
  name: 'library-list-indexes',
  up(db) {
    db.exec(`
      DROP INDEX IF EXISTS articles_imported_at;
      DROP INDEX IF EXISTS articles_published_at;
      DROP INDEX IF EXISTS articles_outlet;
      CREATE INDEX articles_live_imported ON articles (imported_at, id) WHERE deleted_at IS NULL;
      CREATE INDEX articles_live_published ON articles (coalesce(published_at, ''), id) WHERE deleted_at IS NULL;
      CREATE INDEX articles_live_title ON articles (title COLLATE NOCASE, id) WHERE deleted_at IS NULL;
      CREATE INDEX articles_live_outlet_imported ON articles (outlet, imported_at, id) WHERE deleted_at IS NULL;
      CREATE INDEX articles_live_outlet_published ON articles (outlet, coalesce(published_at, ''), id) WHERE deleted_at IS NULL;
      CREATE INDEX articles_live_outlet_title ON articles (outlet, title COLLATE NOCASE, id) WHERE deleted_at IS NULL;
      CREATE INDEX articles_trashed ON articles (deleted_at) WHERE deleted_at IS NOT NULL;
    `);
  },
};
