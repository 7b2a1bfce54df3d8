// The better-sqlite3 that Electron's main process loads in development: compiled for Electron's
// ABI, kept in a cache folder beside the package's own build (which stays compiled for Node, for
// the CLI and the tests). Where it lives is decided in one place, main/electron/sqlite-binding.ts.
//
// `electronSqlite(root)` says where the build is and whether it exists; run as a script
// (`node scripts/electron-sqlite.mjs ELECTRON_BINARY`, which `npm start` does once, writing a log),
// it makes it: @electron/rebuild on a copy of the package (a prebuilt binary when one can be
// downloaded, otherwise node-gyp against Electron's headers), checked by loading it in Electron,
// then moved into place whole. Nothing in node_modules/better-sqlite3 itself is touched.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Electron's version and ABI as installed, where the Electron build of better-sqlite3 goes, and whether it is there. */
export async function electronSqlite(root) {
  const { installedBetterSqlite, sqliteBindingFor } = await tsImport('../main/electron/sqlite-binding.ts', import.meta.url);
  const electronDir = path.join(root, 'node_modules', 'electron');
  const electron = {
    version: JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version,
    abi: fs.readFileSync(path.join(electronDir, 'abi_version'), 'utf8').trim(),
  };
  const betterSqlite = installedBetterSqlite(pathToFileURL(path.join(root, 'package.json')).href);
  const binding = sqliteBindingFor({ electronAbi: electron.abi, packaged: false }, betterSqlite);
  return { electron, betterSqlite, binding, built: fs.existsSync(binding) };
}

async function build(root, electronBinary) {
  const { electron, betterSqlite, binding, built } = await electronSqlite(root);
  if (built) return binding;
  const target = path.dirname(binding);
  const staging = `${target}.staging-${process.pid}`;
  const partial = `${target}.partial-${process.pid}`;
  try {
    // A copy without the Node build, so nothing can mistake that one for Electron's.
    fs.rmSync(staging, { recursive: true, force: true });
    fs.cpSync(betterSqlite.dir, staging, { recursive: true, filter: (src) => path.relative(betterSqlite.dir, src) !== 'build' });
    console.log(`Building better-sqlite3 ${betterSqlite.version} for Electron ${electron.version} (ABI ${electron.abi}) in ${staging}`);
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({
      buildPath: staging,
      projectRootPath: staging,
      electronVersion: electron.version,
      onlyModules: [], // the package itself (it has binding.gyp), not its dependencies
      force: true,
      mode: 'sequential',
      headerURL: process.env.ELECTRON_REBUILD_DIST_URL || undefined,
      buildFromSource: process.env.npm_config_build_from_source === 'true',
    });
    const made = path.join(staging, 'build', 'Release', 'better_sqlite3.node');
    if (!fs.existsSync(made)) throw new Error(`@electron/rebuild finished but left no ${made}`);
    checkInElectron(electronBinary, betterSqlite.dir, made);
    fs.mkdirSync(partial, { recursive: true });
    fs.copyFileSync(made, path.join(partial, 'better_sqlite3.node'));
    // Whole or not at all: a build stopped half-way never looks finished.
    fs.renameSync(partial, target);
    console.log(`Built ${binding}`);
    return binding;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(partial, { recursive: true, force: true });
  }
}

/** Loads the new build in Electron (run as plain Node) and runs a query: a wrong ABI fails here, not in the app. */
function checkInElectron(electronBinary, betterSqliteDir, addon) {
  const script = `const Database = require(${JSON.stringify(betterSqliteDir)});
const db = new Database(':memory:', { nativeBinding: ${JSON.stringify(addon)} });
db.prepare('select sqlite_version()').get();
db.close();`;
  const r = spawnSync(electronBinary, ['-e', script], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`the build does not load in Electron: ${(r.stderr || r.error?.message || `exit ${r.status}`).trim()}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const electronBinary = process.argv[2];
  if (!electronBinary) {
    console.error('usage: node scripts/electron-sqlite.mjs ELECTRON_BINARY');
    process.exit(2);
  }
  build(path.resolve(here, '..'), electronBinary).catch((err) => {
    console.error(err?.stack ?? String(err));
    process.exit(1);
  });
}
