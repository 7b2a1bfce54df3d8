// The order of a matrix's rows (actors) and columns (positions or topics): by name, or by how many
// codings they hold. The sums are counted once per matrix, in one pass over its cells, not once per
// comparison: with 2,000 actors a sort compares some 20,000 pairs.
import type { StanceCounts } from './matrix-heat';

/**
 * Actor rows a matrix draws at first, and more each time its foot comes near the screen: a screen
 * and a half, as the quotes table's pages (at 2,000 actors and 20 topics, 200 rows were 4,000 cells
 * drawn before the first paint).
 */
export const MATRIX_ROWS = 60;

export type RowSort = 'name' | 'supports' | 'opposes' | 'total';
export type ColSort = 'name' | 'total';

export interface Sums {
  supports: number;
  opposes: number;
  total: number;
}

export const cellTotal = (c: StanceCounts) => c.supports + c.opposes + c.neutral;

/** Each row's and each column's sums, from a matrix's cells. */
export function sumCells<C extends StanceCounts>(cells: readonly C[], row: (c: C) => number, col: (c: C) => number): { rows: Map<number, Sums>; cols: Map<number, Sums> } {
  const rows = new Map<number, Sums>();
  const cols = new Map<number, Sums>();
  const add = (m: Map<number, Sums>, id: number, c: C) => {
    const s = m.get(id) ?? { supports: 0, opposes: 0, total: 0 };
    s.supports += c.supports;
    s.opposes += c.opposes;
    s.total += cellTotal(c);
    m.set(id, s);
  };
  for (const c of cells) {
    add(rows, row(c), c);
    add(cols, col(c), c);
  }
  return { rows, cols };
}

// One collator for every comparison: String.localeCompare sets one up on each call, and a sort of
// 2,000 actors makes some 20,000 of them.
const byName = new Intl.Collator().compare;

/** Sorted by name, or by the chosen sum, largest first, then by name. */
export function ordered<T extends { id: number }>(items: readonly T[], name: (t: T) => string, sums: Map<number, Sums>, by: RowSort | ColSort): T[] {
  const sum = (t: T) => (by === 'name' ? 0 : (sums.get(t.id)?.[by] ?? 0));
  return [...items].sort((a, b) => (by === 'name' ? byName(name(a), name(b)) : sum(b) - sum(a) || byName(name(a), name(b))));
}
