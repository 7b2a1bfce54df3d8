// The library list filtered by publication date, from a real SQLite file: each sort, alone or with
// the outlet filter, pages through exactly the articles published in the range (both ends
// included, undated ones outside), no row lost or repeated across pages even while articles come
// and go, the count is the range's, and the queries walk migration 8's indexes.
import { describe, expect, it } from 'vitest';
import type { ArticleListView } from '../../shared/contract';
import { articleSorts } from '../../shared/contract';
import type { ArticleCursor, ArticleMeta } from '../../shared/model';
import { insertListArticle, tempLibrary, type TestLibrary } from './helpers';

const add = insertListArticle;

/** The whole view, a page at a time by the cursor each page returns; `between` runs after each page. */
function walk(t: TestLibrary, view: ArticleListView, limit: number, between?: (page: number) => void): ArticleMeta[] {
  const out: ArticleMeta[] = [];
  let after: ArticleCursor | undefined;
  for (let page = 0; page < 10_000; page++) {
    const got = t.services.library.list({ ...view, limit, ...(after ? { after } : {}) });
    out.push(...got.items);
    if (!got.next) return out;
    after = got.next;
    between?.(page);
  }
  throw new Error('the cursor never reached the end');
}

const OUTLETS = ['Kyodo', 'Yonhap', null] as const;

/**
 * 240 articles: dates spread over 2019–2021 with many on the same day (ties), every tenth undated,
 * imported in bursts with equal times, titles repeating in different case.
 */
async function library() {
  const t = await tempLibrary();
  for (let i = 0; i < 240; i++) {
    const month = 1 + ((i * 7) % 12);
    const dayOfMonth = 1 + ((i * 5) % 28);
    add(t, {
      title: `${i % 2 ? 'Report' : 'report'} ${i % 17}`,
      outlet: OUTLETS[i % 3]!,
      publishedAt: i % 10 === 0 ? null : `${2019 + (Math.floor(i / 7) % 3)}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`,
      importedAt: `2026-01-01T00:00:${String(Math.floor(i / 4) % 60).padStart(2, '0')}.000Z`,
    });
  }
  return t;
}

const inRange = (a: ArticleMeta, from?: string, to?: string) => a.publishedAt !== null && (!from || a.publishedAt >= from) && (!to || a.publishedAt <= to);

