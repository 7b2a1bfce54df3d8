// Promise: nothing outside the app can drive it, and no imported text can run code — the Electron
// side, beyond tests/unit/electron-security.test.ts: every window gets its web preferences from
// security.ts, only security.ts opens anything in the OS, both transports send a CSP without
// eval, the packaged binary's fuses are set, and the Electronegativity gate really fails on a HIGH
// finding. Electron itself cannot run here, so sources are parsed with the TypeScript compiler and
// protocol.ts runs against a stand-in for Electron's `protocol`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import YAML from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { hardenContents, WEB_PREFERENCES, type HardenableContents } from '../../main/electron/security';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { tempDir } from '../unit/helpers';
import { repoRoot } from './support';

const electronDir = path.join(repoRoot, 'main/electron');

function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourcesUnder(p) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

function parse(file: string) {
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

function walk(node: ts.Node, visit: (n: ts.Node) => void) {
  visit(node);
  node.forEachChild((c) => walk(c, visit));
}

const where = (sf: ts.SourceFile, n: ts.Node) => `${path.relative(repoRoot, sf.fileName)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;

/** Why a `new BrowserWindow(options)` is not hardened by security.ts, or null when it is. */
function windowProblem(sf: ts.SourceFile, call: ts.NewExpression): string | null {
  const options = call.arguments?.[0];
  if (!options || !ts.isObjectLiteralExpression(options)) return 'its options are not an object literal the test can read';
  const prop = options.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'webPreferences');
  if (!prop) return 'no webPreferences (Electron defaults are not the hardened ones)';
  if (!ts.isPropertyAssignment(prop)) return 'webPreferences is not a plain property';
  const value = prop.initializer;
  // webPreferences(preload): the hardened set from security.ts, plus the preload.
  if (ts.isCallExpression(value) && ts.isIdentifier(value.expression) && value.expression.text === 'webPreferences') return null;
  // { ...WEB_PREFERENCES, <more restrictions> }: the hardened set, and nothing in it overridden.
  if (ts.isObjectLiteralExpression(value)) {
    const spreadAt = value.properties.findIndex((p) => ts.isSpreadAssignment(p) && ts.isIdentifier(p.expression) && p.expression.text === 'WEB_PREFERENCES');
    if (spreadAt < 0) return 'webPreferences are spelled out here instead of coming from security.ts (webPreferences() or ...WEB_PREFERENCES)';
    for (const p of value.properties.slice(spreadAt + 1)) {
      const key = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : null;
      if (key && key in WEB_PREFERENCES) {
        const expected = (WEB_PREFERENCES as Record<string, unknown>)[key];
        const literal = ts.isPropertyAssignment(p) ? p.initializer.kind : null;
        const same = (expected === true && literal === ts.SyntaxKind.TrueKeyword) || (expected === false && literal === ts.SyntaxKind.FalseKeyword);
        if (!same) return `webPreferences overrides ${key} from WEB_PREFERENCES`;
      }
      if (!key) return 'webPreferences has a computed or spread property after WEB_PREFERENCES';
    }
    return null;
  }
  return `webPreferences is ${value.getText(sf).slice(0, 60)}`;
}

describe('Electron windows and links', () => {
  it('every BrowserWindow in main/electron/ gets its web preferences from security.ts', () => {
    const windows: string[] = [];
    const problems: string[] = [];
    for (const file of sourcesUnder(electronDir)) {
      const sf = parse(file);
      walk(sf, (n) => {
        if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'BrowserWindow') {
          windows.push(where(sf, n));
          const problem = windowProblem(sf, n);
          if (problem) problems.push(`${where(sf, n)}: ${problem}`);
        }
      });
    }
    expect(windows.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    // Nothing outside main/electron/ can create a window (only it may import electron: lint), and
    // every web contents, whichever window it belongs to, is hardened as it is created.
    const index = fs.readFileSync(path.join(electronDir, 'index.ts'), 'utf8');
    expect(index).toMatch(/app\.on\('web-contents-created', \([^)]*\) => hardenContents\(/);
    expect(index).toMatch(/app\.enableSandbox\(\)/);
  });

  it('no navigation leaves the app: will-navigate, will-frame-navigate and will-redirect all refuse other URLs', async () => {
    const listeners: Record<string, (e: { url: string; preventDefault(): void }) => void> = {};
    const contents = {
      on: (event: string, l: (e: { url: string; preventDefault(): void }) => void) => (listeners[event] = l),
      setWindowOpenHandler: () => {},
    } as unknown as HardenableContents;
    const opened: string[] = [];
    const asked: string[] = [];
    hardenContents(contents, {
      shell: { openExternal: async (url) => void opened.push(url) },
      dialog: { showMessageBox: async (o) => (asked.push(String((o as { message?: string }).message)), { response: 0 }) },
    });
    const away = ['https://evil.example/', 'http://127.0.0.1:9/', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'app://evil/index.html', 'chrome://settings'];
    const blocked = (event: string, url: string) => {
      const e = { url, preventDefault: vi.fn() };
      listeners[event]!(e);
      return e.preventDefault.mock.calls.length > 0;
    };
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(listeners[event], event).toBeTypeOf('function');
      for (const url of away) expect(blocked(event, url), `${event} ${url}`).toBe(true);
      expect(blocked(event, 'app://verbatim/index.html'), event).toBe(false);
    }
    await new Promise((r) => setTimeout(r, 10));
    // Only the user's own link (will-navigate) is offered to the browser, and only an http(s) one.
    expect(opened.sort()).toEqual(['http://127.0.0.1:9/', 'https://evil.example/']);
    console.log(`[reliability] electron navigation: 3 events × ${away.length} outside URLs blocked, app URL allowed; offered to the browser ${opened.length} (will-navigate's http(s) only)`);
  });

  it('shell.openExternal is called nowhere but in security.ts (after the http(s) check and the user’s yes)', () => {
    const calls: string[] = [];
    for (const file of [...sourcesUnder(path.join(repoRoot, 'main')), ...sourcesUnder(path.join(repoRoot, 'renderer')), ...sourcesUnder(path.join(repoRoot, 'shared'))]) {
      const sf = parse(file);
      walk(sf, (n) => {
        if (ts.isPropertyAccessExpression(n) && n.name.text === 'openExternal' && ts.isCallExpression(n.parent) && n.parent.expression === n) calls.push(where(sf, n));
        if (ts.isElementAccessExpression(n) && ts.isStringLiteral(n.argumentExpression) && n.argumentExpression.text === 'openExternal') calls.push(where(sf, n));
      });
    }
    expect(calls.length).toBe(1);
    expect(calls[0]).toMatch(/^main\/electron\/security\.ts:\d+$/);
  });
});

