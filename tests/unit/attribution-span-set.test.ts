// The spans the reported-speech pass must not read again, searched by halves.
import { describe, expect, it } from 'vitest';
import { SpanSet } from '../../main/attribution/span-set';

describe('SpanSet', () => {
  it('answers as a walk over the spans would, for spans given out of order, overlapping or touching', () => {
    const spans = [
      { start: 40, end: 50 },
      { start: 5, end: 10 },
      { start: 8, end: 20 },
      { start: 20, end: 25 },
      { start: 60, end: 60 },
      { start: 70, end: 71 },
    ];
    const set = new SpanSet(spans);
    for (let at = -1; at < 80; at++) expect(set.has(at), `offset ${at}`).toBe(spans.some((s) => at >= s.start && at < s.end));
  });

  it('holds nothing when empty', () => {
    expect(new SpanSet([]).has(0)).toBe(false);
  });
});
