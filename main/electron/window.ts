// The one main window: hardened web preferences, the app:// entry page, shown only once painted
// (no white flash), with the background following the system theme until the renderer takes over.
import path from 'node:path';
import { app, BrowserWindow, nativeTheme, screen } from 'electron';
import { APP_ENTRY_URL, webPreferences } from './security';
import { fitToDisplays, MIN_SIZE, readWindowState, WINDOW_STATE_FILE, writeWindowState } from './window-state';

/** renderer/styles/app.css's --bg in each theme, so the first frame does not flash. */
const BACKGROUND = { light: '#f7f6f3', dark: '#17181b' } as const;

export function createMainWindow(): BrowserWindow {
  const stateFile = path.join(app.getPath('userData'), WINDOW_STATE_FILE);
  const primary = screen.getPrimaryDisplay();
  const workAreas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  const state = fitToDisplays(readWindowState(stateFile), workAreas);

  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: app.getName(),
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light,
    // The bundle puts preload.cjs next to electron.cjs (scripts/build.mjs).
    webPreferences: webPreferences(path.join(__dirname, 'preload.cjs')),
  });

  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => writeWindowState(stateFile, window));

  void window.loadURL(APP_ENTRY_URL).catch((err: unknown) => console.error('[verbatim] could not load the window:', err));
  return window;
}

/** Keeps the background right if the system theme changes before the renderer has painted. */
export function followSystemTheme(window: () => BrowserWindow | null): void {
  nativeTheme.on('updated', () => {
    window()?.setBackgroundColor(nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light);
  });
}
