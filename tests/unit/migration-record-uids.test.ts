// Migration 13 (a global identity for every shared record, issue 15), from the frozen version-12
// library: every row named once, articles by their text, and no code path able to add a record
// without a name or to rename one — while everything else reads as before.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLibrary, LATEST_VERSION } from '../../main/store/open';
import { migrations } from '../../main/store/migrations';
import { UID_TABLES } from '../../main/store/uid';
import { createServices } from '../../main/services';
import { fixture, paste, sampleArticle, tempDir, tempLibrary } from './helpers';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function copyFixture(name: string): string {
  const file = path.join(tempDir(), 'library.sqlite');
  fs.copyFileSync(fixture(name), file);
  return file;
}

const uids = (db: Database.Database, table: string) => db.prepare<[], { id: number; uid: string | null }>(`SELECT id, uid FROM ${table} ORDER BY id`).all();

async function checkMigrated(file: string) {
  const lib = await openLibrary(file);
  try {
    expect(lib.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    for (const table of UID_TABLES) {
      const rows = uids(lib.db, table);
      expect(rows.length, table).toBeGreaterThan(0);
      expect(rows.every((r) => r.uid), `${table}: every row has a uid`).toBe(true);
      expect(new Set(rows.map((r) => r.uid)).size, `${table}: no two alike`).toBe(rows.length);
      if (table !== 'articles') expect(rows.every((r) => UUID_V7.test(r.uid!)), table).toBe(true);
    }
    // A live article is named by its text; the trashed copy of the same text keeps apart from it.
    const articles = lib.db.prepare<[], { uid: string; text_hash: string; deleted_at: string | null }>(`SELECT uid, text_hash, deleted_at FROM articles`).all();
    for (const a of articles.filter((x) => !x.deleted_at)) expect(a.uid).toBe(a.text_hash);
    const trashedTwin = articles.find((a) => a.deleted_at && articles.some((b) => !b.deleted_at && b.text_hash === a.text_hash));
    expect(trashedTwin?.uid).toMatch(new RegExp(`^${trashedTwin!.text_hash}\\.[0-9a-f-]{36}$`));

    // Everything reads as before.
    const s = createServices(lib);
    expect(s.codebook.listActors().map((a) => a.name)).toEqual(['Kim Jung Han', 'Shigeki Takizaki', 'South Korean Foreign Ministry']);
    expect(lib.db.pragma('integrity_check', { simple: true })).toBe('ok');

    // No row without a uid, and a uid never changes.
    expect(() => lib.db.prepare(`INSERT INTO topics (name, created_at) VALUES ('Fisheries', '2026-12-03')`).run()).toThrow(/topics need a uid/);
    expect(() => lib.db.prepare(`UPDATE actors SET uid = 'other' WHERE id = (SELECT min(id) FROM actors)`).run()).toThrow(/a uid never changes/);
  } finally {
    lib.close();
  }
}

const BEFORE = migrations.filter((m) => m.version < 13);

/** The v12 fixture with a trashed copy of a live article's text, as a re-import after a trash leaves it. */
async function withTrashedTwin(file: string): Promise<{ id: number; article_id: number; speaker_id: number }> {
  const lib = await openLibrary(file, { migrations: BEFORE });
  expect(lib.db.pragma('user_version', { simple: true })).toBe(12);
  lib.db.exec(`INSERT INTO articles (title, outlet, author, published_at, url, imported_at, updated_at, deleted_at, source_format, doc, text, text_hash, word_count)
           SELECT title || ' (old copy)', outlet, author, published_at, url, imported_at, updated_at, '2026-12-01T00:00:00Z', source_format, doc, text, text_hash, word_count
           FROM articles WHERE deleted_at IS NULL ORDER BY id LIMIT 1`);
  // A briefing quoting an annotation and mentioning its speaker, as version 12 stored one (ids only).
  const a = lib.db.prepare<[], { id: number; article_id: number; speaker_id: number }>(`SELECT id, article_id, speaker_id FROM annotations WHERE speaker_id IS NOT NULL AND deleted_at IS NULL ORDER BY id LIMIT 1`).get()!;
  const doc = {
    type: 'doc',
    content: [
      { type: 'quote', attrs: { annotationId: a.id, articleId: a.article_id, kind: 'quote', text: 'words', speaker: null, affiliation: null, outlet: null, title: 't', author: null, publishedAt: null, url: null } },
      { type: 'paragraph', content: [{ type: 'actor', attrs: { actorId: a.speaker_id, name: 'Kim' } }] },
    ],
  };
  lib.db.prepare(`UPDATE briefings SET doc = ? WHERE id = (SELECT min(id) FROM briefings)`).run(JSON.stringify(doc));
  lib.close();
  return a;
}

describe('migration 13 (record uids)', () => {
  it('alone, one step from the version before it', async () => {
    const file = copyFixture('library-v12.sqlite');
    const quoted = await withTrashedTwin(file);
    await checkMigrated(file);
    // The briefing's quote and mention now name their records by uid too.
    const lib = await openLibrary(file);
    try {
      const uid = (table: string, id: number) => lib.db.prepare<[number], { uid: string }>(`SELECT uid FROM ${table} WHERE id = ?`).get(id)!.uid;
      const doc = JSON.parse(lib.db.prepare<[], { doc: string }>(`SELECT doc FROM briefings ORDER BY id LIMIT 1`).get()!.doc) as { content: [{ attrs: object }, { content: [{ attrs: object }] }] };
      expect(doc.content[0].attrs).toMatchObject({ annotationId: quoted.id, annotationUid: uid('annotations', quoted.id), articleUid: uid('articles', quoted.article_id) });
      expect(doc.content[1].content[0].attrs).toMatchObject({ actorId: quoted.speaker_id, actorUid: uid('actors', quoted.speaker_id) });
    } finally {
      lib.close();
    }
  });

  it('from the oldest library, through every step', async () => {
    const lib = await openLibrary(copyFixture('library-v1.sqlite'));
    try {
      for (const table of UID_TABLES) expect(uids(lib.db, table).every((r) => r.uid), table).toBe(true);
    } finally {
      lib.close();
    }
  });
});

describe('record uids in use', () => {
  it('names every new record, the same article alike in two libraries, and gives a merged actor its uid back on undo', async () => {
    const [one, two] = [await tempLibrary(), await tempLibrary()];
    const a1 = await one.services.importer.import(paste(sampleArticle()));
    const a2 = await two.services.importer.import(paste(sampleArticle()));
    const articleUid = (t: typeof one, id: number) => t.lib.db.prepare<[number], { uid: string }>(`SELECT uid FROM articles WHERE id = ?`).get(id)!.uid;
    expect(articleUid(one, a1.id!)).toBe(articleUid(two, a2.id!));

    const s = one.services;
    const kim = s.codebook.createActor({ name: 'Kim Jung Han' });
    const kim2 = s.codebook.createActor({ name: 'Kim J. H.' });
    const topic = s.codebook.createTopic('Wartime labor compensation');
    s.codebook.createPosition(topic.id, 'Japan must show more sincerity');
    const text = s.library.get(a1.id!).text;
    const start = text.indexOf('sincerity');
    s.annotations.create({ articleId: a1.id!, kind: 'quote', start, end: start + 9, speakerId: kim2.id });
    s.briefings.create({ template: 'blank' });
    for (const table of UID_TABLES) {
      const rows = uids(one.lib.db, table);
      expect(rows.length, table).toBeGreaterThan(0);
      if (table !== 'articles') expect(rows.every((r) => UUID_V7.test(r.uid!)), table).toBe(true);
    }

    const before = uids(one.lib.db, 'actors').find((r) => r.id === kim2.id)!.uid;
    const merged = s.codebook.mergeActors(kim2.id, kim.id);
    expect(uids(one.lib.db, 'actors').map((r) => r.id)).toEqual([kim.id]);
    s.codebook.unmergeActors(merged.mergeId);
    expect(uids(one.lib.db, 'actors').find((r) => r.id === kim2.id)!.uid).toBe(before);
  });
});

describe('record uids in briefings', () => {
  it('a saved briefing names the annotation, article and actor behind each quote, mention and citation', async () => {
    const { codedLibrary } = await import('./coding-helpers');
    const { briefingSchema: bs } = await import('../../shared/schema/briefing');
    const { snapshotOf } = await import('../../renderer/editor/briefing/commands');
    const t = await codedLibrary();
    const row = t.services.quotes.list({}).find((q) => q.id === t.q1.id)!;
    const doc = bs.node('doc', null, [
      bs.nodes.quote!.create(snapshotOf(row)),
      bs.node('paragraph', null, [bs.nodes.actor!.create({ actorId: t.kim.id, name: 'Kim Jung Han' }), bs.nodes.cite!.create({ articleId: t.articleId, title: 'x' }), bs.nodes.inline_quote!.create(snapshotOf(row))]),
    ]);
    const b = t.services.briefings.create({ template: 'blank' });
    t.services.briefings.save(b.id, doc.toJSON());
    const uid = (table: string, id: number) => t.lib.db.prepare<[number], { uid: string }>(`SELECT uid FROM ${table} WHERE id = ?`).get(id)!.uid;
    const stored = t.services.briefings.get(b.id).doc as { content: { attrs?: Record<string, unknown>; content?: { attrs: Record<string, unknown> }[] }[] };
    const [quote, para] = stored.content;
    expect(quote!.attrs).toMatchObject({ annotationUid: uid('annotations', t.q1.id), articleUid: uid('articles', t.articleId) });
    expect(para!.content!.map((n) => n.attrs.actorUid ?? n.attrs.articleUid)).toEqual([uid('actors', t.kim.id), uid('articles', t.articleId), uid('articles', t.articleId)]);
    expect(para!.content![2]!.attrs.annotationUid).toBe(uid('annotations', t.q1.id));
  });
});

describe('merge redirects', () => {
  it('a merged actor’s or position’s uid leads to the survivor, through later merges too, until the merge is undone', async () => {
    const { MergeRedirectStore } = await import('../../main/store/merge-redirects');
    const t = await tempLibrary();
    const s = t.services.codebook;
    const redirects = new MergeRedirectStore(t.lib.db);
    const uid = (table: string, id: number) => t.lib.db.prepare<[number], { uid: string }>(`SELECT uid FROM ${table} WHERE id = ?`).get(id)!.uid;
    const [a, b, c] = ['Kim J. H.', 'Kim Jung-han', 'Kim Jung Han'].map((name) => s.createActor({ name }));
    const [ua, ub, uc] = [uid('actors', a!.id), uid('actors', b!.id), uid('actors', c!.id)];
    s.mergeActors(a!.id, b!.id);
    const second = s.mergeActors(b!.id, c!.id);
    expect([redirects.resolve('actor', ua), redirects.resolve('actor', ub), redirects.resolve('actor', uc)]).toEqual([uc, uc, uc]);
    s.unmergeActors(second.mergeId);
    expect([redirects.resolve('actor', ua), redirects.resolve('actor', ub)]).toEqual([ub, ub]);

    const topic = s.createTopic('Wartime labor compensation');
    const [p1, p2] = ['Japan must apologise', 'Japan must show sincerity'].map((claim) => s.createPosition(topic.id, claim));
    const up1 = uid('positions', p1!.id);
    s.mergePositions(p1!.id, p2!.id);
    expect(redirects.resolve('position', up1)).toBe(uid('positions', p2!.id));
    // Kinds are apart: an actor's uid never resolves as a position's.
    expect(redirects.resolve('position', ua)).toBe(ua);
  });
});
