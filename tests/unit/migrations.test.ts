// One test per migration, each from a library file written by the version before it
// (tests/fixtures/library-vN.sqlite, frozen when that version was current).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLibrary, LATEST_VERSION } from '../../main/store/open';
import { listBackups } from '../../main/store/backup';
import { createServices } from '../../main/services';
import { fixture, tempDir } from './helpers';

function copyFixture(name: string): string {
  const file = path.join(tempDir(), 'library.sqlite');
  fs.copyFileSync(fixture(name), file);
  return file;
}

describe('migrations from a version-1 library (codebook and annotations, then briefings)', () => {
  it('keeps every article, adds the codebook, backs up first, and the new tables work', async () => {
    const file = copyFixture('library-v1.sqlite');
    const lib = await openLibrary(file);
    try {
      expect(lib.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      const s = createServices(lib);
      const articles = s.library.list({}).items;
      expect(articles).toMatchObject([{ outlet: 'Kyodo News', publishedAt: '2020-10-29' }]);
      expect(s.library.list({ trash: true }).items).toHaveLength(1);
      expect(s.search.search('Nippon Steel')).toHaveLength(1);

      const text = s.library.get(articles[0]!.id).text;
      const start = text.indexOf('to show more sincerity');
      const kim = s.codebook.createActor({ name: 'Kim Jung Han' });
      const a = s.annotations.create({ articleId: articles[0]!.id, kind: 'quote', start, end: start + 22, speakerId: kim.id });
      expect(s.search.search('sincerity').some((h) => h.kind === 'quote' && h.id === a.id)).toBe(true);
    } finally {
      lib.close();
    }
    const backups = listBackups(file);
    expect(backups).toHaveLength(1);
    expect(path.basename(backups[0]!.path)).toMatch(new RegExp(`before-v${LATEST_VERSION}`));
  });
});

describe('migration 5 (changed quotes)', () => {
  it('gives existing annotations nothing to review, and a later edit inside a quote flags it', async () => {
    // The library as version 4 left it (the frozen fixture), with a quote added the way version 4 stored one.
    const file = copyFixture('library-v4.sqlite');
    const v4 = new Database(file);
    const article = v4.prepare<[], { id: number; text: string }>(`SELECT id, text FROM articles WHERE text LIKE '%completely and finally%' AND deleted_at IS NULL LIMIT 1`).get()!;
    const text = article.text;
    const start = text.indexOf('completely and finally');
    const now = new Date().toISOString();
    v4.prepare('DELETE FROM annotations WHERE article_id = ?').run(article.id);
    v4
      .prepare(`INSERT INTO annotations (article_id, kind, start, "end", exact, prefix, suffix, created_at, updated_at) VALUES (?, 'quote', ?, ?, ?, ?, ?, ?, ?)`)
      .run(article.id, start, start + 22, 'completely and finally', text.slice(start - 32, start), text.slice(start + 22, start + 54), now, now);
    v4.close();

    const lib = await openLibrary(file);
    try {
      expect(lib.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      const s = createServices(lib);
      expect(s.annotations.list(article.id!)).toMatchObject([{ exact: 'completely and finally', changedFrom: null, orphaned: false }]);
      const doc = JSON.parse(JSON.stringify(s.library.get(article.id!).doc).replace('completely and finally', 'completely and irreversibly')) as unknown;
      s.articleText.update(article.id!, doc);
      expect(s.annotations.list(article.id!)).toMatchObject([{ exact: 'completely and irreversibly', changedFrom: 'completely and finally' }]);
    } finally {
      lib.close();
    }
  });
});

describe('migration 6 (search over tags and actors) from a version-3 library', () => {
  it('indexes the tags and actors already there', async () => {
    const file = copyFixture('library-v3.sqlite');
    const lib = await openLibrary(file);
    try {
      const s = createServices(lib);
      expect(s.search.search('sincerity').filter((h) => h.kind === 'quote').map((h) => h.id)).toContain(1);
      expect(s.search.search('Director-General').filter((h) => h.kind === 'actor').map((h) => h.title)).toEqual(['Kim Jung Han']);
      expect(s.search.search('Takizaki').some((h) => h.kind === 'quote' && h.id === 2 && h.bySpeaker)).toBe(true);
      for (const t of ['annotations_fts', 'actors_fts']) lib.db.prepare(`INSERT INTO ${t} (${t}, rank) VALUES ('integrity-check', 1)`).run();
    } finally {
      lib.close();
    }
  });
});

describe('migration 7 (suggestions) from a version-6 library', () => {
  it('suggests for the articles already there, matching the codebook already there, and remembers rejections', async () => {
    const file = copyFixture('library-v6.sqlite');
    const lib = await openLibrary(file);
    try {
      expect(lib.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      const s = createServices(lib);
      const sample = s.library.list({}).items.find((a) => a.outlet === 'Kyodo News')!;
      const kim = s.codebook.listActors().find((a) => a.name === 'Kim Jung Han')!;
      const { suggestions } = await s.suggestions.list(sample.id);
      expect(suggestions.length).toBeGreaterThan(0);
      expect(suggestions.some((x) => x.speaker?.actorId === kim.id)).toBe(true);
      // The fixture's coded quote ("to show more sincerity …") is not suggested again.
      const coded = s.annotations.list(sample.id).filter((a) => a.kind !== 'note');
      for (const x of suggestions) for (const a of coded) expect(x.content.end <= a.start || x.content.start >= a.end).toBe(true);
      await s.suggestions.reject(sample.id, suggestions[0]!.key);
      expect((await s.suggestions.list(sample.id)).suggestions).toEqual(suggestions.slice(1));
    } finally {
      lib.close();
    }
  });
});
