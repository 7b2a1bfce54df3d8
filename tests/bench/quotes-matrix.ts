// The quotes table and the matrices at 50,000 annotations and a codebook of 2,000 actors (issue 12):
// in browser mode, in Chromium, the time from a click on the Quotes or Matrix tab until the table is
// painted, and from a filter's change until the filtered rows are painted; beside them, the time of
// each contract call the views make, measured in the main process (the peer: how much of the figure
// is the store). Timestamps are taken in the page (performance.now()) the frame after the DOM shows
// the state. Then the store's own time for the table's first page, its filters, the next page, the
// tag choices and the codebook's counts, each beside the same work done version 11's way (its
// indexes and queries, `quotes-v11-plan.ts`) on a copy of the same library, in the same run.
// Run alone: `node --expose-gc --import tsx tests/bench/quotes-matrix.ts`.
import fs from 'node:fs';
import path from 'node:path';
import { runAlone } from './run-alone';
import { chromium, type Page } from 'playwright-core';
import { openLibrary, type Library } from '../../main/store/open';
import { createServices } from '../../main/services';
import { createRouter, type Router } from '../../main/router';
import { startWebServer } from '../../main/web/server';
import type { CallName } from '../../shared/contract';
import { buildCodedLibrary, CODING_SIZE, type CodedLibrary } from './coded-corpus';
import { mainHeap, rendererHeap, type HeapFigures } from './memory';
import { median, progress, round } from './stats';
import Database from 'better-sqlite3';
import { QuoteStore } from '../../main/store/quotes';
import type { QuotePage } from '../../shared/model';
import type { QuotePageQuery } from '../../shared/contract';
import { actorCountsV11, pageKeysV11, positionCountsV11, rewindToV11Indexes, tagsV11 } from './quotes-v11-plan';

export const QUOTES_PAINT_BUDGET_MS = 300;
export const QUOTES_FILTER_BUDGET_MS = 100;
const RUNS = Number(process.env.BENCH_QUOTE_RUNS ?? 5);
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Plain JS in a string (tsx would wrap a TS function with helpers the page lacks): runs `act`, then
// waits until `done()` holds, and returns the time until the frame after that was painted.
const MEASURE = `window.__measure = (act, done) => new Promise((resolve, reject) => {
  const t0 = performance.now();
  let finished = false;
  const check = () => {
    if (finished || !done()) return;
    finished = true;
    obs.disconnect();
    const seen = performance.now();
    requestAnimationFrame(() => setTimeout(() => resolve({ seenMs: seen - t0, paintedMs: performance.now() - t0 }), 0));
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  setTimeout(() => { if (!finished) { obs.disconnect(); reject(new Error('timed out after 180 s')); } }, 180000);
  act();
  check();
});`;

interface Step {
  seenMs: number;
  paintedMs: number;
}

/** A step measured in the page: `act` and `done` are JS source (the page's CSP is not involved: CDP evaluates). */
async function step(page: Page, label: string, act: string, done: string): Promise<Step> {
  const r = (await page.evaluate(`window.__measure(() => { ${act} }, () => (${done}))`)) as Step;
  progress(`quotes & matrix: ${label} ${round(r.paintedMs, 1)} ms`);
  return { seenMs: round(r.seenMs, 1), paintedMs: round(r.paintedMs, 1) };
}

const click = (testid: string) => `document.querySelector('[data-testid="${testid}"]').click();`;
const select = (css: string, value: string) =>
  `const s = document.querySelector(${JSON.stringify(css)}); s.value = ${JSON.stringify(value)}; s.dispatchEvent(new Event('change', { bubbles: true }));`;

type CallFigures = Record<string, { medianMs: number; bytes: number } | null>;

/** Each call's median time through the router, JSON on the wire included; null for a call this build does not have. */
async function callTimes(router: Router, calls: [CallName, unknown][]): Promise<CallFigures> {
  const out: CallFigures = {};
  calls: for (const [name, input] of calls) {
    const times: number[] = [];
    let bytes = 0;
    // A call that takes over a second is timed once: the point is its size, not its spread.
    for (let i = 0; i < RUNS && !(times[0]! > 1000); i++) {
      const t0 = performance.now();
      const r = await router(name, input);
      // The wire carries JSON: serialising is part of what the renderer waits for.
      bytes = Buffer.byteLength(JSON.stringify(r));
      times.push(performance.now() - t0);
      if (!r.ok && r.error.code === 'unknown_call') {
        out[`${name} ${JSON.stringify(input)}`] = null;
        continue calls;
      }
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    }
    out[`${name} ${JSON.stringify(input)}`] = { medianMs: round(median(times), 1), bytes };
  }
  return out;
}

interface StorePair {
  ms: number;
  peerMs: number;
  /** The peer's time over this build's: how many times faster. */
  speedup: number;
}

