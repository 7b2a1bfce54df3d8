// Character spans already spoken for (quotations, their frames): asked of for every verb of an
// article, so kept merged and sorted and searched by halves rather than walked.
import type { CharSpan } from './found';

export class SpanSet {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(spans: Iterable<CharSpan>) {
    const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
    for (const s of sorted) {
      const last = this.ends.length - 1;
      // Overlapping or touching spans merge, so the starts and ends stay in order.
      if (last >= 0 && s.start <= this.ends[last]!) this.ends[last] = Math.max(this.ends[last]!, s.end);
      else {
        this.starts.push(s.start);
        this.ends.push(s.end);
      }
    }
  }

  /** Whether the character at `at` lies inside one of the spans. */
  has(at: number): boolean {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! > at) hi = mid - 1;
      else if (this.ends[mid]! <= at) lo = mid + 1;
      else return true;
    }
    return false;
  }
}
