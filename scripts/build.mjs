// Builds everything `npm start`, `npm run web`, the CLI and the E2E tests run:
//   dist/main/cli.js         the `verbatim` command (ESM, Node)
//   dist/main/html-worker.js the worker thread that reads saved web pages (ESM; CLI and app)
//   dist/main/pdf-worker.js  the worker thread that reads PDFs with pdf.js (ESM; CLI and app)
//   dist/main/suggest-worker.js the worker thread that finds suggested attributions in long articles
//   dist/main/electron.cjs   Electron's main process
//   dist/main/preload.cjs    the sandboxed preload (must be one CommonJS file)
//   dist/renderer/           the renderer, built by Vite
// `--if-needed` skips the build when every output is newer than every source.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputs = ['dist/main/cli.js', 'dist/main/html-worker.js', 'dist/main/pdf-worker.js', 'dist/main/suggest-worker.js', 'dist/main/electron.cjs', 'dist/main/preload.cjs', 'dist/renderer/index.html'].map((p) => path.join(root, p));

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

if (process.argv.includes('--if-needed') && outputs.every((o) => fs.existsSync(o))) {
  const sources = Math.max(...['main', 'renderer', 'shared'].map((d) => newest(path.join(root, d))), fs.statSync(path.join(root, 'package.json')).mtimeMs);
  const built = Math.min(...outputs.map((o) => fs.statSync(o).mtimeMs));
  if (built >= sources) process.exit(0);
}

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', absWorkingDir: root };
await Promise.all([
  // Dependencies stay in node_modules: better-sqlite3 is native, jsdom loads files at run time.
  // Modules loaded on first use (jsdom) go through `require`: give the ESM bundle a real one.
  esbuild({
    ...common,
    entryPoints: ['main/cli.ts'],
    outfile: 'dist/main/cli.js',
    format: 'esm',
    packages: 'external',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  }),
  // Loaded with `new Worker` by the CLI and by Electron's main process alike.
  esbuild({
    ...common,
    entryPoints: ['main/services/import/html-worker.ts'],
    outfile: 'dist/main/html-worker.js',
    format: 'esm',
    packages: 'external',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  }),
  // PDFs off the main thread; pdf.js and its data files (character maps, fonts) stay in node_modules.
  esbuild({
    ...common,
    entryPoints: ['main/services/import/pdf-worker.ts'],
    outfile: 'dist/main/pdf-worker.js',
    format: 'esm',
    packages: 'external',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  }),
  // The attribution engine off the main thread; wink-nlp and its model stay in node_modules.
  esbuild({
    ...common,
    entryPoints: ['main/attribution/suggest-worker.ts'],
    outfile: 'dist/main/suggest-worker.js',
    format: 'esm',
    packages: 'external',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  }),
  // And the CommonJS bundle an import.meta.url, which CommonJS lacks.
  esbuild({
    ...common,
    entryPoints: ['main/electron/index.ts'],
    outfile: 'dist/main/electron.cjs',
    format: 'cjs',
    packages: 'external',
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__importMetaUrl' },
  }),
  // A sandboxed preload can require only 'electron': bundle everything else into it.
  esbuild({ ...common, entryPoints: ['main/electron/preload.ts'], outfile: 'dist/main/preload.cjs', format: 'cjs', external: ['electron'], platform: 'browser', target: 'chrome130', minify: true }),
  vite({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' }),
]);
