// Promise: no acknowledged change is ever lost — backups are whole and consistent even while
// writes go on, rotation keeps what it says, `verbatim backup` + `verbatim restore` give back every
// table exactly, and a restore never puts anything in place of the live file without keeping it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../main/store/open';
import { TeamSync } from '../../main/sync/team-sync';
import { TeamRecordStore } from '../../main/store/team-records';
import { integrityProblems, listBackups, restoreBackup, takeBackup, takeDailyBackup } from '../../main/store/backup';
import { createServices } from '../../main/services';
import { paste, tempDir, tempLibrary } from '../unit/helpers';
import { briefingDoc, bundleWorker, cli, fileSha256, fillLibrary, startCliServer, tableFingerprints } from './support';

let writer = '';
beforeAll(async () => {
  writer = await bundleWorker(fileURLToPath(new URL('./workers/writer.ts', import.meta.url)));
});
afterAll(() => fs.rmSync(writer, { force: true }));

const count = (file: string, table: string) => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
};

function fingerprintsOf(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return tableFingerprints(db);
  } finally {
    db.close();
  }
}

/** A backup file is sound when SQLite's full check passes and Verbatim opens a copy of it. */
async function assertSoundBackup(file: string) {
  expect(integrityProblems(file), file).toEqual([]);
  const copy = path.join(tempDir(), 'library.sqlite');
  fs.copyFileSync(file, copy);
  const lib = await openLibrary(copy);
  try {
    expect(lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(createServices(lib).library.list({}).items.length).toBeGreaterThan(0);
  } finally {
    lib.close();
  }
}


/** Runs the writer worker on `db` and SIGKILLs it after `ops` acknowledged operations, leaving committed pages in its -wal. */
async function writeThenCrash(db: string, ackLog: string, seed: number, ops: number): Promise<void> {
  const child = spawn(process.execPath, [writer, db, ackLog, String(seed), '1000000'], { stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise<void>((resolve) => {
    let n = 0;
    child.stdout.on('data', (d: Buffer) => {
      n += [...d.toString()].filter((c) => c === '.').length;
      if (n >= ops) child.kill('SIGKILL');
    });
    child.once('exit', () => resolve());
  });
}

/** A library in a fresh folder with `articles` articles, and a manual backup of it when asked. */
async function filledLibrary(articles: number, withBackup = false) {
  const dir = tempDir();
  const db = path.join(dir, 'library.sqlite');
  const lib = await openLibrary(db);
  await fillLibrary(createServices(lib), undefined, articles);
  const backup = withBackup ? await takeBackup(lib.db, db, 'manual') : null;
  lib.close();
  // Callers that ask for no backup do not read it.
  return { dir, db, backup: backup! };
}

describe('backups while writing', () => {
  it('takeBackup with writes interleaved on the same connection gives a sound, consistent copy', async () => {
    const { lib, services } = await tempLibrary();
    await fillLibrary(services, undefined, 40);
    const before = services.library.list({}).total;
    const backups = [];
    for (let b = 0; b < 3; b++) {
      const pending = takeBackup(lib.db, lib.path, `busy${b}`);
      let done = false;
      void pending.finally(() => (done = true));
      let i = 0;
      // Writes between the backup's steps (each step yields to the event loop).
      while (!done) {
        await services.importer.import(paste(`Interleaved write ${b}-${i++} about the export control talks.`));
        await new Promise((r) => setImmediate(r));
      }
      backups.push(await pending);
    }
    const after = services.library.list({}).total;
    let last = before;
    for (const b of backups) {
      await assertSoundBackup(b.path);
      const n = count(b.path, 'articles WHERE deleted_at IS NULL');
      expect(n).toBeGreaterThanOrEqual(last);
      expect(n).toBeLessThanOrEqual(after);
      last = n;
    }
  });

  it('`verbatim backup` and takeBackup from other processes while a writer process commits', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'library.sqlite');
    const seed = await openLibrary(db);
    await fillLibrary(createServices(seed), undefined, 20);
    seed.close();

    const child = spawn(process.execPath, [writer, db, path.join(dir, 'ack.log'), '77', '1000000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let ops = 0;
    child.stdout.on('data', (d: Buffer) => (ops += [...d.toString()].filter((c) => c === '.').length));
    const exited = new Promise((r) => child.once('exit', r));
    try {
      while (ops < 20) await new Promise((r) => setTimeout(r, 10));
      const files: string[] = [];
      for (let i = 0; i < 4; i++) {
        const dest = path.join(dir, `cli-backup-${i}.sqlite`);
        const r = cli(db, 'backup', dest);
        expect(r.code, r.stderr).toBe(0);
        files.push(dest);
      }
      // And the API the app uses, on a second connection of this process.
      const lib = await openLibrary(db);
      try {
        for (let i = 0; i < 2; i++) files.push((await takeBackup(lib.db, lib.path, `concurrent${i}`)).path);
      } finally {
        lib.close();
      }
      expect(ops, 'the writer kept writing during the backups').toBeGreaterThan(40);
      let last = 0;
      for (const f of files) {
        await assertSoundBackup(f);
        const n = count(f, 'articles');
        expect(n).toBeGreaterThanOrEqual(last);
        last = n;
      }
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
  });
});

describe('backup rotation', () => {
  it('keeps exactly the configured number, the newest ones, and touches nothing else', async () => {
    const { lib } = await tempLibrary();
    const dir = `${lib.path}.backups`;
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    const taken = [];
    for (let i = 0; i < 7; i++) {
      taken.push(await takeBackup(lib.db, lib.path, `rot${i}`, 4));
      expect(listBackups(lib.path).length).toBe(Math.min(i + 1, 4));
    }
    expect(listBackups(lib.path).map((b) => b.path).sort()).toEqual(taken.slice(-4).map((b) => b.path).sort());
    expect(fs.readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    // The daily backup obeys the same limit.
    expect(await takeDailyBackup(lib.db, lib.path, 2, Date.now() + 2 * 86_400_000)).not.toBeNull();
    expect(listBackups(lib.path)).toHaveLength(2);
  });

  it('openLibrary with keepBackups rotates the daily backup too', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'library.sqlite');
    (await openLibrary(file)).close();
    for (let i = 0; i < 4; i++) {
      const lib = await openLibrary(file);
      await takeBackup(lib.db, lib.path, `manual${i}`, 3);
      lib.close();
    }
    expect(listBackups(file)).toHaveLength(3);
  });
});

describe('verbatim backup + verbatim restore', () => {
  it('round-trips every table (row counts and content hashes, FTS included) and keeps the replaced file', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'library.sqlite');
    const lib = await openLibrary(db);
    await fillLibrary(createServices(lib));
    // In a team, so its tables hold rows too: the outbox and settings at once, the saved
    // documents once a sync has put the outbox in (before it finds no server).
    const team = new TeamSync(lib);
    team.join('ws://127.0.0.1:1', 'vbt_token');
    await expect(team.sync(2_000)).rejects.toThrow(/could not be reached/);
    // And a document the team marked changed that is still to fetch.
    new TeamRecordStore(lib.db).want([['article:0123abcd', new Date().toISOString()]]);
    lib.close();
    const original = fingerprintsOf(db);
    // Every table of the schema has rows, so the comparison means something.
    for (const [name, f] of Object.entries(original)) if (!/_config$/.test(name)) expect(f.rows, name).toBeGreaterThan(0);
    expect(Object.keys(original)).toEqual(expect.arrayContaining(['articles_fts_data', 'annotations_fts_idx', 'briefings_fts_docsize', 'briefing_revisions', 'affiliations', 'actor_aliases', 'annotation_positions']));

    const backup = path.join(dir, 'saved.sqlite');
    expect(cli(db, 'backup', backup).code).toBe(0);
    expect(fingerprintsOf(backup)).toEqual(original);

    // Change every kind of thing after the backup.
    const again = await openLibrary(db);
    const s = createServices(again);
    await s.importer.import(paste('A later article about the summit in Busan.'));
    s.codebook.updateActor(2, { name: 'Kim Jung-han' });
    s.annotations.update({ id: 2, comment: 'changed later' });
    s.briefings.save(1, briefingDoc('Rewritten after the backup.'));
    s.library.emptyTrash();
    again.close();
    const changed = fingerprintsOf(db);
    expect(changed).not.toEqual(original);

    const r = cli(db, 'restore', backup);
    expect(r.code, r.stderr).toBe(0);
    const kept = /kept as (.+)$/m.exec(r.stdout)?.[1];
    expect(kept && fs.existsSync(kept)).toBeTruthy();
    expect(fingerprintsOf(db)).toEqual(original);
    expect(fingerprintsOf(kept!)).toEqual(changed);
    expect(cli(db, 'check').code).toBe(0);
    const reopened = await openLibrary(db);
    expect(createServices(reopened).search.search('Rewritten')).toEqual([]);
    reopened.close();
  });

  it('a restore keeps the replaced file with its WAL, even right after a crash, and two restores keep both files', async () => {
    const { dir, db, backup } = await filledLibrary(3, true);

    // A writer killed mid-run leaves committed pages only in library.sqlite-wal.
    await writeThenCrash(db, path.join(dir, 'ack.log'), 5, 50);
    expect(fs.existsSync(`${db}-wal`)).toBe(true);
    const acked = fs.readFileSync(path.join(dir, 'ack.log'), 'utf8').split('\n').filter((l) => l.includes('"ack"') && l.includes('"import"')).length;
    const liveArticles = count(db, 'articles');

    const first = await restoreBackup(db, backup.path);
    const second = await restoreBackup(db, backup.path);
    expect(first.keptAs).not.toBe(second.keptAs);
    // The first kept file is the crashed library with everything it had acknowledged.
    expect(count(first.keptAs!, 'articles')).toBe(liveArticles);
    expect(liveArticles).toBeGreaterThanOrEqual(4 + acked);
    expect(integrityProblems(first.keptAs!)).toEqual([]);
    expect(fingerprintsOf(second.keptAs!)).toEqual(fingerprintsOf(backup.path));
  });

  it('restoring from a library whose latest commits are still in its -wal keeps them (undoing a restore by hand)', async () => {
    const dir = tempDir();
    const crashed = path.join(dir, 'crashed.sqlite');
    await writeThenCrash(crashed, path.join(dir, 'ack.log'), 9, 80);
    expect(fs.statSync(`${crashed}-wal`).size).toBeGreaterThan(0);
    const expected = fingerprintsOf(crashed);
    const target = path.join(dir, 'library.sqlite');
    await restoreBackup(target, crashed);
    expect(fingerprintsOf(target)).toEqual(expected);
    expect(integrityProblems(target)).toEqual([]);
  });

  it('restores over a damaged library (what the app offers), keeping the damaged file exactly as it was', async () => {
    const { db, backup } = await filledLibrary(2, true);
    const bytes = fs.readFileSync(db);
    bytes.write('Definitely not SQLite', 0, 'latin1');
    fs.writeFileSync(db, bytes);
    const r = cli(db, 'restore', backup.path);
    expect(r.code, r.stderr).toBe(0);
    const kept = /kept as (.+)$/m.exec(r.stdout)![1]!;
    expect(fs.readFileSync(kept).equals(bytes)).toBe(true);
    expect(fingerprintsOf(db)).toEqual(fingerprintsOf(backup.path));
  });

  it('refuses a damaged or missing backup and leaves the live file byte-identical', async () => {
    const { dir, db } = await filledLibrary(2);
    const before = fileSha256(db);
    const bad = path.join(dir, 'bad.sqlite');
    fs.copyFileSync(db, bad);
    const bytes = fs.readFileSync(bad);
    // The header of page 3 (a b-tree page: an index of articles): a page type SQLite does not know.
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0x5a, 2 * pageSize, 2 * pageSize + 8);
    fs.writeFileSync(bad, bytes);
    for (const source of [bad, path.join(dir, 'missing.sqlite'), path.join(dir, 'not-sqlite.txt')]) {
      if (source.endsWith('.txt')) fs.writeFileSync(source, 'hello');
      const r = cli(db, 'restore', source);
      expect(r.code, source).toBe(1);
      expect(r.stderr).toMatch(/damaged|no backup at/i);
      expect(fileSha256(db)).toBe(before);
      expect(fs.readdirSync(dir).filter((f) => f.includes('.replaced-'))).toEqual([]);
    }
  });

  it('refuses to restore the library onto itself, leaving it in place', async () => {
    const { db } = await filledLibrary(2);
    const before = fileSha256(db);
    const r = cli(db, 'restore', db);
    expect(r.code).toBe(1);
    expect(fs.existsSync(db), 'the library is still where it was').toBe(true);
    expect(fileSha256(db)).toBe(before);
  });

  it('refuses to restore while another process has the library open, so its writes cannot go astray', async () => {
    const { db, backup } = await filledLibrary(2, true);
    const server = await startCliServer(db);
    try {
      const r = cli(db, 'restore', backup.path);
      expect(r.code, r.stdout).toBe(1);
      expect(r.stderr).toMatch(/in use|open in/i);
      // The running server's next acknowledged write lands in the library the user sees.
      const res = await fetch(`${server.origin}/api/articles.import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-verbatim-token': server.token },
        body: JSON.stringify(paste('Written by the running server after the restore attempt.')),
      });
      expect((await res.json()) as unknown).toMatchObject({ ok: true, value: { status: 'imported' } });
    } finally {
      await server.stop();
    }
    const after = await openLibrary(db);
    expect(createServices(after).search.search('restore attempt')).toHaveLength(1);
    after.close();
  });
});
