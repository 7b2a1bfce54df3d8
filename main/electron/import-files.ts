// File ▸ Import…: the native file picker, then the chosen files through the router's
// articles.importBatch by the same loop as the CLI (main/import-files.ts). Main reads the files, so the
// renderer never needs file-system access; it is only told that the library changed.
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { IMPORT_EXTENSIONS } from '../../shared/limits';
import type { ImportResult } from '../../shared/model';
import type { Router } from '../router';
import { AppError } from '../errors';
import { importFiles } from '../import-files';
import { importFeedFiles } from '../import-feeds';
import { FEED_EXTENSIONS, isFeedFileName, type FeedListing } from '../../shared/feed';
import { sendMenuCommand } from './ipc';
import { importSummary } from './import-summary';

export async function importWithDialog(window: BrowserWindow | null, router: Router): Promise<void> {
  const options: OpenDialogOptions = {
    title: 'Import articles',
    buttonLabel: 'Import',
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: 'Articles (text, Markdown, HTML, PDF, Word; news-database exports) and feeds', extensions: [...IMPORT_EXTENSIONS, ...FEED_EXTENSIONS].map((e) => e.slice(1)) }],
  };
  const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  if (picked.canceled || picked.filePaths.length === 0) return;

  // Progress on the taskbar / Dock icon while a batch goes in.
  const articles = picked.filePaths.filter((f) => !isFeedFileName(f));
  const results = articles.length
    ? await importFiles(articles, async (files) => {
        const result = await router('articles.importBatch', { files });
        if (!result.ok) throw new AppError(result.error.code, result.error.message);
        return result.value as ImportResult[];
      }, {}, (done, total) => window?.setProgressBar(done < total ? done / total : -1))
    : [];
  // A feed picked here imports every item it lists (as `verbatim import` does); to pick items,
  // open it in the import dialog (Choose files…, or drop it on the window).
  results.push(
    ...(await importFeedFiles(picked.filePaths.filter(isFeedFileName), {
      read: (file, data) => routed<FeedListing>(router, 'feeds.read', { file, data }),
      importItems: (items) => routed<ImportResult[]>(router, 'feeds.importItems', { items }),
    })),
  );
  if (results.some((r) => r.status !== 'failed')) sendMenuCommand(window, 'library-changed');

  const box = importSummary(results);
  if (!box) return;
  if (window) await dialog.showMessageBox(window, box);
  else await dialog.showMessageBox(box);
}

async function routed<T>(router: Router, name: 'feeds.read' | 'feeds.importItems', input: unknown): Promise<T> {
  const result = await router(name, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.message);
  return result.value as T;
}
