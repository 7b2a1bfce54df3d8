// Search latency: the fixed query list through `search.search(q, 20)` (FTS5, bm25, snippets), beside
// MiniSearch over the same articles in the same process. Each query runs once to warm up, then
// ROUNDS times measured; percentiles are over all measured samples.
import type Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import type { SearchService } from '../../main/services/search';
import { toFtsQuery } from '../../main/store/fts-query';
import type { CorpusArticle } from './corpus';
import type { BenchQuery, QueryKind } from './queries';
import { percentile, progress, round, summarize, type Summary } from './stats';

export const SEARCH_BUDGET_P95_MS = 20;
export const MAX_RATIO_TO_MINISEARCH = 2;
const ROUNDS = 3;
const LIMIT = 20;

interface Timed {
  all: number[];
  byKind: Map<QueryKind, number[]>;
  hits: number[];
}

function measure(queries: readonly BenchQuery[], run: (q: string) => number): Timed {
  for (const { q } of queries) run(q);
  const t: Timed = { all: [], byKind: new Map(), hits: [] };
  for (let r = 0; r < ROUNDS; r++) {
    for (const { q, kind } of queries) {
      const t0 = performance.now();
      const n = run(q);
      const ms = performance.now() - t0;
      t.all.push(ms);
      if (!t.byKind.has(kind)) t.byKind.set(kind, []);
      t.byKind.get(kind)!.push(ms);
      if (r === 0) t.hits.push(n);
    }
  }
  return t;
}

const kindSummary = (t: Timed) =>
  Object.fromEntries([...t.byKind].map(([k, v]) => [k, { p50Ms: round(percentile(v, 50)), p95Ms: round(percentile(v, 95)), maxMs: round(Math.max(...v)) }]));

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const heapMB = () => process.memoryUsage().heapUsed / 2 ** 20;

/** Bytes of the FTS5 shadow tables, from dbstat when SQLite has it. */
function ftsIndexBytes(db: Database.Database): { bytes: number; method: string } {
  try {
    const r = db.prepare(`SELECT sum(pgsize) AS n FROM dbstat WHERE name LIKE 'articles_fts%'`).get() as { n: number | null };
    return { bytes: r.n ?? 0, method: 'dbstat' };
  } catch {
    const pages = db.pragma('page_count', { simple: true }) as number;
    const size = db.pragma('page_size', { simple: true }) as number;
    return { bytes: pages * size, method: 'whole file (page_count*page_size); dbstat unavailable' };
  }
}

export interface SearchFigures extends Summary {
  queries: number;
  samples: number;
  rounds: number;
  byKind: Record<string, { p50Ms: number; p95Ms: number; maxMs: number }>;
  medianHits: number;
  zeroHitQueries: number;
  ftsIndexMB: number;
  ftsIndexMethod: string;
  budgetP95Ms: number;
  minisearch: Summary & { buildMs: number; heapMB: number; byKind: SearchFigures['byKind']; note: string };
  ratioP95: number;
  met: boolean;
  diagnosis: { withoutSnippetP95Ms: number; withoutSnippetByKind: SearchFigures['byKind'] };
}

export function benchSearch(db: Database.Database, search: SearchService, articles: readonly CorpusArticle[], queries: readonly BenchQuery[]): SearchFigures {
  progress(`search: ${queries.length} queries × ${ROUNDS} rounds through search.search…`);
  const ours = measure(queries, (q) => search.search(q, LIMIT).length);

  // The same statement as SearchStore without snippet(): how much of the time the snippets take.
  const bare = db.prepare<[string, number], { id: number }>(
    `SELECT a.id, a.title FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
      WHERE articles_fts MATCH ? AND a.deleted_at IS NULL ORDER BY bm25(articles_fts, 5.0, 1.0) LIMIT ?`,
  );
  const noSnippet = measure(queries, (q) => {
    const fts = toFtsQuery(q);
    return fts ? bare.all(fts, LIMIT).length : 0;
  });
  const fts = ftsIndexBytes(db);

  progress('search peer: building MiniSearch over the same articles…');
  const docs = articles.map((a, i) => ({ id: i + 1, title: a.title, text: a.text }));
  gc();
  const before = heapMB();
  const t0 = performance.now();
  let mini: MiniSearch | null = new MiniSearch({ fields: ['title', 'text'], storeFields: ['title'] });
  mini.addAll(docs);
  const buildMs = performance.now() - t0;
  gc();
  const grown = heapMB() - before;
  const options = { prefix: (_term: string, i: number, terms: string[]) => i === terms.length - 1, combineWith: 'AND' as const };
  progress('search peer: MiniSearch queries…');
  const theirs = measure(queries, (q) => mini!.search(q, options).slice(0, LIMIT).length);
  mini = null;
  gc();

  const s = summarize(ours.all);
  const m = summarize(theirs.all);
  const ratioP95 = round(s.p95Ms / m.p95Ms, 2);
  return {
    queries: queries.length,
    samples: ours.all.length,
    rounds: ROUNDS,
    ...s,
    byKind: kindSummary(ours),
    medianHits: percentile(ours.hits, 50),
    zeroHitQueries: ours.hits.filter((n) => n === 0).length,
    ftsIndexMB: round(fts.bytes / 2 ** 20, 1),
    ftsIndexMethod: fts.method,
    budgetP95Ms: SEARCH_BUDGET_P95_MS,
    minisearch: {
      ...m,
      buildMs: Math.round(buildMs),
      heapMB: round(grown, 1),
      byKind: kindSummary(theirs),
      note: 'fields title+text, storeFields title, prefix on the last term, combineWith AND; no snippets, all matches scored then the first 20 taken',
    },
    ratioP95,
    met: s.p95Ms <= SEARCH_BUDGET_P95_MS && ratioP95 <= MAX_RATIO_TO_MINISEARCH,
    diagnosis: { withoutSnippetP95Ms: round(percentile(noSnippet.all, 95)), withoutSnippetByKind: kindSummary(noSnippet) },
  };
}
