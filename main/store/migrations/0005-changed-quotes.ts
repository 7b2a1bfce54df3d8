import type { Migration } from './migration';

// When an edit of the article text changes the words under an annotation, re-anchoring puts it on
// the new words but keeps the words as coded in `changed_from` until the analyst reviews the
// change (accepts the new words, re-attaches, or keeps the old words as an orphan). NULL means
// nothing to review. Existing annotations have nothing to review, so no data moves.
export const changedQuotes: Migration = {
  version: 5,
  name: 'changed-quotes',
  up(db) {
    db.exec(`ALTER TABLE annotations ADD COLUMN changed_from TEXT;`);
  },
};