describe('the Content Security Policy on both transports', () => {
  it('has no eval, no inline code and no other origin', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['object-src'] ?? directives['default-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|unsafe-hashes|wasm-unsafe-eval|strict-dynamic|\*|https?:|data:.*script/);
  });

  it('protocol.ts sends it with every HTML page of app://verbatim/', async () => {
    let handler: ((req: Request) => Promise<Response> | Response) | undefined;
    vi.doMock('electron', () => ({ protocol: { handle: (_scheme: string, h: typeof handler) => (handler = h), registerSchemesAsPrivileged: () => {} } }));
    const { serveRenderer } = await import('../../main/electron/protocol');
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Verbatim</title>');
    fs.writeFileSync(path.join(dir, 'app.js'), 'console.log(1)');
    serveRenderer(dir);
    const page = await handler!(new Request('app://verbatim/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect((await handler!(new Request('app://verbatim/'))).headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await handler!(new Request('app://evil/index.html'))).status).toBe(404);
    expect((await handler!(new Request('app://verbatim/../../etc/passwd'))).status).toBe(404);
    expect((await handler!(new Request('app://verbatim/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    vi.doUnmock('electron');
  });

  it('the renderer page carries no inline script or handler the CSP would have to allow', () => {
    const html = fs.readFileSync(path.join(repoRoot, 'renderer/index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/\son\w+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });
});

describe('the packaged binary', () => {
  it('electron-builder.yml sets the security fuses', () => {
    const config = YAML.parse(fs.readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as { electronFuses?: Record<string, unknown>; asar?: unknown };
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    // The asar the fuses protect is not switched off.
    expect(config.asar).not.toBe(false);
  });
});

describe('the Electronegativity gate (npm run test:security)', () => {
  it('fails on a HIGH finding: a window with context isolation off and Node on', () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'main/electron'), { recursive: true });
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ devDependencies: { electron: '^45.5.0' } }));
    fs.writeFileSync(
      path.join(root, 'main/electron/window.ts'),
      "import { BrowserWindow } from 'electron';\nexport const open = () => new BrowserWindow({\n  webPreferences: { nodeIntegration: true, contextIsolation: false },\n});\n",
    );
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/electronegativity.mjs'), '--root', root], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/FAIL HIGH\/\w+ CONTEXT_ISOLATION_JS_CHECK main\/electron\/window\.ts:3/);
  }, 60_000);
});
