// Why a library file could not be opened, read or written, told apart so the analyst is given the
// right remedy. A permission problem, a read-only folder, a full disk or another program's lock is
// not damage: calling it damage invites a restore over an intact library (red-team finding 3).
import { AppError } from '../errors';
import type { ErrorCode } from '../../shared/contract';
import { busyError } from './write-lock';

/** What stands between Verbatim and the library file. */
export type StorageProblem = 'damaged' | 'unreadable' | 'read_only' | 'in_use' | 'disk_full' | 'missing' | 'not_a_file' | 'newer';

/** The contract's error code for each problem. */
export const codeOf: Record<StorageProblem, ErrorCode> = {
  damaged: 'damaged',
  unreadable: 'permission',
  read_only: 'read_only',
  in_use: 'busy',
  disk_full: 'disk_full',
  missing: 'not_found',
  not_a_file: 'invalid_input',
  newer: 'unsupported',
};

/** A library that cannot be opened as it is, with what is wrong and what the analyst can do. */
export class LibraryOpenError extends AppError {
  constructor(
    readonly problem: StorageProblem,
    readonly libraryPath: string,
    message: string,
  ) {
    super(codeOf[problem], message);
    this.name = 'LibraryOpenError';
  }
}

interface SystemError {
  code?: string;
  message?: string;
}

/** SQLite's result codes (better-sqlite3 names them, with extended codes) and Node's errnos. */
export function problemOf(err: unknown): StorageProblem | null {
  const code = (err as SystemError)?.code ?? '';
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_SHMSIZE') return 'disk_full';
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY')) return 'read_only';
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') return 'unreadable';
  if (code === 'EBUSY' || code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'in_use';
  if (code === 'ENOENT') return 'missing';
  if (code === 'EISDIR' || code === 'ENOTDIR') return 'not_a_file';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'damaged';
  return null;
}

/**
 * A write that failed for a reason the analyst can act on becomes a typed error in plain words;
 * anything else is returned unchanged (the router reports it as `internal`).
 */
export function storageWriteError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  switch (problemOf(err)) {
    case 'disk_full':
      return new AppError('disk_full', 'The disk is full, so this change could not be saved; nothing was changed. Free some space and try again.');
    case 'read_only':
      return new AppError('read_only', 'The library is read-only here (a read-only file, folder or disk), so this change could not be saved; nothing was changed.');
    case 'unreadable':
      return new AppError('permission', 'Verbatim is not allowed to write this file (its permissions or owner); nothing was changed.');
    case 'in_use':
      return busyError(false);
    default:
      return err;
  }
}
