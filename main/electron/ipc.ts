// The contract over IPC: one invoke channel per call, each answered by the same router the CLI and
// browser mode use. The router validates every input; here we only refuse senders that are not the app.
import { ipcMain, type BrowserWindow } from 'electron';
import { callNames, type CallName, type CallResult } from '../../shared/contract';
import type { MenuCommand } from '../../shared/bridge';
import type { Router } from '../router';
import { callChannel, MENU_CHANNEL } from './channels';
import { isTrustedSender } from './security';

const untrusted: CallResult<CallName> = {
  ok: false,
  error: { code: 'invalid_input', message: 'This call did not come from Verbatim’s own window and was refused.' },
};

export function registerIpc(router: Router): void {
  for (const name of callNames) {
    ipcMain.handle(callChannel(name), (event, input: unknown) => {
      if (!isTrustedSender(event)) return untrusted;
      return router(name, input);
    });
  }
}

/** Tells the renderer what the user picked in the app menu (or what main did, e.g. 'library-changed'). */
export function sendMenuCommand(window: BrowserWindow | null | undefined, command: MenuCommand): void {
  if (!window || window.isDestroyed()) return;
  window.webContents.send(MENU_CHANNEL, command);
}
