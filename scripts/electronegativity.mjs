// Electronegativity (Doyensec's Electron security scanner) over the app's own sources: main/ and
// renderer/ (.ts, .tsx and the renderer's index.html). Exits 1 on any HIGH-severity finding and
// prints every finding. `npm test` runs it as `npm run test:security`.
//
// Equivalent to
//   electronegativity -i <copy of main/ + renderer/> -x AvailableSecurityFixesGlobalCheck \
//                     -e <electron version from package.json> -o <tmp>/report.sarif
// but run through the package's programmatic runner, for three reasons:
//   1. its CLI (dist/index.js) requires `commander` without declaring it and breaks on the
//      commander 14 this project hoists ("program.version is not a function");
//   2. both the CLI and the runner fetch translations from the network at start-up (an S3 bucket);
//      this machine may only talk to loopback, so `got` is replaced by a stub that fails at once
//      and the tool falls back to its bundled English strings;
//   3. the SARIF it writes carries no severity (only "warning"/"note"), so the severity of each
//      finding is read from the runner's result, matched to the SARIF results one to one.
// AvailableSecurityFixesGlobalCheck is excluded because it downloads Electron's release list.
//
// Known false positives (a HIGH finding must be fixed, or be one of these):
//   - CONTEXT_ISOLATION_JS_CHECK (HIGH) and SANDBOX_JS_CHECK (MEDIUM) on `new BrowserWindow({...,
//     webPreferences: webPreferences(preload) })` in main/electron/window.ts and `webPreferences:
//     { ...WEB_PREFERENCES, javascript: false, ... }` in main/electron/printer.ts: the scanner looks
//     for `contextIsolation: true` / `sandbox: true` written inside the literal and cannot follow
//     security.ts's webPreferences() or the spread of the frozen WEB_PREFERENCES
//     (contextIsolation: true, sandbox: true, nodeIntegration: false, ...). Those values are tested
//     in tests/unit/electron-security.test.ts, and tests/reliability/electron-hardening.test.ts
//     checks that every BrowserWindow gets its preferences from security.ts. Accepted below only
//     when the flagged constructor really passes `webPreferences: webPreferences(` or a literal
//     starting with `...WEB_PREFERENCES` that does not set contextIsolation itself; a window that
//     spells its own preferences and forgets contextIsolation still fails.
//   - CSP_GLOBAL_CHECK (LOW, manual review): no <meta> CSP in index.html; the CSP is sent as a
//     header by both transports (main/electron/protocol.ts and main/web/server.ts, shared/csp.ts).
//   - OPEN_EXTERNAL_JS_CHECK (MEDIUM, manual review): security.ts opens only http(s) URLs, after
//     the user confirms (offerToOpenExternally, tested).
//   - AUXCLICK_JS_CHECK (MEDIUM): middle-click opens a new window, which setWindowOpenHandler denies
//     for every window (hardenContents on 'web-contents-created').
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// `--root DIR` scans another checkout (tests use it to prove a HIGH finding fails the run).
const rootArg = process.argv.indexOf('--root');
const root = rootArg > 0 ? path.resolve(process.argv[rootArg + 1]) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** HIGH findings reviewed and accepted (see the list above): the reason, or null when not accepted. */
function acceptedHigh(ruleId, file, line) {
  if (ruleId !== 'CONTEXT_ISOLATION_JS_CHECK' || !/^main\/electron\/[\w-]+\.ts$/.test(file)) return null;
  const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
  // The constructor's options: from the flagged line to the first line that closes the call.
  const end = lines.findIndex((l, i) => i >= line - 1 && /^\s*\}\);/.test(l));
  const options = lines.slice(line - 1, end < 0 ? line + 40 : end + 1).join('\n');
  if (!/new BrowserWindow\(/.test(options)) return null;
  if (/\bwebPreferences:\s*webPreferences\(/.test(options)) return 'webPreferences() from security.ts sets contextIsolation: true (tested)';
  if (/\bwebPreferences:\s*\{\s*(\/\/[^\n]*\n\s*)*\.\.\.WEB_PREFERENCES\b/.test(options) && !/\bcontextIsolation\s*:/.test(options)) {
    return '...WEB_PREFERENCES from security.ts sets contextIsolation: true, not overridden here (tested)';
  }
  return null;
}

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const electronRange = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
const electronVersion = /\d+\.\d+\.\d+/.exec(electronRange ?? '')?.[0];
if (!electronVersion) {
  console.error('electronegativity: no Electron version in package.json');
  process.exit(1);
}

// 2. No network: a `got` that fails at once (the tool then keeps its bundled English strings).
const scannerDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const scannerRequire = createRequire(path.join(scannerDir, 'dist', 'runner.js'));
const gotPath = scannerRequire.resolve('got');
const offline = () => Promise.reject(new Error('electronegativity: network disabled in this project'));
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: Object.assign(offline, { default: offline, get: offline }) };
// The i18n loader logs its fallback with console.log; keep our output to the findings.
const log = console.log;
console.log = (...args) => {
  if (typeof args[0] === 'string' && args[0].startsWith('Could not retrieve updated translations')) return;
  log(...args);
};

// The scanned tree: main/ and renderer/ sources only (no node_modules, no dist, no tests).
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-electronegativity-'));
const input = path.join(work, 'src');
let copied = 0;
function copyTree(rel) {
  for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const r = path.join(rel, e.name);
    if (e.isDirectory()) copyTree(r);
    else if (/\.(ts|tsx|html)$/.test(e.name) && !e.name.endsWith('.d.ts')) {
      fs.mkdirSync(path.join(input, rel), { recursive: true });
      fs.copyFileSync(path.join(root, r), path.join(input, r));
      copied++;
    }
  }
}
for (const dir of ['main', 'renderer']) if (fs.existsSync(path.join(root, dir))) copyTree(dir);
const sarifPath = path.join(work, 'report.sarif');

