// A library of N generated articles, built once and kept between runs: generating and importing
// 100,000 articles takes minutes, and the same seed always gives the same library, so a rerun (of the
// open-library figures, of search) reuses the file. The key names everything the file depends on:
// the corpus generator's edition, its seed, the article count, and the schema version the store
// writes; a change to any of them builds a new file. Built in a temporary file and renamed into
// place, so a run stopped halfway leaves no half-built library to be reused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLibrary, type Library } from '../../main/store/open';
import { createServices } from '../../main/services';
import { LATEST_VERSION } from '../../main/store/migrations';
import { MAX_IMPORT_BATCH } from '../../shared/contract';
import { CORPUS_EDITION, DEFAULT_SEED, generateArticles } from './corpus';
import { progress } from './stats';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** node_modules/.cache when the checkout has one (kept with the dependencies), else the system's temporary folder. */
export function benchCacheDir(): string {
  const inModules = path.join(root, 'node_modules');
  const dir = process.env.BENCH_CACHE_DIR ?? (fs.existsSync(inModules) ? path.join(inModules, '.cache', 'verbatim-bench') : path.join(os.tmpdir(), 'verbatim-bench-cache'));
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export const cachedLibraryFile = (count: number, seed = DEFAULT_SEED) =>
  path.join(benchCacheDir(), `library-${count}-seed${seed.toString(16)}-corpus${CORPUS_EDITION}-schema${LATEST_VERSION}.sqlite`);

/**
 * A library file built once and kept under `name` in the cache: `build` writes it at the path it is
 * given, and only a build that finished is renamed into place (the WAL folded in first), so a run
 * stopped halfway leaves nothing to be reused. What the build reports is kept beside the file.
 */
export async function cachedFile<F>(name: string, build: (partial: string) => Promise<F>): Promise<{ file: string; figures: F; reused: boolean }> {
  const file = path.join(benchCacheDir(), name);
  const figuresFile = `${file}.json`;
  if (fs.existsSync(file) && fs.existsSync(figuresFile)) return { file, figures: JSON.parse(fs.readFileSync(figuresFile, 'utf8')) as F, reused: true };
  const partial = `${file}.partial-${process.pid}`;
  const figures = await build(partial);
  for (const f of [`${partial}-wal`, `${partial}-shm`]) fs.rmSync(f, { force: true });
  fs.rmSync(`${partial}.backups`, { recursive: true, force: true });
  fs.renameSync(partial, file);
  fs.writeFileSync(figuresFile, JSON.stringify(figures));
  return { file, figures, reused: false };
}

export interface CachedLibrary {
  lib: Library;
  file: string;
  /** False when this call generated and imported the articles. */
  reused: boolean;
  /** How long building took (0 when reused). */
  buildMs: number;
}

/**
 * Opens the cached library of `count` generated articles, building it first when there is none.
 * Callers only read it: a benchmark that writes must copy the file first (and its -wal, if any).
 */
export async function cachedLibrary(count: number, seed = DEFAULT_SEED): Promise<CachedLibrary> {
  const { file, figures, reused } = await cachedFile(path.basename(cachedLibraryFile(count, seed)), async (partial) => {
    const t0 = performance.now();
    progress(`library cache: importing ${count} generated articles into ${path.basename(partial)}…`);
    const lib = await openLibrary(partial);
    try {
      const importer = createServices(lib).importer;
      let batch = [];
      let done = 0;
      for (const a of generateArticles(count, seed)) {
        batch.push({ file: 'article.txt', encoding: 'text' as const, data: a.text, title: a.title, outlet: a.outlet, publishedAt: a.publishedAt });
        if (batch.length < MAX_IMPORT_BATCH) continue;
        await importBatch(importer, batch);
        done += batch.length;
        batch = [];
        if (done % 10_000 === 0) progress(`library cache: ${done}/${count} (${Math.round((done * 1000) / (performance.now() - t0))}/s)`);
      }
      if (batch.length) await importBatch(importer, batch);
      // Everything into the main file, so the rename moves one complete file.
      lib.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      lib.close();
    }
    const buildMs = performance.now() - t0;
    progress(`library cache: built in ${Math.round(buildMs / 1000)} s`);
    return { buildMs };
  });
  return { lib: await openLibrary(file, { create: false }), file, reused, buildMs: reused ? 0 : figures.buildMs };
}

async function importBatch(importer: ReturnType<typeof createServices>['importer'], batch: Parameters<ReturnType<typeof createServices>['importer']['importBatch']>[0]) {
  const results = await importer.importBatch(batch);
  const failed = results.filter((r) => r.status !== 'imported');
  // Duplicates would make the library smaller than its name says: the generator never repeats a text.
  if (failed.length) throw new Error(`library cache: ${failed.length} of a batch not imported: ${JSON.stringify(failed[0])}`);
}
