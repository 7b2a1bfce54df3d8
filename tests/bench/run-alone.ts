// A browser bench run on its own (`node --expose-gc --import tsx tests/bench/X.ts`): when `moduleUrl`
// is the script node was started with, `measure` runs in a temporary folder with its own copy of
// the built renderer, and its figures go to stdout as JSON (progress stays on stderr).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export async function runAlone(moduleUrl: string, name: string, measure: (dir: string, rendererDir: string) => Promise<unknown>): Promise<void> {
  if (!process.argv[1] || path.resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  console.log = console.error;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `verbatim-bench-${name}-`));
  try {
    const rendererDir = path.join(dir, 'renderer');
    fs.cpSync(process.env.BENCH_RENDERER_DIR ?? path.join(root, 'dist/renderer'), rendererDir, { recursive: true });
    process.stdout.write(`${JSON.stringify(await measure(dir, rendererDir), null, 2)}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
