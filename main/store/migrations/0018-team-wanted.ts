import type { Migration } from './migration';

// The team's documents this library has yet to fetch (issue 15): team_wanted names each article or
// briefing document the team marked changed in its index, written in the same transaction that
// takes the mark, and is cleared of it only in the transaction that takes the document. So a round
// cut short (a server gone mid-sync, a kill -9, a round's share of a large library's first sync)
// leaves what it did not fetch to the next round, whichever process runs it, instead of forgetting
// it until someone changes that article again. Its version counts the marks, so a mark that arrives
// while the document is being fetched (a member's newer change) is not cleared with the older one.
export const teamWanted: Migration = {
  version: 18,
  name: 'team-wanted',
  up(db) {
    db.exec(`CREATE TABLE team_wanted (document TEXT PRIMARY KEY, marked_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1) WITHOUT ROWID;`);
  },
};
