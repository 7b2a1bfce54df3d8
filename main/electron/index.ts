// Electron's main process: one instance, one window, one open library. Everything the window can
// ask for goes through the contract router (ipc.ts); everything it may load comes from app://
// (protocol.ts); every web page is hardened as it is created (security.ts).
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, session, shell } from 'electron';
import { createRouter } from '../router';
import { createServices, type Services } from '../services';
import { TeamLink } from '../sync/team-link';
import { HtmlWorker } from '../services/import/html-reader';
import { PdfWorker } from '../services/import/pdf-reader';
import { FeedWorker } from '../services/import/feed-reader';
import { SuggestWorker } from '../attribution/background';
import { APP_NAME, LIBRARY_FILE } from '../paths';
import type { Library } from '../store/open';
import { useNativeBinding } from '../store/native-binding';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { openLibraryOrAsk } from './open-library';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenContents, hardenSession } from './security';
import { createMainWindow, followSystemTheme } from './window';
import { ElectronPrinter } from './printer';
import { installedBetterSqlite, sqliteBindingFor } from './sqlite-binding';

// Before anything reads userData: run as `electron .` or as `electron dist/main/electron.cjs`,
// Electron would name the folder "verbatim" or "Electron"; the CLI (main/paths.ts) expects "Verbatim".
app.setName(APP_NAME);
app.setPath('userData', path.join(app.getPath('appData'), APP_NAME));

// Before any library opens: in development, the better-sqlite3 built for Electron, kept beside
// Node's own build (sqlite-binding.ts); packaged, the one electron-builder rebuilt.
useNativeBinding(sqliteBindingFor({ electronAbi: process.versions.modules, packaged: app.isPackaged }, installedBetterSqlite()));

// Both must happen before 'ready'.
registerAppScheme();
app.enableSandbox();

let library: Library | null = null;
// Saved web pages are read in a worker thread (dist/main/html-worker.js, beside this bundle).
const htmlWorker = new HtmlWorker(new URL('./html-worker.js', import.meta.url));
// PDFs too (dist/main/pdf-worker.js).
const pdfWorker = new PdfWorker(new URL('./pdf-worker.js', import.meta.url));
// And long articles' suggestions are found in another (dist/main/suggest-worker.js).
// Always in the worker: the main process loads no NLP model and never waits on the engine.
const suggestWorker = new SuggestWorker(new URL('./suggest-worker.js', import.meta.url), { inlineMaxChars: 0 });
// Feeds are read by the page reader's script too, in a worker of their own.
const feedWorker = new FeedWorker(new URL('./html-worker.js', import.meta.url));
let services: Services | null = null;
// The library's link to its team, when it is in one (main/sync/team-link.ts).
let team: TeamLink | null = null;
let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  // Another Verbatim has the library open; it will come to the front (see 'second-instance').
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => hardenContents(contents, { shell, dialog }));

  // A quit the renderer held up to save a briefing goes on once its window has closed, on macOS too.
  let quitting = false;
  app.on('before-quit', () => (quitting = true));
  app.on('window-all-closed', () => {
    // macOS apps stay running without windows; the Dock icon reopens one ('activate').
    if (process.platform !== 'darwin' || quitting) app.quit();
  });

  app.on('will-quit', () => {
    services?.suggestions.close();
    // A round under way is left to end on its own: what the server had not acknowledged stays in
    // the library's outbox and goes at the next start.
    void team?.close();
    void htmlWorker.close();
    void pdfWorker.close();
    void suggestWorker.close();
    void feedWorker.close();
    library?.close();
    library = null;
  });

  // Every session, not only the default one: the print window has a partition of its own.
  app.on('session-created', (created) => hardenSession(created));
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  // dist/main/electron.cjs sits next to dist/renderer/.
  serveRenderer(path.join(__dirname, '..', 'renderer'));

  const libraryPath = process.env.VERBATIM_DB ? path.resolve(process.env.VERBATIM_DB) : path.join(app.getPath('userData'), LIBRARY_FILE);
  library = await openLibraryOrAsk(libraryPath, dialog);
  if (!library) {
    app.quit();
    return;
  }

  // PDF export prints with Electron's own Chromium: a hidden window per print.
  services = createServices(library, {
    printer: new ElectronPrinter(),
    readHtml: htmlWorker.read,
    readPdf: pdfWorker.read,
    suggest: suggestWorker.suggest,
    prepareSuggestions: true,
    onBackgroundError: (err) => console.error('[verbatim] suggestions could not be prepared in the background:', err),
    web: { readFeed: feedWorker.read },
  });
  team = TeamLink.start(library);
  const router = createRouter(services, { team });
  registerIpc(router);
  const currentWindow = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null);
  Menu.setApplicationMenu(buildMenu({ window: currentWindow, router, libraryPath: library.path }));
  followSystemTheme(currentWindow);

  const openWindow = () => {
    mainWindow = createMainWindow();
    mainWindow.on('closed', () => (mainWindow = null));
  };
  openWindow();
  app.on('activate', () => {
    if (!currentWindow()) openWindow();
  });
}

function fail(err: unknown): void {
  console.error('[verbatim] could not start:', err);
  dialog.showErrorBox('Verbatim could not start', (err as Error)?.message ?? String(err));
  app.exit(1);
}
