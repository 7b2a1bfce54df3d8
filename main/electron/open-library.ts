// Opening the library at startup, with the user in the loop when it fails. Only real damage (what
// SQLite itself detects) is offered a restore, and never as the default button: a library that is
// unreadable, read-only, locked, on a full disk or from a newer Verbatim is intact, and is explained
// with its own remedy while the app quits untouched (red-team finding 3).
// Electron's dialog is passed in (index.ts gives the real one), so the flow is tested under Node
// against real damaged files (tests/unit/open-library-dialog.test.ts).
import Database from 'better-sqlite3';
import type { MessageBoxOptions } from 'electron';
import { AppError } from '../errors';
import { listBackups, restoreBackup } from '../store/backup';
import { sqliteOptions } from '../store/native-binding';
import { LibraryDamagedError, openLibrary, type Library } from '../store/open';
import { LibraryOpenError, type StorageProblem } from '../store/storage-errors';

/** The part of Electron's `dialog` this flow uses. */
export interface LibraryDialogs {
  showMessageBox(options: MessageBoxOptions): Promise<{ response: number }>;
  showErrorBox(title: string, content: string): void;
}

/** The open library, or null when the user chose to quit (or there is nothing they could do). */
export async function openLibraryOrAsk(libraryPath: string, dialog: LibraryDialogs): Promise<Library | null> {
  // First SQLite itself: a missing or wrong build of better-sqlite3 fails on every file, and
  // opening the library with it would call an intact library damaged and offer a restore.
  const sqliteProblem = sqliteLoadProblem();
  if (sqliteProblem) {
    dialog.showErrorBox('Verbatim cannot load SQLite', sqliteProblem);
    return null;
  }
  // Backups already put in place this run: if one of them opens damaged too, offer the next older.
  const tried = new Set<string>();
  for (;;) {
    try {
      return await openLibrary(libraryPath, { dailyBackup: true });
    } catch (err) {
      if (err instanceof LibraryDamagedError) {
        const backup = listBackups(err.libraryPath).find((b) => !tried.has(b.path));
        if (!(await askToRestore(dialog, err, backup?.path, tried.size > 0)) || !backup) return null;
        tried.add(backup.path);
        try {
          await restoreBackup(err.libraryPath, backup.path);
        } catch (restoreErr) {
          dialog.showErrorBox('Verbatim could not restore the backup', (restoreErr as Error).message);
          return null;
        }
        continue;
      }
      dialog.showErrorBox(titleFor(err), explain(err));
      return null;
    }
  }
}

/** Why better-sqlite3 cannot be loaded in this runtime, or null when it can. */
function sqliteLoadProblem(): string | null {
  try {
    new Database(':memory:', sqliteOptions()).close();
    return null;
  } catch (err) {
    return explain(err);
  }
}

async function askToRestore(dialog: LibraryDialogs, err: LibraryDamagedError, backupPath: string | undefined, older: boolean): Promise<boolean> {
  // Quit first and by default: Enter must never replace a library.
  const buttons = backupPath ? ['Quit', older ? 'Restore the next older backup' : 'Restore newest backup'] : ['Quit'];
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: 'Verbatim',
    message: older ? 'The restored backup is damaged too.' : 'Your library is damaged.',
    detail: backupPath
      ? `${err.message}\n\nRestoring puts ${backupPath} in its place; the damaged file is kept beside it, renamed.`
      : err.message,
    buttons,
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  return !!backupPath && response === 1;
}

const TITLES: Record<StorageProblem, string> = {
  damaged: 'Your library is damaged',
  unreadable: 'Verbatim is not allowed to open your library',
  read_only: 'Your library cannot be written',
  in_use: 'Your library is in use by another program',
  disk_full: 'The disk is full',
  missing: 'There is no library there',
  not_a_file: 'That is not a library file',
  newer: 'Your library is from a newer Verbatim',
};

function titleFor(err: unknown): string {
  return err instanceof LibraryOpenError ? TITLES[err.problem] : 'Verbatim cannot open your library';
}

function explain(err: unknown): string {
  if (err instanceof AppError) return err.message;
  const message = (err as Error)?.message ?? String(err);
  // better-sqlite3 is a native module: one built for Node cannot load in Electron, and vice versa.
  // In development Electron loads its own build from a cache folder (sqlite-binding.ts), which
  // `npm start` makes; started some other way, that build may be missing or stale.
  if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version|better_sqlite3\.node/.test(message)) {
    return `${message}\n\nbetter-sqlite3 has no working build for this Electron. Start Verbatim with "npm start", which makes one (once) beside Node's; or use it in your browser with "npm run web".`;
  }
  return message;
}
