// Backups are whole-library copies taken with SQLite's online backup API, so they are consistent
// even while the app is writing. They live beside the library in `<library>.backups/`.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../shared/model';

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
 */
export function restoreBackup(libraryPath: string, backupPath: string): { keptAs: string | null } {
  const problems = integrityProblems(backupPath);
  if (problems.length) throw new Error(`The backup ${backupPath} is damaged too: ${problems[0]}`);
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
  fs.copyFileSync(backupPath, partial);
  fs.renameSync(partial, libraryPath);
  return { keptAs };
}
