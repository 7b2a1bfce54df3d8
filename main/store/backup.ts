// Backups are whole-library copies taken with SQLite's online backup API, so they are consistent
// even while the app is writing. They live beside the library in `<library>.backups/`.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../shared/model';
import { AppError } from '../errors';

export const DEFAULT_KEEP = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

export function backupDirFor(libraryPath: string): string {
  return `${libraryPath}.backups`;
}

export function listBackups(libraryPath: string): BackupInfo[] {
  const dir = backupDirFor(libraryPath);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite'))
    .map((f) => {
      const p = path.join(dir, f);
      const st = fs.statSync(p);
      return { path: p, createdAt: st.mtime.toISOString(), bytes: st.size };
    })
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.path.localeCompare(a.path)));
}

function stamp(d = new Date()): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** Copies the open library to `dest` atomically: a partial copy never sits under the final name. */
export async function backupTo(db: Database.Database, dest: string): Promise<void> {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const partial = `${dest}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    await db.backup(partial);
    const fd = fs.openSync(partial, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, dest);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
}

/** Takes a rotating backup into the library's backup folder and drops the oldest beyond `keep`. */
export async function takeBackup(
  db: Database.Database,
  libraryPath: string,
  reason: string,
  keep = DEFAULT_KEEP,
): Promise<BackupInfo> {
  const dir = backupDirFor(libraryPath);
  let dest = path.join(dir, `${path.basename(libraryPath, '.sqlite')}-${stamp()}-${reason}.sqlite`);
  for (let n = 2; fs.existsSync(dest); n++) dest = dest.replace(/(-\d+)?\.sqlite$/, `-${n}.sqlite`);
  await backupTo(db, dest);
  for (const old of listBackups(libraryPath).slice(keep)) fs.rmSync(old.path, { force: true });
  return listBackups(libraryPath).find((b) => b.path === dest)!;
}

/** A backup at most once a day: taken when the newest one is older than 24 hours. */
export async function takeDailyBackup(db: Database.Database, libraryPath: string, keep = DEFAULT_KEEP, now = Date.now()) {
  const newest = listBackups(libraryPath)[0];
  if (newest && now - Date.parse(newest.createdAt) < DAY_MS) return null;
  return takeBackup(db, libraryPath, 'daily', keep);
}

/** Runs SQLite's full integrity check on a closed library file without changing it. */
export function integrityProblems(file: string): string[] {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    return problems;
  } catch (err) {
    return [(err as Error).message];
  } finally {
    db?.close();
  }
}

/**
 * Puts a backup in place of the library. The file it replaces is kept beside it as
 * `<library>.replaced-<time>`, never overwritten, so a restore can itself be undone by hand.
 * Refused, with nothing changed, when the backup is missing, damaged or the library itself, and
 * while another process (the app, `verbatim web`) has the library open: its later writes would
 * go to the file kept aside, not to the library the user sees.
 */
export function restoreBackup(libraryPath: string, backupPath: string): { keptAs: string | null } {
  libraryPath = path.resolve(libraryPath);
  backupPath = path.resolve(backupPath);
  if (!fs.existsSync(backupPath)) throw new AppError('not_found', `There is no backup at ${backupPath}; nothing was changed.`);
  if (sameFile(libraryPath, backupPath)) throw new AppError('invalid_input', `${backupPath} is the library itself, not a backup of it; nothing was changed.`);
  const problems = integrityProblems(backupPath);
  if (problems.length) throw new AppError('damaged', `The backup ${backupPath} is damaged too (${problems[0]}); nothing was changed.`);
  if (fs.existsSync(libraryPath)) assertNotInUse(libraryPath);
  let keptAs: string | null = null;
  if (fs.existsSync(libraryPath)) {
    keptAs = `${libraryPath}.replaced-${stamp()}`;
    for (let n = 2; fs.existsSync(keptAs); n++) keptAs = `${libraryPath}.replaced-${stamp()}-${n}`;
    fs.renameSync(libraryPath, keptAs);
    for (const ext of ['-wal', '-shm']) {
      if (fs.existsSync(libraryPath + ext)) fs.renameSync(libraryPath + ext, keptAs + ext);
    }
  }
  const partial = `${libraryPath}.restoring`;
  copySynced(backupPath, partial);
  // A source with committed pages still in its -wal (a library kept aside by an earlier restore,
  // a copy of a library that was not closed) is only whole together with it. The -wal goes in
  // after the main file: a crash in between leaves the source's older, consistent state.
  const wal = `${backupPath}-wal`;
  const hasWal = fs.existsSync(wal) && fs.statSync(wal).size > 0;
  if (hasWal) copySynced(wal, `${partial}-wal`);
  fs.renameSync(partial, libraryPath);
  if (hasWal) fs.renameSync(`${partial}-wal`, `${libraryPath}-wal`);
  return { keptAs };
}

function copySynced(from: string, to: string) {
  fs.copyFileSync(from, to);
  const fd = fs.openSync(to, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    const x = fs.statSync(a);
    const y = fs.statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * Every connection to a WAL library holds a shared lock on it while open, so an exclusive lock is
 * refused exactly when another connection exists. A file SQLite cannot read at all is damaged,
 * which is what restoring is for: that is not "in use".
 */
function assertNotInUse(libraryPath: string) {
  let db: Database.Database | undefined;
  try {
    db = new Database(libraryPath, { fileMustExist: true, timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('ROLLBACK');
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new AppError('conflict', `The library ${libraryPath} is open in another Verbatim (the app or "verbatim web"); close it, then restore. Nothing was changed.`);
    }
  } finally {
    try {
      db?.close();
    } catch {
      // Closing a connection to a damaged file can fail too; the file is left as it is.
    }
  }
}
