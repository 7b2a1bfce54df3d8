// Writes a file so that the path the user named holds either its old content or the whole new
// one, never a truncated mix: a temporary file in the same folder, fsync, rename, fsync the folder.
// A file replaced this way keeps its permissions and, where the system allows, its owner: an
// export the analyst made private (0600) must not become readable by everyone on the next export.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes `produce` (the content, or a function that writes the temporary file itself, such as
 * SQLite's backup) atomically to `target`.
 */
export async function writeFileAtomic(target: string, produce: Uint8Array | string | ((tmpPath: string) => Promise<void>)): Promise<void> {
  const pending = prepare(target);
  try {
    if (typeof produce === 'function') await produce(pending.tmp);
    else writeContent(pending, produce);
    put(pending, typeof produce === 'function');
  } catch (err) {
    fs.rmSync(pending.tmp, { force: true });
    throw err;
  }
  fsyncDir(pending.dir);
}

/** The same, for small files written where nothing may wait (the window's place, saved as it closes). */
export function writeFileAtomicSync(target: string, content: Uint8Array | string): void {
  const pending = prepare(target);
  try {
    writeContent(pending, content);
    put(pending, false);
  } catch (err) {
    fs.rmSync(pending.tmp, { force: true });
    throw err;
  }
  fsyncDir(pending.dir);
}

interface Pending {
  dir: string;
  tmp: string;
  target: string;
  /** The file being replaced, whose owner and mode the new one keeps. */
  replaced: fs.Stats | null;
}

function prepare(target: string): Pending {
  const dir = path.dirname(path.resolve(target));
  return { dir, target, tmp: path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.partial`), replaced: existingFile(target) };
}

/** Private while it is written: the permissions come when it is complete. */
function writeContent(p: Pending, content: Uint8Array | string): void {
  fs.writeFileSync(p.tmp, content, { mode: 0o600 });
}

/**
 * Gives the complete temporary file its permissions, flushes it and renames it over the target.
 * A file the caller produced itself keeps the mode it was made with, unless it replaces one.
 */
function put(p: Pending, producedByCaller: boolean): void {
  if (p.replaced) keepOwnership(p.tmp, p.replaced);
  else if (!producedByCaller) fs.chmodSync(p.tmp, 0o666 & ~process.umask());
  fsyncFile(p.tmp);
  fs.renameSync(p.tmp, p.target);
}

/** Flushes a file's content to the disk. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A rename is durable only once its folder is synced (POSIX). */
export function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some platforms (Windows) cannot fsync a folder; the rename itself is still atomic there.
  }
}

function existingFile(target: string): fs.Stats | null {
  try {
    const st = fs.statSync(target);
    return st.isFile() ? st : null;
  } catch {
    return null;
  }
}

/** The replaced file's owner (or at least its group) and then its mode: chown may clear set-id bits. */
function keepOwnership(tmp: string, was: fs.Stats): void {
  try {
    fs.chownSync(tmp, was.uid, was.gid);
  } catch {
    // Only root may give a file away; an ordinary user may still keep the group if they belong to it.
    try {
      fs.chownSync(tmp, -1, was.gid);
    } catch {
      // Not a member of that group: the new file is the user's own, with the old permissions below.
    }
  }
  fs.chmodSync(tmp, was.mode & 0o7777);
}
