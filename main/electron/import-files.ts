// File ▸ Import…: the native file picker, then each chosen file through the router's
// articles.import, exactly as the CLI does. Main reads the files, so the renderer never needs
// file-system access; it is only told that the library changed.
import fs from 'node:fs';
import path from 'node:path';
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { IMPORT_EXTENSIONS, MAX_IMPORT_BYTES, formatBytes } from '../../shared/limits';
import type { ImportResult } from '../../shared/model';
import type { Router } from '../router';
import { sendMenuCommand } from './ipc';
import { importSummary } from './import-summary';

export async function importWithDialog(window: BrowserWindow | null, router: Router): Promise<void> {
  const options: OpenDialogOptions = {
    title: 'Import articles',
    buttonLabel: 'Import',
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: 'Articles (text, Markdown, HTML)', extensions: IMPORT_EXTENSIONS.map((e) => e.slice(1)) }],
  };
  const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  if (picked.canceled || picked.filePaths.length === 0) return;

  // Progress on the taskbar / Dock icon while a batch goes in.
  const results: ImportResult[] = [];
  for (const [i, file] of picked.filePaths.entries()) {
    window?.setProgressBar(i / picked.filePaths.length);
    results.push(await importFile(router, file));
  }
  window?.setProgressBar(-1);
  if (results.some((r) => r.status !== 'failed')) sendMenuCommand(window, 'library-changed');

  const box = importSummary(results);
  if (!box) return;
  if (window) await dialog.showMessageBox(window, box);
  else await dialog.showMessageBox(box);
}

async function importFile(router: Router, file: string): Promise<ImportResult> {
  try {
    const st = await fs.promises.stat(file);
    if (!st.isFile()) return { file, status: 'failed', error: 'Not a file.' };
    // Checked before reading: a huge file must not be loaded into memory only to be refused.
    if (st.size > MAX_IMPORT_BYTES) {
      return { file, status: 'failed', error: `The file is ${formatBytes(st.size)}; the most Verbatim imports is ${formatBytes(MAX_IMPORT_BYTES)}.` };
    }
    const data = (await fs.promises.readFile(file)).toString('base64');
    const result = await router('articles.import', { file: path.basename(file), encoding: 'base64', data });
    if (!result.ok) return { file, status: 'failed', error: result.error.message };
    return { ...(result.value as ImportResult), file };
  } catch (err) {
    return { file, status: 'failed', error: (err as Error).message };
  }
}