interface StoreFigures {
  what: string;
  cases: Record<string, StorePair>;
}

/** Median time of `fn` over RUNS runs (after one run to warm the statement cache and the pages). */
function medianMs(fn: () => unknown): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/**
 * The store's time for each step of the quotes table and the codebook lists, beside version 11's
 * way on a copy of the same library with its indexes rewound (measured alternately, in the same
 * run). A page must come out the same both ways, or the figures are not compared.
 */
function storeFigures(lib: Library, coded: CodedLibrary, dir: string): StoreFigures {
  const peerFile = path.join(dir, 'coded-v11-indexes.sqlite');
  lib.db.exec(`VACUUM INTO '${peerFile.replaceAll("'", "''")}'`);
  const peer = new Database(peerFile);
  try {
    rewindToV11Indexes(peer);
    const quotes = new QuoteStore(lib.db);
    const peerQuotes = new QuoteStore(peer);
    const services = createServices(lib);
    const firstPage = quotes.page({ limit: 100 });
    const pages: Record<string, QuotePageQuery> = {
      'first page (by date)': {},
      'speaker filter (the busiest speaker)': { actorId: coded.actorIds[0]! },
      'topic filter': { topicId: coded.topicIds[0]! },
      'tag filter': { tag: 'assets' },
      'kind filter': { kind: 'paraphrase' },
      'sorted by text': { sort: 'text' },
      'sorted by speaker': { sort: 'speaker' },
      'next page (by date)': { after: firstPage.next! },
    };
    const cases: Record<string, StorePair> = {};
    const pair = (name: string, ours: () => unknown, theirs: () => unknown) => {
      progress(`quotes & matrix: store, ${name}…`);
      const ms = medianMs(ours);
      const peerMs = medianMs(theirs);
      cases[name] = { ms: round(ms, 2), peerMs: round(peerMs, 2), speedup: round(peerMs / ms, 1) };
    };
    for (const [name, q] of Object.entries(pages)) {
      const query = { ...q, limit: 100 };
      const ours = (): QuotePage => quotes.page(query);
      const theirs = (): QuotePage => {
        const keys = pageKeysV11(peer, query);
        return { items: peerQuotes.rows(keys.ids), total: keys.total, next: keys.next };
      };
      if (JSON.stringify(ours()) !== JSON.stringify(theirs())) throw new Error(`quotes.page ${JSON.stringify(q)} differs from version 11’s`);
      pair(`quotes.page: ${name}`, ours, theirs);
    }
    // The peer is version 11's counting query alone: the rest of each list is read the same way.
    pair('quotes.facets (peer: its tag query alone)', () => quotes.facets(), () => tagsV11(peer));
    pair('actors.list (peer: its count query alone)', () => services.codebook.listActors(), () => actorCountsV11(peer));
    pair('topics.list (peer: its count query alone)', () => services.codebook.listTopics(), () => positionCountsV11(peer));
    const counts = new Map(services.codebook.listActors().map((a) => [a.id, a.annotationCount]));
    if ([...actorCountsV11(peer)].some(([id, n]) => counts.get(id) !== n)) throw new Error('actor counts differ from version 11’s');
    const positions = new Map(services.codebook.listTopics().flatMap((t) => t.positions.map((p) => [p.id, p.annotationCount])));
    if ([...positionCountsV11(peer)].some(([id, n]) => positions.get(id) !== n)) throw new Error('position counts differ from version 11’s');
    return {
      what: `store time in the main process (median of ${RUNS}, ms) at ${coded.size.annotations} annotations, beside version 11's indexes and queries on a copy of the same library`,
      cases,
    };
  } finally {
    peer.close();
    for (const f of [peerFile, `${peerFile}-wal`, `${peerFile}-shm`]) fs.rmSync(f, { force: true });
  }
}

export interface QuotesMatrixFigures {
  what: string;
  size: CodedLibrary['size'];
  seedSeconds: number;
  quotesFirstPaintMs: number;
  quotesFilterMs: number;
  matrixOverviewPaintMs: number;
  matrixTopicPaintMs: number;
  runs: Record<string, Step[]>;
  calls: CallFigures;
  store: StoreFigures;
  memory: { main: HeapFigures; renderer: HeapFigures | null };
  budgets: { firstPaintMs: number; filterMs: number };
  met: boolean;
}

