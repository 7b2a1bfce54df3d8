// The matrix cells' colour, shared by the per-topic matrix and the all-topics overview.
import type { StanceCounts } from '../../shared/matrix-order';

export type { StanceCounts };

/** Green for support, red for opposition, stronger with more annotations; mixed cells lean by their net. */
export function heat(cell: StanceCounts | undefined, max: number): string {
  if (!cell) return 'transparent';
  const total = cell.supports + cell.opposes + cell.neutral;
  const strength = 0.15 + 0.6 * (total / Math.max(1, max));
  const net = (cell.supports - cell.opposes) / Math.max(1, total);
  const hue = net >= 0 ? 145 : 5;
  const sat = Math.round(25 + 45 * Math.abs(net));
  return `hsla(${hue}, ${sat}%, 45%, ${strength.toFixed(2)})`;
}
