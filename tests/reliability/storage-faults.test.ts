// The library under storage faults: a restore that fails (full disk), is interrupted (Ctrl+C) or is
// killed at any step; a disk that fills while writing or is full at start; and a library that is
// unreadable, read-only, locked or missing, each named for what it is, never called damaged.
//
// Full and read-only disks are real: a small tmpfs mounted in a private mount namespace
// (`unshare -m`, or `unshare -rm` for a non-root developer), which disappears with the process.
// Permission problems are real too: as root (CI) the checks run as user `nobody`, since root
// ignores file modes.
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../main/store/open';
import { RESTORE_STEPS, restoreBackup, takeBackup } from '../../main/store/backup';
import { createServices } from '../../main/services';
import { paste, sampleArticle, tempDir } from '../unit/helpers';
import { bin, repoRoot } from './support';

const isRoot = process.getuid?.() === 0;
/** Root reads any file whatever its mode: permission checks must run as someone else. */
const NOBODY = { uid: 65534, gid: 65534 };
const worker = (name: string) => path.join(repoRoot, 'tests/reliability/workers', name);

interface Inspection {
  exists: boolean;
  integrity?: string;
  articles?: number;
  ids?: number[];
  sha?: string;
}

function run(args: string[], options: SpawnSyncOptions = {}) {
  const r = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, VERBATIM_DB: '' }, timeout: 120_000, ...options });
  return { code: r.status, signal: r.signal, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}
const verbatim = (db: string, args: string[], options: SpawnSyncOptions = {}) => run([bin, '--db', db, ...args], options);
const tsx = (file: string, args: string[], options: SpawnSyncOptions = {}) => run(['--import', 'tsx', worker(file), ...args], options);
const inspect = (file: string): Inspection => JSON.parse(tsx('inspect.ts', [file]).stdout);

/**
 * Runs a bash script in a private mount namespace with a tmpfs of `kb` KiB mounted at $DISK.
 * Whatever it prints comes back; the mount is gone when it ends.
 */
function onTinyDisk(kb: number, script: string, env: Record<string, string> = {}) {
  const disk = tempDir();
  const r = spawnSync('unshare', [isRoot ? '-m' : '-rm', 'bash', '-c', `set -e\nmount -t tmpfs -o size=${kb}k tmpfs "$DISK"\n${script}`], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, VERBATIM_DB: '', DISK: disk, NODE: process.execPath, BIN: bin, TSX_INSPECT: worker('inspect.ts'), ...env },
    timeout: 180_000,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
/** Fills $DISK so that about `kb` KiB stay free. */
const leaveFree = (kb: number) => `avail=$(df -k --output=avail "$DISK" | tail -1); fallocate -l $(( (avail - ${kb}) * 1024 )) "$DISK/fill"`;
const jsonLines = (out: string) =>
  out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Inspection & Record<string, unknown>);

/** A library of `articles` articles and a backup holding one more, in a fresh folder. */
async function libraryAndBackup(articles = 3, backupFillerBytes = 0) {
  const dir = tempDir();
  const db = path.join(dir, 'library.sqlite');
  const lib = await openLibrary(db);
  const s = createServices(lib);
  for (let i = 0; i < articles; i++) await s.importer.import(paste(`${sampleArticle()}\n\nCopy ${i} kept in the library.`));
  await s.importer.import(paste('An article only the backup has. The ministry said so on Tuesday.'));
  const backup = (await takeBackup(lib.db, db, 'manual')).path;
  // The library moves on after the backup: the two can be told apart.
  s.library.delete(1);
  s.library.emptyTrash();
  lib.close();
  if (backupFillerBytes) {
    const b = new Database(backup);
    b.exec('CREATE TABLE filler (bytes BLOB)');
    const insert = b.prepare('INSERT INTO filler VALUES (randomblob(?))');
    for (let left = backupFillerBytes; left > 0; left -= 1 << 20) insert.run(Math.min(left, 1 << 20));
    b.close();
  }
  return { dir, db, backup, before: inspect(db), backupState: inspect(backup) };
}

