// The matrix overview a window of actor rows at a time (matrix.overviewPage): every order walks every
// coded actor once, in the order the analyst chose (the sum, then the name, then the id); each
// window carries its actors' cells, the count of all actors and the whole table's largest cell; the
// last window is short and one past it empty; a write shows in the next window read.
import { beforeEach, describe, expect, it } from 'vitest';
import type { MatrixOverview, MatrixOverviewPage } from '../../shared/model';
import { rowSorts, type RowSort } from '../../shared/matrix-order';
import { buildCodedLibrary } from '../bench/coded-corpus';
import { tempLibrary, type TestLibrary } from './helpers';

let t: TestLibrary;

beforeEach(async () => {
  t = await tempLibrary();
  await buildCodedLibrary(t.lib, { articles: 20, actors: 40, topics: 4, positionsPerTopic: 3, annotations: 500 }, 11);
}, 60_000);

/** Every window of one order, read as the renderer reads them: from the rows held so far. */
function walk(rowSort: RowSort, limit: number): MatrixOverviewPage[] {
  const pages: MatrixOverviewPage[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = t.services.quotes.overviewPage({ rowSort, offset, limit });
    pages.push(page);
    if (offset + limit >= page.total) return pages;
  }
}

const names = new Intl.Collator().compare;
const cellKey = (c: MatrixOverview['cells'][number]) => `${c.actorId}:${c.topicId}`;

/** Each actor's sums, counted here from the whole overview's cells. */
function sums(overview: MatrixOverview) {
  const m = new Map<number, { supports: number; opposes: number; total: number }>();
  for (const c of overview.cells) {
    const s = m.get(c.actorId) ?? { supports: 0, opposes: 0, total: 0 };
    s.supports += c.supports;
    s.opposes += c.opposes;
    s.total += c.supports + c.opposes + c.neutral;
    m.set(c.actorId, s);
  }
  return m;
}

describe('matrix.overviewPage', () => {
  it('walks every coded actor once in each order, with the counts of the whole table on every window', () => {
    const whole = t.services.quotes.overview();
    expect(whole.actors.length).toBeGreaterThan(20);
    const sum = sums(whole);
    const max = Math.max(...whole.cells.map((c) => c.supports + c.opposes + c.neutral));
    for (const rowSort of rowSorts) {
      const pages = walk(rowSort, 7);
      const actors = pages.flatMap((p) => p.actors);
      expect(new Set(actors.map((a) => a.id)).size, `${rowSort}: no actor twice`).toBe(actors.length);
      expect(actors.map((a) => a.id).sort((a, b) => a - b), `${rowSort}: no actor lost`).toEqual(whole.actors.map((a) => a.id).sort((a, b) => a - b));
      for (const p of pages) {
        expect(p.total).toBe(whole.actors.length);
        expect(p.max).toBe(max);
        // A window's cells are its actors' cells, all of them.
        const shown = new Set(p.actors.map((a) => a.id));
        expect(p.cells.map(cellKey).sort()).toEqual(whole.cells.filter((c) => shown.has(c.actorId)).map(cellKey).sort());
      }
      // In order: the chosen sum, largest first; then the name; then the id.
      for (let i = 1; i < actors.length; i++) {
        const [a, b] = [actors[i - 1]!, actors[i]!];
        const key = (id: number) => (rowSort === 'name' ? 0 : sum.get(id)![rowSort]);
        const order = key(b.id) - key(a.id) || names(a.name, b.name) || a.id - b.id;
        expect(order, `${rowSort}: ${a.name} before ${b.name}`).toBeLessThan(0);
      }
    }
  });

  it('gives the same order however the rows are windowed, and a short last window, and none past it', () => {
    const total = t.services.quotes.overview().actors.length;
    const byOne = walk('total', 1).flatMap((p) => p.actors.map((a) => a.id));
    const byAll = t.services.quotes.overviewPage({ rowSort: 'total', limit: total }).actors.map((a) => a.id);
    expect(walk('total', 9).flatMap((p) => p.actors.map((a) => a.id))).toEqual(byAll);
    expect(byOne).toEqual(byAll);
    const last = t.services.quotes.overviewPage({ rowSort: 'total', offset: total - 3, limit: 10 });
    expect(last.actors.map((a) => a.id)).toEqual(byAll.slice(-3));
    expect(last.offset).toBe(total - 3);
    const past = t.services.quotes.overviewPage({ rowSort: 'total', offset: total, limit: 10 });
    expect(past).toMatchObject({ actors: [], cells: [], total });
  });

  it('orders the topic columns by name or by how many codings each holds', () => {
    const whole = t.services.quotes.overview();
    const byName = t.services.quotes.overviewPage({ colSort: 'name' }).topics.map((x) => x.name);
    expect(byName).toEqual([...whole.topics.map((x) => x.name)].sort(names));
    const codings = new Map<number, number>();
    for (const c of whole.cells) codings.set(c.topicId, (codings.get(c.topicId) ?? 0) + c.supports + c.opposes + c.neutral);
    const byTotal = t.services.quotes.overviewPage({ colSort: 'total' }).topics.map((x) => codings.get(x.id) ?? 0);
    expect(byTotal).toEqual([...byTotal].sort((a, b) => b - a));
    expect(byTotal).toHaveLength(whole.topics.length);
  });

  it('counts afresh after a write: a trashed annotation leaves its actor’s cells', () => {
    const before = t.services.quotes.overviewPage({ limit: 1 });
    const top = before.actors[0]!;
    const coded = t.lib.db
      .prepare<[number], { id: number }>(`SELECT n.id FROM annotations n JOIN annotation_positions ap ON ap.annotation_id = n.id WHERE n.speaker_id = ? AND n.deleted_at IS NULL`)
      .all(top.id);
    const totalOf = (p: MatrixOverviewPage, id: number) => p.cells.filter((c) => c.actorId === id).reduce((n, c) => n + c.supports + c.opposes + c.neutral, 0);
    const all = () => t.services.quotes.overviewPage({ limit: 500 });
    const was = totalOf(all(), top.id);
    t.lib.db.prepare(`UPDATE annotations SET deleted_at = '2026-01-01' WHERE id = ?`).run(coded[0]!.id);
    expect(totalOf(all(), top.id)).toBeLessThan(was);
    expect(all().cells.map(cellKey).sort()).toEqual(t.services.quotes.overview().cells.map(cellKey).sort());
  });

  it('is refused at the door with an unknown order, a window of no rows or a key it does not know', async () => {
    expect(await t.router('matrix.overviewPage', { rowSort: 'loudest' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await t.router('matrix.overviewPage', { limit: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await t.router('matrix.overviewPage', { offset: -1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await t.router('matrix.overviewPage', { page: 2 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await t.router('matrix.overviewPage', {})).toMatchObject({ ok: true, value: { offset: 0 } });
  });
});
