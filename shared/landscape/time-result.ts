// What `landscape.shifts` and `landscape.timeline` answer: the pure results of shifts.ts and
// timeline.ts with the names, claims and quoted words the view shows, so a shift can be read as
// two quotes side by side without another call.
import type { ActorKind } from '../model';
import type { Undated } from './dated';
import type { LandscapeQuote } from './result';
import type { ShiftEnd } from './shifts';
import type { Timeline, TimelineActor } from './timeline';

export interface LandscapeActor {
  id: number;
  name: string;
  kind: ActorKind;
}

export interface LandscapePosition {
  id: number;
  claim: string;
  /** The topic's name. */
  topic: string;
}

/** One end of a shift: the quote (words cut at LANDSCAPE_QUOTE_CHARS, its article) and the stance it took. */
export type ShiftQuote = Omit<LandscapeQuote, 'codings'> & Pick<ShiftEnd, 'date' | 'stance'>;

export interface LandscapeShift {
  actor: LandscapeActor;
  position: LandscapePosition;
  /** The last quote of the earlier stance. */
  before: ShiftQuote;
  /** The first quote of the later, opposite stance. */
  after: ShiftQuote;
}

export interface LandscapeShifts {
  /** Newest first (by the later quote's date, then its id). */
  shifts: LandscapeShift[];
  /** Quotes and articles left out for want of a publication date. */
  undated: Undated;
  /** Whether the library holds any quote with a speaker and a position at all (which empty state to show). */
  anyCoded: boolean;
}

export interface LandscapeTimeline extends Omit<Timeline, 'actors'> {
  /** The rows: most quotes first, equal counts by name. */
  actors: (TimelineActor & { name: string; kind: ActorKind })[];
  /** The positions the points take a stance on. */
  positions: LandscapePosition[];
  /** Every quote a point stands for, by id order (codings are the points'). */
  quotes: Omit<LandscapeQuote, 'codings'>[];
  /** How many dated articles the points come from. */
  articles: number;
  anyCoded: boolean;
}
