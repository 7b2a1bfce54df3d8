// Heap figures for the bench report: the main process's (this Node process: the store, the services
// and the web server run in it, as in browser mode) and a Chromium page's (the renderer), each after
// a full garbage collection so they count what is still held, not what awaits collection.
import v8 from 'node:v8';
import type { Page } from 'playwright-core';
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
