// Promise: no acknowledged change is ever lost across upgrades. A library written by every earlier
// schema version (tests/fixtures/library-vN.sqlite, frozen when N was current) opens, migrates to
// the latest schema after a backup, and keeps every row it had; a library from a newer Verbatim is
// refused with a clear message and left byte-identical.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../main/store/open';
import { listBackups } from '../../main/store/backup';
import { LATEST_VERSION, migrations } from '../../main/store/migrations';
import { createServices } from '../../main/services';
import { fixture, tempDir } from '../unit/helpers';
import { cli, fileSha256, fillLibrary, tableFingerprints } from './support';

const earlier = Array.from({ length: LATEST_VERSION - 1 }, (_, i) => i + 1);

/**
 * Each table's rows, restricted to the columns it had before the migration. The full-text indexes
 * (`*_fts` and their shadow tables) are derived from the other tables and may be rebuilt by a
 * migration (version 4 takes trashed articles out of search); search is checked instead.
 */
function contents(db: Database.Database, columnsOf?: Map<string, string[]>) {
  const tables = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[]).filter((t) => !/_fts($|_)/.test(t));
  const out = new Map<string, { columns: string[]; rows: unknown[] }>();
  for (const t of tables) {
    const all = (db.prepare(`SELECT * FROM "${t}" LIMIT 0`).columns() as { name: string }[]).map((c) => c.name);
    const columns = columnsOf?.get(t) ?? all;
    const list = columns.map((c) => `"${c}"`).join(', ');
    out.set(t, { columns, rows: db.prepare(`SELECT ${list} FROM "${t}" ORDER BY ${columns.map((_, i) => i + 1).join(', ')}`).raw().all() });
  }
  return out;
}

