// Import throughput: the corpus through the service layer one call, one transaction, per article (as
// the app imports a paste or a single file), beside a raw better-sqlite3 INSERT of the same rows into a
// plain table with the same pragmas and the same one-commit-per-row; then the same corpus in batches,
// one transaction per batch (as the CLI and File ▸ Import store many files), beside the raw INSERT
// with the same commits. The diagnosis splits where the time goes: parsing alone, commits (fsync)
// alone, FTS + SQL alone.
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Node } from 'prosemirror-model';
import { openLibrary } from '../../main/store/open';
import { createServices, type Services } from '../../main/services';
import { parseText } from '../../main/services/import/text';
import { textHash } from '../../main/services/text-hash';
import { countWords, projectText } from '../../shared/schema';
import type { CorpusArticle } from './corpus';
import { MAX_IMPORT_BATCH } from '../../shared/contract';
import { progress, round, summarize, type Summary } from './stats';

export const IMPORT_BUDGET = 300;
/** Issue 12: many files at once, one write transaction per batch. */
export const BATCH_IMPORT_BUDGET = 1000;
const BATCH = MAX_IMPORT_BATCH;
/** Articles the diagnostic variants import: enough for a stable rate, few enough to stay quick. */
const DIAGNOSIS_ARTICLES = 2000;

const importInput = (a: CorpusArticle) => ({
  file: 'article.txt',
  encoding: 'text' as const,
  data: a.text,
  title: a.title,
  outlet: a.outlet,
  publishedAt: a.publishedAt,
});

interface ServiceRun {
  ms: number;
  perCall: number[];
  failed: number;
}

/** Every article through `importer.import`, one call each. */
async function importAll(services: Services, articles: readonly CorpusArticle[], label: string): Promise<ServiceRun> {
  const perCall: number[] = new Array(articles.length);
  let failed = 0;
  const t0 = performance.now();
  for (let i = 0; i < articles.length; i++) {
    const t = performance.now();
    const r = await services.importer.import(importInput(articles[i]!));
    perCall[i] = performance.now() - t;
    if (r.status !== 'imported') {
      failed++;
      if (failed <= 3) progress(`${label}: article ${i} ${r.status}${r.status === 'failed' ? `: ${r.error}` : ''}`);
    }
    if ((i + 1) % 2000 === 0) progress(`${label}: ${i + 1}/${articles.length} (${Math.round(((i + 1) * 1000) / (performance.now() - t0))}/s)`);
  }
  return { ms: performance.now() - t0, perCall, failed };
}

/** Every article through `importer.importBatch`, BATCH at a time (as the CLI and File ▸ Import send them), into a fresh library. */
async function importBatches(file: string, articles: readonly CorpusArticle[]): Promise<ServiceRun & { cpuMs: number }> {
  const lib = await openLibrary(file);
  try {
    const services = createServices(lib);
    let failed = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < articles.length; i += BATCH) {
      const results = await services.importer.importBatch(articles.slice(i, i + BATCH).map(importInput));
      for (const r of results) {
        if (r.status === 'imported') continue;
        if (++failed <= 3) progress(`batch import: ${r.file} ${r.status}${r.status === 'failed' ? `: ${r.error}` : ''}`);
      }
    }
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { ms, perCall: [], failed, cpuMs: (cpu.user + cpu.system) / 1000 };
  } finally {
    lib.close();
  }
}

/** The same rows, raw, into a plain table without FTS, under openLibrary's pragmas: a commit per row, one for all, or one per that many rows. */
function rawInsert(file: string, articles: readonly CorpusArticle[], oneTransaction: boolean | number): number {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(`CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT NOT NULL, outlet TEXT, published_at TEXT,
             imported_at TEXT NOT NULL, text TEXT NOT NULL, word_count INTEGER NOT NULL)`);
    const insert = db.prepare(`INSERT INTO articles (title, outlet, published_at, imported_at, text, word_count) VALUES (?, ?, ?, ?, ?, ?)`);
    const row = db.transaction((a: CorpusArticle) => insert.run(a.title, a.outlet, a.publishedAt, new Date().toISOString(), a.text, a.words));
    const t0 = performance.now();
    if (typeof oneTransaction === 'number') {
      for (let i = 0; i < articles.length; i += oneTransaction) db.transaction(() => articles.slice(i, i + oneTransaction).forEach((a) => row(a))).immediate();
    } else if (oneTransaction) db.transaction(() => articles.forEach((a) => row(a))).immediate();
    else for (const a of articles) row.immediate(a);
    return performance.now() - t0;
  } finally {
    db.close();
  }
}

/** What the import service computes before it touches the database, without the database. */
function parseOnly(articles: readonly CorpusArticle[]): number {
  const t0 = performance.now();
  let sink = 0;
  for (const a of articles) {
    const parsed = parseText(a.text);
    const plain = projectText(parsed.doc);
    const hash = textHash(plain);
    sink += hash.length + countWords(plain) + JSON.stringify((parsed.doc as Node).toJSON()).length;
  }
  if (sink < 0) progress('unreachable');
  return performance.now() - t0;
}

/** A variant of the service import into a fresh library, for the diagnosis. */
async function serviceVariant(
  file: string,
  articles: readonly CorpusArticle[],
  variant: 'perCall' | 'synchronousNormal' | 'oneTransaction',
): Promise<number> {
  const lib = await openLibrary(file);
  try {
    if (variant === 'synchronousNormal') lib.db.pragma('synchronous = NORMAL');
    const services = createServices(lib);
    if (variant === 'oneTransaction') {
      // One explicit transaction around every import (each one's own becomes a savepoint): a
      // better-sqlite3 transaction function cannot span the awaits of the now-async import.
      const t0 = performance.now();
      lib.db.exec('BEGIN IMMEDIATE');
      try {
        for (const a of articles) await services.importer.import(importInput(a));
        lib.db.exec('COMMIT');
      } finally {
        if (lib.db.inTransaction) lib.db.exec('ROLLBACK');
      }
      return performance.now() - t0;
    }
    return (await importAll(services, articles, `diagnosis ${variant}`)).ms;
  } finally {
    lib.close();
  }
}

