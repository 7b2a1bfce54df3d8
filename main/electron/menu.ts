// The application menu. Editing and window commands use Electron's roles (native behaviour and
// accelerators); app-specific commands either run in main (Import…, About) or are forwarded to the
// renderer as shared/bridge's menu commands.
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/bridge';
import type { Router } from '../router';
import { importWithDialog } from './import-files';
import { sendMenuCommand } from './ipc';

export interface MenuContext {
  /** The main window, when there is one (on macOS the app can run without a window). */
  window(): BrowserWindow | null;
  router: Router;
  libraryPath: string;
}

export function buildMenu(ctx: MenuContext): Menu {
  const isMac = process.platform === 'darwin';
  const send = (command: MenuCommand) => () => sendMenuCommand(ctx.window(), command);
  const about: MenuItemConstructorOptions = { label: `About ${app.getName()}`, click: () => void showAbout(ctx) };

  let importing = false;
  const importArticles = async () => {
    // A second Import… while the first is still running would interleave two pickers.
    if (importing) return;
    importing = true;
    try {
      await importWithDialog(ctx.window(), ctx.router);
    } catch (err) {
      dialog.showErrorBox('Import failed', (err as Error)?.message ?? String(err));
    } finally {
      importing = false;
    }
  };

  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            label: app.getName(),
            submenu: [
              about,
              { type: 'separator' },
              { role: 'services' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => void importArticles() },
        // The import dialog, its web address field focused: the fetch itself runs in main (articles.importUrl).
        { label: 'Import from web address…', accelerator: 'CmdOrCtrl+Shift+O', click: send('import-url') },
        { label: 'New briefing', accelerator: 'CmdOrCtrl+N', click: send('new-briefing') },
        { label: 'Export briefing as PDF…', accelerator: 'CmdOrCtrl+Shift+E', click: send('export-pdf') },
        { type: 'separator' },
        // Settings ▸ Team: join a team, see what waits to be sent, sync now.
        { label: 'Team…', click: send('team') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Search library', accelerator: 'CmdOrCtrl+K', click: send('focus-search') },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { label: 'Toggle dark mode', accelerator: 'CmdOrCtrl+Shift+D', click: send('toggle-theme') },
        { role: 'togglefullscreen' },
        // Developer tools only in development: a packaged app has no use for them.
        ...(app.isPackaged ? [] : [{ type: 'separator' }, { role: 'toggleDevTools' }] satisfies MenuItemConstructorOptions[]),
      ],
    },
    {
      role: 'help',
      submenu: [about],
    },
  ];
  return Menu.buildFromTemplate(template);
}

async function showAbout(ctx: MenuContext): Promise<void> {
  const options = {
    type: 'info' as const,
    title: `About ${app.getName()}`,
    message: `${app.getName()} ${app.getVersion()}`,
    detail: [
      'Briefing notes for analysts: import articles, code quotes, draft briefings.',
      '',
      `Library: ${ctx.libraryPath}`,
      `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
    ].join('\n'),
    buttons: ['OK'],
  };
  const window = ctx.window();
  if (window) await dialog.showMessageBox(window, options);
  else await dialog.showMessageBox(options);
}
