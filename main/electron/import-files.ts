// File ▸ Import…: the native file picker, then the chosen files through the router's
// articles.importBatch by the same loop as the CLI (main/import-files.ts). Main reads the files, so the
// renderer never needs file-system access; it is only told that the library changed.
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { IMPORT_EXTENSIONS } from '../../shared/limits';
import type { ImportResult } from '../../shared/model';
import type { Router } from '../router';
import { AppError } from '../errors';
import { importFiles } from '../import-files';
import { sendMenuCommand } from './ipc';
import { importSummary } from './import-summary';

export async function importWithDialog(window: BrowserWindow | null, router: Router): Promise<void> {
  const options: OpenDialogOptions = {
    title: 'Import articles',
    buttonLabel: 'Import',
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: 'Articles (text, Markdown, HTML, PDF, Word; news-database exports)', extensions: IMPORT_EXTENSIONS.map((e) => e.slice(1)) }],
  };
  const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  if (picked.canceled || picked.filePaths.length === 0) return;

  // Progress on the taskbar / Dock icon while a batch goes in.
  const results = await importFiles(picked.filePaths, async (files) => {
    const result = await router('articles.importBatch', { files });
    if (!result.ok) throw new AppError(result.error.code, result.error.message);
    return result.value as ImportResult[];
  }, {}, (done, total) => window?.setProgressBar(done < total ? done / total : -1));
  if (results.some((r) => r.status !== 'failed')) sendMenuCommand(window, 'library-changed');

  const box = importSummary(results);
  if (!box) return;
  if (window) await dialog.showMessageBox(window, box);
  else await dialog.showMessageBox(box);
}
