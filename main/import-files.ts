// Importing files from disk, for the transports that can read the disk: the CLI (`verbatim import`)
// and the desktop app (File ▸ Import…). Each file is checked and read here; the files that read well
// go to `articles.importBatch` in batches, each stored in one write transaction (a commit per batch,
// not per article). One file's failure is its own result and the rest go on.
import fs from 'node:fs';
import path from 'node:path';
import { MAX_IMPORT_BATCH, type CallInput } from '../shared/contract';
import { formatBytes, maxImportBytes } from '../shared/limits';
import type { ImportResult } from '../shared/model';

/** What the analyst gave for every file of the batch (the CLI's --title, --outlet, ...). */
export type ImportMeta = Pick<CallInput<'articles.import'>, 'title' | 'outlet' | 'author' | 'publishedAt' | 'url'>;

/** Sends files to `articles.importBatch`, a result per file in order; throws when the call is refused. */
export type ImportBatchCall = (files: CallInput<'articles.import'>[]) => Promise<ImportResult[]>;

/** A batch also ends at this many bytes read, so many large files are never all in memory at once. */
const BATCH_BYTES = 32 * 1024 * 1024;

export async function importFiles(
  files: readonly string[],
  importBatch: ImportBatchCall,
  meta: ImportMeta = {},
  onProgress?: (done: number, total: number) => void,
): Promise<ImportResult[]> {
  const results: ImportResult[] = new Array(files.length);
  let batch: { index: number; input: CallInput<'articles.import'> }[] = [];
  let bytes = 0;
  let done = 0;
  onProgress?.(0, files.length);
  const flush = async () => {
    if (!batch.length) return;
    const sent = batch;
    batch = [];
    bytes = 0;
    let stored: ImportResult[];
    try {
      stored = await importBatch(sent.map((b) => b.input));
    } catch (err) {
      // The library refused the whole call (busy too long, disk full): each file says why.
      stored = sent.map((b) => ({ file: b.input.file, status: 'failed', error: (err as Error).message }));
    }
    for (const [i, b] of sent.entries()) results[b.index] = { ...stored[i]!, file: files[b.index]! };
    done += sent.length;
    onProgress?.(done, files.length);
  };
  for (const [index, file] of files.entries()) {
    const read = await readFile(file, meta);
    if ('status' in read) {
      results[index] = read;
      onProgress?.(++done, files.length);
      continue;
    }
    if (batch.length && bytes + read.data.length > BATCH_BYTES) await flush();
    batch.push({ index, input: read });
    bytes += read.data.length;
    if (batch.length >= MAX_IMPORT_BATCH) await flush();
  }
  await flush();
  return results;
}

async function readFile(file: string, meta: ImportMeta): Promise<CallInput<'articles.import'> | ImportResult> {
  try {
    const st = await fs.promises.stat(file);
    if (!st.isFile()) return { file, status: 'failed', error: 'Not a file.' };
    // Checked before reading: a huge file must not be loaded into memory only to be refused.
    const limit = maxImportBytes(file);
    if (st.size > limit) {
      return { file, status: 'failed', error: `The file is ${formatBytes(st.size)}; the most Verbatim imports is ${formatBytes(limit)}.` };
    }
    const data = (await fs.promises.readFile(file)).toString('base64');
    return { file: path.basename(file), encoding: 'base64', data, ...meta };
  } catch (err) {
    return { file, status: 'failed', error: (err as Error).message };
  }
}
