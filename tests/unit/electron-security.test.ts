// The Electron rules as code: what the window may do, checked under Node (the Electron binary
// cannot run here; security.ts takes Electron's objects as parameters so these fakes fit).
import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import {
  WEB_PREFERENCES,
  webPreferences,
  isAppUrl,
  isTrustedSender,
  hardenSession,
  hardenContents,
  offerToOpenExternally,
  type HardenableContents,
  type LinkDeps,
} from '../../main/electron/security';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

function deps(answer: number): LinkDeps & { opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    shell: { openExternal: async (url) => void opened.push(url) },
    dialog: { showMessageBox: async () => ({ response: answer }) },
  };
}

describe('Electron hardening', () => {
  it('the window runs isolated, sandboxed, without Node, with web security', () => {
    const prefs = webPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false });
    expect(Object.isFrozen(WEB_PREFERENCES)).toBe(true);
    // The window is built from these preferences and nothing weakens them on the way.
    const windowSource = fs.readFileSync(new URL('../../main/electron/window.ts', import.meta.url), 'utf8');
    expect(windowSource).toMatch(/webPreferences: webPreferences\(/);
  });

  it('the CSP allows no eval, no inline script and no foreign origins', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|\*|http:|https:/);
  });

  it.each([
    ['app://verbatim/index.html', true],
    ['app://verbatim.evil/index.html', false],
    ['app://x@verbatim/index.html', false],
    ['file:///etc/passwd', false],
    ['https://verbatim/index.html', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('isAppUrl(%s) = %s', (url, expected) => expect(isAppUrl(url)).toBe(expected));

  it('IPC is answered only for frames showing the app', () => {
    expect(isTrustedSender({ senderFrame: { url: 'app://verbatim/index.html' } })).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'https://evil.example/' } })).toBe(false);
    expect(isTrustedSender({ senderFrame: null })).toBe(false);
    expect(isTrustedSender({})).toBe(false);
    const destroyed = {
      get senderFrame(): { url: string } {
        throw new Error('Render frame was disposed');
      },
    };
    expect(isTrustedSender(destroyed)).toBe(false);
    const ipc = fs.readFileSync(new URL('../../main/electron/ipc.ts', import.meta.url), 'utf8');
    expect(ipc).toMatch(/if \(!isTrustedSender\(event\)\) return untrusted;/);
  });

  it('every permission is denied', () => {
    const handlers: Record<string, (...a: unknown[]) => unknown> = {};
    hardenSession({
      setPermissionRequestHandler: (h) => (handlers.request = h as never),
      setPermissionCheckHandler: (h) => (handlers.check = h as never),
      setDevicePermissionHandler: (h) => (handlers.device = h as never),
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      handlers.request!(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(handlers.check!(null, permission)).toBe(false);
    }
    expect(handlers.device!({})).toBe(false);
  });

  it('navigation away is blocked, new windows denied, and only http(s) links offered to the browser after asking', async () => {
    const listeners: Record<string, (e: { url?: string; preventDefault(): void }) => void> = {};
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: (event: string, l: (e: { url?: string; preventDefault(): void }) => void) => (listeners[event] = l),
      setWindowOpenHandler: (h: (d: { url: string }) => { action: 'deny' }) => (openHandler = h),
    } as unknown as HardenableContents;
    const yes = deps(0);
    hardenContents(contents, yes);

    const nav = (url: string) => {
      const e = { url, preventDefault: vi.fn() };
      listeners['will-navigate']!(e);
      return e.preventDefault.mock.calls.length > 0;
    };
    expect(nav('app://verbatim/index.html')).toBe(false);
    expect(nav('https://evil.example/')).toBe(true);
    expect(nav('file:///etc/passwd')).toBe(true);
    const webview = { preventDefault: vi.fn() };
    listeners['will-attach-webview']!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();

    expect(openHandler!({ url: 'https://example.com/story' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 10));
    expect(yes.opened.sort()).toEqual(['https://evil.example/', 'https://example.com/story']);

    const no = deps(1);
    expect(await offerToOpenExternally('https://example.com/', no)).toBe(false);
    expect(no.opened).toEqual([]);
    for (const url of ['file:///etc/passwd', 'smb://host/share', 'mailto:x@example.com', 'javascript:alert(1)']) {
      expect(await offerToOpenExternally(url, yes)).toBe(false);
    }
  });

  it('the preload exposes one bridge object, never ipcRenderer itself', () => {
    const preload = fs.readFileSync(new URL('../../main/electron/preload.ts', import.meta.url), 'utf8');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toMatch(/exposeInMainWorld\('verbatim', bridge\)/);
  });
});
