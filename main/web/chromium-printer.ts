// PDF printing for browser mode and the CLI: the system's Chromium (or Chrome), driven headless by
// playwright-core. Never a downloaded browser. The browser starts on the first print and stays up
// for the next ones, with one page ready to print on (a cold start costs far more than a print);
// close() shuts it down.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContextOptions, LaunchOptions, Page } from 'playwright-core';
import { AppError } from '../errors';
import { PRINT_MARGINS, type Printer, type PrintOptions } from '../services/export/printer';

/** Where Chromium-family browsers usually live; CHROMIUM_PATH overrides all of them. */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  const list: string[] = [];
  if (platform === 'darwin') {
    list.push(
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Applications/Brave Browser.app/Contents/MacOS/Brave Browser',
    );
    if (env.HOME) list.push(path.join(env.HOME, 'Applications/Google Chrome.app/Contents/MacOS/Google Chrome'), path.join(env.HOME, 'Applications/Chromium.app/Contents/MacOS/Chromium'));
  } else if (platform === 'win32') {
    for (const base of [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)'], 'C:\\Program Files', 'C:\\Program Files (x86)']) {
      if (!base) continue;
      list.push(
        path.win32.join(base, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        path.win32.join(base, 'Chromium', 'Application', 'chrome.exe'),
        path.win32.join(base, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      );
    }
  } else {
    list.push(
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/usr/bin/microsoft-edge',
      '/snap/bin/chromium',
      '/usr/lib/chromium/chromium',
      '/opt/google/chrome/chrome',
    );
  }
  return [...new Set(list)];
}

/**
 * The browser to print with: CHROMIUM_PATH when set (and it must then exist), else the first usual
 * install found. Throws `unsupported` naming what was tried.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, exists: (p: string) => boolean = isFile): string {
  const override = env.CHROMIUM_PATH?.trim();
  if (override) {
    if (exists(override)) return override;
    throw new AppError('unsupported', `CHROMIUM_PATH is set to ${override}, but there is no browser there. PDF export needs Chromium or Google Chrome.`);
  }
  const candidates = chromiumCandidates(env, platform);
  const found = candidates.find(exists);
  if (found) return found;
  throw new AppError(
    'unsupported',
    `PDF export needs Chromium or Google Chrome, and none was found (looked in ${candidates.join(', ')}). ` +
      'Install one (on Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to its executable.',
  );
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Flags for a browser that only ever prints local HTML: no network chatter, no GPU, no first-run UI. */
const LAUNCH_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  '--mute-audio',
];

/**
 * How the print browser is started. Chromium's sandbox stays on: Playwright turns it off unless
 * `chromiumSandbox` is set, and the HTML it prints holds imported, untrusted text. The one
 * exception is root on Linux, where Chromium refuses to start sandboxed at all ("Running as root
 * without --no-sandbox is not supported"); there it runs without, and JavaScript stays off in the
 * page either way (PRINT_CONTEXT).
 */
export function launchOptions(executablePath: string, uid: number | null = process.getuid?.() ?? null): LaunchOptions {
  return {
    executablePath,
    headless: true,
    args: LAUNCH_ARGS,
    chromiumSandbox: uid !== 0,
    // Whoever owns the printer closes it; Playwright must not exit the process on a signal.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    timeout: 30_000,
  };
}

/** The page prints only what it is given: no scripts, no network, no downloads, no service workers. */
export const PRINT_CONTEXT: BrowserContextOptions = { javaScriptEnabled: false, offline: true, acceptDownloads: false, serviceWorkers: 'block' };

/** The longest a single print may take before it is abandoned (a 100-page briefing takes seconds). */
const PRINT_TIMEOUT_MS = 120_000;

export interface ChromiumPrinterOptions {
  /** The browser executable; default: findChromium(). */
  executablePath?: string;
}

export class ChromiumPrinter implements Printer {
  private browser: Promise<Browser> | null = null;
  private page: Promise<Page> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ChromiumPrinterOptions = {}) {}

  /** The running browser, started on first use and again if it died. */
  private launch(): Promise<Browser> {
    if (!this.browser) {
      const executablePath = this.options.executablePath ?? findChromium();
      // Loaded on first print: playwright-core costs every CLI command half a second to import.
      const starting = import('playwright-core')
        .then(({ chromium }) => chromium.launch(launchOptions(executablePath)))
        .then((browser) => {
          browser.on('disconnected', () => {
            if (this.browser === starting) {
              this.browser = null;
              this.page = null;
            }
          });
          return browser;
        })
        .catch((err: unknown) => {
          if (this.browser === starting) this.browser = null;
          throw new AppError('unsupported', `Could not start ${executablePath} to print the PDF: ${(err as Error)?.message?.split('\n')[0] ?? err}`);
        });
      this.browser = starting;
    }
    return this.browser;
  }

  /**
   * Prints one document at a time on one warm page: a new page costs more than a small print, and
   * exports are rare enough that queueing them costs nothing noticeable.
   */
  print(html: string, opts: PrintOptions): Promise<Uint8Array> {
    const run = this.queue.then(() => this.printNow(html, opts));
    this.queue = run.catch(() => {});
    return run;
  }

  private async printNow(html: string, opts: PrintOptions): Promise<Uint8Array> {
    const page = await this.warmPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: opts.pageSize,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: opts.headerHtml,
        footerTemplate: opts.footerHtml,
        margin: PRINT_MARGINS,
        preferCSSPageSize: false,
        tagged: true,
        outline: true,
      });
      // Nothing of this document stays in the page while it waits for the next one.
      await page.setContent('', { waitUntil: 'load' }).catch(() => this.discard(page));
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } catch (err) {
      await this.discard(page);
      throw err;
    }
  }

  /** A page that failed once is not trusted again: the next print gets a new one. */
  private async discard(page: Page): Promise<void> {
    this.page = null;
    await page.context().close().catch(() => {});
  }

  /** A page in its own context (JavaScript off, offline, no downloads), kept between prints. */
  private warmPage(): Promise<Page> {
    if (!this.page) {
      const opening = this.launch().then(async (browser) => {
        const context = await browser.newContext(PRINT_CONTEXT);
        const page = await context.newPage();
        page.setDefaultTimeout(PRINT_TIMEOUT_MS);
        await page.emulateMedia({ media: 'print' });
        page.on('close', () => {
          if (this.page === opening) this.page = null;
        });
        return page;
      });
      opening.catch(() => {
        if (this.page === opening) this.page = null;
      });
      this.page = opening;
    }
    return this.page;
  }

  async close(): Promise<void> {
    const starting = this.browser;
    this.browser = null;
    this.page = null;
    if (!starting) return;
    try {
      await (await starting).close();
    } catch {
      // It never started, or already died: nothing left to close.
    }
  }
}
