import type { Migration } from './migration';

// The team library's briefings (issue 15), as migrations 15 and 16 did for the codebook and the
// coding: each briefing changed here is named in team_outbox in the same transaction, whoever
// made the change. A briefing counts as changed when what the team shares of it changes (its
// details, its doc, the trash), not when only its revision counter or FTS rows move.
//
// And who coded each annotation: in a team library, the member's name (the team's server tells a
// library its member's name at each sync); null for coding made alone or before the library joined.
// It travels with the annotation, and is kept as the team has it.
//
// And the suggestions an analyst rejected (suggestion_rejections): a rejection is a record of its
// article's document, named by the article's uid and the rejected words (article/words), so a
// passage one analyst said no to is not suggested to the others either.
/** Only in a library in a team (joining queues everything there is), and not while the team's own changes are written. */
const LOCAL = `WHEN (SELECT applying FROM team_applying) = 0 AND EXISTS (SELECT 1 FROM team_settings WHERE key = 'url')`;
const OUTBOX = (uid: string) => `INSERT INTO team_outbox (kind, uid) VALUES ('briefing', ${uid}) ON CONFLICT (kind, uid) DO UPDATE SET version = version + 1;`;

export const teamBriefings: Migration = {
  version: 17,
  name: 'team-briefings',
  up(db) {
    db.exec(`
      ALTER TABLE annotations ADD COLUMN coded_by TEXT;
      CREATE TRIGGER suggestion_rejections_team_insert AFTER INSERT ON suggestion_rejections ${LOCAL}
        BEGIN INSERT INTO team_outbox (kind, uid) SELECT 'rejection', a.uid || '/' || new.words FROM articles a WHERE a.id = new.article_id ON CONFLICT (kind, uid) DO UPDATE SET version = version + 1; END;
      CREATE TRIGGER suggestion_rejections_team_delete AFTER DELETE ON suggestion_rejections ${LOCAL}
        BEGIN INSERT INTO team_outbox (kind, uid) SELECT 'rejection', a.uid || '/' || old.words FROM articles a WHERE a.id = old.article_id ON CONFLICT (kind, uid) DO UPDATE SET version = version + 1; END;
      CREATE TRIGGER briefings_team_insert AFTER INSERT ON briefings ${LOCAL} BEGIN ${OUTBOX('new.uid')} END;
      CREATE TRIGGER briefings_team_update AFTER UPDATE OF title, classification, author, date, status, doc, deleted_at ON briefings ${LOCAL}
        BEGIN ${OUTBOX('new.uid')} END;
    `);
  },
};
