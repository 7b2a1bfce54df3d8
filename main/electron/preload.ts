// The sandboxed preload: puts `window.verbatim` (shared/bridge's VerbatimBridge) into the page.
// The page gets one function per contract call and a menu subscription, never ipcRenderer itself,
// so it cannot send on arbitrary channels or see the IPC event objects.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { callNames, type CallName } from '../../shared/contract';
import { menuCommands, type MenuCommand, type VerbatimBridge } from '../../shared/bridge';
import { callChannel, MENU_CHANNEL } from './channels';

const call = Object.fromEntries(
  callNames.map((name: CallName) => [name, (input: unknown) => ipcRenderer.invoke(callChannel(name), input)]),
) as VerbatimBridge['call'];

const isMenuCommand = (value: unknown): value is MenuCommand => typeof value === 'string' && (menuCommands as readonly string[]).includes(value);

const bridge: VerbatimBridge = {
  call,
  onMenu(listener) {
    const relay = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('verbatim', bridge);
