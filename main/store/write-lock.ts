// One writer at a time. SQLite's write lock is per file and shared by every process on the library:
// the app, `verbatim web`, each `verbatim` command. A 10 MB article keeps it for a second or more
// while FTS5 indexes it, and several imports queue behind each other. A write that finds the lock
// taken waits its turn (without freezing the process that serves the UI) instead of failing, and
// only after a long time is refused with a typed `busy` and plain words.
import type Database from 'better-sqlite3';
import { AppError } from '../errors';

/**
 * How long one attempt waits inside SQLite for the lock. better-sqlite3 is synchronous, so this
 * wait blocks the thread: kept short, so a server keeps answering reads (WAL readers never wait
 * for the writer) while its writes wait between attempts on a timer.
 */
export const LOCK_ATTEMPT_MS = 100;
/**
 * How long a call keeps trying before it answers `busy`. Several 10 MB imports in a row take a few
 * seconds each on an idle machine, but tens of seconds on a loaded one. An autosave answered
 * `busy` is retried by the renderer, which meanwhile shows why it is not saved yet.
 */
export const LOCK_PATIENCE_MS = 60_000;
/** An import has done its slow part (reading the file) before it waits: it waits longer rather than throw that away. */
export const IMPORT_LOCK_PATIENCE_MS = 10 * 60_000;

/**
 * The write transaction could not start because another connection holds the lock: nothing of it
 * ran, so running the whole call again is safe.
 */
export class WriteLockBusy extends Error {
  constructor(cause: unknown) {
    super('The library is being written to by another connection.', { cause });
    this.name = 'WriteLockBusy';
  }
}

/** SQLITE_BUSY and its extended codes (…_SNAPSHOT, …_RECOVERY, …_TIMEOUT), and SQLITE_LOCKED. */
export function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** Gives the connection the short per-attempt wait; the caller retries with `retryWhileBusy`. */
export function useShortLockWait(db: Database.Database): void {
  db.pragma(`busy_timeout = ${LOCK_ATTEMPT_MS}`);
}

/**
 * `fn` in a write transaction taken up front (BEGIN IMMEDIATE), so the lock is either had before
 * anything is read or not had at all: a busy library surfaces as `WriteLockBusy`, never halfway.
 * Keep `fn` to the writes: parse, render and serialise before calling this.
 */
export function writeTransaction<T>(db: Database.Database, fn: () => T): T {
  try {
    return db.transaction(fn).immediate();
  } catch (err) {
    if (isBusy(err)) throw new WriteLockBusy(err);
    throw err;
  }
}

/**
 * Runs `fn` in one write transaction of the library: every service writes through the one this
 * makes for its library (`transactionFor`), so there is a single way to take the write lock.
 */
export type Transaction = <T>(fn: () => T) => T;

export function transactionFor(db: Database.Database): Transaction {
  return (fn) => writeTransaction(db, fn);
}

export const busyError = (nothingChanged = true) =>
  new AppError(
    'busy',
    'The library is busy: another Verbatim window or command (a large import, perhaps) has kept it for over a minute. ' +
      (nothingChanged ? 'Nothing was changed; try again in a moment.' : 'Try again in a moment.'),
  );

/**
 * Runs `attempt` until it gets past a taken write lock, pausing between tries on a timer (with
 * jitter, so processes do not retry in step). Gives up with `busy` after `patienceMs`.
 */
export async function retryWhileBusy<T>(attempt: () => T | Promise<T>, patienceMs = LOCK_PATIENCE_MS): Promise<T> {
  const deadline = Date.now() + patienceMs;
  for (let pause = 10; ; pause = Math.min(pause * 2, 250)) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof WriteLockBusy)) throw err;
      if (Date.now() >= deadline) throw busyError();
      await new Promise((resume) => setTimeout(resume, pause * (0.5 + Math.random())));
    }
  }
}
