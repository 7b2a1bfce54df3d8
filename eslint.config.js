// Lint, and the layer rules of docs/ARCHITECTURE.md: arrows only point down.
//   renderer -> shared;  main -> shared;  main/electron, main/web, main/cli -> router -> services -> store
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Bare built-in names go in `paths` (exact), since a pattern such as 'url' would also match './url'.
const nodeBuiltins = ['fs', 'path', 'os', 'crypto', 'child_process', 'url', 'http', 'net'];
const builtinPaths = (message) => nodeBuiltins.map((name) => ({ name, message }));
const restrict = (patterns, message) => ({ group: patterns, message });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tsbuild/**', 'release/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Build DOM nodes; never assign innerHTML.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Build DOM nodes; never insert HTML strings.' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: builtinPaths('shared/ is pure: no Node built-ins.'),
          patterns: [
            restrict(['electron'], 'shared/ is pure: no Electron.'),
            restrict(['node:*'], 'shared/ is pure: no Node built-ins.'),
            restrict(['better-sqlite3', 'jsdom', 'preact', 'preact/*'], 'shared/ is pure: no store, DOM shim or UI library.'),
            restrict(['**/main/**', '../main', '**/renderer/**', '../renderer'], 'shared/ imports nothing above it.'),
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: builtinPaths('The renderer runs in a browser: no Node built-ins.'),
          patterns: [
            restrict(['electron'], 'The renderer talks to the main side only through api.ts.'),
            restrict(['node:*'], 'The renderer runs in a browser: no Node built-ins.'),
            restrict(['better-sqlite3', 'jsdom'], 'The renderer never touches the store.'),
            restrict(['**/main/**', '../main', '../../main'], 'The renderer reaches the main side only through api.ts and the contract.'),
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [restrict(['electron'], 'Only main/electron/ may import electron.'), restrict(['**/renderer/**'], 'main/ never imports the renderer.')] },
      ],
    },
  },
  {
    files: ['main/store/**/*.ts', 'main/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(['electron'], 'Only main/electron/ may import electron.'),
            restrict(['**/web/**', '**/electron/**', '**/cli', '**/router'], 'Services and the store sit below the router and the transports.'),
            restrict(['**/renderer/**'], 'main/ never imports the renderer.'),
          ],
        },
      ],
    },
  },
  {
    files: ['main/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(['electron'], 'Only main/electron/ may import electron.'),
            restrict(['**/services/**', '**/web/**', '**/electron/**', '**/cli', '**/router'], 'The store is the bottom layer.'),
          ],
        },
      ],
    },
  },
);
