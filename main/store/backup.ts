// Backups are whole-library copies taken with SQLite's online backup API, so they are consistent
// even while the app is writing. They live beside the library in `<library>.backups/`.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { pipeline } from 'node:stream/promises';
import type { BackupInfo } from '../../shared/model';
import { AppError } from '../errors';
import { fsyncDir, fsyncFile, writeFileAtomic } from '../atomic-write';
import { kindOf } from '../output-path';
import { LATEST_VERSION } from './migrations';
import { codeOf, problemOf, type StorageProblem } from './storage-errors';
import { sqliteOptions } from './native-binding';

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

/**
 * Copies the open library to `dest` atomically: a partial copy never sits under the final name,
 * and a file it replaces keeps its mode and owner (writeFileAtomic).
 */
export async function backupTo(db: Database.Database, dest: string): Promise<void> {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  await writeFileAtomic(dest, (tmp) => db.backup(tmp).then(() => undefined));
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
/**
 * SQLite's integrity_check skips CHECK constraints on a read-only connection, so a flipped byte
 * that turns an actor's kind into a word no actor has would pass. The file is opened for writing
 * where it can be (never created: it must exist) and made query-only at once, so the check is
 * whole and still writes nothing; a file that cannot be opened for writing is checked read-only.
 */
function openForChecking(file: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file, sqliteOptions({ fileMustExist: true }));
  } catch {
    return new Database(file, sqliteOptions({ readonly: true, fileMustExist: true }));
  }
  db.pragma('query_only = ON');
  return db;
}

export function integrityProblems(file: string): string[] {
  let db: Database.Database | undefined;
  try {
    db = openForChecking(file);
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    return problems;
  } catch (err) {
    return [(err as Error).message];
  } finally {
    db?.close();
  }
}

/** The steps of a restore, in order; the fault tests stop the process after each. */
export const RESTORE_STEPS = ['copied', 'verified', 'checkpointed', 'kept', 'replaced'] as const;
export type RestoreStep = (typeof RESTORE_STEPS)[number];

export interface RestoreOptions {
  /** Ctrl+C: a restore stopped before its last step leaves the library exactly as it was. */
  signal?: AbortSignal;
  /** Called after each step (tests kill the process there to prove every step is safe). */
  onStep?: (step: RestoreStep) => void;
}

/**
 * Puts a backup in place of the library, atomically: until the last step the library is the one
 * the analyst had, and after it the backup; a full disk, Ctrl+C or a crash anywhere in between
 * never leaves no library (red-team findings 1 and 2).
 *
 * 1. The backup (with its -wal, if it has committed pages there) is copied beside the library as
 *    `<library>.restoring` and fsynced. Copying first means a disk too full for the backup fails
 *    here, before anything of the library's is touched.
 * 2. The copy is verified: SQLite's integrity check, a schema this version can open, and its WAL
 *    folded in, so it is one self-contained file.
 * 3. The library's own -wal is folded into it (checkpoint), so the library is one file too.
 * 4. The library is kept as `<library>.replaced-<time>` by a hard link: no copy, no space needed.
 * 5. The copy is renamed over the library: one atomic step.
 *
 * Refused, with nothing changed, when the backup is missing, damaged, from a newer Verbatim or the
 * library itself, and while another process (the app, `verbatim web`) has the library open: its
 * later writes would go to the file kept aside, not to the library the user sees.
 */
