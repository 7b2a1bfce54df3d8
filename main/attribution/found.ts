// What the finders hand the engine: spans by character offset, the source as a token range still to
// be resolved to a speaker (in text order, so "he" can mean the last one to speak).
import type { SuggestedSpeaker } from '../../shared/suggestion';
import type { TokenRange } from './source-phrase';

export interface CharSpan {
  start: number;
  end: number;
}

export interface Found {
  content: CharSpan;
  /** The quoted pieces when the content spans a frame (a split quotation). */
  fragments?: CharSpan[];
  cue: CharSpan | null;
  /** The source mention, as tokens; null when the text names none. */
  source: TokenRange | null;
  /** A speaker found some other way (a quotation continuing the last speaker's, a CJK sentence). */
  speaker?: SuggestedSpeaker | null;
  /** Where the source mention lies when it is not next to the content (a continuation). */
  sourceSpan?: CharSpan | null;
  /** Continues the quotation before it (same speaker), with no frame of its own. */
  continues?: boolean;
  confidence: number;
}

export class Deadline {
  private count = 0;
  constructor(private readonly at: number | undefined, private readonly onPassed: () => never) {}
  /** Cheap enough for inner loops: looks at the clock every 256 calls. */
  check() {
    if (this.at === undefined) return;
    if ((++this.count & 255) === 0 && performance.now() > this.at) this.onPassed();
  }
  checkNow() {
    if (this.at !== undefined && performance.now() > this.at) this.onPassed();
  }
}
