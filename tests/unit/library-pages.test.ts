// The library list, a page at a time from a real SQLite file: every sort walks the whole list in
// order with ties broken by id, a cursor holds its place while articles are added and trashed
// before it, the count comes from the store, and the outlet filter and the trash page the same way.
import { describe, expect, it } from 'vitest';
import type { ArticleListView, ArticleSort } from '../../shared/contract';
import type { ArticleCursor, ArticleMeta } from '../../shared/model';
import { insertListArticle, tempLibrary, type TestLibrary } from './helpers';

const add = insertListArticle;

/** The whole view, walked with the cursor each page returns. */
function walk(t: TestLibrary, view: ArticleListView, limit: number): ArticleMeta[] {
  const out: ArticleMeta[] = [];
  let after: ArticleCursor | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = t.services.library.list({ ...view, limit, ...(after ? { after } : {}) });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    out.push(...page.items);
    if (!page.next) return out;
    after = page.next;
  }
  throw new Error('the cursor never reached the end');
}

/** A small library with ties in every sort key, undated articles, two outlets and some trash. */
async function library() {
  const t = await tempLibrary();
  const day = (d: number) => `2026-01-0${d}T10:00:00.000Z`;
  const rows = [
    { title: 'beta', outlet: 'Kyodo', publishedAt: '2020-10-29', importedAt: day(1) },
    { title: 'Alpha', outlet: 'Yonhap', publishedAt: null, importedAt: day(2) },
    { title: 'alpha', outlet: 'Kyodo', publishedAt: '2020-10-29', importedAt: day(2) },
    { title: 'Gamma', outlet: null, publishedAt: '2021-01-01', importedAt: day(2) },
    { title: 'delta', outlet: 'Kyodo', publishedAt: null, importedAt: day(3) },
    { title: 'Beta', outlet: 'Yonhap', publishedAt: '2019-05-05', importedAt: day(3) },
    { title: 'epsilon', outlet: 'Kyodo', publishedAt: '2020-10-29', importedAt: day(4) },
  ];
  const ids = rows.map((r) => add(t, r));
  return { t, ids, rows };
}

const EXPECTED: Record<ArticleSort, string[]> = {
  // Newest imported first; same time: newest id first.
  imported: ['epsilon', 'Beta', 'delta', 'Gamma', 'alpha', 'Alpha', 'beta'],
  // Newest published first, undated last; same date: newest id first.
  published: ['Gamma', 'epsilon', 'alpha', 'beta', 'Beta', 'delta', 'Alpha'],
  // Case does not matter; same title: oldest id first.
  title: ['Alpha', 'alpha', 'beta', 'Beta', 'delta', 'epsilon', 'Gamma'],
};

