// The stance timeline over small dated codings worked out by hand (shared/landscape/timeline.ts).
import { describe, expect, it } from 'vitest';
import type { DatedCoding } from '../../shared/landscape/dated';
import { computeTimeline } from '../../shared/landscape/timeline';
import type { Stance } from '../../shared/model';

const c = (quoteId: number, actorId: number, stance: Stance, publishedAt: string | null, positionId = 10, articleId = quoteId): DatedCoding => ({
  quoteId,
  actorId,
  positionId,
  stance,
  articleId,
  publishedAt,
});

describe('computeTimeline', () => {
  it('places each coding on its date, in time order, with the span and per-actor totals', () => {
    const got = computeTimeline([
      c(3, 1, 'opposes', '2021-03-01'),
      c(1, 1, 'supports', '2021-01-15'),
      c(2, 2, 'neutral', '2021-02-01'),
      c(4, 1, 'supports', '2021-03-01', 11), // quote 4 on two positions: two points, one quote
      c(4, 1, 'opposes', '2021-03-01', 10),
    ]);
    expect(got.points).toEqual([
      { date: '2021-01-15', actorId: 1, positionId: 10, stance: 'supports', quoteId: 1 },
      { date: '2021-02-01', actorId: 2, positionId: 10, stance: 'neutral', quoteId: 2 },
      { date: '2021-03-01', actorId: 1, positionId: 10, stance: 'opposes', quoteId: 3 },
      { date: '2021-03-01', actorId: 1, positionId: 10, stance: 'opposes', quoteId: 4 },
      { date: '2021-03-01', actorId: 1, positionId: 11, stance: 'supports', quoteId: 4 },
    ]);
    expect(got.span).toEqual({ from: '2021-01-15', to: '2021-03-01' });
    expect(got.actors).toEqual([
      { actorId: 1, quotes: 3, supports: 2, opposes: 2, neutral: 0, first: '2021-01-15', last: '2021-03-01' },
      { actorId: 2, quotes: 1, supports: 0, opposes: 0, neutral: 1, first: '2021-02-01', last: '2021-02-01' },
    ]);
    expect(got.undated).toEqual({ quotes: 0, articles: 0 });
  });

  it('orders the actors by number of quotes, then by id', () => {
    const got = computeTimeline([c(1, 5, 'supports', '2021-01-01'), c(2, 3, 'supports', '2021-01-02'), c(3, 7, 'opposes', '2021-01-03'), c(4, 7, 'opposes', '2021-01-04')]);
    expect(got.actors.map((a) => [a.actorId, a.quotes])).toEqual([
      [7, 2],
      [3, 1],
      [5, 1],
    ]);
  });

  it('leaves the quotes of undated articles off the axis and counts them', () => {
    const got = computeTimeline([c(1, 1, 'supports', '2021-01-01'), c(2, 1, 'opposes', null, 10, 9), c(3, 2, 'opposes', null, 10, 9), c(3, 2, 'supports', null, 11, 9)]);
    expect(got.points.map((p) => p.quoteId)).toEqual([1]);
    expect(got.actors.map((a) => a.actorId)).toEqual([1]);
    expect(got.span).toEqual({ from: '2021-01-01', to: '2021-01-01' });
    expect(got.undated).toEqual({ quotes: 2, articles: 1 });
  });

  it('has no span when nothing is dated', () => {
    expect(computeTimeline([c(1, 1, 'supports', null)])).toEqual({ points: [], actors: [], span: null, undated: { quotes: 1, articles: 1 } });
    expect(computeTimeline([])).toEqual({ points: [], actors: [], span: null, undated: { quotes: 0, articles: 0 } });
  });
});
