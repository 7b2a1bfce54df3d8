// Loaded with `node --import` into a child process: prints the process's peak resident set size
// (KiB, as process.resourceUsage() reports it on Linux) to stderr as it exits. Worker threads load
// it too (they inherit the --import); only the main thread reports, once.
import fs from 'node:fs';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  process.on('exit', () => {
    fs.writeSync(2, `[verbatim-rss] ${process.resourceUsage().maxRSS}\n`);
  });
}
