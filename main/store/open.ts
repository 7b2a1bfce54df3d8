// Opening a library file: pragmas for durability, a quick check for damage, refusal of files written
// by a newer Verbatim, and migrations (after a backup) in one transaction.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors';
import { listBackups, takeBackup, takeDailyBackup, DEFAULT_KEEP } from './backup';
import { migrations as allMigrations, LATEST_VERSION, type Migration } from './migrations';

export interface Library {
  readonly db: Database.Database;
  readonly path: string;
  close(): void;
}

export interface OpenOptions {
  /** Take a backup now if the newest is older than a day (long-running processes: app, web). */
  dailyBackup?: boolean;
  keepBackups?: number;
  /** Tests substitute an older or newer list to exercise migrations. */
  migrations?: readonly Migration[];
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** Paths open in this process: a second connection from the same app would only hide bugs. */
const openPaths = new Set<string>();

export class LibraryDamagedError extends AppError {
  constructor(
    readonly libraryPath: string,
    readonly detail: string,
  ) {
    const newest = listBackups(libraryPath)[0];
    super(
      'damaged',
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

  fs.mkdirSync(path.dirname(libraryPath), { recursive: true });
  checkHeader(libraryPath);

  let db: Database.Database;
  try {
    db = new Database(libraryPath);
  } catch (err) {
    throw new LibraryDamagedError(libraryPath, (err as Error).message);
  }
  try {
    let version: number;
    try {
      db.pragma('busy_timeout = 5000');
      version = db.pragma('user_version', { simple: true }) as number;
      if (version > latest) {
        throw new AppError(
          'unsupported',
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
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new LibraryDamagedError(libraryPath, (err as Error).message);
    }

    const pending = migrations.filter((m) => m.version > version);
    if (pending.length) {
      if (version > 0) await takeBackup(db, libraryPath, `before-v${pending[pending.length - 1]!.version}`, options.keepBackups);
      db.transaction(() => {
        for (const m of pending) {
          m.up(db);
          db.pragma(`user_version = ${m.version}`);
        }
      }).immediate();
    }
    if (options.dailyBackup) await takeDailyBackup(db, libraryPath, options.keepBackups ?? DEFAULT_KEEP);
  } catch (err) {
    db.close();
    throw err;
  }

  openPaths.add(libraryPath);
  return {
    db,
    path: libraryPath,
    close() {
      if (!openPaths.delete(libraryPath)) return;
      db.close();
    },
  };
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
