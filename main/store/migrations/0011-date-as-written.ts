import type { Migration } from './migration';

// Issue 13: a source's date that is not one certain day (03/04/2024 could be 3 April or 4 March;
// "Spring 2024" is no day at all) is not guessed. The article keeps the text as the source wrote
// it, published_at stays empty, and the article details show the text until the analyst sets the
// date. A column rather than only a warning in the import result: that result is gone once the
// import dialog closes, and a batch of 500 articles cannot be settled at a glance. Adding a
// nullable column touches no row, so the upgrade is instant at any size.
export const dateAsWritten: Migration = {
  version: 11,
  name: 'date-as-written',
  up(db) {
    db.exec(`ALTER TABLE articles ADD COLUMN published_as_written TEXT`);
  },
};
