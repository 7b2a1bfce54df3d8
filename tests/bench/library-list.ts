// The library list's store calls at full size: one page with its count, the page after a cursor
// halfway down, and where an article stands, for each sort, unfiltered (the peer) and under a date
// range (one day: a few articles; one year: a slice; seven years: most of the library), alone and
// with the outlet filter. Medians of repeated calls in this process, as the router runs them.
import type { Library } from '../../main/store/open';
import { createServices } from '../../main/services';
import { articleSorts, type ArticleListView } from '../../shared/contract';
import { median, progress, round } from './stats';

/** "Instant": a page, its count, or a position, well inside one frame's worth of round trip. */
export const LIST_CALL_BUDGET_MS = 50;
const RUNS = 15;
const PAGE = 100;

interface CallFigures {
  rows: number;
  firstPageMs: number;
  keysetPageMs: number;
  positionMs: number;
}

function timeMedian(fn: () => unknown): number {
  fn(); // statements prepared, pages in the cache: the warm figure, as a second look at the list is
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return round(median(samples), 2);
}

export function benchLibraryList(lib: Library) {
  const library = createServices(lib).library;
  const outlet = library.outlets()[0];
  const views: Record<string, Omit<ArticleListView, 'sort'>> = {
    unfiltered: {},
    oneYear: { from: '2022-01-01', to: '2022-12-31' },
    sevenYears: { from: '2018-06-01', to: '2025-05-31' },
    // A few articles: the walk along the sort's index skips nearly all of it.
    oneDay: { from: '2022-03-03', to: '2022-03-03' },
    outletOneYear: { outlet, from: '2022-01-01', to: '2022-12-31' },
  };
  const figures: Record<string, Record<string, CallFigures>> = {};
  let worst = 0;
  let worstUnfiltered = 0;
  for (const sort of articleSorts) {
    figures[sort] = {};
    for (const [name, filter] of Object.entries(views)) {
      const view = { ...filter, sort };
      const first = library.list({ ...view, limit: PAGE });
      const middle = Math.floor(first.total / 2);
      const atMiddle = library.list({ ...view, offset: middle, limit: PAGE });
      const cursor = atMiddle.next ?? first.next;
      const target = atMiddle.items[0]?.id ?? first.items[0]!.id;
      const f: CallFigures = {
        rows: first.total,
        firstPageMs: timeMedian(() => library.list({ ...view, limit: PAGE })),
        keysetPageMs: cursor ? timeMedian(() => library.list({ ...view, after: cursor, limit: PAGE })) : 0,
        positionMs: timeMedian(() => library.position({ ...view, id: target })),
      };
      figures[sort][name] = f;
      const slowest = Math.max(f.firstPageMs, f.keysetPageMs, f.positionMs);
      if (name === 'unfiltered') worstUnfiltered = Math.max(worstUnfiltered, slowest);
      else worst = Math.max(worst, slowest);
      progress(`library list (${sort}, ${name}, ${f.rows} rows): page ${f.firstPageMs} ms, keyset ${f.keysetPageMs} ms, position ${f.positionMs} ms`);
    }
  }
  return {
    what: `articles.list (a page of ${PAGE} and the count), the page after a cursor halfway down, and articles.position, median of ${RUNS} warm calls; the date ranges beside the unfiltered list (the peer)`,
    bySort: figures,
    slowestDateRangeMs: worst,
    slowestUnfilteredMs: worstUnfiltered,
    /** The slowest date-range call over the slowest unfiltered one. */
    ratio: round(worst / worstUnfiltered, 2),
    budgetMs: LIST_CALL_BUDGET_MS,
    met: worst <= LIST_CALL_BUDGET_MS && worstUnfiltered <= LIST_CALL_BUDGET_MS,
  };
}