const run = scannerRequire('./runner.js');
let result;
try {
  result = await (run.default ?? run)(
    {
      input,
      output: sarifPath,
      isSarif: true,
      customScan: [],
      excludeFromScan: ['availablesecurityfixesglobalcheck'],
      isRelative: true,
      isVerbose: true,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );
} catch (err) {
  console.error(`electronegativity: the scan failed: ${err?.stack ?? err}`);
  process.exit(1);
}

// The runner writes the SARIF without waiting for it; wait until it is complete.
let sarif;
for (let i = 0; i < 100 && !sarif; i++) {
  try {
    sarif = JSON.parse(fs.readFileSync(sarifPath, 'utf8'));
  } catch {
    await new Promise((r) => setTimeout(r, 50));
  }
}
if (!sarif) {
  console.error(`electronegativity: no SARIF report at ${sarifPath}`);
  process.exit(1);
}
const results = sarif.runs?.[0]?.results ?? [];
if (results.length !== result.issues.length) {
  console.error(`electronegativity: the SARIF has ${results.length} results but the scan found ${result.issues.length}`);
  process.exit(1);
}

console.log(`electronegativity ${JSON.parse(fs.readFileSync(path.join(scannerDir, 'package.json'), 'utf8')).version}: ${copied} files from main/ and renderer/, Electron ${electronVersion}, ${result.globalChecks} global and ${result.atomicChecks} atomic checks`);
// A file the scanner could not parse is a file it did not check: that fails too.
const unparsed = result.errors.filter((e) => !e.tolerable);
for (const e of result.errors) console.log(`  ${e.tolerable ? 'warning' : 'PARSE ERROR'}: ${path.relative(input, e.file)}: ${e.message}`);

let high = 0;
results.forEach((r, i) => {
  const issue = result.issues[i];
  const severity = issue.severity?.name ?? 'UNKNOWN';
  const confidence = issue.confidence?.name ?? 'UNKNOWN';
  const loc = r.locations?.[0]?.physicalLocation;
  const file = loc?.artifactLocation?.uri ?? issue.file;
  const where = `${file}:${loc?.region?.startLine ?? '?'}`;
  const allowed = severity === 'HIGH' ? acceptedHigh(r.ruleId, file, loc?.region?.startLine ?? 0) : null;
  const blocking = severity === 'HIGH' && !allowed;
  if (blocking) high++;
  console.log(`  ${blocking ? 'FAIL' : 'info'} ${severity}/${confidence} ${r.ruleId} ${where}${issue.manualReview ? ' (manual review)' : ''}${allowed ? ` (accepted: ${allowed})` : ''}`);
  if (issue.sample) console.log(`       ${String(issue.sample).split('\n')[0].slice(0, 160)}`);
});
console.log(`electronegativity: ${results.length} findings, ${high} HIGH, ${unparsed.length} unparsed files; report: ${sarifPath}`);
fs.rmSync(input, { recursive: true, force: true });
process.exit(high || unparsed.length ? 1 : 0);
