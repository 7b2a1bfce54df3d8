// Writes a file so that the path the user named holds either its old content or the whole new
// one, never a truncated mix: a temporary file in the same folder, fsync, rename, fsync the folder.
// A file replaced this way keeps its permissions and, where the system allows, its owner: an
// export the analyst made private (0600) must not become readable by everyone on the next export.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export async function writeFileAtomic(target: string, produce: Uint8Array | string | ((tmpPath: string) => Promise<void>)): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.partial`);
  const replaced = existingFile(target);
  try {
    if (typeof produce === 'function') await produce(tmp);
    else fs.writeFileSync(tmp, produce, { mode: 0o600 });
    if (replaced) keepOwnership(tmp, replaced);
    else if (typeof produce !== 'function') fs.chmodSync(tmp, 0o666 & ~process.umask());
    fsyncFile(tmp);
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  fsyncDir(dir);
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
