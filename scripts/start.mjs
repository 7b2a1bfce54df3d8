// `npm start`: build if needed, then run the desktop app, or say in one sentence why it cannot.
//
// Electron's binary is not part of the npm package: node_modules/electron/install.js downloads it
// (normally as a postinstall step, otherwise lazily the first time `require('electron')` runs).
// We never `require('electron')` here, because that download runs synchronously with no time
// limit and a machine without network would just hang; instead we read the same files it reads
// (path.txt, dist/) and, if the binary is missing, run install.js ourselves under a time limit.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const DOWNLOAD_LIMIT_S = Number(process.env.VERBATIM_ELECTRON_DOWNLOAD_TIMEOUT_S) || 120;
const UNAVAILABLE =
  'Electron’s binary is not available on this machine (it downloads on first launch and that needs the network); ' +
  'run `npm run web` to use Verbatim in your browser instead.';

const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--if-needed'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const electronDir = packageDir('electron');
const binary = electronDir && (installedBinary(electronDir) ?? downloadBinary(electronDir));
if (!binary) {
  console.error(UNAVAILABLE);
  process.exit(1);
}

const mismatch = nativeModuleMismatch(electronDir);
if (mismatch) {
  console.error(mismatch);
  process.exit(1);
}

// Started on the project folder, not on dist/main/electron.cjs directly: Electron then reads
// package.json (whose "main" is that file) and reports Verbatim's version rather than its own.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE; // set by some tools; it would make the binary a plain Node
const child = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('error', (err) => {
  console.error(`Electron could not be started (${err.message}); run \`npm run web\` to use Verbatim in your browser instead.`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

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

/**
 * better-sqlite3 is a native module compiled for one ABI. If it loads in this Node and Node's ABI
 * differs from Electron's, Electron cannot load it and the app could not open the library.
 */
function nativeModuleMismatch(dir) {
  let electronAbi;
  try {
    electronAbi = fs.readFileSync(path.join(dir, 'abi_version'), 'utf8').trim();
  } catch {
    return null;
  }
  if (!electronAbi || electronAbi === process.versions.modules) return null;
  try {
    const Database = require(require.resolve('better-sqlite3', { paths: [root] }));
    new Database(':memory:').close();
  } catch {
    return null; // does not load in Node: most likely already rebuilt for Electron
  }
  return (
    `better-sqlite3 is compiled for Node (ABI ${process.versions.modules}), not for Electron (ABI ${electronAbi}); ` +
    'run `npx electron-builder install-app-deps` first (and `npm rebuild better-sqlite3` before using the CLI or tests again), ' +
    'or run `npm run web` to use Verbatim in your browser instead.'
  );
}