export async function benchQuotesMatrix(lib: Library, rendererDir: string, coded: CodedLibrary, dir: string): Promise<QuotesMatrixFigures> {
  const services = createServices(lib);
  const router = createRouter(services);
  const [topicId] = coded.topicIds;
  // The busiest speaker (the coding is skewed towards the first actors).
  const actorId = coded.actorIds[0]!;
  progress('quotes & matrix: contract calls in the main process…');
  const calls = await callTimes(router, [
    ['quotes.list', {}],
    ['quotes.list', { actorId }],
    ['quotes.page', {}],
    ['quotes.page', { actorId }],
    ['quotes.page', { sort: 'text' }],
    ['quotes.facets', {}],
    ['actors.list', {}],
    ['topics.list', {}],
    ['matrix.overview', {}],
    ['matrix.overviewPage', {}],
    ['matrix.get', { topicId }],
  ]);
  const store = storeFigures(lib, coded, dir);

  const server = await startWebServer({ router, rendererDir, port: 0 });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: LAUNCH_ARGS });
  const runs: Record<string, Step[]> = { quotesFirstPaint: [], quotesFilter: [], matrixOverview: [], matrixTopic: [] };
  let renderer: HeapFigures | undefined;
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.addInitScript(MEASURE);
    for (let i = 0; i < RUNS; i++) {
      progress(`quotes & matrix: run ${i + 1}/${RUNS}…`);
      await page.goto(server.url);
      await page.getByTestId('library-item').first().waitFor({ state: 'visible' });
      runs.quotesFirstPaint!.push(await step(page, 'quotes table', click('nav-quotes'), `document.querySelector('[data-testid="quote-row"]') !== null`));
      // The speaker filter's options come with the view's actors: wait for the busiest speaker's.
      await page.locator(`select[aria-label="Speaker"] option[value="${actorId}"]`).waitFor({ state: 'attached' });
      const name = (await page.locator(`select[aria-label="Speaker"] option[value="${actorId}"]`).textContent())!.trim();
      runs.quotesFilter!.push(
        await step(
          page,
          'speaker filter',
          select('select[aria-label="Speaker"]', String(actorId)),
          `(() => { const rows = [...document.querySelectorAll('[data-testid="quote-row"]')]; return rows.length > 0 && rows.every((r) => r.children[2].textContent.startsWith(${JSON.stringify(name)})); })()`,
        ),
      );
      await page.evaluate(`localStorage.setItem('verbatim.matrix.topic', 'all')`);
      // A write first (one that changes nothing the matrix shows), as when the analyst comes from
      // coding: the store's counts are those of the last write, and the overview reads them afresh.
      lib.db.prepare(`UPDATE actors SET color = color WHERE id = ?`).run(actorId);
      runs.matrixOverview!.push(await step(page, 'matrix overview', click('nav-matrix'), `document.querySelector('[data-testid="matrix-overview"] td.filled') !== null`));
      runs.matrixTopic!.push(
        await step(page, 'topic matrix', select('[data-testid="matrix-topic"]', String(topicId)), `document.querySelector('[data-testid="matrix-view"] td.filled') !== null`),
      );
    }
    renderer = await rendererHeap(page);
  } finally {
    await browser.close();
    await server.close();
  }
  const med = (k: string) => round(median(runs[k]!.map((s) => s.paintedMs)), 1);
  const figures = {
    quotesFirstPaintMs: med('quotesFirstPaint'),
    quotesFilterMs: med('quotesFilter'),
    matrixOverviewPaintMs: med('matrixOverview'),
    matrixTopicPaintMs: med('matrixTopic'),
  };
  return {
    what: `in-page time from the click on a tab (or a filter’s change) until the frame after the rows are in the DOM; medians of ${RUNS}`,
    size: coded.size,
    seedSeconds: round(coded.seedMs / 1000, 1),
    ...figures,
    runs,
    calls,
    store,
    memory: { main: mainHeap(), renderer: renderer ?? null },
    budgets: { firstPaintMs: QUOTES_PAINT_BUDGET_MS, filterMs: QUOTES_FILTER_BUDGET_MS },
    met:
      figures.quotesFirstPaintMs <= QUOTES_PAINT_BUDGET_MS &&
      figures.matrixOverviewPaintMs <= QUOTES_PAINT_BUDGET_MS &&
      figures.matrixTopicPaintMs <= QUOTES_PAINT_BUDGET_MS &&
      figures.quotesFilterMs <= QUOTES_FILTER_BUDGET_MS,
  };
}

/** Builds the coded library in a temporary folder and measures it. */
export async function benchQuotesMatrixFresh(dir: string, rendererDir: string): Promise<QuotesMatrixFigures> {
  progress(`quotes & matrix: coding ${CODING_SIZE.annotations} annotations by ${CODING_SIZE.actors} actors over ${CODING_SIZE.articles} articles…`);
  const lib = await openLibrary(path.join(dir, 'coded.sqlite'));
  try {
    const coded = await buildCodedLibrary(lib);
    return await benchQuotesMatrix(lib, rendererDir, coded, dir);
  } finally {
    lib.close();
  }
}

await runAlone(import.meta.url, 'quotes', benchQuotesMatrixFresh);