describe('restore is atomic', { timeout: 120_000 }, () => {
  it('a restore killed after any step leaves a whole library: the one the analyst had until the switch, the backup after it', async () => {
    const figures: string[] = [];
    for (const step of RESTORE_STEPS) {
      const { db, backup, before, backupState } = await libraryAndBackup();
      expect(before.sha).not.toBe(backupState.sha);
      const r = tsx('restorer.ts', [db, backup, step]);
      expect(r.signal, `killed after "${step}" (${r.stderr})`).toBe('SIGKILL');
      const after = inspect(db);
      expect(after.exists, `a library after a kill at "${step}"`).toBe(true);
      expect(after.integrity).toBe('ok');
      expect(after.sha, `the library after a kill at "${step}"`).toBe(step === 'replaced' ? backupState.sha : before.sha);
      // Whatever a killed restore left beside it, the next restore goes through.
      await restoreBackup(db, backup);
      expect(inspect(db).sha).toBe(backupState.sha);
      expect(fs.existsSync(`${db}.restoring`)).toBe(false);
      figures.push(`${step}: ${step === 'replaced' ? 'backup' : 'unchanged'}`);
    }
    console.log(`[reliability] restore SIGKILL matrix: ${figures.join('; ')}; library missing 0 of ${RESTORE_STEPS.length}`);
  }, 300_000);

  it('Ctrl+C during the restore of a large backup leaves the library as it was, with no partial copy', async () => {
    const { db, backup, before } = await libraryAndBackup(2, 120 << 20);
    const child = spawn(process.execPath, [bin, '--db', db, 'restore', backup], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let copiedWhenInterrupted = 0;
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    // Interrupt as soon as the copy is under way.
    for (let i = 0; i < 2000 && child.exitCode === null; i++) {
      const partial = `${db}.restoring`;
      if (fs.existsSync(partial) && fs.statSync(partial).size > 0) {
        copiedWhenInterrupted = fs.statSync(partial).size;
        child.kill('SIGINT');
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    const code = await exit;
    expect(copiedWhenInterrupted, 'the copy was under way when Ctrl+C came').toBeGreaterThan(0);
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted; the library .* was not changed/);
    expect(inspect(db)).toMatchObject({ exists: true, integrity: 'ok', sha: before.sha });
    expect(fs.readdirSync(path.dirname(db)).filter((f) => f.includes('.restoring') || f.includes('.replaced'))).toEqual([]);
    console.log(`[reliability] restore SIGINT: interrupted after ${(copiedWhenInterrupted / 2 ** 20).toFixed(1)} of ${(fs.statSync(backup).size / 2 ** 20).toFixed(0)} MB copied; library unchanged`);
  });

  it('a restore on a nearly full disk fails with "disk full" and leaves the library as it was', async () => {
    const { db, backup, before } = await libraryAndBackup(3, 1 << 20);
    const out = onTinyDisk(
      4096,
      `cp "${db}" "$DISK/library.sqlite"; cp "${backup}" "$DISK/backup.sqlite"
${leaveFree(120)}
set +e
"$NODE" "$BIN" --db "$DISK/library.sqlite" restore "$DISK/backup.sqlite"; echo "{\\"exit\\": $?}"
"$NODE" --import tsx "$TSX_INSPECT" "$DISK/library.sqlite"
"$NODE" "$BIN" --db "$DISK/library.sqlite" list --json > /dev/null; echo "{\\"listExit\\": $?}"
echo "{\\"files\\": \\"$(ls "$DISK" | tr '\\n' ' ')\\"}"`,
    );
    const [exit, library, list, files] = jsonLines(out.stdout);
    expect(exit, out.stderr).toEqual({ exit: 1 });
    expect(out.stderr).toMatch(/disk is full/i);
    expect(out.stderr).not.toMatch(/Unexpected error|damaged/);
    expect(library).toMatchObject({ exists: true, integrity: 'ok', sha: before.sha });
    expect(list).toEqual({ listExit: 0 });
    expect(String(files!.files).trim().split(' ').sort()).toEqual(['backup.sqlite', 'fill', 'library.sqlite']);
    console.log('[reliability] restore ENOSPC (120 KB free, 1.2 MB backup): refused with "disk full", library unchanged, nothing left behind');
  });

  it('refuses a backup from a newer Verbatim before changing anything', async () => {
    const { db, backup, before } = await libraryAndBackup();
    const b = new Database(backup);
    b.pragma('user_version = 999');
    b.close();
    const r = verbatim(db, ['restore', backup]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/written by a newer version of Verbatim .*nothing was changed/);
    expect(inspect(db).sha).toBe(before.sha);
  });
});

describe('a full disk', { timeout: 120_000 }, () => {
  it('every acknowledged write survives a disk filling up; refusals say "disk full", not "internal"', () => {
    const acks = path.join(tempDir(), 'acks.log');
    const out = onTinyDisk(
      1536,
      `fallocate -l 256k "$DISK/ballast"
set +e
"$NODE" --import tsx "${worker('write-until-full.ts')}" "$DISK/library.sqlite" "${acks}"; echo "{\\"exit\\": $?}"
rm "$DISK/ballast"
"$NODE" --import tsx "$TSX_INSPECT" "$DISK/library.sqlite"
"$NODE" "$BIN" --db "$DISK/library.sqlite" list --json > /dev/null; echo "{\\"listExit\\": $?}"`,
    );
    const [exit, library, list] = jsonLines(out.stdout);
    const log = fs
      .readFileSync(acks, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { t: string; id?: number; code?: string });
    const acked = log.filter((l) => l.t === 'ack').map((l) => l.id!);
    const refused = log.filter((l) => l.t === 'refused');
    expect(exit, out.stderr).toEqual({ exit: 0 });
    expect(acked.length).toBeGreaterThan(10);
    expect(refused.length).toBeGreaterThanOrEqual(5);
    expect(new Set(refused.map((r) => r.code))).toEqual(new Set(['disk_full']));
    expect(library!.integrity).toBe('ok');
    expect(acked.filter((id) => !library!.ids!.includes(id)), 'acknowledged imports missing from the library').toEqual([]);
    expect(list).toEqual({ listExit: 0 });
    console.log(`[reliability] full disk (1.5 MB tmpfs): imports acknowledged ${acked.length}, refused ${refused.length} (all disk_full), lost 0, integrity ok`);
  });

  it('`verbatim web` starts on a nearly full disk, skipping the daily backup with a warning', async () => {
    const { db } = await libraryAndBackup(2);
    fs.rmSync(`${db}.backups`, { recursive: true, force: true }); // so a daily backup is due
    const out = onTinyDisk(
      2048,
      `cp "${db}" "$DISK/library.sqlite"
${leaveFree(120)}
"$NODE" "$BIN" --db "$DISK/library.sqlite" web --port 0 > "$DISK/out" 2>&1 &
pid=$!
for i in $(seq 1 300); do grep -q "running at" "$DISK/out" && break; kill -0 $pid 2>/dev/null || break; sleep 0.1; done
kill $pid 2>/dev/null || true; wait $pid || true
cat "$DISK/out"`,
    );
    expect(out.stdout).toMatch(/running at http:\/\/127\.0\.0\.1:\d+\//);
    expect(out.stdout).toMatch(/No daily backup was taken: .*(full|SQLITE_FULL|ENOSPC)/i);
  });

  it('a completely full disk is reported as a full disk, not as damage', async () => {
    const { db, before } = await libraryAndBackup(1);
    const out = onTinyDisk(
      2048,
      `cp "${db}" "$DISK/library.sqlite"
${leaveFree(0)} || true
dd if=/dev/zero of="$DISK/rest" bs=4k 2>/dev/null || true
set +e
"$NODE" "$BIN" --db "$DISK/library.sqlite" list; echo "{\\"exit\\": $?}"
rm -f "$DISK/fill" "$DISK/rest"
"$NODE" --import tsx "$TSX_INSPECT" "$DISK/library.sqlite"`,
    );
    const [exit, library] = jsonLines(out.stdout);
    expect(exit).toEqual({ exit: 1 });
    expect(out.stderr).toMatch(/disk holding .* is full/);
    expect(out.stderr).not.toMatch(/damaged|Unexpected/);
    expect(library).toMatchObject({ integrity: 'ok', sha: before.sha });
  });
});

describe('telling damage apart from everything else', { timeout: 120_000 }, () => {
  it('an intact library the analyst may not read (root-owned 0600, after a run under sudo) is explained, and no restore is offered', async () => {
    const { dir, db, before } = await libraryAndBackup(2);
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(db, isRoot ? 0o600 : 0o000);
    const as = isRoot ? NOBODY : {};
    const list = verbatim(db, ['list'], as);
    expect(list.code).toBe(1);
    expect(list.stderr).toMatch(/not allowed to open .*sudo chown/s);
    expect(list.stderr).not.toMatch(/damaged/);
    const desktop = JSON.parse(tsx('open-desktop.ts', [db, 'Restore newest backup'], as).stdout);
    expect(desktop).toMatchObject({ opened: false, boxes: [], errors: [{ title: 'Verbatim is not allowed to open your library' }] });
    fs.chmodSync(db, 0o644);
    expect(inspect(db).sha).toBe(before.sha);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.replaced'))).toEqual([]);
  });

  it('a library on a read-only disk is explained as read-only, in the CLI and the desktop app', async () => {
    const { db, before } = await libraryAndBackup(1);
    const out = onTinyDisk(
      2048,
      `cp "${db}" "$DISK/library.sqlite"
mount -o remount,ro "$DISK"
set +e
"$NODE" "$BIN" --db "$DISK/library.sqlite" list; echo "{\\"exit\\": $?}"
"$NODE" --import tsx "${worker('open-desktop.ts')}" "$DISK/library.sqlite" "Restore newest backup"
mount -o remount,rw "$DISK"
"$NODE" --import tsx "$TSX_INSPECT" "$DISK/library.sqlite"`,
    );
    const [exit, desktop, library] = jsonLines(out.stdout);
    expect(exit, out.stderr).toEqual({ exit: 1 });
    expect(out.stderr).toMatch(/read-only disk or mount/);
    expect(out.stderr).not.toMatch(/damaged/);
    expect(desktop).toMatchObject({ opened: false, boxes: [], errors: [{ title: 'Your library cannot be written' }] });
    expect(library!.sha).toBe(before.sha);
  });

  it('a read-only library file opens for reading; a change is refused as read-only', async () => {
    const { dir, db, before } = await libraryAndBackup(1);
    const as = isRoot ? NOBODY : {};
    if (isRoot) fs.chownSync(dir, NOBODY.uid, NOBODY.gid);
    fs.chmodSync(db, 0o444);
    const list = verbatim(db, ['list', '--json'], as);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(before.articles!);
    expect(list.stderr).toMatch(/read-only: you can read, search and export/);
    const note = path.join(dir, 'note.txt');
    fs.writeFileSync(note, 'A new article. The minister said it twice.');
    const imp = verbatim(db, ['import', note], as);
    expect(imp.code).toBe(1);
    expect(imp.stdout).toMatch(/read-only/);
    expect(imp.stdout + imp.stderr).not.toMatch(/internal|Unexpected/);
    expect(inspect(db).sha).toBe(before.sha);
  });

  it('a library locked by another program is reported as in use, not damaged', async () => {
    const { db, before } = await libraryAndBackup(1);
    const holder = spawn(
      process.execPath,
      ['-e', `const D=require('better-sqlite3');const db=new D(${JSON.stringify(db)});db.pragma('locking_mode=EXCLUSIVE');db.exec('BEGIN EXCLUSIVE');console.log('locked');setInterval(()=>{},1e3);`],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
      const list = verbatim(db, ['list']);
      expect(list.code).toBe(1);
      expect(list.stderr).toMatch(/locked by another program/);
      expect(list.stderr).not.toMatch(/damaged/);
    } finally {
      holder.kill('SIGKILL');
    }
    expect(inspect(db).sha).toBe(before.sha);
  });

  it('commands that read never create a library; a folder given as the library is named as such', () => {
    const dir = tempDir();
    const missing = path.join(dir, 'no', 'such', 'folder', 'library.sqlite');
    for (const args of [['list'], ['show', '1'], ['search', 'ministry'], ['quotes'], ['briefings']]) {
      const r = verbatim(missing, args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/There is no library at .*nothing was created/);
    }
    expect(fs.existsSync(path.join(dir, 'no'))).toBe(false);
    const folder = verbatim(dir, ['list']);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toMatch(/is a folder, not a library file/);
    expect(folder.stderr).not.toMatch(/EISDIR|Unexpected|\n\s+at /);
  });
});
