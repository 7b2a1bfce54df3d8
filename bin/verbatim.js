#!/usr/bin/env node
// The CLI is compiled by `npm run build` (run by `npm install` through `prepare`).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/main/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('verbatim: not built yet; run "npm run build" in the Verbatim folder.\n');
  process.exit(1);
}
await import(cli.href);
