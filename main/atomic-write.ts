// Writes a file so that the path the user named holds either its old content or the whole new
// one, never a truncated mix: a temporary file in the same folder, fsync, rename, fsync the folder.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export async function writeFileAtomic(target: string, produce: Uint8Array | string | ((tmpPath: string) => Promise<void>)): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    if (typeof produce === 'function') await produce(tmp);
    else fs.writeFileSync(tmp, produce);
    const fd = fs.openSync(tmp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  try {
    const dfd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(dfd);
    } finally {
      fs.closeSync(dfd);
    }
  } catch {
    // Some platforms (Windows) cannot fsync a folder; the rename itself is still atomic there.
  }
}
