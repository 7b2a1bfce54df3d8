// What changed, word by word: as the revision dialog and the changed-quote card show it.
import { describe, expect, it } from 'vitest';
import { quoteDiff, wordDiff } from '../../shared/word-diff';

describe('revision word diff', () => {
  it('marks whole changed words, not scattered letters, and keeps everything else as it is', () => {
    const now = 'Seoul presses Tokyo for sincerity.\n\nTalks resume in April.';
    const revision = 'Seoul urges Tokyo for sincerity.\n\nTalks resume in April.';
    expect(wordDiff(now, revision)).toEqual([
      { op: 'same', text: 'Seoul ' },
      { op: 'removed', text: 'presses' },
      { op: 'added', text: 'urges' },
      { op: 'same', text: ' Tokyo for sincerity.\n\nTalks resume in April.' },
    ]);
  });

  it('spells out both texts exactly: unchanged plus removed is now, unchanged plus added is the revision', () => {
    const now = 'A first draft, with later words and Korean 외교부 당국자.';
    const revision = 'A first draft.';
    const parts = wordDiff(now, revision);
    expect(parts.filter((p) => p.op !== 'added').map((p) => p.text).join('')).toBe(now);
    expect(parts.filter((p) => p.op !== 'removed').map((p) => p.text).join('')).toBe(revision);
    expect(wordDiff(now, now)).toEqual([{ op: 'same', text: now }]);
  });

  it('splits a changed quote into the words as coded and the words now, the changed word whole', () => {
    expect(quoteDiff('completely and finally', 'completely and irreversibly')).toEqual({
      before: [
        { text: 'completely and ', changed: false },
        { text: 'finally', changed: true },
      ],
      after: [
        { text: 'completely and ', changed: false },
        { text: 'irreversibly', changed: true },
      ],
    });
  });
});
