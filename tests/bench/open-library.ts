// Opening a library in browser mode until it is usable: the web server in this process, Chromium
// through playwright-core, and the time from navigation start until the first library row is visible
// AND a click on it has put the article's text in the reader. Timestamps are taken in the page
// (performance.now(), whose origin is the navigation start) the frame after the DOM shows each state.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLibrary, type Library } from '../../main/store/open';
import { createServices } from '../../main/services';
import { createRouter } from '../../main/router';
import { startWebServer } from '../../main/web/server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { median, progress, round } from './stats';
import { appHeaps, type AppHeaps } from './memory';
import { cachedLibrary } from './library-cache';
import { generateArticles } from './corpus';
import { benchLibraryList } from './library-list';

/** Issue 12: warm, until the first article is readable; and the same for any size of library. */
export const OPEN_BUDGET_MS = 500;
/** A cold load (fresh profile and cache) may take longer: Chromium compiles the bundle first. */
export const COLD_BUDGET_MS = 1000;
/** "Independent of library size": the warm figure at most this many times the one-article library's. */
export const SIZE_RATIO_BUDGET = 1.5;
const WARM_LOADS = 5;

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Plain JS (not a TS function): tsx would wrap a named function with helpers the page does not have.
const INSTRUMENT = `(() => {
  const marks = (window.__bench = {});
  const afterPaint = (name) => requestAnimationFrame(() => setTimeout(() => { if (marks[name] === undefined) marks[name] = performance.now(); }, 0));
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.height > 0 && r.bottom > 0 && r.top < innerHeight; };
  const check = () => {
    if (marks.itemSeen === undefined) {
      const item = document.querySelector('[data-testid="library-item"]');
      if (item && visible(item)) { marks.itemSeen = performance.now(); afterPaint('itemPainted'); }
    }
    if (marks.articleSeen === undefined) {
      const view = document.querySelector('[data-testid="article-view"]');
      if (view && view.textContent.trim() && visible(view)) { marks.articleSeen = performance.now(); afterPaint('articlePainted'); obs.disconnect(); }
    }
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['hidden', 'class'] });
})();`;

