// The rules every web page in the app lives under: what a window may load, where it may navigate,
// which permissions it gets (none) and which IPC senders main believes. Only type imports from
// Electron, with `shell` and `dialog` passed in, so the rules can be tested under plain Node.
import type { MessageBoxOptions, WebPreferences } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'verbatim';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The renderer shows imported articles, which are untrusted text: it gets no Node, runs sandboxed
 * in an isolated world, and can reach main only through the preload's bridge.
 */
export const WEB_PREFERENCES = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  // A file dropped on the window must not replace the app with that file.
  navigateOnDragDrop: false,
} satisfies WebPreferences);

export function webPreferences(preload: string): WebPreferences {
  return { ...WEB_PREFERENCES, preload };
}

/** True only for the app's own origin: `app://verbatim/...`, not `app://verbatim.evil/` or `app://x@verbatim/`. */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return !!u && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password;
}

/** The only links the app hands to the operating system. */
export function isWebUrl(url: string): boolean {
  const u = parse(url);
  return !!u && (u.protocol === 'http:' || u.protocol === 'https:');
}

/** An IPC message is believed only when it comes from a frame showing the app itself. */
export function isTrustedSender(event: { readonly senderFrame?: { readonly url: string } | null }): boolean {
  let url: string | undefined;
  try {
    // senderFrame can throw or be null once the frame has navigated away or been destroyed.
    url = event.senderFrame?.url;
  } catch {
    return false;
  }
  return typeof url === 'string' && url.startsWith(`${APP_ORIGIN}/`) && isAppUrl(url);
}

/** The part of an Electron Session hardenSession touches; `session.defaultSession` satisfies it. */
export interface HardenableSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
}

/** Nothing the renderer does needs a browser permission (camera, notifications, clipboard API…). */
export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** The parts of Electron's `shell` and `dialog` the link rules use; the real modules satisfy them. */
export interface LinkDeps {
  shell: { openExternal(url: string): Promise<void> };
  dialog: { showMessageBox(options: MessageBoxOptions): Promise<{ response: number }> };
}

/**
 * Links in an article open in the user's browser, after asking: the URL came from an imported
 * file, not from the user. Anything but http(s) is dropped without asking.
 */
export async function offerToOpenExternally(url: string, deps: LinkDeps): Promise<boolean> {
  if (!isWebUrl(url)) return false;
  const href = new URL(url).href;
  const shown = href.length > 300 ? `${href.slice(0, 300)}…` : href;
  const { response } = await deps.dialog.showMessageBox({
    type: 'question',
    message: `Open ${shown} in your browser?`,
    detail: 'The link comes from an imported article.',
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  if (response !== 0) return false;
  await deps.shell.openExternal(href);
  return true;
}

/** The part of an Electron WebContents hardenContents touches; every real WebContents satisfies it. */
export interface HardenableContents {
  on(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', listener: (event: { readonly url: string; preventDefault(): void }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void;
}

/** Keeps a web page inside the app: no navigating away, no webviews, no new windows. */
export function hardenContents(contents: HardenableContents, deps: LinkDeps): void {
  const offer = (url: string) => {
    offerToOpenExternally(url, deps).catch((err: unknown) => console.error('[verbatim] could not open a link:', err));
  };
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    offer(event.url);
  });
  // Defence in depth behind the CSP: a frame (main or sub) navigating, or any navigation being
  // redirected, may not leave the app either. Not offered to the browser: a link the user clicked
  // already was, through will-navigate (which fires with will-frame-navigate for the main frame),
  // and a redirect or a frame's navigation is nothing the user chose.
  const stayInApp = (event: { readonly url: string; preventDefault(): void }) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    offer(url);
    return { action: 'deny' };
  });
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
