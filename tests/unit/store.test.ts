import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLibrary, LibraryDamagedError } from '../../main/store/open';
import { listBackups, restoreBackup, takeBackup, takeDailyBackup, integrityProblems } from '../../main/store/backup';
import { migrations, LATEST_VERSION, type Migration } from '../../main/store/migrations';
import { createServices } from '../../main/services';
import { paste, sampleArticle, tempDir, tempLibrary } from './helpers';

describe('opening a library', () => {
  it('creates a new file with WAL, full sync, foreign keys and the latest schema', async () => {
    const { lib } = await tempLibrary();
    expect(lib.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(lib.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(lib.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(lib.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
  });

  it('refuses to open the same file twice in one process', async () => {
    const { lib } = await tempLibrary();
    await expect(openLibrary(lib.path)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses a library from a newer Verbatim and leaves it untouched', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'future.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE x (a)');
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    db.close();
    const before = fs.readFileSync(file);
    await expect(openLibrary(file)).rejects.toMatchObject({ code: 'unsupported', message: expect.stringMatching(/newer version of Verbatim/) });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('reports a file that is not a library as damaged, names the newest backup, and changes nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'library.sqlite');
    const lib = await openLibrary(file);
    await createServices(lib).importer.import(paste(sampleArticle()));
    const backup = await takeBackup(lib.db, file, 'manual');
    lib.close();
    const bytes = fs.readFileSync(file);
    bytes.write('garbage header!!', 0, 'latin1');
    fs.writeFileSync(file, bytes);
    const err = await openLibrary(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LibraryDamagedError);
    expect((err as Error).message).toContain(backup.path);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('reports damaged pages found by the quick check', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'library.sqlite');
    const lib = await openLibrary(file);
    const s = createServices(lib);
    for (let i = 0; i < 40; i++) await s.importer.import(paste(`${sampleArticle()}\n\nCopy ${i}.`));
    lib.db.pragma('wal_checkpoint(TRUNCATE)');
    lib.close();
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over a b-tree page in the middle of the file.
    bytes.fill(0xa5, pageSize * 3 + 8, pageSize * 3 + 400);
    fs.writeFileSync(file, bytes);
    expect(integrityProblems(file).length).toBeGreaterThan(0);
    await expect(openLibrary(file)).rejects.toBeInstanceOf(LibraryDamagedError);
  });
});

describe('migrations', () => {
  const v2: Migration = {
    version: LATEST_VERSION + 1,
    name: 'test-add-column',
    up: (db) => db.exec(`ALTER TABLE articles ADD COLUMN summary TEXT`),
  };

  it('migrates an older library after taking a backup of it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'library.sqlite');
    const lib = await openLibrary(file);
    await createServices(lib).importer.import(paste(sampleArticle()));
    lib.close();
    const upgraded = await openLibrary(file, { migrations: [...migrations, v2] });
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(v2.version);
    expect(upgraded.db.prepare('SELECT summary, title FROM articles').get()).toMatchObject({ summary: null });
    upgraded.close();
    const backups = listBackups(file);
    expect(backups).toHaveLength(1);
    expect(backups[0]!.path).toMatch(/before-v\d+\.sqlite$/);
    const old = new Database(backups[0]!.path, { readonly: true });
    expect(old.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    old.close();
  });

  it('runs all pending migrations in one transaction: a failing one leaves the library as it was', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'library.sqlite');
    (await openLibrary(file)).close();
    const broken: Migration = { version: LATEST_VERSION + 2, name: 'broken', up: (db) => db.exec('ALTER TABLE nowhere ADD COLUMN x') };
    await expect(openLibrary(file, { migrations: [...migrations, v2, broken] })).rejects.toThrow(/nowhere/);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare(`SELECT count(*) AS n FROM pragma_table_info('articles') WHERE name = 'summary'`).get()).toEqual({ n: 0 });
    db.close();
  });

  it('every migration runs from an empty file to the latest schema and the FTS triggers work', async () => {
    const { services, lib } = await tempLibrary();
    const r = await services.importer.import(paste(sampleArticle()));
    expect(lib.db.prepare(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'sincerity'`).all()).toEqual([{ id: r.id }].map(({ id }) => ({ rowid: id })));
  });
});

describe('backups', () => {
  it('takes at most one daily backup and rotates to the configured number', async () => {
    const { lib } = await tempLibrary();
    expect(await takeDailyBackup(lib.db, lib.path, 3)).not.toBeNull();
    expect(await takeDailyBackup(lib.db, lib.path, 3)).toBeNull();
    for (let i = 0; i < 5; i++) await takeBackup(lib.db, lib.path, `manual${i}`, 3);
    const backups = listBackups(lib.path);
    expect(backups).toHaveLength(3);
    expect(backups.map((b) => path.basename(b.path)).join()).toMatch(/manual4/);
  });

  it('a backup taken while writing is consistent, and restoring it keeps the replaced file', async () => {
    const { lib, services } = await tempLibrary();
    await services.importer.import(paste(sampleArticle()));
    const pending = takeBackup(lib.db, lib.path, 'busy');
    for (let i = 0; i < 20; i++) await services.importer.import(paste(`Another article number ${i} about trade talks.`));
    const backup = await pending;
    expect(integrityProblems(backup.path)).toEqual([]);
    lib.close();
    const { keptAs } = await restoreBackup(lib.path, backup.path);
    expect(keptAs && fs.existsSync(keptAs)).toBeTruthy();
    const reopened = await openLibrary(lib.path);
    const n = (reopened.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    reopened.close();
    expect(n).toBeGreaterThanOrEqual(1);
    expect(n).toBeLessThanOrEqual(21);
    const kept = new Database(keptAs!, { readonly: true });
    expect((kept.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n).toBe(21);
    kept.close();
  });

  it('refuses to restore a damaged backup', async () => {
    const dir = tempDir();
    const bad = path.join(dir, 'bad.sqlite');
    fs.writeFileSync(bad, 'not a database at all, sorry');
    await expect(restoreBackup(path.join(dir, 'library.sqlite'), bad)).rejects.toThrow(/damaged/);
    expect(fs.existsSync(path.join(dir, 'library.sqlite'))).toBe(false);
  });
});
