// `landscape.shifts` and `landscape.timeline` through the router, over a library coded across four
// articles: two on one day, one undated. Ahn supports the sale (10 Jan), opposes it (5 Mar), and
// supports it again later that day (a higher quote id); an undated article has Ahn opposing it again.
import { describe, expect, it } from 'vitest';
import type { LandscapeShifts, LandscapeTimeline } from '../../shared/landscape/time-result';
import { paste, tempLibrary } from './helpers';

type Router = Awaited<ReturnType<typeof tempLibrary>>['router'];

async function ask<T>(router: Router, name: 'landscape.shifts' | 'landscape.timeline', input: Record<string, unknown> = {}): Promise<T> {
  const r = await router(name, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}
const shifts = (router: Router, input?: Record<string, unknown>) => ask<LandscapeShifts>(router, 'landscape.shifts', input);
const timeline = (router: Router, input?: Record<string, unknown>) => ask<LandscapeTimeline>(router, 'landscape.timeline', input);

async function datedLibrary() {
  const t = await tempLibrary();
  const s = t.services;
  const article = async (title: string, text: string, meta: Record<string, unknown>) => {
    const id = (await s.importer.import(paste(text, { title, ...meta }))).id!;
    const body = s.library.get(id).text;
    return {
      id,
      at: (phrase: string) => {
        const start = body.indexOf(phrase);
        if (start < 0) throw new Error(`not in text: ${phrase}`);
        return { articleId: id, start, end: start + phrase.length };
      },
    };
  };
  const a1 = await article('Ahn backs the sale', 'Ahn said the sale must go ahead. The ministry said talks should continue.', { publishedAt: '2021-01-10', outlet: 'Yonhap' });
  const a2 = await article('Ahn turns on the sale', 'Ahn now says the sale must be stopped. The ministry took no side.', { publishedAt: '2021-03-05', outlet: 'Kyodo News' });
  const a3 = await article('Ahn relents', 'Ahn later said the sale could proceed after all.', { publishedAt: '2021-03-05', outlet: 'Kyodo News' });
  const a4 = await article('Undated column', 'Ahn insisted the sale must be halted.', {});
  const ahn = s.codebook.createActor({ name: 'Ahn Duk-geun' });
  const ministry = s.codebook.createActor({ name: 'Trade Ministry', kind: 'organization' });
  const trade = s.codebook.createTopic('Asset sale');
  const sale = s.codebook.createPosition(trade.id, 'The seized assets should be sold');
  const talks = s.codebook.createPosition(trade.id, 'Talks should continue');
  const other = s.codebook.createTopic('Export controls');
  const controls = s.codebook.createPosition(other.id, 'Export controls should be lifted');
  const code = (at: { articleId: number; start: number; end: number }, speakerId: number, positions: { positionId: number; stance: 'supports' | 'opposes' | 'neutral' }[], kind: 'quote' | 'paraphrase' = 'quote') =>
    s.annotations.create({ kind, ...at, speakerId, positions });
  const q1 = code(a1.at('the sale must go ahead'), ahn.id, [{ positionId: sale.id, stance: 'supports' }]);
  const q2 = code(a1.at('talks should continue'), ministry.id, [{ positionId: talks.id, stance: 'supports' }], 'paraphrase');
  const q3 = code(a2.at('the sale must be stopped'), ahn.id, [{ positionId: sale.id, stance: 'opposes' }]);
  const q4 = code(a2.at('took no side'), ministry.id, [{ positionId: talks.id, stance: 'neutral' }], 'paraphrase');
  const q5 = code(a3.at('the sale could proceed after all'), ahn.id, [
    { positionId: sale.id, stance: 'supports' },
    { positionId: controls.id, stance: 'neutral' },
  ]);
  const q6 = code(a4.at('the sale must be halted'), ahn.id, [{ positionId: sale.id, stance: 'opposes' }]);
  return { ...t, a1, a2, a3, a4, ahn, ministry, trade, other, sale, talks, controls, q1, q2, q3, q4, q5, q6 };
}

describe('landscape.shifts', () => {
  it('lists each change of stance with the two quotes side by side, newest first, undated left out', async () => {
    const t = await datedLibrary();
    const got = await shifts(t.router);
    // 5 Mar holds both q3 (opposes) and q5 (supports again): q3 → q5 ends later in the day, so it comes first.
    expect(got.shifts.map((s) => [s.before.id, s.after.id])).toEqual([
      [t.q3.id, t.q5.id],
      [t.q1.id, t.q3.id],
    ]);
    expect(got.shifts[1]).toEqual({
      actor: { id: t.ahn.id, name: 'Ahn Duk-geun', kind: 'person' },
      position: { id: t.sale.id, claim: 'The seized assets should be sold', topic: 'Asset sale' },
      before: expect.objectContaining({ id: t.q1.id, text: 'the sale must go ahead', articleTitle: 'Ahn backs the sale', outlet: 'Yonhap', date: '2021-01-10', stance: 'supports', kind: 'quote' }),
      after: expect.objectContaining({ id: t.q3.id, text: 'the sale must be stopped', articleTitle: 'Ahn turns on the sale', date: '2021-03-05', stance: 'opposes' }),
    });
    // The undated opposing quote would have made a third shift.
    expect(got.undated).toEqual({ quotes: 1, articles: 1 });
    expect(got.anyCoded).toBe(true);
  });

  it('follows the filters: a date range, topic, actor kind, and trashed quotes', async () => {
    const t = await datedLibrary();
    const since = await shifts(t.router, { from: '2021-03-01' });
    expect(since.shifts.map((s) => [s.before.id, s.after.id])).toEqual([[t.q3.id, t.q5.id]]);
    expect(since.undated).toEqual({ quotes: 0, articles: 0 }); // a date range leaves undated articles out of the query
    expect((await shifts(t.router, { topicId: t.trade.id })).shifts).toHaveLength(2);
    expect((await shifts(t.router, { topicId: t.other.id })).shifts).toEqual([]);
    expect((await shifts(t.router, { actorKind: 'organization' })).shifts).toEqual([]);
    t.services.annotations.delete(t.q5.id);
    expect((await shifts(t.router)).shifts.map((s) => [s.before.id, s.after.id])).toEqual([[t.q1.id, t.q3.id]]);
  });
});

describe('landscape.timeline', () => {
  it('places every coding on its date, the actors by number of quotes, the span and the undated count', async () => {
    const t = await datedLibrary();
    const got = await timeline(t.router);
    expect(got.points.map((p) => [p.date, p.actorId, p.positionId, p.stance, p.quoteId])).toEqual([
      ['2021-01-10', t.ahn.id, t.sale.id, 'supports', t.q1.id],
      ['2021-01-10', t.ministry.id, t.talks.id, 'supports', t.q2.id],
      ['2021-03-05', t.ahn.id, t.sale.id, 'opposes', t.q3.id],
      ['2021-03-05', t.ministry.id, t.talks.id, 'neutral', t.q4.id],
      ['2021-03-05', t.ahn.id, t.sale.id, 'supports', t.q5.id],
      ['2021-03-05', t.ahn.id, t.controls.id, 'neutral', t.q5.id],
    ]);
    expect(got.actors).toEqual([
      { actorId: t.ahn.id, name: 'Ahn Duk-geun', kind: 'person', quotes: 3, supports: 2, opposes: 1, neutral: 1, first: '2021-01-10', last: '2021-03-05' },
      { actorId: t.ministry.id, name: 'Trade Ministry', kind: 'organization', quotes: 2, supports: 1, opposes: 0, neutral: 1, first: '2021-01-10', last: '2021-03-05' },
    ]);
    expect(got.span).toEqual({ from: '2021-01-10', to: '2021-03-05' });
    expect(got.undated).toEqual({ quotes: 1, articles: 1 });
    expect(got.articles).toBe(3);
    expect(got.quotes.map((q) => q.id)).toEqual([t.q1.id, t.q2.id, t.q3.id, t.q4.id, t.q5.id]);
    expect(got.positions.map((p) => p.claim).sort()).toEqual(['Export controls should be lifted', 'Talks should continue', 'The seized assets should be sold']);
  });

  it('per topic, and under the other filters', async () => {
    const t = await datedLibrary();
    const controls = await timeline(t.router, { topicId: t.other.id });
    expect(controls.points.map((p) => [p.quoteId, p.stance])).toEqual([[t.q5.id, 'neutral']]);
    expect(controls.span).toEqual({ from: '2021-03-05', to: '2021-03-05' });
    expect(controls.undated).toEqual({ quotes: 0, articles: 0 });
    expect((await timeline(t.router, { topicId: t.trade.id })).undated).toEqual({ quotes: 1, articles: 1 });
    expect((await timeline(t.router, { kind: 'paraphrase' })).actors.map((a) => a.name)).toEqual(['Trade Ministry']);
    expect((await timeline(t.router, { outlet: 'Yonhap' })).points.map((p) => p.quoteId)).toEqual([t.q1.id, t.q2.id]);
    expect((await timeline(t.router, { to: '2021-02-01' })).span).toEqual({ from: '2021-01-10', to: '2021-01-10' });
  });
});

describe('landscape.shifts and landscape.timeline, bad input', () => {
  it('refuse a topic that does not exist, and malformed filters', async () => {
    const t = await datedLibrary();
    for (const name of ['landscape.shifts', 'landscape.timeline'] as const) {
      expect(await t.router(name, { topicId: 9999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await t.router(name, { topicId: 'trade' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await t.router(name, { from: '5 March 2021' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await t.router(name, { type: 'conflict' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await t.router(name, { actorKind: 'alien' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await t.router(name, 42)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('answer empty for a library with no coded quotes, and for a topic without positions', async () => {
    const empty = await tempLibrary();
    await empty.services.importer.import(paste('Nothing coded here.', { publishedAt: '2021-01-01' }));
    expect(await shifts(empty.router)).toEqual({ shifts: [], undated: { quotes: 0, articles: 0 }, anyCoded: false });
    expect(await timeline(empty.router)).toEqual({ points: [], actors: [], span: null, undated: { quotes: 0, articles: 0 }, positions: [], quotes: [], articles: 0, anyCoded: false });
    const t = await datedLibrary();
    const bare = t.services.codebook.createTopic('No positions yet');
    expect(await shifts(t.router, { topicId: bare.id })).toEqual({ shifts: [], undated: { quotes: 0, articles: 0 }, anyCoded: true });
    expect(await timeline(t.router, { topicId: bare.id })).toMatchObject({ points: [], actors: [], span: null, anyCoded: true });
  });
});
