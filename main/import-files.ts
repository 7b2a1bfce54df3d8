// Importing files from disk, one after another, for the transports that can read the disk: the CLI
// (`verbatim import`) and the desktop app (File ▸ Import…). Each file is checked and read here and
// handed to `articles.import`; one file's failure is its own result and the batch goes on.
import fs from 'node:fs';
import path from 'node:path';
import type { CallInput } from '../shared/contract';
import { MAX_IMPORT_BYTES, formatBytes } from '../shared/limits';
import type { ImportResult } from '../shared/model';

/** What the analyst gave for every file of the batch (the CLI's --title, --outlet, ...). */
export type ImportMeta = Pick<CallInput<'articles.import'>, 'title' | 'outlet' | 'author' | 'publishedAt' | 'url'>;

/** Sends one file to `articles.import`; throws with the reason when it is refused. */
export type ImportCall = (input: CallInput<'articles.import'>) => Promise<ImportResult>;

export async function importFiles(
  files: readonly string[],
  importOne: ImportCall,
  meta: ImportMeta = {},
  onProgress?: (done: number, total: number) => void,
): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const [i, file] of files.entries()) {
    onProgress?.(i, files.length);
    results.push(await importFile(file, importOne, meta));
  }
  onProgress?.(files.length, files.length);
  return results;
}

async function importFile(file: string, importOne: ImportCall, meta: ImportMeta): Promise<ImportResult> {
  try {
    const st = await fs.promises.stat(file);
    if (!st.isFile()) return { file, status: 'failed', error: 'Not a file.' };
    // Checked before reading: a huge file must not be loaded into memory only to be refused.
    if (st.size > MAX_IMPORT_BYTES) {
      return { file, status: 'failed', error: `The file is ${formatBytes(st.size)}; the most Verbatim imports is ${formatBytes(MAX_IMPORT_BYTES)}.` };
    }
    const data = (await fs.promises.readFile(file)).toString('base64');
    return { ...(await importOne({ file: path.basename(file), encoding: 'base64', data, ...meta })), file };
  } catch (err) {
    return { file, status: 'failed', error: (err as Error).message };
  }
}
