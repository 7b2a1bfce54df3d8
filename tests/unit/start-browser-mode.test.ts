// `npm start` where Electron's binary cannot be had (scripts/start.mjs): it says why, starts browser
// mode, prints the address and opens it in the default browser, and the server answers there.
// The real script and the real `verbatim web`; Electron is made unavailable the way a machine
// without network makes it (no binary on disk, its download refused), and the system's browser
// opener is a stand-in on PATH that records the address it was given.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from './helpers';

const root = path.resolve(import.meta.dirname, '..', '..');
const stops: (() => void)[] = [];
afterEach(() => {
  while (stops.length) stops.pop()!();
});

/** A port nothing listens on: a download from there is refused at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Holds browser mode's usual port (unless something else already does), so the script must pick another. */
async function holdUsualPort(): Promise<void> {
  const server = net.createServer();
  await new Promise<void>((resolve) => {
    server.once('error', () => resolve());
    server.listen(5173, '127.0.0.1', () => resolve());
  });
  stops.push(() => server.close());
}

/** Polls until `read` returns something: a liveness wait, not a timing claim. */
async function eventually<T>(read: () => T | undefined, what: string, limitMs = 90_000): Promise<T> {
  for (const start = Date.now(); Date.now() - start < limitMs; await new Promise((r) => setTimeout(r, 200))) {
    const value = read();
    if (value !== undefined) return value;
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('npm start without Electron', () => {
  it('opens browser mode in the default browser, prints its address, and the server answers there', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const bin = path.join(dir, 'bin');
    const opened = path.join(dir, 'opened.txt');
    fs.mkdirSync(bin);
    for (const opener of ['xdg-open', 'open']) {
      fs.writeFileSync(path.join(bin, opener), `#!/bin/sh\nprintf '%s\\n' "$@" >> '${opened}'\n`, { mode: 0o755 });
    }
    const emptyDist = path.join(dir, 'no-electron');
    fs.mkdirSync(emptyDist);
    const library = path.join(dir, 'library.sqlite');
    await holdUsualPort();

    const start = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
      cwd: root,
      env: {
        ...process.env,
        PATH: `${bin}${path.delimiter}${process.env.PATH}`,
        VERBATIM_DB: library,
        // Electron's own settings: the binary is looked for in an empty folder, and its download
        // (from a port nothing listens on, with an empty cache) fails as it does offline.
        ELECTRON_OVERRIDE_DIST_PATH: emptyDist,
        ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/`,
        electron_config_cache: path.join(dir, 'electron-cache'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    start.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    start.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => start.on('exit', (code) => resolve(code)));
    stops.push(() => start.kill('SIGKILL'));

    const url = await eventually(() => (fs.existsSync(opened) ? fs.readFileSync(opened, 'utf8').trim() || undefined : undefined), 'the browser to be opened');
    expect(stderr).toContain('Electron’s binary is not on this machine and could not be downloaded');
    expect(stderr).toContain('Opening Verbatim in your browser instead');
    expect(stdout).toContain(`Verbatim is running at ${url}`);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    expect(new URL(url).port).not.toBe('5173');

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<title>Verbatim<\/title>/);
    expect(fs.existsSync(library)).toBe(true);

    // Ctrl+C (as the terminal sends it to the script) stops the server with it.
    start.kill('SIGINT');
    expect(await exited).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
    // Closed, not killed: SQLite folds its write-ahead log back into the library on a clean close.
    expect(fs.existsSync(`${library}-wal`)).toBe(false);
  });
});
