// Position shifts: an actor who supported a position and later opposed it, or the reverse — the line
// an analyst writes in a briefing ("X backed the sale in March, and came out against it in June").
//
// Per actor and position, the dated quotes are read in time order (publication date, then quote id
// within a day, since an article carries no time). A neutral quote neither starts nor ends a shift: it
// is stepped over, so "supports, neutral, opposes" is one shift from the supporting quote to the
// opposing one. Each change of stance is one shift, so an actor who flips back and forth has several.
// A shift pairs the last quote of the earlier stance with the first quote of the later one: the two
// closest quotes that still disagree. Quotes from undated articles cannot be ordered and are left out
// (counted in `undated`).
import type { Stance } from '../model';
import { splitUndated, type DatedCoding, type Undated } from './dated';

type Taken = Exclude<Stance, 'neutral'>;

export interface ShiftEnd {
  quoteId: number;
  date: string;
  stance: Taken;
}

export interface PositionShift {
  actorId: number;
  positionId: number;
  /** The last quote of the earlier stance. */
  before: ShiftEnd;
  /** The first quote of the later, opposite stance. */
  after: ShiftEnd;
}

export interface Shifts {
  /** Newest first: by the later quote's date, then its quote id (the later coded first). */
  shifts: PositionShift[];
  undated: Undated;
}

export function findShifts(codings: readonly DatedCoding[]): Shifts {
  const { dated, undated } = splitUndated(codings);
  const last = new Map<string, ShiftEnd>();
  const shifts: PositionShift[] = [];
  for (const c of dated) {
    if (c.stance === 'neutral') continue;
    const key = `${c.actorId}:${c.positionId}`;
    const end: ShiftEnd = { quoteId: c.quoteId, date: c.publishedAt, stance: c.stance };
    const prev = last.get(key);
    if (prev && prev.stance !== c.stance) shifts.push({ actorId: c.actorId, positionId: c.positionId, before: prev, after: end });
    last.set(key, end);
  }
  shifts.sort((a, b) => (a.after.date < b.after.date ? 1 : a.after.date > b.after.date ? -1 : b.after.quoteId - a.after.quoteId || a.actorId - b.actorId || a.positionId - b.positionId));
  return { shifts, undated };
}