const READ_MARKS = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const list = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/articles.list'));
  return {
    ...window.__bench,
    domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
    listRequestStart: list ? list.startTime : null,
    listResponseEnd: list ? list.responseEnd : null,
    listBytes: list ? list.encodedBodySize : null,
  };
})()`;

interface Marks {
  itemSeen?: number;
  itemPainted?: number;
  articleSeen?: number;
  articlePainted?: number;
  domContentLoaded: number | null;
  listRequestStart: number | null;
  listResponseEnd: number | null;
  listBytes: number | null;
}

export interface LoadTiming {
  /** Navigation start → the clicked article's text painted in the reader: the figure. */
  interactiveMs: number;
  /** Navigation start → first library row painted. */
  listVisibleMs: number;
  /** Click sent → article painted (includes Playwright's click and the articles.get round trip). */
  clickToArticleMs: number;
  domContentLoadedMs: number;
  /** The articles.list request: when it started and finished, and its size on the wire. */
  listRequestStartMs: number;
  listResponseEndMs: number;
  listResponseKB: number;
  /** Node's wall clock around the same steps, Playwright's own overhead included. */
  wallMs: number;
}

async function load(page: Page, url: string): Promise<LoadTiming> {
  const t0 = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  const item = page.getByTestId('library-item').first();
  await item.waitFor({ state: 'visible' });
  const title = (await item.locator('.item-title').textContent())?.trim();
  const clickAt = await page.evaluate(() => performance.now());
  await item.click();
  await page.getByTestId('article-view').filter({ hasText: /\S/ }).waitFor({ state: 'visible' });
  // A function, not a string: the page's CSP forbids the eval a string predicate would need.
  await page.waitForFunction(() => (window as unknown as { __bench?: Partial<Marks> }).__bench?.articlePainted !== undefined);
  const wallMs = performance.now() - t0;
  const shown = (await page.getByTestId('article-title').textContent())?.trim();
  if (!title || shown !== title) throw new Error(`Clicked “${title}” but the reader shows “${shown}”.`);
  const m = (await page.evaluate(READ_MARKS)) as Marks;
  return {
    interactiveMs: round(m.articlePainted!, 1),
    listVisibleMs: round(m.itemPainted!, 1),
    clickToArticleMs: round(m.articlePainted! - clickAt, 1),
    domContentLoadedMs: round(m.domContentLoaded ?? NaN, 1),
    listRequestStartMs: round(m.listRequestStart ?? NaN, 1),
    listResponseEndMs: round(m.listResponseEnd ?? NaN, 1),
    listResponseKB: round((m.listBytes ?? NaN) / 1024, 1),
    wallMs: round(wallMs, 1),
  };
}

const launch = (): Promise<Browser> =>
  chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: LAUNCH_ARGS });

export interface OpenFigures {
  articles: number;
  coldMs: number;
  warmMedianMs: number;
  warmMs: number[];
  cold: LoadTiming;
  /** The warm load whose interactiveMs is the median, with its breakdown. */
  warmMedian: LoadTiming;
}

/** One cold load in a freshly launched browser (empty profile and cache), then WARM_LOADS reloads. */
async function measureLibrary(lib: Library, rendererDir: string, label: string): Promise<OpenFigures> {
  const services = createServices(lib);
  const articles = services.library.info().articleCount;
  const server = await startWebServer({ router: createRouter(services), rendererDir, port: 0 });
  const browser = await launch();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.addInitScript(INSTRUMENT);
    progress(`open library (${label}, ${articles} articles): cold load…`);
    const cold = await load(page, server.url);
    const warm: LoadTiming[] = [];
    for (let i = 0; i < WARM_LOADS; i++) warm.push(await load(page, server.url));
    progress(`open library (${label}): cold ${cold.interactiveMs} ms, warm ${warm.map((w) => w.interactiveMs).join(', ')} ms`);
    const warmMs = warm.map((w) => w.interactiveMs);
    const warmMedian = warm.find((w) => w.interactiveMs === median(warmMs))!;
    return { articles, coldMs: cold.interactiveMs, warmMedianMs: warmMedian.interactiveMs, warmMs, cold, warmMedian };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The app's heaps with this library open, its first article read (see memory.ts). */
async function heapsWithLibrary(lib: Library, rendererDir: string): Promise<AppHeaps> {
  return appHeaps(lib.path, rendererDir, async (page, url) => {
    await page.goto(url);
    await page.getByTestId('library-item').first().click();
    await page.getByTestId('article-view').filter({ hasText: /\S/ }).waitFor({ state: 'visible' });
  });
}

export interface LargerLibraryFigures extends OpenFigures {
  /** Warm median at this size over the warm median of the benchmark's library: 1 when size costs nothing. */
  growth: number;
  growthBudget: number;
  memory: AppHeaps;
  met: boolean;
}

export interface OpenLibraryFigures extends OpenFigures {
  what: string;
  memory: AppHeaps;
  budgetMs: number;
  coldBudgetMs: number;
  /** Warm median over the one-article library's warm median: near 1 when the list is paged. */
  sizeRatio: number;
  sizeRatioBudget: number;
  met: boolean;
  peer: OpenFigures & { what: string };
  /** The same figures over a larger library (100,000 articles), so growth shows as a curve; null when not asked. */
  larger: LargerLibraryFigures | null;
  /** The list's own store calls, unfiltered and under date ranges. */
  listCalls: ReturnType<typeof benchLibraryList>;
}

export async function benchOpenLibrary(big: Library, small: Library, rendererDir: string, larger: Library | null = null): Promise<OpenLibraryFigures> {
  // A throwaway launch first, so "cold" means a fresh profile and cache, not Chromium's binary off disk.
  await (await launch()).close();
  const ours = await measureLibrary(big, rendererDir, 'benchmark');
  const peer = await measureLibrary(small, rendererDir, 'peer');
  const sizeRatio = round(ours.warmMedianMs / peer.warmMedianMs, 2);
  progress('open library: heaps with the benchmark’s library open…');
  const memory = await heapsWithLibrary(big, rendererDir);
  let largerFigures: LargerLibraryFigures | null = null;
  if (larger) {
    const at = await measureLibrary(larger, rendererDir, 'larger');
    progress('open library: heaps with the larger library open…');
    const growth = round(at.warmMedianMs / ours.warmMedianMs, 2);
    largerFigures = {
      ...at,
      growth,
      growthBudget: SIZE_RATIO_BUDGET,
      memory: await heapsWithLibrary(larger, rendererDir),
      met: at.coldMs <= COLD_BUDGET_MS && at.warmMedianMs <= OPEN_BUDGET_MS && growth <= SIZE_RATIO_BUDGET,
    };
  }
  // The list's own store calls, unfiltered and under date ranges, over the same big library.
  const listCalls = benchLibraryList(big);
  return {
    what: 'navigation start → first library-item visible, clicked, and the article text painted in the reader (in-page performance.now())',
    ...ours,
    memory,
    budgetMs: OPEN_BUDGET_MS,
    coldBudgetMs: COLD_BUDGET_MS,
    sizeRatio,
    sizeRatioBudget: SIZE_RATIO_BUDGET,
    met: ours.coldMs <= COLD_BUDGET_MS && ours.warmMedianMs <= OPEN_BUDGET_MS && sizeRatio <= SIZE_RATIO_BUDGET && (largerFigures?.met ?? true),
    peer: { what: 'the same page over a library of one article', ...peer },
    larger: largerFigures,
    listCalls,
  };
}

/** The articles of the larger point (BENCH_LARGER_ARTICLES; 0 leaves it out). */
export const largerLibrarySize = (): number => {
  const n = Number(process.env.BENCH_LARGER_ARTICLES ?? 100_000);
  if (!Number.isInteger(n) || n < 0) throw new Error(`BENCH_LARGER_ARTICLES must be a whole number, not “${process.env.BENCH_LARGER_ARTICLES}”.`);
  return n;
};

// Alone: `node --expose-gc --import tsx tests/bench/open-library.ts` measures the cached libraries of
// 10,000 and 100,000 generated articles (built on the first run) beside a one-article library.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log = console.error;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-bench-open-'));
  const opened: Library[] = [];
  try {
    const rendererDir = path.join(dir, 'renderer');
    fs.cpSync(path.join(root, 'dist/renderer'), rendererDir, { recursive: true });
    const big = (await cachedLibrary(Number(process.env.BENCH_ARTICLES ?? 10_000))).lib;
    opened.push(big);
    const n = largerLibrarySize();
    const larger = n ? (await cachedLibrary(n)).lib : null;
    if (larger) opened.push(larger);
    const small = await openLibrary(path.join(dir, 'one.sqlite'));
    opened.push(small);
    const a = generateArticles(1).next().value!;
    const one = await createServices(small).importer.import({ file: 'article.txt', encoding: 'text', data: a.text, title: a.title, outlet: a.outlet, publishedAt: a.publishedAt });
    if (one.status !== 'imported') throw new Error(`The peer library’s article was not imported: ${JSON.stringify(one)}`);
    process.stdout.write(`${JSON.stringify(await benchOpenLibrary(big, small, rendererDir, larger), null, 2)}\n`);
  } finally {
    for (const lib of opened) lib.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
