// Which annotations count in the quotes table, the matrices and the codebook's counts: those not
// in the trash, on articles not in the trash. Written without joining the articles: the trash is a
// few rows, read once through its own index (`articles_trashed`, `annotations_trashed`) into a set
// that each annotation is checked against, where a join would read every annotation's article.

/** The trashed articles' ids. */
const TRASHED_ARTICLES = `SELECT id FROM articles WHERE deleted_at IS NOT NULL`;

/** An annotation (the table alias `n`) that counts: not trashed, and its article not trashed. */
export const LIVE_ANNOTATION = `n.deleted_at IS NULL AND n.article_id NOT IN (${TRASHED_ARTICLES})`;

/**
 * The annotations that do not count (trashed, or on a trashed article), for counts read from the
 * codings alone: setting these few aside is cheaper than looking up every coded annotation.
 */
export const DEAD_ANNOTATIONS = `SELECT id FROM annotations WHERE deleted_at IS NOT NULL
  UNION ALL SELECT d.id FROM articles t JOIN annotations d ON d.article_id = t.id WHERE t.deleted_at IS NOT NULL`;
