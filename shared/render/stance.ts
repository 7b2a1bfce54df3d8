// How one cell of an actor × position matrix reads in print: words, not colours alone.
import type { Matrix } from '../model';

export type StanceClass = 'supports' | 'opposes' | 'neutral' | 'mixed' | 'none';

export interface StanceCell {
  label: string;
  stance: StanceClass;
}

type Cell = Matrix['cells'][number];

const times = (n: number) => (n > 1 ? ` ×${n}` : '');

export function stanceCell(cell: Cell | undefined): StanceCell {
  if (!cell) return { label: '—', stance: 'none' };
  const kinds = [
    ['supports', cell.supports],
    ['opposes', cell.opposes],
    ['neutral', cell.neutral],
  ] as const;
  const present = kinds.filter(([, n]) => n > 0);
  if (!present.length) return { label: '—', stance: 'none' };
  if (present.length === 1) {
    const [stance, n] = present[0]!;
    return { label: `${stance[0]!.toUpperCase()}${stance.slice(1)}${times(n)}`, stance };
  }
  const words = { supports: 'for', opposes: 'against', neutral: 'neutral' } as const;
  return { label: `Mixed (${present.map(([s, n]) => `${n} ${words[s]}`).join(', ')})`, stance: 'mixed' };
}

/** Rows of the table in print order: the header (Actor + each position's claim), then one row per actor. */
export function stanceRows(m: Matrix): { header: string[]; rows: { actor: string; cells: StanceCell[] }[] } {
  const byKey = new Map(m.cells.map((c) => [`${c.actorId}:${c.positionId}`, c]));
  return {
    header: ['Actor', ...m.positions.map((p) => p.claim)],
    rows: m.actors.map((a) => ({ actor: a.name, cells: m.positions.map((p) => stanceCell(byKey.get(`${a.id}:${p.id}`))) })),
  };
}
