// The quotes table a page at a time from a real, generated coded library: every sort, both ways,
// walks every live annotation exactly once; filters page the same rows the whole list holds; a
// cursor keeps its place while annotations are added and trashed before it; the filters' choices
// and the matrices' counts agree with what the whole list of annotations says.
import { beforeEach, describe, expect, it } from 'vitest';
import { quoteSorts, type QuoteFilter, type QuotePageQuery } from '../../shared/contract';
import type { QuoteCursor, QuotePage, QuoteRow, Stance } from '../../shared/model';
import { buildCodedLibrary, type CodedLibrary } from '../bench/coded-corpus';
import { tempLibrary, type TestLibrary } from './helpers';

let t: TestLibrary;
let coded: CodedLibrary;

// Each test gets its own library: the helpers close it after the test.
beforeEach(async () => {
  t = await tempLibrary();
  coded = await buildCodedLibrary(t.lib, { articles: 30, actors: 30, topics: 3, positionsPerTopic: 3, annotations: 600 }, 7);
  // Some trash: an annotation and a whole article, neither of which may show.
  const [first] = t.services.quotes.list({});
  t.lib.db.prepare(`UPDATE annotations SET deleted_at = '2026-01-01' WHERE id = ?`).run(first!.id);
  t.lib.db.prepare(`UPDATE articles SET deleted_at = '2026-01-01' WHERE id = (SELECT max(article_id) FROM annotations)`).run();
  // Undated articles, which sort last by date.
  t.lib.db.prepare(`UPDATE articles SET published_at = NULL WHERE id % 9 = 0`).run();
}, 60_000);

/** The whole table for a query, walked with the cursor each page returns. */
function walk(q: Omit<QuotePageQuery, 'after' | 'limit'>, limit: number): { rows: QuoteRow[]; totals: number[] } {
  const rows: QuoteRow[] = [];
  const totals: number[] = [];
  let after: QuoteCursor | undefined;
  for (let guard = 0; guard < 10_000; guard++) {
    const page = t.services.quotes.page({ ...q, limit, ...(after ? { after } : {}) });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    rows.push(...page.items);
    totals.push(page.total);
    if (!page.next) return { rows, totals };
    expect(page.items).toHaveLength(limit);
    after = page.next;
  }
  throw new Error('the cursor never reached the end');
}

const ids = (rows: QuoteRow[]) => rows.map((r) => r.id);
const byName = (a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);

