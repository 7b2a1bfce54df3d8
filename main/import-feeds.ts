// Feeds for the transports that import without a dialog to pick from (the CLI): every item of a
// feed, in batches the contract accepts, each item its own result. A feed file that cannot be read
// is one failed result and the other files go on.
import fs from 'node:fs';
import path from 'node:path';
import { MAX_IMPORT_BATCH } from '../shared/contract';
import type { FeedListing } from '../shared/feed';
import type { ImportResult } from '../shared/model';
import { MAX_IMPORT_BYTES, formatBytes } from '../shared/limits';

export interface FeedCalls {
  read(file: string, data: string): Promise<FeedListing>;
  importItems(items: FeedListing['items']): Promise<ImportResult[]>;
}

/** Every item of a listed feed, a result each, named "feed: item". */
export async function importAllItems(feed: FeedListing, importItems: FeedCalls['importItems'], label = feed.source): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (let i = 0; i < feed.items.length; i += MAX_IMPORT_BATCH) {
    const batch = feed.items.slice(i, i + MAX_IMPORT_BATCH);
    let stored: ImportResult[];
    try {
      stored = await importItems(batch);
    } catch (err) {
      stored = batch.map((item) => ({ file: item.title ?? item.link ?? 'item', status: 'failed', error: (err as Error).message }));
    }
    results.push(...stored.map((r) => ({ ...r, file: `${label}: ${r.file}` })));
  }
  if (!feed.items.length) results.push({ file: label, status: 'failed', error: 'The feed lists no items; nothing was imported.' });
  return results;
}

export async function importFeedFiles(files: readonly string[], calls: FeedCalls): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const file of files) {
    const name = path.basename(file);
    let feed: FeedListing;
    try {
      const st = await fs.promises.stat(file);
      if (!st.isFile()) throw new Error('Not a file.');
      if (st.size > MAX_IMPORT_BYTES) throw new Error(`The file is ${formatBytes(st.size)}; the most Verbatim imports is ${formatBytes(MAX_IMPORT_BYTES)}.`);
      feed = await calls.read(name, (await fs.promises.readFile(file)).toString('base64'));
    } catch (err) {
      results.push({ file, status: 'failed', error: (err as Error).message });
      continue;
    }
    results.push(...(await importAllItems(feed, calls.importItems, name)));
  }
  return results;
}
