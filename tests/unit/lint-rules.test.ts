// The lint rules that keep the layers apart, proved: each probe breaks one rule, linted as if it
// were a file at that path, and the rule must fire. A config change that silently disables a rule
// (a later block overriding an earlier one, a folder left out, a plugin that stops resolving
// imports) fails here instead of letting the next break through.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: root });

/** The rule ids and messages ESLint reports for `code` as the file `file` (relative to the repo). */
async function lint(file: string, code: string): Promise<{ rule: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => ({ rule: m.ruleId, message: m.message }));
}

async function expectBroken(file: string, code: string, rule: string, message?: RegExp) {
  const problems = await lint(file, code);
  expect(problems, `${file} should break ${rule}`).toContainEqual({ rule, message: message ? expect.stringMatching(message) : expect.any(String) });
}

const layer = 'boundaries/dependencies';

// Loading the config, the TypeScript parser and (for no-cycle) the import graph of the services
// takes seconds on a busy machine: done once here, under the hook's longer timeout.
beforeAll(async () => {
  await lint('main/web/probe.ts', `import { createServices } from '../services';\nexport const x = createServices;\n`);
});

describe('the layer map (eslint-plugin-boundaries)', () => {
  it('lets each layer import what lies below it', async () => {
    expect(await lint('main/services/probe.ts', `import { ArticleStore } from '../store/articles';\nimport { AppError } from '../errors';\nimport { plural } from '../../shared/plural';\nexport const x = [ArticleStore, AppError, plural];\n`)).toEqual([]);
    expect(await lint('main/web/probe.ts', `import { createRouter } from '../router';\nimport { createServices } from '../services';\nimport { openLibrary } from '../store/open';\nexport const x = [createRouter, createServices, openLibrary];\n`)).toEqual([]);
    expect(await lint('renderer/probe.ts', `import { plural } from '../shared/plural';\nexport const x = plural;\n`)).toEqual([]);
  });

  it.each([
    ['shared imports the main side', 'shared/probe.ts', `import { AppError } from '../main/errors';`],
    ['shared imports the renderer', 'shared/probe.ts', `import { call } from '../renderer/api';`],
    ['the renderer imports the main side', 'renderer/probe.ts', `import { AppError } from '../main/errors';`],
    ['the store imports a service', 'main/store/probe.ts', `import { LibraryService } from '../services/library';`],
    // The ban a later config block used to drop for the store.
    ['the store imports the renderer', 'main/store/probe.ts', `import { call } from '../../renderer/api';`],
    ['the store imports the router', 'main/store/probe.ts', `import { createRouter } from '../router';`],
    ['a service imports the router', 'main/services/probe.ts', `import { createRouter } from '../router';`],
    ['a service imports a transport', 'main/services/probe.ts', `import { startWebServer } from '../web/server';`],
    ['a service imports the renderer', 'main/services/probe.ts', `import { call } from '../../renderer/api';`],
    ['the router imports a transport', 'main/router.ts', `import { startWebServer } from './web/server';`],
    ['a main helper imports a service', 'main/probe.ts', `import { createServices } from './services';`],
    ['the Electron glue imports the renderer', 'main/electron/probe.ts', `import { call } from '../../renderer/api';`],
    ['browser mode imports the Electron glue', 'main/web/probe.ts', `import { WINDOW_STATE_FILE } from '../electron/window-state';`],
    ['the team server reads the library', 'main/team/probe.ts', `import { openLibrary } from '../store/open';`],
    ['the team server reaches into the services', 'main/team/probe.ts', `import { createServices } from '../services';`],
    ['a service imports the team server', 'main/services/probe.ts', `import { startTeamServer } from '../team/server';`],
    ['the team client reaches into the services', 'main/sync/probe.ts', `import { createServices } from '../services';`],
    ['the team client runs the team server', 'main/sync/probe.ts', `import { startTeamServer } from '../team/server';`],
    ['the store imports the team client', 'main/store/probe.ts', `import { TeamSync } from '../sync/team-sync';`],
  ])('%s', async (_what, file, imports) => {
    await expectBroken(file, `${imports}\nexport const probe = 1;\n`, layer, /no policy allowing/);
  });
});

