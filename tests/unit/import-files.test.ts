// The one loop that imports files from disk, for the CLI and the desktop app: each file checked,
// read and sent to articles.import; a file that fails is named with its reason and the rest go in.
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
      async (input) => {
        const r = await router('articles.import', input);
        if (!r.ok) throw new AppError(r.error.code, r.error.message);
        return r.value as ImportResult;
      },
      { outlet: 'Kyodo News', publishedAt: '2020-10-29' },
      (done, total) => progress.push([done, total]),
    );
    expect(results.map((r) => [r.file, r.status])).toEqual(files.map((f, i) => [f, i === 0 ? 'imported' : 'failed']));
    expect(results[1]!.error).toMatch(/empty/i);
    expect(results[2]!.error).toBe('Not a file.');
    expect(results[3]!.error).toMatch(/ENOENT|no such file/);
    expect(services.library.list({}).items).toMatchObject([{ outlet: 'Kyodo News', publishedAt: '2020-10-29' }]);
    expect(progress).toEqual([[0, 4], [1, 4], [2, 4], [3, 4], [4, 4]]);
  });
});