describe('quotes.page', () => {
  it('walks every live annotation once in every sort, both ways, with the count from the store', () => {
    const all = t.services.quotes.list({});
    expect(all.length).toBeGreaterThan(500);
    for (const sort of quoteSorts) {
      for (const desc of [false, true]) {
        const { rows, totals } = walk({ sort, desc }, 37);
        expect(new Set(ids(rows)).size, `${sort} ${desc}: no row twice`).toBe(rows.length);
        expect([...ids(rows)].sort((a, b) => a - b), `${sort} ${desc}: no row lost`).toEqual([...ids(all)].sort((a, b) => a - b));
        expect(new Set(totals)).toEqual(new Set([all.length]));
      }
    }
  });

  it('orders rows as the table names them: newest articles first, each read top to bottom; names and words A to Z', () => {
    const date = walk({}, 50).rows;
    // The whole list's order (publication date, article, position in the text) is the first page's order.
    expect(date.map((r) => `${r.article.id}:${r.start}`)).toEqual(t.services.quotes.list({}).map((r) => `${r.article.id}:${r.start}`));
    const undated = date.findIndex((r) => r.article.publishedAt === null);
    expect(undated).toBeGreaterThan(0);
    expect(date.slice(undated).every((r) => r.article.publishedAt === null)).toBe(true);

    const speakers = walk({ sort: 'speaker' }, 50).rows.map((r) => r.speaker?.name ?? null);
    const named = speakers.filter((s): s is string => s !== null);
    expect(named).toEqual([...named].sort(byName));
    // No speaker comes last from A to Z, first from Z to A.
    expect(speakers.indexOf(null)).toBe(named.length);
    expect(walk({ sort: 'speaker', desc: true }, 50).rows[0]!.speaker).toBeNull();

    const titles = walk({ sort: 'article', desc: true }, 50).rows.map((r) => r.article.title);
    expect(titles).toEqual([...titles].sort(byName).reverse());
    const kinds = walk({ sort: 'kind' }, 50).rows.map((r) => r.kind);
    expect(kinds).toEqual([...kinds].sort());
  });

  it('pages exactly the rows the whole list holds for each filter', () => {
    const [topicId] = coded.topicIds;
    const filters: QuoteFilter[] = [
      { actorId: coded.actorIds[0]! },
      { topicId },
      { topicId, stance: 'opposes' },
      { positionId: coded.positionIds[4]! },
      { kind: 'paraphrase' },
      { tag: 'summit' },
      { from: '2020-01-01', to: '2021-12-31' },
      { actorId: coded.actorIds[1]!, kind: 'quote', stance: 'supports' },
    ];
    for (const filter of filters) {
      const whole = t.services.quotes.list(filter);
      expect(whole.length, JSON.stringify(filter)).toBeGreaterThan(0);
      const { rows, totals } = walk({ ...filter, sort: 'text' }, 11);
      expect([...ids(rows)].sort((a, b) => a - b), JSON.stringify(filter)).toEqual([...ids(whole)].sort((a, b) => a - b));
      expect(totals[0]).toBe(whole.length);
    }
    // Nothing that matches is an empty page, and a filter naming what does not exist is refused.
    expect(t.services.quotes.page({ tag: 'no-such-tag' })).toEqual({ items: [], total: 0, next: null });
    expect(() => t.services.quotes.page({ actorId: 999_999 })).toThrow(/Actor/);
  });

  it('keeps its place when annotations are added and trashed before the cursor', () => {
    const first = t.services.quotes.page({ sort: 'speaker', limit: 20 });
    const expected = t.services.quotes.page({ sort: 'speaker', limit: 20, after: first.next! }).items.map((r) => r.id);
    const row = first.items[3]!;
    const added = t.lib.db
      .prepare(
        `INSERT INTO annotations (uid, article_id, kind, speaker_id, start, "end", exact, prefix, suffix, tags, created_at, updated_at)
         SELECT lower(hex(randomblob(16))), article_id, 'quote', speaker_id, start, "end", exact, prefix, suffix, '[]', created_at, updated_at FROM annotations WHERE id = ?`,
      )
      .run(first.items[0]!.id).lastInsertRowid;
    t.lib.db.prepare(`UPDATE annotations SET deleted_at = '2026-02-02' WHERE id = ?`).run(row.id);
    try {
      const again = t.services.quotes.page({ sort: 'speaker', limit: 20, after: first.next! });
      expect(again.items.map((r) => r.id)).toEqual(expected);
      expect(again.total).toBe(first.total);
    } finally {
      t.lib.db.prepare(`UPDATE annotations SET deleted_at = NULL WHERE id = ?`).run(row.id);
      t.lib.db.prepare(`DELETE FROM annotations WHERE id = ?`).run(added);
    }
  });

  it('goes through the router with the contract’s checks', async () => {
    const r = await t.router('quotes.page', { sort: 'date', limit: 5 });
    expect(r.ok && (r.value as QuotePage).items).toHaveLength(5);
    const bad = await t.router('quotes.page', { sort: 'loudness' });
    expect(bad.ok).toBe(false);
    const extra = await t.router('quotes.page', { limit: 5, offset: 3 });
    expect(extra.ok).toBe(false);
  });
});

describe('what the quotes table and the matrices count', () => {
  it('offers the articles and tags the whole list holds', () => {
    const all = t.services.quotes.list({});
    const facets = t.services.quotes.facets();
    expect(facets.articles).toEqual([...new Map(all.map((q) => [q.article.id, { id: q.article.id, title: q.article.title }])).values()]);
    expect(facets.tags).toEqual([...new Set(all.flatMap((q) => q.tags))].sort((a, b) => a.localeCompare(b)));
  });

  it('matrix and overview count the codings the whole list of annotations holds', () => {
    const all = t.services.quotes.list({});
    const count = (key: (q: QuoteRow, p: QuoteRow['positions'][number]) => string | null) => {
      const m = new Map<string, Record<Stance, number>>();
      for (const q of all) {
        if (!q.speaker) continue;
        for (const p of q.positions) {
          const k = key(q, p);
          if (k === null) continue;
          const c = m.get(k) ?? { supports: 0, opposes: 0, neutral: 0 };
          c[p.stance]++;
          m.set(k, c);
        }
      }
      return m;
    };
    const cells = <C extends { actorId: number; supports: number; opposes: number; neutral: number }>(cs: C[], other: (c: C) => number) =>
      new Map(cs.map((c) => [`${c.actorId}:${other(c)}`, { supports: c.supports, opposes: c.opposes, neutral: c.neutral }]));

    const overview = t.services.quotes.overview();
    // Its rows: every actor who spoke a live quote coded on any position, by name.
    expect(overview.actors.map((a) => a.id).sort((a, b) => a - b)).toEqual([...new Set(all.filter((q) => q.speaker && q.positions.length).map((q) => q.speaker!.id))].sort((a, b) => a - b));
    expect(overview.actors.map((a) => a.name)).toEqual([...overview.actors.map((a) => a.name)].sort(byName));
    expect(cells(overview.cells, (c) => c.topicId)).toEqual(count((q, p) => `${q.speaker!.id}:${p.topicId}`));
    for (const topicId of coded.topicIds) {
      const matrix = t.services.quotes.matrix(topicId);
      expect(cells(matrix.cells, (c) => c.positionId)).toEqual(count((q, p) => (p.topicId === topicId ? `${q.speaker!.id}:${p.id}` : null)));
    }
  });
});
