// The cells both matrices are made of (per topic: actor × position; overview: actor × topic): the
// actor's row header, and a cell coloured by its stance counts that lists its quotes when clicked.
import { heat, type StanceCounts } from './matrix-heat';

export function ActorRowHeader({ actor }: { actor: { name: string; color: string } }) {
  return (
    <th scope="row">
      <span class="swatch" style={{ background: actor.color }} /> {actor.name}
    </th>
  );
}

interface StanceCellProps {
  counts: StanceCounts | undefined;
  /** The largest cell total in the table, for the colour's strength. */
  max: number;
  title: string;
  onPick: () => void;
  /** data- attributes that name the cell (for tests and scripts). */
  data: Record<`data-${string}`, string | number>;
}

export function StanceCell({ counts: c, max, title, onPick, data }: StanceCellProps) {
  return (
    <td {...data} style={{ background: heat(c, max) }} class={c ? 'filled' : ''} onClick={() => c && onPick()} title={c ? title : ''}>
      {c && <StanceCountsLabel counts={c} />}
    </td>
  );
}

/** "+2 −1 ○1": supporting, opposing and neutral codings, each only when there are any. */
export function StanceCountsLabel({ counts: c }: { counts: StanceCounts }) {
  return (
    <>
      {c.supports > 0 && <span class="n-supports">+{c.supports}</span>} {c.opposes > 0 && <span class="n-opposes">−{c.opposes}</span>}{' '}
      {c.neutral > 0 && <span class="n-neutral">○{c.neutral}</span>}
    </>
  );
}
