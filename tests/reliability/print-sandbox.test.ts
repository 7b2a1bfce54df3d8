// The print browser renders imported, untrusted text: Chromium's sandbox must be on, which
// Playwright leaves off unless asked. Only as root on Linux, where Chromium will not start
// sandboxed, does it run without; JavaScript stays off in the page either way.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchOptions, PRINT_CONTEXT } from '../../main/web/chromium-printer';
import { bundleWorker } from './support';

describe('the print browser’s sandbox', () => {
  it('is on for any user but root, and JavaScript is off in the page', () => {
    for (const uid of [1000, 501, 65534, null /* Windows has no uids */]) {
      const o = launchOptions('/usr/bin/chromium', uid);
      expect(o.chromiumSandbox, `uid ${uid}`).toBe(true);
      expect(o.args ?? []).not.toContain('--no-sandbox');
    }
    expect(launchOptions('/usr/bin/chromium', 0).chromiumSandbox).toBe(false);
    expect(PRINT_CONTEXT).toMatchObject({ javaScriptEnabled: false, offline: true });
  });

  it('a non-root user’s print browser really runs sandboxed and prints', async () => {
    const script = await bundleWorker(new URL('./workers/print-as-user.ts', import.meta.url).pathname);
    fs.chmodSync(path.dirname(script), 0o755);
    fs.chmodSync(script, 0o644);
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-print-'));
    fs.chmodSync(home, 0o777);
    // Root (as on the build machines) drops to `nobody` for this; anyone else already is a non-root user.
    const asUser = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
    const r = spawnSync(asUser[0] ?? process.execPath, [...asUser.slice(1), ...(asUser.length ? [process.execPath] : []), script], {
      encoding: 'utf8',
      env: { ...process.env, HOME: home },
      cwd: home,
      timeout: 120_000,
    });
    fs.rmSync(home, { recursive: true, force: true });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { uid: number; chromiumSandbox: boolean; pdfBytes: number; browserArgs: string[] };
    console.log(`[reliability] print sandbox: uid ${out.uid}, chromiumSandbox ${out.chromiumSandbox}, --no-sandbox in the browser's arguments: ${out.browserArgs.includes('--no-sandbox')}; printed ${out.pdfBytes} bytes`);
    expect(out.uid).not.toBe(0);
    expect(out.chromiumSandbox).toBe(true);
    expect(out.browserArgs.some((a) => a.includes('chrom'))).toBe(true);
    expect(out.browserArgs).not.toContain('--no-sandbox');
    expect(out.pdfBytes).toBeGreaterThan(1000);
  }, 180_000);
});
