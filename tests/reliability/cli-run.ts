// The built `verbatim` command as a child process, with its exit code, output, wall time and peak
// memory. Free of Vitest, so the benchmark runs it too.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = path.join(fileURLToPath(new URL('../../', import.meta.url)), 'bin/verbatim.js');
/** Loaded with `node --import` into the CLI: prints its peak RSS on exit. */
const rssReporter = fileURLToPath(new URL('./workers/report-rss.mjs', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident set size of the CLI process, in bytes (from process.resourceUsage()). */
  maxRssBytes: number;
  ms: number;
}

/** Runs `verbatim --db DB ...args` and reports its exit code, output and peak memory. */
export function cli(db: string, ...args: string[]): CliResult {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', rssReporter, bin, '--db', db, ...args], {
    encoding: 'utf8',
    env: { ...process.env, VERBATIM_DB: '' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  const m = /\[verbatim-rss\] (\d+)/.exec(r.stderr ?? '');
  return { code: r.status, stdout: r.stdout ?? '', stderr: (r.stderr ?? '').replace(/\[verbatim-rss\] \d+\n?/, ''), maxRssBytes: m ? Number(m[1]) * 1024 : NaN, ms };
}

/** `cli` without blocking the event loop, so several can run at once. */
export function cliAsync(db: string, ...args: string[]): Promise<CliResult> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', rssReporter, bin, '--db', db, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VERBATIM_DB: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) =>
    child.once('close', (code, signal) => {
      const m = /\[verbatim-rss\] (\d+)/.exec(stderr);
      resolve({ code: code ?? (signal ? -1 : null), stdout, stderr: stderr.replace(/\[verbatim-rss\] \d+\n?/, ''), maxRssBytes: m ? Number(m[1]) * 1024 : NaN, ms: performance.now() - t0 });
    }),
  );
}