describe('the library list filtered by publication date', () => {
  it('pages through exactly the articles of the range, in each sort, with the outlet filter too, each once', async () => {
    const t = await library();
    const ranges: { from?: string; to?: string }[] = [{ from: '2020-03-01', to: '2020-09-30' }, { from: '2021-01-01' }, { to: '2019-06-15' }];
    for (const sort of articleSorts) {
      for (const outlet of [undefined, 'Kyodo']) {
        const everything = walk(t, { sort, ...(outlet ? { outlet } : {}) }, 500);
        // And one day, both ends the same: a day some article of this view was published.
        const oneDay = everything.find((a) => a.publishedAt)!.publishedAt!;
        for (const range of [...ranges, { from: oneDay, to: oneDay }]) {
          const view: ArticleListView = { sort, ...range, ...(outlet ? { outlet } : {}) };
          const expected = everything.filter((a) => inRange(a, range.from, range.to)).map((a) => a.id);
          expect(expected.length, JSON.stringify(view)).toBeGreaterThan(0);
          for (const limit of [1, 7, 50]) expect(walk(t, view, limit).map((a) => a.id), `${JSON.stringify(view)} by ${limit}`).toEqual(expected);
          expect(t.services.library.list({ ...view, limit: 1 }).total).toBe(expected.length);
          // Where each article stands is where the walk found it; one outside the range is not in the view.
          for (const id of expected.slice(0, 5)) expect(t.services.library.position({ ...view, id })).toEqual({ index: expected.indexOf(id) });
          const outside = everything.find((a) => !inRange(a, range.from, range.to))!;
          expect(t.services.library.position({ ...view, id: outside.id })).toEqual({ index: null });
        }
      }
    }
  });

  it('a range with no article, or one that ends before it starts, is an empty list, not an error', async () => {
    const t = await library();
    expect(t.services.library.list({ from: '1990-01-01', to: '1990-12-31' })).toEqual({ items: [], total: 0, next: null });
    expect(t.services.library.list({ from: '2021-01-01', to: '2020-01-01' })).toEqual({ items: [], total: 0, next: null });
  });

  it('no row is lost or repeated across pages while articles are imported, trashed and re-dated meanwhile', async () => {
    for (const sort of articleSorts) {
      const t = await library();
      const view: ArticleListView = { sort, from: '2020-01-01', to: '2020-12-31' };
      const before = new Set(walk(t, view, 500).map((a) => a.id));
      const touched = new Set<number>();
      const shown = walk(t, view, 9, (page) => {
        // Between pages: a new article in the range, one moved out of it, one trashed.
        touched.add(add(t, { title: `late ${page}`, outlet: 'Kyodo', publishedAt: '2020-06-01', importedAt: '2026-01-01T00:00:30.000Z' }));
        const ids = [...before].filter((id) => !touched.has(id));
        const moved = ids[(page * 13) % ids.length]!;
        const trashed = ids[(page * 29 + 5) % ids.length]!;
        t.services.library.update(moved, { publishedAt: '2018-01-01' });
        t.services.library.delete(trashed);
        touched.add(moved).add(trashed);
      }).map((a) => a.id);
      expect(new Set(shown).size, `${sort}: a row repeated`).toBe(shown.length);
      // Every article of the range that nothing touched is shown, whichever page it fell on.
      const untouched = [...before].filter((id) => !touched.has(id));
      expect(untouched.filter((id) => !shown.includes(id)), `${sort}: rows lost`).toEqual([]);
      // And nothing outside the range slipped in.
      for (const id of shown) if (!touched.has(id)) expect(before.has(id)).toBe(true);
    }
  });

  it('refuses dates not written as YYYY-MM-DD, naming the field', async () => {
    const t = await tempLibrary();
    for (const bad of [{ from: '03/04/2024' }, { to: '2024-3-3' }, { from: '' }]) {
      expect(await t.router('articles.list', bad), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await t.router('articles.position', { ...bad, id: 1 }), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('pages and positions walk the sort’s own index, never sorting the range; counts walk the published range', async () => {
    const t = await library();
    const db = t.lib.db;
    /** The plans of the statements the store prepares while `run` runs, each with placeholder values. */
    const plans = (run: () => unknown) => {
      const seen: string[] = [];
      const prepare = db.prepare;
      db.prepare = ((sql: string) => {
        seen.push(sql);
        return prepare.call(db, sql);
      }) as typeof db.prepare;
      try {
        run();
      } finally {
        db.prepare = prepare;
      }
      return seen.map((sql) => {
        const args = Array.from(sql.matchAll(/\?/g), () => '2020-01-01');
        const explain = prepare.call(db, `EXPLAIN QUERY PLAN ${sql}`) as { all(...params: unknown[]): unknown[] };
        return { sql, plan: (explain.all(...args) as { detail: string }[]).map((r) => r.detail).join('; ') };
      });
    };
    for (const sort of articleSorts) {
      for (const outlet of [{}, { outlet: 'Kyodo' }]) {
        const view = { sort, ...outlet, from: '2020-01-01', to: '2020-12-31' };
        const first = t.services.library.list({ ...view, limit: 5 });
        const label = JSON.stringify(view);
        const [count, page] = plans(() => t.services.library.list({ ...view, after: first.next!, limit: 5 }));
        expect(count!.plan, label).toMatch(new RegExp(`^SEARCH articles USING (COVERING )?INDEX articles_live_${'outlet' in outlet ? 'outlet_' : ''}published \\(`));
        const own = `articles_live_${'outlet' in outlet ? 'outlet_' : ''}${sort}`;
        expect(page!.plan, label).toMatch(new RegExp(`^(SEARCH|SCAN) articles USING INDEX ${own}\\b`));
        // Walking in the sort's order: nothing sorted, whatever the range holds.
        expect(page!.plan, label).not.toMatch(/TEMP B-TREE/);
        const [, before] = plans(() => t.services.library.position({ ...view, id: first.items[2]!.id }));
        expect(before!.plan, label).toMatch(new RegExp(`^(SEARCH|SCAN) articles USING (COVERING )?INDEX ${own}\\b`));
      }
    }
  });
});
