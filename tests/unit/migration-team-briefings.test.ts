// Migration 17 (briefings in the team's outbox, and who coded each annotation), from the frozen
// version-16 library: the library's briefings open as before; coding made before names nobody;
// once the library is in a team, saving, renaming or trashing a briefing names it in the outbox,
// and an annotation coded then carries the member's name the server gave.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary, LATEST_VERSION } from '../../main/store/open';
import { createServices } from '../../main/services';
import { TeamRecordStore } from '../../main/store/team-records';
import { fixture, tempDir } from './helpers';

describe('migration 17: team briefings and coded-by', () => {
  it('brings a version-16 library up, its briefings and coding as they were, and shares briefings once it is in a team', async () => {
    const file = path.join(tempDir(), 'library.sqlite');
    fs.copyFileSync(fixture('library-v16.sqlite'), file);
    const lib = await openLibrary(file);
    try {
      expect(lib.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      const s = createServices(lib);
      const [briefing] = s.briefings.list();
      expect(briefing).toBeDefined();
      const before = s.briefings.get(briefing!.id);
      const article = lib.db.prepare(`SELECT article_id AS id FROM annotations WHERE deleted_at IS NULL LIMIT 1`).get() as { id: number };
      const coded = s.annotations.list(article.id);
      expect(coded.length).toBeGreaterThan(0);
      expect(coded.every((a) => a.codedBy === null)).toBe(true);

      const store = new TeamRecordStore(lib.db);
      store.setSetting('url', 'ws://127.0.0.1:1');
      store.setSetting('member', 'Kim Analyst');
      const uid = (lib.db.prepare(`SELECT uid FROM briefings WHERE id = ?`).get(briefing!.id) as { uid: string }).uid;
      s.briefings.update(briefing!.id, { title: 'Renamed in a team' });
      s.briefings.save(briefing!.id, before.doc);
      expect(store.outbox().filter((e) => e.kind === 'briefing')).toEqual([{ kind: 'briefing', uid, version: 2 }]);
      s.briefings.delete(briefing!.id);
      expect(store.outboxOfBriefing(uid)).toMatchObject({ version: 3 });

      const words = s.library.read(article.id).text.slice(0, 12);
      expect(s.annotations.create({ articleId: article.id, kind: 'note', start: 0, end: words.length }).codedBy).toBe('Kim Analyst');
    } finally {
      lib.close();
    }
  });
});
