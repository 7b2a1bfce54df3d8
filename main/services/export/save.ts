// Saving an export to a path the user named (the CLI's --out): the whole file or nothing. The file
// is produced completely in memory first (a failed or interrupted print never reaches the disk),
// then written beside the target and renamed over it, so an existing file is only ever replaced by
// a complete new one.
import fs from 'node:fs';
import path from 'node:path';
import type { ExportedDocument } from '../../../shared/contract';
import { AppError } from '../../errors';
import { writeFileAtomic } from '../../atomic-write';

/** Refuses, before any work is done, a target that could never be written. */
export function checkExportTarget(target: string): string {
  const file = path.resolve(target);
  const dir = path.dirname(file);
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    throw new AppError('not_found', `The folder ${dir} does not exist.`);
  }
  if (!st.isDirectory()) throw new AppError('invalid_input', `${dir} is not a folder.`);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new AppError('invalid_input', `${file} is a folder; name a file to write.`);
  return file;
}

export async function saveExport(target: string, produce: () => Promise<ExportedDocument>): Promise<{ path: string; bytes: number; document: ExportedDocument }> {
  const file = checkExportTarget(target);
  const document = await produce();
  const bytes = Buffer.from(document.base64, 'base64');
  if (!bytes.length) throw new AppError('internal', 'The export came out empty; nothing was written.');
  await writeFileAtomic(file, bytes);
  return { path: file, bytes: bytes.length, document };
}
