// Loaded with `node --import` into a child process: prints the process's peak resident set size
// (KiB, as process.resourceUsage() reports it on Linux) to stderr as it exits.
import fs from 'node:fs';

process.on('exit', () => {
  fs.writeSync(2, `[verbatim-rss] ${process.resourceUsage().maxRSS}\n`);
});
