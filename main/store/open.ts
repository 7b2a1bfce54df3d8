// Opening a library file: pragmas for durability, a full check for damage, refusal of files written
// by a newer Verbatim, and migrations (after a backup) in one transaction. Whatever stops it is
// named for what it is (storage-errors.ts): only real damage is called damage.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors';
import { backupDirFor, listBackups, takeBackup, takeDailyBackup, DEFAULT_KEEP } from './backup';
import { LibraryOpenError, problemOf } from './storage-errors';
import { kindOf } from '../output-path';
import { registerSearchFunctions } from './search-functions';
import { migrations as allMigrations, LATEST_VERSION, type Migration } from './migrations';
import { sqliteOptions } from './native-binding';

export interface Library {
  readonly db: Database.Database;
  readonly path: string;
  /** Opened for reading only (a read-only file): every write is refused with `read_only`. */
  readonly readOnly: boolean;
  /** What the analyst should know but that did not stop the library from opening (a skipped backup). */
  readonly warnings: readonly string[];
  close(): void;
}

export interface OpenOptions {
  /** Take a backup now if the newest is older than a day (long-running processes: app, web). */
  dailyBackup?: boolean;
  keepBackups?: number;
  /** Tests substitute an older or newer list to exercise migrations. */
  migrations?: readonly Migration[];
  /**
   * Start a new, empty library when there is none (the default). Commands that only read pass
   * false: a mistyped `--db` must not leave a folder tree and an empty library behind.
   */
  create?: boolean;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** Paths open in this process: a second connection from the same app would only hide bugs. */
const openPaths = new Set<string>();

/** Damage SQLite itself detects: the one problem a backup is the remedy for. */
export class LibraryDamagedError extends LibraryOpenError {
  constructor(libraryPath: string, readonly detail: string) {
    const newest = listBackups(libraryPath)[0];
    super(
      'damaged',
      libraryPath,
      `The library ${libraryPath} is damaged (${detail}). Nothing was changed. ` +
        (newest
          ? `The newest backup is ${newest.path} (${newest.createdAt}); restore it with "verbatim restore ${JSON.stringify(newest.path)}".`
          : 'No backup of it exists yet.'),
    );
  }
}

export async function openLibrary(file: string, options: OpenOptions = {}): Promise<Library> {
  const libraryPath = path.resolve(file);
  const migrations = options.migrations ?? allMigrations;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  if (openPaths.has(libraryPath)) throw new AppError('conflict', `The library ${libraryPath} is already open.`);

  const { writable } = preflight(libraryPath, options.create ?? true);
  checkHeader(libraryPath);
  const warnings: string[] = [];
  if (!writable) {
    warnings.push(`The library file ${libraryPath} is read-only: you can read, search and export, but changes cannot be saved. To change it, make the file writable (chmod u+w).`);
  }

  let db: Database.Database;
  try {
    db = new Database(libraryPath, sqliteOptions({ readonly: !writable }));
    registerSearchFunctions(db);
  } catch (err) {
    throw diagnose(libraryPath, err);
  }
  try {
    let version: number;
    try {
      db.pragma('busy_timeout = 5000');
      version = db.pragma('user_version', { simple: true }) as number;
      if (version > latest) {
        throw new LibraryOpenError(
          'newer',
          libraryPath,
          `The library ${libraryPath} was written by a newer version of Verbatim (schema ${version}; this version knows up to ${latest}). ` +
            'It was left untouched; update Verbatim to open it.',
        );
      }
      // The full check, not quick_check: quick_check skips comparing indexes with their tables, so
      // a damaged index (a flipped byte in an index page, or in the row it points at) would pass and
      // be written to. On a 10,000-article (160 MB) library both take about half a second.
      const problems = (db.pragma('integrity_check') as { integrity_check: string }[])
        .map((r) => r.integrity_check)
        .filter((r) => r !== 'ok');
      if (problems.length) throw new LibraryDamagedError(libraryPath, problems.slice(0, 3).join('; '));
      if (writable) db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
    } catch (err) {
      throw diagnose(libraryPath, err);
    }

    const pending = migrations.filter((m) => m.version > version);
    if (pending.length) {
      if (!writable) {
        throw new LibraryOpenError('read_only', libraryPath, `The library ${libraryPath} must be upgraded to this version of Verbatim, which means writing to it, and the file is read-only. Make it writable (chmod u+w) and start again; it was not changed.`);
      }
      try {
        if (version > 0) await takeBackup(db, libraryPath, `before-v${pending[pending.length - 1]!.version}`, options.keepBackups);
      } catch (err) {
        throw diagnose(libraryPath, err, 'Verbatim backs up a library before upgrading it, and could not: ');
      }
      // The pragma is a no-op inside a transaction, so it is set around the one the upgrade runs in.
      const foreignKeysOff = pending.some((m) => m.foreignKeysOff);
      if (foreignKeysOff) db.pragma('foreign_keys = OFF');
      try {
        db.transaction(() => {
          for (const m of pending) {
            m.up(db);
            db.pragma(`user_version = ${m.version}`);
          }
          if (foreignKeysOff && (db.pragma('foreign_key_check') as unknown[]).length) {
            throw new Error('The upgrade would leave rows pointing at nothing; it was undone and the library is as it was.');
          }
        }).immediate();
      } finally {
        if (foreignKeysOff) db.pragma('foreign_keys = ON');
      }
    }
    if (options.dailyBackup && writable) {
      // A backup is a safety net, not a reason to lock the analyst out: on a full disk (or a
      // backups folder that cannot be written) the library opens and the analyst is told.
      try {
        await takeDailyBackup(db, libraryPath, options.keepBackups ?? DEFAULT_KEEP);
      } catch (err) {
        warnings.push(`No daily backup was taken: ${describeProblem(err)}. Your library opened as usual; free some space (or fix ${backupDirFor(libraryPath)}) so backups resume.`);
      }
    }
  } catch (err) {
    db.close();
    throw err;
  }

  openPaths.add(libraryPath);
  return {
    db,
    path: libraryPath,
    readOnly: !writable,
    warnings,
    close() {
      if (!openPaths.delete(libraryPath)) return;
      db.close();
    },
  };
}

/**
 * Looks at the file before SQLite does, so a folder, a missing file or a permission problem is
 * named as what it is. Returns whether the library can be written.
 */
function preflight(libraryPath: string, create: boolean): { writable: boolean } {
  let st: fs.Stats;
  try {
    st = fs.statSync(libraryPath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !create) {
      throw new LibraryOpenError('missing', libraryPath, `There is no library at ${libraryPath}; nothing was created. Check the path (--db or VERBATIM_DB), or import an article to start a library there.`);
    }
    if (code !== 'ENOENT') throw diagnose(libraryPath, err);
    try {
      fs.mkdirSync(path.dirname(libraryPath), { recursive: true });
      fs.accessSync(path.dirname(libraryPath), fs.constants.W_OK);
    } catch (mkdirErr) {
      throw diagnose(libraryPath, mkdirErr, `Verbatim cannot start a new library in ${path.dirname(libraryPath)}: `);
    }
    return { writable: true };
  }
  if (st.isDirectory()) {
    throw new LibraryOpenError('not_a_file', libraryPath, `${libraryPath} is a folder, not a library file. Give the library file itself, for example ${path.join(libraryPath, 'library.sqlite')}.`);
  }
  if (!st.isFile()) throw new LibraryOpenError('not_a_file', libraryPath, `${libraryPath} is ${kindOf(st)}, so it cannot be a library.`);
  try {
    fs.accessSync(libraryPath, fs.constants.R_OK);
  } catch (err) {
    throw diagnose(libraryPath, err);
  }
  const dir = path.dirname(libraryPath);
  const writableFile = canWrite(libraryPath);
  const writableDir = canWrite(dir);
  if (writableDir !== true) {
    // SQLite keeps its WAL index (-shm) beside the library and must create it even to read.
    throw new LibraryOpenError(
      'read_only',
      libraryPath,
      `The folder ${dir} is read-only (${writableDir === 'EROFS' ? 'a read-only disk or mount' : 'its permissions'}), and Verbatim needs to write beside the library even to read it. ` +
        'Your library was not changed. Copy it to a writable folder and open it there (--db), or make the folder writable.',
    );
  }
  return { writable: writableFile === true };
}

function canWrite(p: string): true | string {
  try {
    fs.accessSync(p, fs.constants.W_OK);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? 'EACCES';
  }
}

/** The error to show for a failure while opening: what kind of problem it is, in words, with the remedy. */
function diagnose(libraryPath: string, err: unknown, prefix = ''): AppError {
  if (err instanceof AppError) return err;
  const problem = problemOf(err) ?? 'damaged';
  const detail = describeProblem(err);
  const untouched = 'Your library was not changed.';
  switch (problem) {
    case 'damaged':
      return new LibraryDamagedError(libraryPath, `${prefix}${detail}`);
    case 'disk_full':
      return new LibraryOpenError('disk_full', libraryPath, `${prefix}The disk holding ${libraryPath} is full (${detail}). ${untouched} Free some space and start Verbatim again.`);
    case 'read_only':
      return new LibraryOpenError('read_only', libraryPath, `${prefix}${libraryPath} cannot be written (${detail}): the file, its folder or the disk is read-only. ${untouched} Make it writable, or copy the library to a writable folder.`);
    case 'unreadable': {
      const owner = ownerOf(libraryPath);
      return new LibraryOpenError(
        'unreadable',
        libraryPath,
        `${prefix}Verbatim is not allowed to open ${libraryPath} (${detail}${owner ? `; ${owner}` : ''}). ${untouched} ` +
          'This often follows running Verbatim with sudo: give the file back to yourself (sudo chown "$USER" on the library and its folder) and start again.',
      );
    }
    case 'in_use':
      return new LibraryOpenError('in_use', libraryPath, `${prefix}${libraryPath} is locked by another program (${detail}). ${untouched} Close the other program (another Verbatim, an SQLite browser, a sync tool) and try again.`);
    case 'missing':
      return new LibraryOpenError('missing', libraryPath, `${prefix}There is no library at ${libraryPath} (${detail}).`);
    case 'not_a_file':
      return new LibraryOpenError('not_a_file', libraryPath, `${prefix}${libraryPath} is not a library file (${detail}).`);
    case 'newer':
      return new LibraryOpenError('newer', libraryPath, `${prefix}${detail}`);
  }
}

function describeProblem(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const message = (e?.message ?? String(err)).replace(/^[A-Z]+: /, '');
  return e?.code && !message.includes(e.code) ? `${e.code}: ${message}` : message;
}

function ownerOf(file: string): string | null {
  try {
    const st = fs.statSync(file);
    const mine = process.getuid?.();
    const mode = (st.mode & 0o777).toString(8).padStart(4, '0');
    return `owned by user ${st.uid}${mine !== undefined && mine !== st.uid ? `, you are user ${mine}` : ''}, mode ${mode}`;
  } catch {
    return null;
  }
}

/** A file that exists but does not start with SQLite's header is not a library, however it got there. */
function checkHeader(libraryPath: string) {
  let fd: number;
  try {
    fd = fs.openSync(libraryPath, 'r');
  } catch {
    return; // a new library
  }
  try {
    const head = Buffer.alloc(16);
    const n = fs.readSync(fd, head, 0, 16, 0);
    if (n === 0) return; // an empty file is a new library
    if (n < 16 || !head.equals(SQLITE_HEADER)) throw new LibraryDamagedError(libraryPath, 'the file header is not SQLite’s');
  } finally {
    fs.closeSync(fd);
  }
}

export { LATEST_VERSION };

/**
 * A second connection to an open library, for work that runs beside the services and must look to
 * them like another process: the team link's syncing (main/sync/team-link.ts), whose changes the
 * window then sees as it sees the command line's (`library.changes`). The library was checked and
 * migrated when it was opened; this connection only takes the same settings.
 */
export function connectAgain(library: Library): Database.Database {
  const db = new Database(library.path, sqliteOptions({ readonly: library.readOnly, fileMustExist: true }));
  try {
    registerSearchFunctions(db);
    // The team's changes wait for the window's writes rather than fail: they are written between calls.
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
