// better-sqlite3 is a native module, built for one runtime's ABI. Node (the CLI, browser mode, the
// tests) loads the build in node_modules; Electron's main process in development loads a build made
// for Electron that is kept beside it (main/electron/sqlite-binding.ts), and says so here once,
// before the first library opens. Every connection the store makes goes through sqliteOptions.
import type Database from 'better-sqlite3';

let nativeBinding: string | undefined;

/** The compiled better-sqlite3 addon to load from now on; undefined means the package's own build. */
export function useNativeBinding(file: string | undefined): void {
  nativeBinding = file;
}

/** better-sqlite3's options, with the addon for this runtime when it is not the package's own. */
export function sqliteOptions(options: Database.Options = {}): Database.Options {
  return nativeBinding ? { ...options, nativeBinding } : options;
}
