import type { Migration } from './migration';

// The quotes table, the matrices and the codebook's counts at 50,000 annotations (issue 12). Each
// of them used to read every annotation's row and its article's row (a row lookup each) to learn
// whether both were live; these indexes answer from the index alone:
//
// - annotations_article leads with the article and the quote's place in it, as before, so the
//   table sorted by date or by article is a walk along the articles' own list indexes (migration 8)
//   with each article's quotes read from here in reading order; it carries what the table filters on
//   (trashed or not, kind, speaker, tags), so a filter is checked without reading the row.
// - annotations_speaker leads with the speaker, as before, and carries whether the annotation is
//   trashed and its article: an actor's count, or the speaker filter, without the rows.
// - annotations_text is the table sorted by its words: the key the store sorts by (the first 200
//   characters, case aside), with the filters' columns as above. Non-partial, with deleted_at as a
//   column: SQLite counts a partial index as covering only when the columns of its WHERE are in it.
// - annotations_trashed finds the few trashed annotations, so counts read from the codings can set
//   them aside without looking at every annotation.
// - annotation_positions_position leads with the position, as before, and carries the annotation
//   and the stance: a position's codings, a topic's matrix and the position filter without the rows.
export const quoteIndexes: Migration = {
  version: 12,
  name: 'quote-indexes',
  up(db) {
    db.exec(`
      DROP INDEX annotations_article;
      CREATE INDEX annotations_article ON annotations (article_id, start, deleted_at, kind, speaker_id, tags);
      DROP INDEX annotations_speaker;
      CREATE INDEX annotations_speaker ON annotations (speaker_id, deleted_at, article_id);
      CREATE INDEX annotations_text ON annotations (substr(exact, 1, 200) COLLATE NOCASE, id, deleted_at, article_id, kind, speaker_id, tags);
      CREATE INDEX annotations_trashed ON annotations (deleted_at) WHERE deleted_at IS NOT NULL;
      DROP INDEX annotation_positions_position;
      CREATE INDEX annotation_positions_position ON annotation_positions (position_id, annotation_id, stance);
    `);
  },
};
