// The one loop that imports files from disk, for the CLI and the desktop app: each file checked,
// read and sent to articles.importBatch; a file that fails is named with its reason and the rest go in.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../main/import-files';
import { AppError } from '../../main/errors';
import type { ImportResult } from '../../shared/model';
import { fixture, tempDir, tempLibrary } from './helpers';

describe('importFiles', () => {
  it('imports a batch through the router, with the metadata given, and names each failure', async () => {
    const { router, services } = await tempLibrary();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    const progress: [number, number][] = [];
    const files = [fixture('japan-korea-labor-row.txt'), path.join(dir, 'empty.txt'), dir, path.join(dir, 'missing.txt')];
    const results = await importFiles(
      files,
      async (batch) => {
        const r = await router('articles.importBatch', { files: batch });
        if (!r.ok) throw new AppError(r.error.code, r.error.message);
        return r.value as ImportResult[];
      },
      { outlet: 'Kyodo News', publishedAt: '2020-10-29' },
      (done, total) => progress.push([done, total]),
    );
    expect(results.map((r) => [r.file, r.status])).toEqual(files.map((f, i) => [f, i === 0 ? 'imported' : 'failed']));
    expect(results[1]!.error).toMatch(/empty/i);
    expect(results[2]!.error).toBe('Not a file.');
    expect(results[3]!.error).toMatch(/ENOENT|no such file/);
    expect(services.library.list({}).items).toMatchObject([{ outlet: 'Kyodo News', publishedAt: '2020-10-29' }]);
    // The two unreadable files count at once; the two read go in together, one batch.
    expect(progress).toEqual([[0, 4], [1, 4], [2, 4], [4, 4]]);
  });
});

describe('importing many files at once', () => {
  it('stores them in batches of at most 200, a result per file in order, duplicates and failures included', async () => {
    const { router, services } = await tempLibrary();
    const dir = tempDir();
    const files = Array.from({ length: 450 }, (_, i) => {
      const f = path.join(dir, `article-${i}.txt`);
      // Every 100th file repeats an earlier one's text; file 7 is empty.
      fs.writeFileSync(f, i === 7 ? '' : `Article ${i % 100 === 99 ? 1 : i}: the envoy met the ministry about export controls.`);
      return f;
    });
    const sizes: number[] = [];
    const results = await importFiles(files, async (batch) => {
      sizes.push(batch.length);
      const r = await router('articles.importBatch', { files: batch });
      if (!r.ok) throw new AppError(r.error.code, r.error.message);
      return r.value as ImportResult[];
    });
    expect(sizes).toEqual([200, 200, 50]);
    expect(results.map((r) => r.file)).toEqual(files);
    expect(results[7]).toMatchObject({ status: 'failed', error: expect.stringMatching(/empty/i) });
    expect(results.filter((r) => r.status === 'duplicate').map((r) => [r.file, r.id])).toEqual(
      [99, 199, 299, 399].map((i) => [files[i], results[1]!.id]),
    );
    expect(results.filter((r) => r.status === 'imported')).toHaveLength(450 - 1 - 4);
    expect(services.library.list({ limit: 1 }).total).toBe(445);
  });

  it('a row the store refuses fails alone: the batch is written again article by article', async () => {
    const { lib, services } = await tempLibrary();
    // A stand-in for any row-level refusal (a constraint), raised inside the batch's transaction.
    lib.db.exec(`CREATE TEMP TRIGGER refuse_poison BEFORE INSERT ON articles WHEN NEW.title = 'Poison' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    const input = (title: string) => ({ file: `${title}.txt`, encoding: 'text' as const, data: `${title}: the envoy met the ministry.`, title });
    const results = await services.importer.importBatch(['One', 'Poison', 'Two', 'Three'].map(input));
    expect(results.map((r) => [r.file, r.status])).toEqual([
      ['One.txt', 'imported'],
      ['Poison.txt', 'failed'],
      ['Two.txt', 'imported'],
      ['Three.txt', 'imported'],
    ]);
    expect(results[1]!.error).toMatch(/could not be stored: refused/);
    expect(services.library.list({ sort: 'title' }).items.map((a) => a.title)).toEqual(['One', 'Three', 'Two']);
    expect(services.search.search('envoy').filter((h) => h.kind === 'article')).toHaveLength(3);
  });

  it('refuses an empty batch and one of more than 200 files as invalid input', async () => {
    const { router } = await tempLibrary();
    const one = { file: 'a.txt', encoding: 'text', data: 'The envoy met the ministry.' };
    expect(await router('articles.importBatch', { files: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await router('articles.importBatch', { files: Array.from({ length: 201 }, () => one) })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
