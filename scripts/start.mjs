// `npm start`: build if needed, then run the desktop app; where it cannot run, open Verbatim in the
// browser instead (browser mode), so the first command always ends with Verbatim on screen.
//
// The desktop app needs two things npm install may not have provided:
// - Electron's binary, which is not part of the npm package: node_modules/electron/install.js
//   downloads it (normally as a postinstall step, otherwise lazily the first time
//   `require('electron')` runs). We never `require('electron')` here, because that download runs
//   synchronously with no time limit and a machine without network would just hang; instead we
//   read the same files it reads (path.txt, dist/) and, if the binary is missing, run install.js
//   ourselves under a time limit.
// - better-sqlite3 compiled for Electron. The package's own build is for Node (the CLI and the tests
//   use it); the Electron build is made once into a cache folder beside it (electron-sqlite.mjs).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { electronSqlite } from './electron-sqlite.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const DOWNLOAD_LIMIT_S = Number(process.env.VERBATIM_ELECTRON_DOWNLOAD_TIMEOUT_S) || 120;
/** Browser mode's usual port (as `npm run web`); a free one when something else holds it. */
const WEB_PORT = 5173;

const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--if-needed'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const whyNot = await startDesktop();
if (whyNot) await startBrowserMode(whyNot);

/** Starts the desktop app; or says, in one sentence, why it cannot run here. */
async function startDesktop() {
  const electronDir = packageDir('electron');
  if (!electronDir) return 'Electron is not installed (it is a development dependency: run `npm install` without --omit=dev).';
  const binary = installedBinary(electronDir) ?? downloadBinary(electronDir);
  if (!binary) return 'Electron’s binary is not on this machine and could not be downloaded (it downloads on first launch, which needs the network).';

  const sqlite = await electronSqlite(root);
  if (!sqlite.built) {
    const problem = buildElectronSqlite(binary, sqlite.electron.version);
    if (problem) return problem;
  }

  // Started on the project folder, not on dist/main/electron.cjs directly: Electron then reads
  // package.json (whose "main" is that file) and reports Verbatim's version rather than its own.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // set by some tools; it would make the binary a plain Node
  const started = await new Promise((resolve) => {
    const child = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
    child.once('error', (err) => resolve(`Electron could not be started (${err.message}).`));
    child.once('spawn', () => {
      for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
      child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
      resolve(null);
    });
  });
  return started;
}

function packageDir(name) {
  try {
    return path.dirname(require.resolve(`${name}/package.json`, { paths: [root] }));
  } catch {
    return null;
  }
}

/** The binary electron/index.js would return, if it is already on disk; never downloads. */
function installedBinary(dir) {
  const pathFile = path.join(dir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!relative && !override) return null;
  const full = override ? path.join(override, relative || 'electron') : path.join(dir, 'dist', relative);
  return fs.existsSync(full) ? full : null;
}

/** The lazy first-launch download, bounded: without network it fails (or is stopped) instead of hanging. */
function downloadBinary(dir) {
  console.error(`Electron’s binary is not downloaded yet; fetching it (giving up after ${DOWNLOAD_LIMIT_S} s)…`);
  const r = spawnSync(process.execPath, [path.join(dir, 'install.js')], {
    cwd: dir,
    stdio: 'ignore',
    timeout: DOWNLOAD_LIMIT_S * 1000,
    killSignal: 'SIGKILL',
  });
  return r.status === 0 ? installedBinary(dir) : null;
}

/** Makes the Electron build of better-sqlite3 (once), its output in a log; null when done, else why not. */
function buildElectronSqlite(binary, electronVersion) {
  const log = path.join(root, 'node_modules', '.cache', 'verbatim', 'electron-sqlite.log');
  fs.mkdirSync(path.dirname(log), { recursive: true });
  console.error(`Building better-sqlite3 for Electron ${electronVersion} (once; it can take a few minutes)…`);
  const fd = fs.openSync(log, 'w');
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'electron-sqlite.mjs'), binary], { cwd: root, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  if (r.status === 0) return null;
  const output = fs.readFileSync(log, 'utf8');
  const why = /network connectivity|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|fetch failed/i.test(output)
    ? 'Electron’s headers could not be downloaded (from https://www.electronjs.org/headers; set ELECTRON_REBUILD_DIST_URL for a mirror), nor a prebuilt binary'
    : 'compiling it failed';
  return `better-sqlite3 could not be built for Electron ${electronVersion}: ${why}; the details are in ${log}. \`npm start\` tries again next time.`;
}

/** Runs `verbatim web` in the foreground and opens its address in the default browser. */
async function startBrowserMode(reason) {
  console.error(`${reason}\nOpening Verbatim in your browser instead (browser mode; \`npm run web\` starts it directly).`);
  const port = (await portIsFree(WEB_PORT)) ? WEB_PORT : 0;
  // In a process group of its own, and told to stop once: Ctrl+C reaches us from the terminal and
  // again from npm, and a second signal would stop the server before it closes the library.
  const web = spawn(process.execPath, [path.join(root, 'bin', 'verbatim.js'), 'web', '--port', String(port)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (!stopping) web.kill('SIGTERM');
      stopping = true;
    });
  }
  process.on('exit', () => web.exitCode === null && web.kill('SIGTERM'));
  let opened = false;
  readline.createInterface({ input: web.stdout }).on('line', (line) => {
    console.log(line);
    const url = /Verbatim is running at (\S+)/.exec(line)?.[1];
    if (url && !opened) {
      opened = true;
      openInBrowser(url);
    }
  });
  web.on('error', (err) => {
    console.error(`Browser mode could not be started either (${err.message}).`);
    process.exit(1);
  });
  web.on('exit', (code) => process.exit(code ?? 1));
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** The system's way to open an address in the default browser; if it cannot, the printed address is enough. */
function openInBrowser(url) {
  const [command, args, options] =
    process.platform === 'darwin'
      ? ['open', [url], {}]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', `"${url}"`], { windowsVerbatimArguments: true }]
        : ['xdg-open', [url], {}];
  const fallback = () => console.log(`Open ${url} in your browser.`);
  const opener = spawn(command, args, { ...options, stdio: 'ignore', detached: true });
  opener.on('error', fallback);
  opener.on('exit', (code) => {
    if (code !== 0) fallback();
  });
  opener.unref();
}