export async function restoreBackup(libraryPath: string, backupPath: string, options: RestoreOptions = {}): Promise<{ keptAs: string | null }> {
  libraryPath = path.resolve(libraryPath);
  backupPath = path.resolve(backupPath);
  const step = (s: RestoreStep) => {
    options.onStep?.(s);
    if (s !== 'replaced' && options.signal?.aborted) throw new RestoreInterrupted(libraryPath);
  };
  if (!fs.existsSync(backupPath)) throw new AppError('not_found', `There is no backup at ${backupPath}; nothing was changed.`);
  const st = fs.statSync(backupPath);
  if (!st.isFile()) throw new AppError('invalid_input', `${backupPath} is ${kindOf(st)}, so it cannot be a backup; nothing was changed.`);
  if (sameFile(libraryPath, backupPath)) throw new AppError('invalid_input', `${backupPath} is the library itself, not a backup of it; nothing was changed.`);
  const libraryExists = fs.existsSync(libraryPath);
  if (libraryExists) assertNotInUse(libraryPath);

  const partial = `${libraryPath}.restoring`;
  const partialFiles = [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`];
  let keptAs: string | null = null;
  let walMovedTo: string | null = null;
  let replaced = false;
  const removePartial = () => partialFiles.forEach((f) => fs.rmSync(f, { force: true }));
  removePartial(); // what an earlier, interrupted restore left
  try {
    await copySynced(backupPath, partial, options.signal);
    // A source with committed pages still in its -wal (a library kept aside by an earlier restore,
    // a copy of a library that was not closed) is only whole together with it.
    const wal = `${backupPath}-wal`;
    if (fs.existsSync(wal) && fs.statSync(wal).size > 0) await copySynced(wal, `${partial}-wal`, options.signal);
    step('copied');

    verifyRestoredCopy(partial, backupPath);
    fsyncFile(partial);
    for (const f of partialFiles.slice(1)) fs.rmSync(f, { force: true });
    step('verified');

    const walEmpty = libraryExists ? checkpoint(libraryPath) : true;
    step('checkpointed');

    if (libraryExists) {
      keptAs = `${libraryPath}.replaced-${stamp()}`;
      for (let n = 2; fs.existsSync(keptAs); n++) keptAs = `${libraryPath}.replaced-${stamp()}-${n}`;
      await keepAside(libraryPath, keptAs);
      if (!walEmpty) {
        // The library's -wal could not be folded in (a damaged library): it belongs with the kept
        // file, and must not be left beside the restored one, whose pages it would overwrite.
        walMovedTo = `${keptAs}-wal`;
        fs.renameSync(`${libraryPath}-wal`, walMovedTo);
      }
    }
    step('kept');

    fs.renameSync(partial, libraryPath);
    replaced = true;
    step('replaced');
  } catch (err) {
    if (!replaced) {
      removePartial();
      if (walMovedTo) fs.renameSync(walMovedTo, `${libraryPath}-wal`);
      if (keptAs) fs.rmSync(keptAs, { force: true }); // a second name of the untouched library
      throw restoreFailure(err, libraryPath);
    }
    throw err;
  }
  // The WAL index of the replaced file is stale; SQLite would rebuild it, but nothing should mislead it.
  fs.rmSync(`${libraryPath}-shm`, { force: true });
  const emptyWal = `${libraryPath}-wal`;
  if (fs.existsSync(emptyWal) && fs.statSync(emptyWal).size === 0) fs.rmSync(emptyWal, { force: true });
  fsyncDir(path.dirname(libraryPath));
  return { keptAs };
}

/** Ctrl+C during a restore, before its last step: the library is as it was. */
export class RestoreInterrupted extends AppError {
  constructor(libraryPath: string) {
    super('conflict', `The restore was interrupted; the library ${libraryPath} was not changed.`);
    this.name = 'RestoreInterrupted';
  }
}

/** Why a restore could not finish, in words; the library is unchanged whenever this is thrown. */
const RESTORE_WHY: Partial<Record<StorageProblem, string>> = {
  disk_full: 'the disk is full',
  read_only: 'the folder or disk is read-only',
  unreadable: 'Verbatim is not allowed to write there',
  in_use: 'another program holds the library',
};

function restoreFailure(err: unknown, libraryPath: string): unknown {
  if (err instanceof AppError) return err;
  if ((err as Error)?.name === 'AbortError') return new RestoreInterrupted(libraryPath);
  const problem = problemOf(err);
  const why = problem && RESTORE_WHY[problem];
  if (why) return new AppError(codeOf[problem], `The backup could not be put in place: ${why}. The library ${libraryPath} was not changed.`);
  return new AppError('internal', `The backup could not be put in place (${(err as Error)?.message ?? err}); the library ${libraryPath} was not changed.`);
}

/**
 * Opens the copy as SQLite would: it must pass the integrity check and be a schema this version
 * knows. Its -wal is folded in, so what takes the library's name is one self-contained file.
 */
function verifyRestoredCopy(partial: string, backupPath: string) {
  let db: Database.Database | undefined;
  try {
    db = new Database(partial, sqliteOptions({ fileMustExist: true, timeout: 0 }));
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length) throw new AppError('damaged', `The backup ${backupPath} is damaged too (${problems[0]}); nothing was changed.`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) {
      throw new AppError(
        'unsupported',
        `The backup ${backupPath} was written by a newer version of Verbatim (schema ${version}; this version knows up to ${LATEST_VERSION}), so this version could not open it after restoring; nothing was changed. Update Verbatim, then restore.`,
      );
    }
    const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (r?.busy) throw new AppError('busy', `The copy of ${backupPath} could not be made whole (its WAL is in use); nothing was changed.`);
  } catch (err) {
    if (err instanceof AppError || (problemOf(err) ?? 'damaged') !== 'damaged') throw err;
    throw new AppError('damaged', `The backup ${backupPath} is damaged too (${(err as Error).message}); nothing was changed.`);
  } finally {
    db?.close();
  }
}

/** Folds the library's -wal into it; false when that failed (a damaged library) and the -wal remains. */
function checkpoint(libraryPath: string): boolean {
  const wal = `${libraryPath}-wal`;
  const empty = () => !fs.existsSync(wal) || fs.statSync(wal).size === 0;
  if (empty()) return true;
  let db: Database.Database | undefined;
  try {
    db = new Database(libraryPath, sqliteOptions({ fileMustExist: true, timeout: 0 }));
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    return false;
  } finally {
    try {
      db?.close();
    } catch {
      // A damaged file may not close cleanly either; its -wal is then moved aside with it.
    }
  }
  return empty();
}

/** A hard link where the file system has them (instant, no space needed); else a synced copy. */
async function keepAside(libraryPath: string, keptAs: string) {
  try {
    fs.linkSync(libraryPath, keptAs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'EMLINK' && code !== 'ENOSYS') throw err;
    await copySynced(libraryPath, keptAs);
  }
}

async function copySynced(from: string, to: string, signal?: AbortSignal) {
  try {
    await pipeline(fs.createReadStream(from), fs.createWriteStream(to, { flags: 'wx' }), { signal });
    fsyncFile(to);
  } catch (err) {
    fs.rmSync(to, { force: true });
    throw err;
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
    db = new Database(libraryPath, sqliteOptions({ fileMustExist: true, timeout: 0 }));
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
