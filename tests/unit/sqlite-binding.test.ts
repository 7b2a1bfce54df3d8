// One better-sqlite3 build per runtime (main/electron/sqlite-binding.ts, main/store/native-binding.ts):
// Electron in development loads a build from a cache folder beside the package, Node and a packaged
// app load the package's own. Electron cannot run here, so the Electron side is the path it is
// given; the Node side opens real library files, and a binding that cannot load is shown to stop
// the app before it could call an intact library damaged.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageBoxOptions } from 'electron';
import { electronBuildDir, installedBetterSqlite, sqliteBindingFor } from '../../main/electron/sqlite-binding';
import { openLibraryOrAsk } from '../../main/electron/open-library';
import { useNativeBinding } from '../../main/store/native-binding';
import { openLibrary } from '../../main/store/open';
import { integrityProblems } from '../../main/store/backup';
import { createServices } from '../../main/services';
import { paste, sampleArticle, tempDir } from './helpers';

const require = createRequire(import.meta.url);
const packageDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const betterSqlite = { dir: packageDir, version: (require('better-sqlite3/package.json') as { version: string }).version };
/** The package's own build, the one compiled for Node by npm install. */
const nodeBuild = path.join(packageDir, 'build', 'Release', 'better_sqlite3.node');

afterEach(() => useNativeBinding(undefined));

describe('which better-sqlite3 build a runtime loads', () => {
  it('finds the installed better-sqlite3', () => {
    expect(installedBetterSqlite()).toEqual(betterSqlite);
  });

  it('Node (the CLI, browser mode, the tests) loads the package’s own build', () => {
    expect(sqliteBindingFor({ electronAbi: undefined, packaged: false }, betterSqlite)).toBeUndefined();
  });

  it('Electron in development loads the build for its ABI from the cache folder beside the package, never the package’s own', () => {
    const binding = sqliteBindingFor({ electronAbi: '150', packaged: false }, betterSqlite)!;
    expect(binding).toBe(path.join(path.dirname(packageDir), '.cache', 'verbatim', `better-sqlite3-${betterSqlite.version}-electron-150`, 'better_sqlite3.node'));
    expect(path.dirname(binding)).toBe(electronBuildDir(betterSqlite, '150'));
    expect(path.relative(packageDir, binding).startsWith('..')).toBe(true);
    // Another Electron, or another better-sqlite3, is another build.
    expect(sqliteBindingFor({ electronAbi: '151', packaged: false }, betterSqlite)).not.toBe(binding);
    expect(sqliteBindingFor({ electronAbi: '150', packaged: false }, { ...betterSqlite, version: '99.0.0' })).not.toBe(binding);
  });

  it('a packaged app loads the package’s own build, which electron-builder rebuilt for Electron', () => {
    expect(sqliteBindingFor({ electronAbi: '150', packaged: true }, betterSqlite)).toBeUndefined();
  });
});

describe('the store loads the build it is given', () => {
  async function libraryWithArticle() {
    const file = path.join(tempDir(), 'library.sqlite');
    const lib = await openLibrary(file);
    await createServices(lib).importer.import(paste(sampleArticle()));
    lib.close();
    return file;
  }

  it('Node still loads its own build, by default and when named', async () => {
    const file = await libraryWithArticle();
    useNativeBinding(sqliteBindingFor({ electronAbi: undefined, packaged: false }, betterSqlite));
    let lib = await openLibrary(file);
    expect(createServices(lib).library.list({}).items.length).toBe(1);
    lib.close();

    useNativeBinding(nodeBuild);
    lib = await openLibrary(file);
    expect(createServices(lib).library.list({}).items.length).toBe(1);
    lib.close();
    expect(integrityProblems(file)).toEqual([]);
  });

  it('every connection goes through the hook: a build that is not there fails to open, and the file is untouched', async () => {
    const file = await libraryWithArticle();
    const before = fs.readFileSync(file);
    const missing = path.join(tempDir(), 'better-sqlite3-electron-0', 'better_sqlite3.node');
    useNativeBinding(missing);
    await expect(openLibrary(file)).rejects.toThrow(missing);
    expect(integrityProblems(file).join(' ')).toContain(missing);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('the desktop app says SQLite cannot load, and offers no restore of an intact library', async () => {
    const file = await libraryWithArticle();
    const before = fs.readFileSync(file);
    useNativeBinding(path.join(tempDir(), 'better_sqlite3.node'));
    const boxes: MessageBoxOptions[] = [];
    const errors: { title: string; content: string }[] = [];
    const lib = await openLibraryOrAsk(file, {
      showMessageBox: async (options) => (boxes.push(options), { response: 1 }),
      showErrorBox: (title, content) => void errors.push({ title, content }),
    });
    expect(lib).toBeNull();
    expect(boxes).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.title).toBe('Verbatim cannot load SQLite');
    expect(errors[0]!.content).toContain('npm start');
    expect(errors[0]!.content).not.toMatch(/damaged/i);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