describe('libraries from every earlier schema version', () => {
  it('a frozen fixture exists for every earlier version', () => {
    for (const v of earlier) expect(fs.existsSync(fixture(`library-v${v}.sqlite`)), `tests/fixtures/library-v${v}.sqlite`).toBe(true);
  });

  it.each(earlier)('version %i opens, is backed up, migrates to the latest, and keeps every row', async (v) => {
    const file = path.join(tempDir(), 'library.sqlite');
    fs.copyFileSync(fixture(`library-v${v}.sqlite`), file);
    const old = new Database(file, { readonly: true });
    expect(old.pragma('user_version', { simple: true })).toBe(v);
    const before = contents(old);
    const beforePrints = tableFingerprints(old);
    old.close();
    expect(before.get('articles')!.rows.length).toBeGreaterThan(0);

    const lib = await openLibrary(file);
    try {
      expect(lib.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const after = contents(lib.db, new Map([...before].map(([t, c]) => [t, c.columns])));
      for (const [table, was] of before) expect(after.get(table)?.rows, `${table} after migrating from v${v}`).toEqual(was.rows);

      // The data works through today's services.
      const s = createServices(lib);
      const live = s.library.list({}).items;
      expect(live.length).toBeGreaterThan(0);
      expect(s.library.list({ trash: true }).items.length).toBeGreaterThan(0);
      expect(s.search.search('sincerity').some((h) => h.kind === 'article')).toBe(true);
      if (v >= 2) {
        expect(s.codebook.listActors().map((a) => a.name)).toEqual(expect.arrayContaining(['Kim Jung Han', 'South Korean Foreign Ministry']));
        const quotes = s.quotes.list({});
        expect(quotes.some((q) => q.speaker?.name === 'Kim Jung Han' && q.positions.some((p) => p.stance === 'supports'))).toBe(true);
        expect(s.search.search('sincerity').some((h) => h.kind === 'quote')).toBe(true);
        const topic = s.codebook.listTopics()[0]!;
        expect(s.quotes.matrix(topic.id)).toBeTruthy();
      }
      if (v >= 3) {
        const [live] = s.briefings.list();
        expect(live).toMatchObject({ title: 'Japan–South Korea: wartime labor row', classification: 'INTERNAL' });
        expect(JSON.stringify(s.briefings.get(live!.id).doc)).toContain('Second draft: talks continue.');
        expect(s.briefings.revisions(live!.id).length).toBeGreaterThan(0);
        expect(s.briefings.list(true).map((b) => b.title)).toContain('An abandoned draft');
        expect(s.search.search('liquidation').some((h) => h.kind === 'briefing')).toBe(false);
        expect(s.search.search('talks continue').some((h) => h.kind === 'briefing')).toBe(true);
      }
      // Trashed articles are not found, live ones are (whatever the version did with its index).
      for (const a of s.library.list({ trash: true }).items) expect(s.search.search(a.title.split(' ').slice(0, 3).join(' ')).some((h) => h.kind === 'article' && h.id === a.id)).toBe(false);
      // And the newest tables take writes.
      const b = s.briefings.create({ title: `After migrating from v${v}` });
      expect(s.briefings.get(b.id).title).toBe(`After migrating from v${v}`);
      // The source formats of version 9 (PDF, Word, RTF) are accepted by the rebuilt articles table.
      lib.db.prepare(`UPDATE articles SET source_format = 'pdf' WHERE id = ?`).run(live[0]!.id);
      expect(lib.db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      lib.close();
    }

    // The backup taken before migrating holds the library exactly as it was.
    const backups = listBackups(file);
    expect(backups).toHaveLength(1);
    expect(path.basename(backups[0]!.path)).toMatch(new RegExp(`before-v${LATEST_VERSION}`));
    const backup = new Database(backups[0]!.path, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(v);
    expect(tableFingerprints(backup)).toEqual(beforePrints);
    backup.close();
  });
});

/** The schema as SQLite stores it (tables, indexes, triggers, FTS shadow tables), white space folded. */
function schemaOf(db: Database.Database): string[] {
  return (db.prepare(`SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema ORDER BY type, name`).pluck().all() as string[]).map((s) => s.replace(/\s+/g, ' '));
}

describe('each migration alone, one step at a time', () => {
  // Every step is also run by itself, from the library the version before it wrote, so a migration
  // that only works when an earlier one ran in the same transaction (or leaves a schema a fresh
  // library of its version does not have) fails here and names its version.
  it.each(earlier)('version %i to the next: one step, every row kept, the schema of that version', async (v) => {
    const next = v + 1;
    const file = path.join(tempDir(), 'library.sqlite');
    fs.copyFileSync(fixture(`library-v${v}.sqlite`), file);
    const old = new Database(file, { readonly: true });
    const before = contents(old);
    old.close();

    const lib = await openLibrary(file, { migrations: migrations.slice(0, next) });
    let stepped: string[];
    try {
      expect(lib.db.pragma('user_version', { simple: true })).toBe(next);
      expect(lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const after = contents(lib.db, new Map([...before].map(([t, c]) => [t, c.columns])));
      for (const [table, was] of before) expect(after.get(table)?.rows, `${table} after migration ${next}`).toEqual(was.rows);
      stepped = schemaOf(lib.db);
    } finally {
      lib.close();
    }
    expect(listBackups(file).map((b) => path.basename(b.path))).toEqual([expect.stringMatching(new RegExp(`before-v${next}`))]);

    // The same schema as a library that version wrote (its frozen fixture), or, for the newest
    // version, as a new library of this build.
    const reference = next < LATEST_VERSION ? new Database(fixture(`library-v${next}.sqlite`), { readonly: true }) : await openLibrary(path.join(tempDir(), 'fresh.sqlite'));
    try {
      expect(stepped).toEqual(schemaOf(reference instanceof Database ? reference : reference.db));
    } finally {
      reference.close();
    }
  });
});

describe('a library from the future', () => {
  it('is refused with a clear message, by the app and the CLI, and left byte-identical', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'library.sqlite');
    const lib = await openLibrary(file);
    await fillLibrary(createServices(lib), undefined, 3);
    lib.db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    lib.close();
    const before = fileSha256(file);
    const listing = () => fs.readdirSync(dir).sort();
    const files = listing();

    const err = (await openLibrary(file).catch((e: unknown) => e)) as { code?: string; message?: string };
    expect(err).toMatchObject({ code: 'unsupported' });
    expect(err.message).toMatch(new RegExp(`newer version of Verbatim \\(schema ${LATEST_VERSION + 1}; this version knows up to ${LATEST_VERSION}\\).*left untouched`));
    const r = cli(file, 'list');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/newer version of Verbatim/);
    expect(r.stderr).not.toMatch(/Unexpected error/);

    expect(fileSha256(file)).toBe(before);
    expect(listing(), 'no backup, -wal or -shm was left behind').toEqual(files);
  });
});
