// Run as a non-root user by print-sandbox.test.ts: starts the print browser with the options the
// printer chooses for this user, prints one page, and reports the browser's command line.
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium, launchOptions, PRINT_CONTEXT } from '../../../main/web/chromium-printer';

const options = launchOptions(findChromium());
const browser = await chromium.launch(options);
try {
  const page = await (await browser.newContext(PRINT_CONTEXT)).newPage();
  await page.setContent('<p>Seoul presses Tokyo.</p>');
  const pdf = await page.pdf({ format: 'A4' });
  // The browser process: the newest chromium whose parent is this process.
  const children = fs
    .readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ')[1] === String(process.pid);
      } catch {
        return false;
      }
    })
    .map((p) => fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0'));
  process.stdout.write(JSON.stringify({ uid: process.getuid!(), chromiumSandbox: options.chromiumSandbox, pdfBytes: pdf.length, browserArgs: children.flat() }));
} finally {
  await browser.close();
}
