// Heap figures for the bench report: the main process's (this Node process: the store, the services
// and the web server run in it, as in browser mode) and a Chromium page's (the renderer), each after
// a full garbage collection so they count what is still held, not what awaits collection.
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import v8 from 'node:v8';
import { chromium, type Page } from 'playwright-core';
import { round } from './stats';

export interface HeapFigures {
  /** JS heap in use after a collection. */
  heapUsedMB: number;
  heapTotalMB: number;
  /** Main process only: resident set and memory held outside the JS heap (SQLite's cache, buffers). */
  rssMB?: number;
  externalMB?: number;
  /** False when the process was not started with --expose-gc: the figure then includes garbage. */
  collected: boolean;
}

const MB = 2 ** 20;

export function mainHeap(): HeapFigures {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const m = process.memoryUsage();
  const h = v8.getHeapStatistics();
  return {
    heapUsedMB: round(h.used_heap_size / MB, 1),
    heapTotalMB: round(h.total_heap_size / MB, 1),
    rssMB: round(m.rss / MB, 1),
    externalMB: round(m.external / MB, 1),
    collected: !!gc,
  };
}

/** The page's JS heap through the DevTools protocol, after CDP's own full collection. */
export async function rendererHeap(page: Page): Promise<HeapFigures> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
    return { heapUsedMB: round(metric('JSHeapUsedSize') / MB, 1), heapTotalMB: round(metric('JSHeapTotalSize') / MB, 1), collected: true };
  } finally {
    await cdp.detach();
  }
}

export interface AppHeaps {
  /** Browser mode's main side (store, services, web server) in a process of its own. */
  main: HeapFigures;
  /** The page, after `open` has brought it to the state measured. */
  renderer: HeapFigures;
}

/**
 * The app's two heaps with `file` open: browser mode's main side started alone (web-child.ts), a
 * fresh Chromium page brought by `open` to the state to measure (the library listed, an article
 * read), then both heaps after a full collection.
 */
export async function appHeaps(file: string, rendererDir: string, open: (page: Page, url: string) => Promise<void>): Promise<AppHeaps> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', new URL('./web-child.ts', import.meta.url).pathname, file, rendererDir], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async <T>(): Promise<T> => {
    const r = await lines.next();
    if (r.done) throw new Error('the browser-mode process ended before it answered');
    return JSON.parse(r.value as string) as T;
  };
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const { url } = await next<{ url: string }>();
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await open(page, url);
    const renderer = await rendererHeap(page);
    child.stdin!.write('heap\n');
    return { main: await next<HeapFigures>(), renderer };
  } finally {
    await browser.close();
    child.stdin!.end();
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
  }
}
