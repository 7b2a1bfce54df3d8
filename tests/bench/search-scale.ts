// Search at scale (issue 12) and in every script (issue 13): search p95 with snippets at 10,000
// and 100,000 articles in the same run, and their ratio; the CJK queries' p95 and recall at both.
//
// Each library is built once and kept in the bench cache (library-cache.ts: node_modules/.cache/verbatim-bench or $BENCH_CACHE_DIR),
// named by a hash of the generators' source and the schema version, so a change to either builds
// afresh. Building is the generated English corpus (corpus.ts) with one CJK article in a hundred
// (cjk-corpus.ts), through importBatch as File ▸ Import stores many files; how long generating
// and importing took is kept beside the file and reported.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLibrary, type Library } from '../../main/store/open';
import { LATEST_VERSION } from '../../main/store/migrations';
import { createServices } from '../../main/services';
import { MAX_IMPORT_BATCH } from '../../shared/contract';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../shared/model';
import { buildVocabulary, DEFAULT_SEED, generateArticles, type CorpusArticle } from './corpus';
import { cjkQueries, generateCjkArticles } from './cjk-corpus';
import { benchQueries } from './queries';
import { percentile, progress, round, summarize, type Summary } from './stats';
import { cachedFile } from './library-cache';

export const SCALE_BUDGET_P95_MS = 20;
export const MAX_GROWTH = 2;
export const CJK_SHARE = 100;
const ROUNDS = 3;
const LIMIT = 20;

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

interface BuildFigures {
  articles: number;
  cjkArticles: number;
  words: number;
  generateMs: number;
  importMs: number;
  fileMB: number;
}

/** The cache key: what the libraries are made of. */
function edition(): string {
  const h = crypto.createHash('sha256');
  for (const f of ['corpus.ts', 'cjk-corpus.ts']) h.update(fs.readFileSync(path.join(here, f)));
  for (const f of ['ja-labor-solution.txt', 'ko-sincerity.txt', 'zh-labor-talks.txt']) h.update(fs.readFileSync(path.join(root, 'tests/fixtures/cjk', f)));
  h.update(`schema ${LATEST_VERSION} seed ${DEFAULT_SEED}`);
  return h.digest('hex').slice(0, 12);
}

const input = (a: CorpusArticle) => ({ file: 'article.txt', encoding: 'text' as const, data: a.text, title: a.title, outlet: a.outlet, publishedAt: a.publishedAt });

async function build(partial: string, count: number): Promise<BuildFigures> {
  const lib = await openLibrary(partial);
  const figures: BuildFigures = { articles: 0, cjkArticles: 0, words: 0, generateMs: 0, importMs: 0, fileMB: 0 };
  try {
    const services = createServices(lib);
    const english = generateArticles(count - Math.floor(count / CJK_SHARE));
    const cjk = generateCjkArticles(Math.floor(count / CJK_SHARE));
    let batch: CorpusArticle[] = [];
    const flush = async () => {
      const t = performance.now();
      const results = await services.importer.importBatch(batch.map(input));
      figures.importMs += performance.now() - t;
      const bad = results.find((r) => r.status !== 'imported');
      if (bad) throw new Error(`The bench corpus did not import: ${JSON.stringify(bad)}`);
      batch = [];
    };
    for (let i = 0; i < count; i++) {
      const t = performance.now();
      const next = (i % CJK_SHARE === CJK_SHARE - 1 ? cjk.next() : english.next()) as IteratorResult<CorpusArticle>;
      figures.generateMs += performance.now() - t;
      if (next.done) continue;
      if (i % CJK_SHARE === CJK_SHARE - 1) figures.cjkArticles++;
      figures.articles++;
      figures.words += next.value.words;
      batch.push(next.value);
      if (batch.length === MAX_IMPORT_BATCH) await flush();
      if ((i + 1) % 10_000 === 0) progress(`search-scale: built ${i + 1}/${count} (generating ${Math.round(figures.generateMs / 1000)} s, importing ${Math.round(figures.importMs / 1000)} s)`);
    }
    if (batch.length) await flush();
    lib.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    lib.close();
  }
  figures.fileMB = round(fs.statSync(partial).size / 2 ** 20, 1);
  figures.generateMs = Math.round(figures.generateMs);
  figures.importMs = Math.round(figures.importMs);
  return figures;
}

/** The library of `count` articles from the cache, built first if it is not there. */
export async function cachedLibrary(count: number): Promise<{ lib: Library; build: BuildFigures; reused: boolean }> {
  const { file, figures, reused } = await cachedFile(`search-${edition()}-${count}.sqlite`, (partial) => {
    progress(`search-scale: building the ${count}-article library (once; later runs reuse it)…`);
    return build(partial, count);
  });
  return { lib: await openLibrary(file, { create: false }), build: figures, reused };
}