describe('packages each folder may not import (no-restricted-imports)', () => {
  it.each([
    ['shared: Node built-ins', 'shared/probe.ts', `import fs from 'node:fs';`],
    ['shared: bare built-in names', 'shared/probe.ts', `import path from 'path';`],
    ['shared: the UI library', 'shared/probe.ts', `import { h } from 'preact';`],
    ['renderer: Node built-ins', 'renderer/probe.ts', `import fs from 'node:fs';`],
    ['renderer: Electron', 'renderer/probe.ts', `import { ipcRenderer } from 'electron';`],
    ['renderer: SQLite', 'renderer/probe.ts', `import Database from 'better-sqlite3';`],
    ['store: Electron', 'main/store/probe.ts', `import { app } from 'electron';`],
    ['services: Electron', 'main/services/probe.ts', `import { app } from 'electron';`],
    ['services: SQLite (only the store talks to it)', 'main/services/probe.ts', `import Database from 'better-sqlite3';`],
    ['router: Electron', 'main/router.ts', `import { app } from 'electron';`],
    ['browser mode: Electron', 'main/web/probe.ts', `import { app } from 'electron';`],
    ['CLI: Electron', 'main/cli.ts', `import { app } from 'electron';`],
    ['Electron glue: SQLite', 'main/electron/probe.ts', `import Database from 'better-sqlite3';`],
  ])('%s', async (_what, file, imports) => {
    await expectBroken(file, `${imports}\nexport const probe = 1;\n`, 'no-restricted-imports');
  });
});

describe('no HTML strings into the page (no-restricted-syntax)', () => {
  it.each([
    ['innerHTML', 'renderer/probe.ts', `export const f = (el: HTMLElement, s: string) => { el.innerHTML = s; };`],
    ['outerHTML', 'renderer/probe.ts', `export const f = (el: HTMLElement, s: string) => { el.outerHTML = s; };`],
    ['insertAdjacentHTML', 'renderer/probe.ts', `export const f = (el: HTMLElement, s: string) => el.insertAdjacentHTML('beforeend', s);`],
    ['createContextualFragment', 'renderer/probe.ts', `export const f = (r: Range, s: string) => r.createContextualFragment(s);`],
    ['dangerouslySetInnerHTML in JSX', 'renderer/probe.tsx', `export const F = ({ s }: { s: string }) => <div dangerouslySetInnerHTML={{ __html: s }} />;`],
    ['dangerouslySetInnerHTML in props', 'renderer/probe.ts', `import { h } from 'preact';\nexport const f = (s: string) => h('div', { dangerouslySetInnerHTML: { __html: s } });`],
  ])('%s', async (_what, file, code) => {
    await expectBroken(file, `${code}\n`, 'no-restricted-syntax');
  });
});

describe('hooks (eslint-plugin-react-hooks)', () => {
  it('an effect that reads a value it does not list as a dependency', async () => {
    const code = `import { useEffect } from 'preact/hooks';\nexport function F({ id, load }: { id: number; load: (id: number) => void }) {\n  useEffect(() => load(id), [id]);\n  return null;\n}\n`;
    await expectBroken('renderer/views/Probe.tsx', code, 'react-hooks/exhaustive-deps', /missing dependency: 'load'/);
  });

  it('a hook called conditionally', async () => {
    const code = `import { useState } from 'preact/hooks';\nexport function F({ on }: { on: boolean }) {\n  if (on) useState(0);\n  return null;\n}\n`;
    await expectBroken('renderer/views/Probe.tsx', code, 'react-hooks/rules-of-hooks');
  });
});

describe('no import cycles (import-x/no-cycle)', () => {
  // The cycle must exist on disk for the rule to follow it: two files in a folder removed afterwards.
  const dir = path.join(root, 'main/store', `.lint-probe-${process.pid}`);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('two store files that import each other', async () => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'a.ts'), `import { b } from './b';\nexport const a = () => b();\n`);
    fs.writeFileSync(path.join(dir, 'b.ts'), `import { a } from './a';\nexport const b = (): unknown => a;\n`);
    const [result] = await eslint.lintFiles([path.join(dir, 'a.ts')]);
    expect(result!.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
  });
});
