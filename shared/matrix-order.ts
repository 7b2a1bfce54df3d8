// The order of a matrix's rows (actors) and columns (positions or topics): by name, or by how many
// codings they hold. Shared: the store orders the overview's actor rows before paging them, and the
// renderer orders a topic's matrix, the same way. The sums are counted once per matrix, in one pass
// over its cells, not once per comparison: with 2,000 actors a sort compares some 20,000 pairs.

export const rowSorts = ['total', 'supports', 'opposes', 'name'] as const;
export const colSorts = ['total', 'name'] as const;
export type RowSort = (typeof rowSorts)[number];
export type ColSort = (typeof colSorts)[number];

/** A cell's codings by stance. */
export interface StanceCounts {
  supports: number;
  opposes: number;
  neutral: number;
}

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

/**
 * Sorted by name, or by the chosen sum, largest first, then by name; the id last, so two actors of
 * one name keep one order from page to page.
 */
export function ordered<T extends { id: number }>(items: readonly T[], name: (t: T) => string, sums: Map<number, Sums>, by: RowSort | ColSort): T[] {
  const sum = (t: T) => (by === 'name' ? 0 : (sums.get(t.id)?.[by] ?? 0));
  return [...items].sort((a, b) => sum(b) - sum(a) || byName(name(a), name(b)) || a.id - b.id);
}
