// Where the CLI may write a file the user named (--out of every export, the backup's FILE): checked
// before any work is done, so a wrong path is refused in words and nothing is touched. Writing
// replaces the target by renaming a new file over it, which would swap a device node such as
// /dev/null for a regular file, or replace the library's own -wal under a running SQLite; so only
// a regular file or a new name in an existing folder is accepted.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from './errors';

/** The files SQLite keeps for a library: writing over any of them loses data. */
const LIBRARY_SUFFIXES = ['', '-wal', '-shm', '-journal'];

/** What a path holds that is not a regular file, in words. */
/** What a path that is not a regular file is, in words: "a folder", "a named pipe (FIFO)". */
export function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isCharacterDevice()) return 'a device (character device)';
  if (st.isBlockDevice()) return 'a disk (block device)';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

const statOrNull = (file: string, follow = true): fs.Stats | null => {
  try {
    return follow ? fs.statSync(file) : fs.lstatSync(file);
  } catch {
    return null;
  }
};

const realOr = (file: string) => {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
};

/**
 * The absolute path to write to, after refusing a missing folder, anything but a regular file or a
 * new name, and the library's own files (`library` is the open library's path). A symbolic link to
 * a regular file is followed: the file it points to is replaced, the link stays.
 */
export function checkOutputPath(target: string, library?: string): string {
  const file = path.resolve(target);
  const st = statOrNull(file);
  let real: string;
  if (st) {
    if (!st.isFile()) {
      throw new AppError('invalid_input', `${file} is ${kindOf(st)}, not a file${st.isDirectory() ? '; name a file to write' : ''}. Nothing was written.`);
    }
    real = fs.realpathSync(file);
  } else {
    if (statOrNull(file, false)?.isSymbolicLink()) {
      throw new AppError('invalid_input', `${file} is a link to ${fs.readlinkSync(file)}, which does not exist. Nothing was written.`);
    }
    const dir = path.dirname(file);
    const dirSt = statOrNull(dir);
    if (!dirSt) throw new AppError('not_found', `The folder ${dir} does not exist. Nothing was written.`);
    if (!dirSt.isDirectory()) throw new AppError('invalid_input', `${dir} is ${kindOf(dirSt)}, not a folder. Nothing was written.`);
    real = path.join(fs.realpathSync(dir), path.basename(file));
  }
  if (library && isLibraryFile(real, st, library)) {
    throw new AppError('invalid_input', `${file} is one of the library’s own files (${path.basename(library)} and its -wal, -shm, -journal); choose another name. Nothing was written.`);
  }
  return real;
}

/** Same path (through links) or same file (hard links) as the library or one of its companions. */
function isLibraryFile(real: string, st: fs.Stats | null, library: string): boolean {
  const bases = new Set([path.resolve(library), realOr(path.resolve(library))]);
  for (const base of bases) {
    for (const suffix of LIBRARY_SUFFIXES) {
      const companion = `${base}${suffix}`;
      if (companion === real || realOr(companion) === real) return true;
      const cst = st && statOrNull(companion);
      if (cst && cst.dev === st.dev && cst.ino === st.ino) return true;
    }
  }
  return false;
}

/** Filesystem failures while writing `target`, in words; anything else is passed on as it is. */
export function outputError(err: unknown, target: string): unknown {
  let code = (err as NodeJS.ErrnoException | null)?.code;
  // SQLite's backup says only "unable to open database file"; trying the folder ourselves says why.
  if (code === 'SQLITE_CANTOPEN') code = probeFolder(path.dirname(target)) ?? code;
  const reason = code && FS_REASONS[code];
  return reason ? new AppError(code === 'ENOENT' ? 'not_found' : 'invalid_input', `Could not write ${target}: ${reason}. Nothing was written.`) : err;
}

/** The error code of creating a file in `dir`, or undefined when that works. */
function probeFolder(dir: string): string | undefined {
  const probe = path.join(dir, `.verbatim-probe-${process.pid}`);
  try {
    fs.closeSync(fs.openSync(probe, 'wx'));
    fs.rmSync(probe, { force: true });
    return undefined;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code;
  }
}

const FS_REASONS: Record<string, string> = {
  EACCES: 'permission denied (the folder or file is not writable for you)',
  EPERM: 'the system does not allow it (the folder or file is protected)',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'your disk quota is used up',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENOENT: 'the folder does not exist',
  ENAMETOOLONG: 'the name is too long',
  EBUSY: 'the file is in use',
  ETXTBSY: 'the file is in use',
  EXDEV: 'it is on another disk than its folder',
  EIO: 'the disk reported an error',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
};
