// Position shifts over small dated codings worked out by hand (shared/landscape/shifts.ts).
import { describe, expect, it } from 'vitest';
import type { DatedCoding } from '../../shared/landscape/dated';
import { findShifts } from '../../shared/landscape/shifts';
import type { Stance } from '../../shared/model';

/** Actor 1 unless told; position 10 unless told; article = quote id unless told. */
const c = (quoteId: number, stance: Stance, publishedAt: string | null, more: Partial<DatedCoding> = {}): DatedCoding => ({
  quoteId,
  actorId: 1,
  positionId: 10,
  stance,
  articleId: quoteId,
  publishedAt,
  ...more,
});

const pairs = (codings: DatedCoding[]) => findShifts(codings).shifts.map((s) => [s.actorId, s.positionId, s.before.quoteId, s.after.quoteId]);

describe('findShifts', () => {
  it('pairs the last supporting quote with the first opposing one, with their dates and stances', () => {
    const got = findShifts([c(1, 'supports', '2021-01-05'), c(2, 'supports', '2021-02-01'), c(3, 'opposes', '2021-03-10'), c(4, 'opposes', '2021-04-01')]);
    expect(got.shifts).toEqual([
      { actorId: 1, positionId: 10, before: { quoteId: 2, date: '2021-02-01', stance: 'supports' }, after: { quoteId: 3, date: '2021-03-10', stance: 'opposes' } },
    ]);
    expect(got.undated).toEqual({ quotes: 0, articles: 0 });
  });

  it('reads the quotes by publication date, not by the order they were coded in', () => {
    // Quote 1 (opposes) is from March, quote 2 (supports) from January: supports → opposes.
    expect(findShifts([c(1, 'opposes', '2021-03-01'), c(2, 'supports', '2021-01-01')]).shifts).toMatchObject([
      { before: { quoteId: 2, stance: 'supports' }, after: { quoteId: 1, stance: 'opposes' } },
    ]);
  });

  it('finds no shift for a steady actor, nor between two actors, nor across two positions', () => {
    expect(pairs([c(1, 'supports', '2021-01-01'), c(2, 'supports', '2021-02-01')])).toEqual([]);
    expect(pairs([c(1, 'supports', '2021-01-01'), c(2, 'opposes', '2021-02-01', { actorId: 2 })])).toEqual([]);
    expect(pairs([c(1, 'supports', '2021-01-01'), c(2, 'opposes', '2021-02-01', { positionId: 11 })])).toEqual([]);
  });

  it('steps over neutral quotes: they neither start nor end a shift', () => {
    // supports (1), neutral (2), opposes (3): one shift 1 → 3.
    expect(pairs([c(1, 'supports', '2021-01-01'), c(2, 'neutral', '2021-02-01'), c(3, 'opposes', '2021-03-01')])).toEqual([[1, 10, 1, 3]]);
    // neutral then opposes, or supports then neutral: nothing.
    expect(pairs([c(1, 'neutral', '2021-01-01'), c(2, 'opposes', '2021-02-01')])).toEqual([]);
    expect(pairs([c(1, 'supports', '2021-01-01'), c(2, 'neutral', '2021-02-01')])).toEqual([]);
  });

  it('lists every flip of an actor who goes back and forth, newest first', () => {
    // S(1, Jan) S(2, Feb) O(3, Mar) N(4, Apr) S(5, May) O(6, Jun): shifts 2→3, 3→5, 5→6.
    const got = findShifts([
      c(1, 'supports', '2021-01-01'),
      c(2, 'supports', '2021-02-01'),
      c(3, 'opposes', '2021-03-01'),
      c(4, 'neutral', '2021-04-01'),
      c(5, 'supports', '2021-05-01'),
      c(6, 'opposes', '2021-06-01'),
    ]).shifts;
    expect(got.map((s) => [s.before.quoteId, s.after.quoteId])).toEqual([
      [5, 6],
      [3, 5],
      [2, 3],
    ]);
    expect(got.map((s) => `${s.before.stance}→${s.after.stance}`)).toEqual(['supports→opposes', 'opposes→supports', 'supports→opposes']);
  });

  it('orders quotes of the same day by quote id, and shifts of the same day by the later quote id first', () => {
    // Same day: quote 7 supports, quote 8 opposes: 7 → 8 (and not 8 → 7), whatever the input order.
    expect(pairs([c(8, 'opposes', '2021-05-05'), c(7, 'supports', '2021-05-05')])).toEqual([[1, 10, 7, 8]]);
    // Two actors each shifting on the same day: the shift ending in quote 12 comes before the one ending in 11.
    const got = pairs([
      c(1, 'supports', '2021-01-01', { actorId: 1 }),
      c(2, 'opposes', '2021-01-01', { actorId: 2 }),
      c(11, 'opposes', '2021-06-01', { actorId: 1 }),
      c(12, 'supports', '2021-06-01', { actorId: 2 }),
      c(13, 'opposes', '2021-03-01', { actorId: 1, positionId: 11 }),
      c(3, 'supports', '2021-02-01', { actorId: 1, positionId: 11 }),
    ]);
    expect(got).toEqual([
      [2, 10, 2, 12],
      [1, 10, 1, 11],
      [1, 11, 3, 13],
    ]);
  });

  it('keeps apart the positions of one quote coded on two positions', () => {
    // Quote 2 opposes position 10 and supports position 11.
    expect(pairs([c(1, 'supports', '2021-01-01'), c(1, 'opposes', '2021-01-01', { positionId: 11 }), c(2, 'opposes', '2021-02-01'), c(2, 'supports', '2021-02-01', { positionId: 11 })])).toEqual([
      [1, 10, 1, 2],
      [1, 11, 1, 2],
    ]);
  });

  it('leaves undated articles out and counts their quotes and articles', () => {
    // The undated opposing quote 2 would make a shift if it were dated; quotes 2 and 3 share article 50.
    const got = findShifts([c(1, 'supports', '2021-01-01'), c(2, 'opposes', null, { articleId: 50 }), c(3, 'neutral', null, { articleId: 50 }), c(4, 'opposes', null, { positionId: 11 })]);
    expect(got.shifts).toEqual([]);
    expect(got.undated).toEqual({ quotes: 3, articles: 2 });
  });

  it('finds nothing in nothing', () => {
    expect(findShifts([])).toEqual({ shifts: [], undated: { quotes: 0, articles: 0 } });
  });
});
