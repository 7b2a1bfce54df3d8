// Which compiled better-sqlite3 a runtime loads. The package's own build (node_modules/better-sqlite3/
// build/) is compiled for Node's ABI and stays that way, so the CLI and the tests keep working; an
// Electron build sits beside it in a cache folder named for the better-sqlite3 version and Electron's
// ABI, made once by `npm start` (scripts/electron-sqlite.mjs). Rebuilding in place instead would
// break whichever runtime had it last. A packaged app has only Electron, and electron-builder
// rebuilds the package's own build for it.
// No Electron import here: Node runs this too (scripts/start.mjs, the unit tests).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface Runtime {
  /** Electron's NODE_MODULE_VERSION when running in Electron; undefined in Node. */
  electronAbi: string | undefined;
  /** Running from an installed package (electron-builder), not from the project folder. */
  packaged: boolean;
}

export interface BetterSqlite {
  /** The package folder, node_modules/better-sqlite3. */
  dir: string;
  version: string;
}

/** Where the Electron build for this ABI lives: node_modules/.cache/verbatim/better-sqlite3-<version>-electron-<abi>/. */
export function electronBuildDir(betterSqlite: BetterSqlite, electronAbi: string): string {
  return path.join(path.dirname(betterSqlite.dir), '.cache', 'verbatim', `better-sqlite3-${betterSqlite.version}-electron-${electronAbi}`);
}

/** The addon file for better-sqlite3's `nativeBinding` option; undefined means the package's own build. */
export function sqliteBindingFor(runtime: Runtime, betterSqlite: BetterSqlite): string | undefined {
  if (runtime.electronAbi === undefined || runtime.packaged) return undefined;
  return path.join(electronBuildDir(betterSqlite, runtime.electronAbi), 'better_sqlite3.node');
}

/** better-sqlite3 as installed for the code at `from` (its package folder and version). */
export function installedBetterSqlite(from: string = import.meta.url): BetterSqlite {
  const manifest = createRequire(from).resolve('better-sqlite3/package.json');
  const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string };
  return { dir: path.dirname(manifest), version };
}