describe('the library list, paged', () => {
  it.each(Object.keys(EXPECTED) as ArticleSort[])('sorted by %s: every page size walks the whole list in order, ties by id, each article once', async (sort) => {
    const { t } = await library();
    for (const limit of [1, 2, 3, 7, 100]) {
      expect(walk(t, { sort }, limit).map((a) => a.title), `pages of ${limit}`).toEqual(EXPECTED[sort]);
    }
    const first = t.services.library.list({ sort, limit: 2 });
    expect(first.total).toBe(7);
    expect(first.next).not.toBeNull();
    expect(t.services.library.list({ sort, limit: 7 }).next).toBeNull();
  });

  it('an offset skips that many rows, after the cursor when there is one', async () => {
    const { t } = await library();
    expect(t.services.library.list({ sort: 'title', offset: 3, limit: 2 }).items.map((a) => a.title)).toEqual(['Beta', 'delta']);
    const first = t.services.library.list({ sort: 'title', limit: 2 });
    expect(t.services.library.list({ sort: 'title', after: first.next!, offset: 1, limit: 2 }).items.map((a) => a.title)).toEqual(['Beta', 'delta']);
    expect(t.services.library.list({ sort: 'title', offset: 50, limit: 2 })).toEqual({ items: [], total: 7, next: null });
  });

  it('a cursor keeps its place while articles are added and trashed before and after it', async () => {
    const { t, ids } = await library();
    const first = t.services.library.list({ sort: 'imported', limit: 3 });
    expect(first.items.map((a) => a.title)).toEqual(['epsilon', 'Beta', 'delta']);

    // Another process imports two articles (one newer than everything, one as old as the cursor's
    // row but with a higher id, so it sorts before it) and trashes one shown and one not yet shown.
    add(t, { title: 'newest', importedAt: '2026-02-01T00:00:00.000Z' });
    add(t, { title: 'tied', importedAt: '2026-01-03T10:00:00.000Z' });
    t.services.library.delete(ids[5]!); // Beta, already on the first page
    t.services.library.delete(ids[2]!); // alpha, on a later page

    const rest = t.services.library.list({ sort: 'imported', limit: 10, after: first.next! });
    expect(rest.items.map((a) => a.title)).toEqual(['Gamma', 'Alpha', 'beta']);
    expect(rest.total).toBe(7); // 7 + 2 imported - 2 trashed
    expect(rest.next).toBeNull();
  });

  it('the cursor of a page whose last row was trashed or retitled still leads to the rows after it', async () => {
    const { t, ids } = await library();
    const first = t.services.library.list({ sort: 'title', limit: 2 });
    expect(first.items.map((a) => a.title)).toEqual(['Alpha', 'alpha']);
    t.services.library.delete(ids[2]!); // alpha, the cursor's row
    t.services.library.update(ids[1]!, { title: 'zeta' }); // Alpha moves to the end
    expect(walkFrom(t, first.next!)).toEqual(['beta', 'Beta', 'delta', 'epsilon', 'Gamma', 'zeta']);
  });

  it('counts and pages the outlet filter and the trash, each in its own sort', async () => {
    const { t, ids } = await library();
    expect(walk(t, { sort: 'published', outlet: 'Kyodo' }, 2).map((a) => a.title)).toEqual(['epsilon', 'alpha', 'beta', 'delta']);
    expect(t.services.library.list({ outlet: 'Kyodo', limit: 1 }).total).toBe(4);
    expect(t.services.library.list({ outlet: 'Nobody', limit: 1 })).toEqual({ items: [], total: 0, next: null });

    for (const i of [0, 3, 4]) t.services.library.delete(ids[i]!);
    expect(walk(t, { trash: true, sort: 'title' }, 2).map((a) => a.title)).toEqual(['beta', 'delta', 'Gamma']);
    expect(walk(t, { trash: true, outlet: 'Kyodo' }, 1).map((a) => a.title)).toEqual(['delta', 'beta']);
    expect(t.services.library.list({ trash: true }).total).toBe(3);
    expect(t.services.library.list({}).total).toBe(4);
    expect(walk(t, { sort: 'imported' }, 3).map((a) => a.title)).toEqual(['epsilon', 'Beta', 'alpha', 'Alpha']);
  });

  it('finds where an article stands in each view, and says when the view does not hold it', async () => {
    const { t, ids } = await library();
    for (const sort of Object.keys(EXPECTED) as ArticleSort[]) {
      const order = walk(t, { sort }, 100).map((a) => a.id);
      for (const id of ids) expect(t.services.library.position({ sort, id }), `${sort} #${id}`).toEqual({ index: order.indexOf(id) });
    }
    expect(t.services.library.position({ outlet: 'Yonhap', sort: 'title', id: ids[5]! })).toEqual({ index: 1 });
    expect(t.services.library.position({ outlet: 'Yonhap', id: ids[0]! })).toEqual({ index: null });
    expect(t.services.library.position({ trash: true, id: ids[0]! })).toEqual({ index: null });
    expect(t.services.library.position({ id: 99_999 })).toEqual({ index: null });
  });

  it('walks each live sort, with and without the outlet filter, along an index (no sorting of the whole library)', async () => {
    const { t } = await library();
    const plan = (sql: string, ...args: unknown[]) =>
      (t.lib.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join('; ');
    const keys = { imported: 'imported_at DESC, id DESC', published: "coalesce(published_at, '') DESC, id DESC", title: 'title COLLATE NOCASE ASC, id ASC' };
    for (const [sort, order] of Object.entries(keys)) {
      for (const outlet of ['', "AND outlet = 'Kyodo'"]) {
        const p = plan(`SELECT id FROM articles WHERE deleted_at IS NULL ${outlet} ORDER BY ${order} LIMIT 100`);
        expect(p, `${sort} ${outlet}`).toMatch(/USING (COVERING )?INDEX articles_live_/);
        expect(p, `${sort} ${outlet}`).not.toMatch(/TEMP B-TREE/);
      }
    }
  });

  it('refuses a page size out of range and a cursor of the wrong shape, naming the field', async () => {
    const { t } = await library();
    for (const bad of [{ limit: 0 }, { limit: 501 }, { offset: -1 }, { after: { key: 'x' } }, { after: { key: 'x', id: 1, extra: 1 } }, { after: 'x' }]) {
      expect(await t.router('articles.list', bad), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await t.router('articles.position', { sort: 'title' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await t.router('articles.list', { limit: 500 })).toMatchObject({ ok: true, value: { total: 7 } });
  });
});

function walkFrom(t: TestLibrary, after: ArticleCursor): string[] {
  return t.services.library.list({ sort: 'title', after, limit: 100 }).items.map((a) => a.title);
}
