// Levenshtein edit distance, cut short once past a limit: for the short strings anchoring compares
// (a quote, its 32 characters of context), never whole texts.

/** Levenshtein distance, or `limit` + 1 once it is certain to exceed `limit`. For short strings. */
export function editDistance(a: string, b: string, limit: number): number {
  if (a === b) return 0;
  let prev = new Int32Array(b.length + 1).map((_, j) => j);
  let cur = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      rowMin = Math.min(rowMin, cur[j]!);
    }
    if (rowMin > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[b.length]!, limit + 1);
}

/** 1 for identical, falling towards 0 as `found` needs more edits to become `stored`. */
export function similarity(stored: string, found: string): number {
  return stored ? 1 - editDistance(stored, found, stored.length) / stored.length : 1;
}
