// Migration 11 (a source's date as written; the sort indexes end with the published key), from the
// frozen version-8 library: through every later step, and alone from the version before it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary, LATEST_VERSION } from '../../main/store/open';
import { migrations } from '../../main/store/migrations';
import { createServices } from '../../main/services';
import { fixture, tempDir } from './helpers';

function copyFixture(name: string): string {
  const file = path.join(tempDir(), 'library.sqlite');
  fs.copyFileSync(fixture(name), file);
  return file;
}

const SORT_INDEXES = ['articles_live_imported', 'articles_live_title', 'articles_live_outlet_imported', 'articles_live_outlet_title'];

async function checkMigrated(file: string) {
  const lib = await openLibrary(file);
  try {
    expect(lib.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const columns = (lib.db.pragma('table_info(articles)') as { name: string }[]).map((c) => c.name);
    expect(columns).toContain('published_as_written');
    for (const name of SORT_INDEXES) {
      // The last key column is the published key (index_xinfo: key columns first; an expression has cid -2).
      const keys = (lib.db.pragma(`index_xinfo(${name})`) as { cid: number; key: number }[]).filter((c) => c.key === 1);
      expect(keys[keys.length - 1]!.cid, name).toBe(-2);
    }
    const s = createServices(lib);
    // Every article kept, none with a date to settle, and the date range works on them.
    expect(s.library.list({}).items.map((a) => [a.title.slice(0, 14), a.publishedAt, a.publishedAsWritten])).toEqual([
      ['Seoul responds', null, null],
      ['Japan urged So', '2020-10-29', null],
    ]);
    for (const sort of ['imported', 'published', 'title'] as const) {
      expect(s.library.list({ sort, from: '2020-10-01', to: '2020-10-31' }).items.map((a) => a.outlet), sort).toEqual(['Kyodo News']);
      expect(s.library.list({ sort, outlet: 'Kyodo News', to: '2020-01-01' }).total, sort).toBe(0);
    }
    expect(s.library.list({ trash: true, from: '2000-01-01' }).total).toBe(0);
    // A new import with an ambiguous date keeps it as written.
    const r = await s.importer.import({ file: 'n.md', encoding: 'text', format: 'md', data: '---\ndate: 3.4.24\n---\nA short note on the talks.\n' });
    expect(s.library.get(r.id!)).toMatchObject({ publishedAt: null, publishedAsWritten: '3.4.24' });
    expect(lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    lib.close();
  }
}

describe('migration 11 (dates as written, sort indexes with the published key)', () => {
  it('from a version-8 library, through every later step', async () => {
    await checkMigrated(copyFixture('library-v8.sqlite'));
  });

  it('alone, one step from the version before it', async () => {
    const file = copyFixture('library-v8.sqlite');
    const before = migrations.filter((m) => m.version < 11);
    const lib = await openLibrary(file, { migrations: before });
    expect(lib.db.pragma('user_version', { simple: true })).toBe(before[before.length - 1]!.version);
    lib.close();
    await checkMigrated(file);
  });
});
