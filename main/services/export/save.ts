// Saving an export to a path the user named (the CLI's --out): the whole file or nothing. The file
// is produced completely in memory first (a failed or interrupted print never reaches the disk),
// then written beside the target and renamed over it, so an existing file is only ever replaced by
// a complete new one.
import type { ExportedDocument } from '../../../shared/contract';
import { AppError } from '../../errors';
import { writeFileAtomic } from '../../atomic-write';
import { checkOutputPath, outputError } from '../../output-path';

/** `library`: the open library's path, whose files are never a target. */
export async function saveExport(target: string, produce: () => Promise<ExportedDocument>, library?: string): Promise<{ path: string; bytes: number; document: ExportedDocument }> {
  // Refused before any work is done: a target that could never be written, or must not be.
  const file = checkOutputPath(target, library);
  const document = await produce();
  const bytes = Buffer.from(document.base64, 'base64');
  if (!bytes.length) throw new AppError('internal', 'The export came out empty; nothing was written.');
  try {
    await writeFileAtomic(file, bytes);
  } catch (err) {
    throw outputError(err, file);
  }
  return { path: file, bytes: bytes.length, document };
}