interface PointFigures extends Summary {
  library: BuildFigures & { reusedFromCache: boolean; openMs: number };
  byKind: Record<string, { p50Ms: number; p95Ms: number }>;
  bm25OverAllMatchesNoSnippets: { p95Ms: number };
  cjk: Summary & { queries: number; queriesInCorpus: number; recall: number; hitsWithTheQueryMarked: number };
}

function timeAll(queries: readonly string[], run: (q: string) => void): number[] {
  for (const q of queries) run(q);
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of queries) {
      const t0 = performance.now();
      run(q);
      samples.push(performance.now() - t0);
    }
  }
  return samples;
}

async function point(count: number): Promise<PointFigures> {
  const t0 = performance.now();
  const { lib, build: built, reused } = await cachedLibrary(count);
  const openMs = Math.round(performance.now() - t0);
  try {
    const search = createServices(lib).search;
    const english = benchQueries(buildVocabulary(DEFAULT_SEED));
    progress(`search-scale ${count}: ${english.length} English queries × ${ROUNDS}…`);
    const byKind = new Map<string, number[]>();
    const all: number[] = [];
    for (const kind of new Set(english.map((q) => q.kind))) {
      const samples = timeAll(english.filter((q) => q.kind === kind).map((q) => q.q), (q) => search.search(q, LIMIT));
      byKind.set(kind, samples);
      all.push(...samples);
    }
    // The former plan, bm25 over every match (no snippets even): what the broad-search path saves.
    const bare = lib.db.prepare<[string, number]>(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?`);
    const { toFtsQuery } = await import('../../main/store/fts-query');
    const noSnippet = timeAll(english.map((q) => q.q), (q) => {
      const fts = toFtsQuery(q);
      if (fts) bare.all(fts, LIMIT);
    });

    const cjk = cjkQueries();
    progress(`search-scale ${count}: ${cjk.length} CJK queries × ${ROUNDS}…`);
    const cjkSamples = timeAll(cjk.map((q) => q.q), (q) => search.search(q, LIMIT));
    // Recall against the truth: of the queries some CJK article contains (by plain substring search
    // over those articles), the share that search finds; and of the hits, the share whose snippet
    // marks the query (the rest matched in the title only).
    const contains = lib.db.prepare<[string, string], { n: number }>(
      `SELECT count(*) AS n FROM articles WHERE id IN (SELECT rowid FROM articles_cjk) AND (instr(text, ?) > 0 OR instr(title, ?) > 0)`,
    );
    let present = 0;
    let found = 0;
    let hitsSeen = 0;
    let marked = 0;
    for (const { q } of cjk) {
      if (contains.get(q, q)!.n === 0) continue;
      present++;
      const hits = search.search(q, LIMIT).filter((h) => h.kind === 'article');
      if (hits.length) found++;
      for (const h of hits) {
        hitsSeen++;
        if (h.snippet.includes(`${SNIPPET_OPEN}${q}${SNIPPET_CLOSE}`)) marked++;
      }
    }
    return {
      ...summarize(all),
      library: { ...built, reusedFromCache: reused, openMs },
      byKind: Object.fromEntries([...byKind].map(([k, v]) => [k, { p50Ms: round(percentile(v, 50)), p95Ms: round(percentile(v, 95)) }])),
      bm25OverAllMatchesNoSnippets: { p95Ms: round(percentile(noSnippet, 95)) },
      cjk: { ...summarize(cjkSamples), queries: cjk.length, queriesInCorpus: present, recall: round(found / present, 3), hitsWithTheQueryMarked: round(marked / hitsSeen, 3) },
    };
  } finally {
    lib.close();
  }
}

export async function benchSearchScale(small = 10_000, large = 100_000) {
  const at10k = await point(small);
  const at100k = await point(large);
  const growth = round(at100k.p95Ms / at10k.p95Ms, 2);
  return {
    sizes: [small, large],
    small: at10k,
    large: at100k,
    growthP95: growth,
    cjkGrowthP95: round(at100k.cjk.p95Ms / at10k.cjk.p95Ms, 2),
    budget: { p95Ms: SCALE_BUDGET_P95_MS, maxGrowth: MAX_GROWTH },
    met: at100k.p95Ms <= SCALE_BUDGET_P95_MS && growth <= MAX_GROWTH && at100k.cjk.p95Ms <= SCALE_BUDGET_P95_MS,
  };
}
