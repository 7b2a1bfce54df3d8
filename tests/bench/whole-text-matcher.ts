// The peer the re-anchoring benchmark measures `reanchor` against: step (e) alone, an approximate
// search of every quote over the whole new text, nearest the old start among equally good matches.
// Built from the same search the app uses for that step, so the comparison is of strategy only.
import { DEFAULTS, clamp, orphan, placed, searchAnywhere, type AnchorInput, type AnchorResult, type ReanchorOptions } from '../../shared/anchoring/reanchor';

export function fuzzyAnywhere<Id>(newText: string, annotations: readonly AnchorInput<Id>[], options: ReanchorOptions = {}): AnchorResult<Id>[] {
  const opts = { ...DEFAULTS, ...options };
  return annotations.map((a) => {
    const found = a.exact ? searchAnywhere(newText, a, clamp(a.start, 0, newText.length), opts) : null;
    return found ? placed(a, 'fuzzy-anywhere', newText, found) : orphan(a.id);
  });
}
