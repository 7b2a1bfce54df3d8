import type { Migration } from './migration';

// The team library's articles and coding (issue 15), as migration 15 did for the codebook: each
// article and annotation changed here is named in team_outbox in the same transaction, whoever
// made the change. An article counts as changed when what the team shares of it changes (its
// details, its text, the trash), not when the reader's form of it is stored; an annotation with
// its codings (annotation_positions). An annotation is named with its article's uid in front
// (article/annotation), as it travels in its article's document: a purged annotation can no
// longer be looked up. (An annotation purged with its article needs no entry: the article's says.)
/** Only in a library in a team (joining queues everything there is), and not while the team's own changes are written. */
const LOCAL = `WHEN (SELECT applying FROM team_applying) = 0 AND EXISTS (SELECT 1 FROM team_settings WHERE key = 'url')`;
const OUTBOX = (uidSql: string) => `INSERT INTO team_outbox (kind, uid) ${uidSql} ON CONFLICT (kind, uid) DO UPDATE SET version = version + 1;`;

const ANNOTATION = (row: string) => `SELECT 'annotation', a.uid || '/' || ${row}.uid FROM articles a WHERE a.id = ${row}.article_id`;
const CODED = (row: string) => `SELECT 'annotation', a.uid || '/' || n.uid FROM annotations n JOIN articles a ON a.id = n.article_id WHERE n.id = ${row}.annotation_id`;

export const teamCoding: Migration = {
  version: 16,
  name: 'team-coding',
  up(db) {
    db.exec(`
      CREATE TRIGGER articles_team_insert AFTER INSERT ON articles ${LOCAL} BEGIN ${OUTBOX(`VALUES ('article', new.uid)`)} END;
      CREATE TRIGGER articles_team_update AFTER UPDATE OF title, outlet, author, published_at, published_as_written, url, text, deleted_at ON articles ${LOCAL}
        BEGIN ${OUTBOX(`VALUES ('article', new.uid)`)} END;
      CREATE TRIGGER articles_team_delete AFTER DELETE ON articles ${LOCAL} BEGIN ${OUTBOX(`VALUES ('article', old.uid)`)} END;
      CREATE TRIGGER annotations_team_insert AFTER INSERT ON annotations ${LOCAL} BEGIN ${OUTBOX(ANNOTATION('new'))} END;
      CREATE TRIGGER annotations_team_update AFTER UPDATE ON annotations ${LOCAL} BEGIN ${OUTBOX(ANNOTATION('new'))} END;
      CREATE TRIGGER annotations_team_delete AFTER DELETE ON annotations ${LOCAL} BEGIN ${OUTBOX(ANNOTATION('old'))} END;
      CREATE TRIGGER annotation_positions_team_insert AFTER INSERT ON annotation_positions ${LOCAL} BEGIN ${OUTBOX(CODED('new'))} END;
      CREATE TRIGGER annotation_positions_team_update AFTER UPDATE ON annotation_positions ${LOCAL} BEGIN ${OUTBOX(CODED('new'))} END;
      CREATE TRIGGER annotation_positions_team_delete AFTER DELETE ON annotation_positions ${LOCAL} BEGIN ${OUTBOX(CODED('old'))} END;
    `);
  },
};
