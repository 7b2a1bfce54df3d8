// Migration 10 re-indexes a library written before it: Japanese, Korean and Chinese articles,
// annotations, actors and briefings already there become findable by their words, trashed ones stay
// out, and the new index then follows every change.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../main/store/open';
import { LATEST_VERSION, migrations } from '../../main/store/migrations';
import { createServices } from '../../main/services';
import { fixture, tempDir } from './helpers';

const ja = () => fs.readFileSync(fixture('cjk/ja-labor-solution.txt'), 'utf8');
const now = '2024-03-01T00:00:00.000Z';

describe('migration 10 (CJK search) from a version-9 library', () => {
  it('indexes the CJK words already in the library', async () => {
    const file = path.join(tempDir(), 'library.sqlite');
    fs.copyFileSync(fixture('library-v9.sqlite'), file);
    // Rows as version 9 wrote them (the frozen fixture holds English only).
    const old = await openLibrary(file, { migrations: migrations.slice(0, 9) });
    const insertArticle = old.db.prepare(
      `INSERT INTO articles (title, imported_at, updated_at, deleted_at, source_format, doc, text, text_hash, word_count) VALUES (?, ?, ?, ?, 'txt', '{"type":"doc","content":[]}', ?, ?, 5)`,
    );
    const live = Number(insertArticle.run('元徴用工訴訟', now, now, null, ja(), 'hash-ja').lastInsertRowid);
    const trashed = Number(insertArticle.run('ゴミ箱の記事', now, now, now, '廃棄された記事の本文', 'hash-trash').lastInsertRowid);
    const actor = Number(old.db.prepare(`INSERT INTO actors (name, kind, color, created_at, updated_at) VALUES ('滝崎成樹', 'person', '#336699', ?, ?)`).run(now, now).lastInsertRowid);
    old.db.prepare(`INSERT INTO actor_aliases (actor_id, alias) VALUES (?, '다키자키')`).run(actor);
    const exact = '日本企業による資金拠出';
    const start = ja().indexOf(exact);
    const note = Number(
      old.db
        .prepare(`INSERT INTO annotations (article_id, kind, speaker_id, start, "end", exact, prefix, suffix, comment, tags, created_at, updated_at) VALUES (?, 'quote', ?, ?, ?, ?, '', '', '局長の発言', '["資金"]', ?, ?)`)
        .run(live, actor, start, start + exact.length, exact, now, now).lastInsertRowid,
    );
    const briefing = Number(
      old.db
        .prepare(`INSERT INTO briefings (title, classification, author, doc, schema_version, text, word_count, created_at, updated_at) VALUES ('한일관계 브리핑', '', '', '{"type":"doc","content":[]}', 1, '성의를 보여야 한다', 3, ?, ?)`)
        .run(now, now).lastInsertRowid,
    );
    old.close();

    const lib = await openLibrary(file);
    try {
      expect(lib.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      const s = createServices(lib);
      const ids = (q: string, kind: string) => s.search.search(q).filter((h) => h.kind === kind).map((h) => h.id);
      expect(ids('資産売却', 'article')).toEqual([live]);
      expect(ids('廃棄', 'article')).toEqual([]);
      expect(ids('資金拠出', 'quote')).toEqual([note]);
      expect(ids('発言', 'quote')).toEqual([note]);
      expect(ids('다키자키', 'actor')).toEqual([actor]);
      expect(ids('성의', 'briefing')).toEqual([briefing]);
      // English search is as it was.
      expect(s.search.search('Takizaki').length).toBeGreaterThan(0);
      // Restoring the trashed article brings it into the new index through the new triggers.
      s.library.restore(trashed);
      expect(ids('廃棄', 'article')).toEqual([trashed]);
      for (const t of ['articles_cjk', 'annotations_cjk', 'briefings_cjk', 'actors_cjk']) {
        expect(() => lib.db.prepare(`INSERT INTO ${t} (${t}, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
      }
    } finally {
      lib.close();
    }
  });
});
