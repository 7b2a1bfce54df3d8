import type { Migration } from './migration';

// Suggested attributions (issue 11). Two tables, both per article and both gone with it (ON DELETE
// CASCADE: emptying the trash purges them; trashing keeps them for a restore).
//
// suggestion_rejections: what the analyst said no to, by the rejected content's words (white space
// folded), not by offsets: an edit elsewhere in the text moves the offsets, and the rejected
// passage must still never come back.
//
// suggestion_cache: the engine's last answer for the article, so opening it again costs a lookup,
// not a run of the engine (seconds for a long article). Valid only while the exact text (its
// SHA-256, every character: offsets depend on white space too) and the codebook the speakers were
// matched against (`codebook_key`) are the same; otherwise computed again and replaced. An article
// that was too long to finish in time is remembered as such (`too_large`), so it is not retried on
// every opening.
export const suggestions: Migration = {
  version: 7,
  name: 'suggestions',
  up(db) {
    db.exec(`
      CREATE TABLE suggestion_rejections (
        article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        words       TEXT NOT NULL,
        rejected_at TEXT NOT NULL,
        PRIMARY KEY (article_id, words)
      ) WITHOUT ROWID;
      CREATE TABLE suggestion_cache (
        article_id   INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        text_sha256  TEXT NOT NULL,
        codebook_key TEXT NOT NULL,
        too_large    INTEGER NOT NULL CHECK (too_large IN (0, 1)),
        suggestions  TEXT NOT NULL,
        computed_at  TEXT NOT NULL
      );
    `);
  },
};