const perSecond = (n: number, ms: number) => round((n * 1000) / ms, 1);
const msEach = (n: number, ms: number) => round(ms / n, 3);

export interface ImportFigures {
  articles: number;
  failed: number;
  seconds: number;
  articlesPerSecond: number;
  perCall: Summary;
  budget: number;
  met: boolean;
  peer: { what: string; rawInsertPerSecond: number; ratio: number };
  /** Many files at once (`importer.importBatch`), beside the raw INSERT with the same commits. */
  batch: {
    articles: number;
    batchSize: number;
    failed: number;
    seconds: number;
    articlesPerSecond: number;
    /** This process's CPU time per article: what the rate would be on a core of its own, whatever else the machine runs. */
    cpuMsPerArticle: number;
    budget: number;
    met: boolean;
    peer: { what: string; rawInsertPerSecond: number; ratio: number };
  };
  diagnosis: {
    articles: number;
    msPerArticle: Record<string, number>;
    note: string;
  };
}

/** Imports the corpus into `services` (the benchmark library, which the later figures use). */
export async function benchImport(services: Services, articles: readonly CorpusArticle[], dir: string): Promise<ImportFigures> {
  progress(`import: ${articles.length} articles through importer.import…`);
  const run = await importAll(services, articles, 'import');

  progress('import peer: raw INSERT, one transaction per row…');
  const rawMs = rawInsert(path.join(dir, 'raw-per-row.sqlite'), articles, false);

  progress(`batch import: ${articles.length} articles through importer.importBatch, ${BATCH} a transaction…`);
  const batchRun = await importBatches(path.join(dir, 'batch-import.sqlite'), articles);
  progress(`batch import: ${perSecond(articles.length, batchRun.ms)}/s; peer: raw INSERT, one transaction per ${BATCH} rows…`);
  const rawPerBatchMs = rawInsert(path.join(dir, 'raw-per-batch.sqlite'), articles, BATCH);
  const batchPerSecond = perSecond(articles.length, batchRun.ms);
  const rawBatchPerSecond = perSecond(articles.length, rawPerBatchMs);

  const sub = articles.slice(0, DIAGNOSIS_ARTICLES);
  progress(`import diagnosis on ${sub.length} articles…`);
  const parseMs = parseOnly(sub);
  const rawBatchMs = rawInsert(path.join(dir, 'raw-batch.sqlite'), sub, true);
  const rawRowSubMs = rawInsert(path.join(dir, 'raw-per-row-sub.sqlite'), sub, false);
  const perCallMs = await serviceVariant(path.join(dir, 'diag-per-call.sqlite'), sub, 'perCall');
  const normalMs = await serviceVariant(path.join(dir, 'diag-sync-normal.sqlite'), sub, 'synchronousNormal');
  const batchMs = await serviceVariant(path.join(dir, 'diag-one-transaction.sqlite'), sub, 'oneTransaction');

  const articlesPerSecond = perSecond(articles.length, run.ms);
  const rawInsertPerSecond = perSecond(articles.length, rawMs);
  return {
    articles: articles.length,
    failed: run.failed,
    seconds: round(run.ms / 1000, 2),
    articlesPerSecond,
    perCall: summarize(run.perCall),
    budget: IMPORT_BUDGET,
    met: run.failed === 0 && articlesPerSecond >= IMPORT_BUDGET,
    peer: {
      what: 'raw better-sqlite3 INSERT of the same rows into a plain table (no FTS, no parsing), WAL + synchronous=FULL, one transaction per row',
      rawInsertPerSecond,
      ratio: round(articlesPerSecond / rawInsertPerSecond, 3),
    },
    batch: {
      articles: articles.length,
      batchSize: BATCH,
      failed: batchRun.failed,
      seconds: round(batchRun.ms / 1000, 2),
      articlesPerSecond: batchPerSecond,
      cpuMsPerArticle: msEach(articles.length, batchRun.cpuMs),
      budget: BATCH_IMPORT_BUDGET,
      met: batchRun.failed === 0 && batchPerSecond >= BATCH_IMPORT_BUDGET,
      peer: {
        what: `raw better-sqlite3 INSERT of the same rows into a plain table (no FTS, no parsing), WAL + synchronous=FULL, one transaction per ${BATCH} rows`,
        rawInsertPerSecond: rawBatchPerSecond,
        ratio: round(batchPerSecond / rawBatchPerSecond, 3),
      },
    },
    diagnosis: {
      articles: sub.length,
      msPerArticle: {
        servicePerCall: msEach(sub.length, perCallMs),
        serviceSynchronousNormal: msEach(sub.length, normalMs),
        serviceOneTransaction: msEach(sub.length, batchMs),
        parseHashSerialiseOnly: msEach(sub.length, parseMs),
        rawInsertPerRowCommit: msEach(sub.length, rawRowSubMs),
        rawInsertOneTransaction: msEach(sub.length, rawBatchMs),
      },
      note:
        'servicePerCall − serviceSynchronousNormal ≈ the fsync per commit; serviceOneTransaction − parseHashSerialiseOnly ≈ FTS5 + SQL; ' +
        'rawInsertPerRowCommit − rawInsertOneTransaction ≈ a commit without FTS.',
    },
  };
}
