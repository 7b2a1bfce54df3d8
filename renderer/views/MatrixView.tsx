// Who stands where on a topic: actors as rows, positions as columns, each cell counting the
// annotations that support or oppose. A click lists those quotes.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Matrix, QuoteRow, Topic } from '../../shared/model';
import { call } from '../api';
import type { Toast } from './Toasts';
import { Words } from './Words';

interface Props {
  topics: Topic[];
  toast: (t: Omit<Toast, 'id'>) => void;
  onOpenQuote: (q: QuoteRow) => void;
}

type RowSort = 'name' | 'supports' | 'opposes' | 'total';
type ColSort = 'name' | 'total';

type Cell = Matrix['cells'][number];

/** Green for support, red for opposition, stronger with more annotations; mixed cells lean by their net. */
export function heat(cell: Cell | undefined, max: number): string {
  if (!cell) return 'transparent';
  const total = cell.supports + cell.opposes + cell.neutral;
  const strength = 0.15 + 0.6 * (total / Math.max(1, max));
  const net = (cell.supports - cell.opposes) / Math.max(1, total);
  const hue = net >= 0 ? 145 : 5;
  const sat = Math.round(25 + 45 * Math.abs(net));
  return `hsla(${hue}, ${sat}%, 45%, ${strength.toFixed(2)})`;
}

export function MatrixView({ topics, toast, onOpenQuote }: Props) {
  const [topicId, setTopicId] = useState<number | null>(topics.find((t) => t.positions.length)?.id ?? topics[0]?.id ?? null);
  const [matrix, setMatrix] = useState<Matrix | null>(null);
  const [rowSort, setRowSort] = useState<RowSort>('total');
  const [colSort, setColSort] = useState<ColSort>('total');
  const [picked, setPicked] = useState<{ actor: string; position: string; quotes: QuoteRow[] } | null>(null);

  useEffect(() => {
    if (topicId === null) return;
    setPicked(null);
    call('matrix.get', { topicId })
      .then(setMatrix)
      .catch((e: Error) => toast({ kind: 'error', text: e.message }));
  }, [topicId, topics]);

  const cellOf = useMemo(() => {
    const m = new Map<string, Cell>();
    for (const c of matrix?.cells ?? []) m.set(`${c.actorId}:${c.positionId}`, c);
    return m;
  }, [matrix]);

  if (!topics.length) return <p class="empty view-empty">No topics yet. Code a quote with a position while reading, and the landscape appears here.</p>;

  const sum = (cells: Cell[], k: 'supports' | 'opposes' | 'neutral' | 'total') =>
    cells.reduce((n, c) => n + (k === 'total' ? c.supports + c.opposes + c.neutral : c[k]), 0);
  const actors = [...(matrix?.actors ?? [])].sort((a, b) => {
    if (rowSort === 'name') return a.name.localeCompare(b.name);
    const k = rowSort;
    return sum(matrix!.cells.filter((c) => c.actorId === b.id), k) - sum(matrix!.cells.filter((c) => c.actorId === a.id), k) || a.name.localeCompare(b.name);
  });
  const positions = [...(matrix?.positions ?? [])].sort((a, b) =>
    colSort === 'name' ? a.claim.localeCompare(b.claim) : sum(matrix!.cells.filter((c) => c.positionId === b.id), 'total') - sum(matrix!.cells.filter((c) => c.positionId === a.id), 'total') || a.claim.localeCompare(b.claim),
  );
  const max = Math.max(1, ...(matrix?.cells ?? []).map((c) => c.supports + c.opposes + c.neutral));

  const pick = async (actor: { id: number; name: string }, position: { id: number; claim: string }) => {
    try {
      const quotes = await call('quotes.list', { actorId: actor.id, positionId: position.id });
      setPicked({ actor: actor.name, position: position.claim, quotes });
    } catch (e) {
      toast({ kind: 'error', text: (e as Error).message });
    }
  };

  return (
    <div class="wide-view">
      <div class="view-toolbar">
        <label>
          Topic{' '}
          <select data-testid="matrix-topic" value={topicId ?? ''} onChange={(e) => setTopicId(Number((e.currentTarget as HTMLSelectElement).value))}>
            {topics.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Rows by{' '}
          <select value={rowSort} onChange={(e) => setRowSort((e.currentTarget as HTMLSelectElement).value as RowSort)}>
            <option value="total">most coded</option>
            <option value="supports">most support</option>
            <option value="opposes">most opposition</option>
            <option value="name">name</option>
          </select>
        </label>
        <label>
          Columns by{' '}
          <select value={colSort} onChange={(e) => setColSort((e.currentTarget as HTMLSelectElement).value as ColSort)}>
            <option value="total">most coded</option>
            <option value="name">claim</option>
          </select>
        </label>
        <span class="legend">
          <span class="legend-swatch supports" /> supports <span class="legend-swatch opposes" /> opposes
        </span>
      </div>
      {matrix && (actors.length === 0 || positions.length === 0) ? (
        <p class="empty">Nobody has been coded on “{matrix.topic.name}” yet.</p>
      ) : (
        matrix && (
          <div class="matrix-scroll">
            <table class="matrix" data-testid="matrix-view">
              <thead>
                <tr>
                  <th class="corner">Actor \ Position</th>
                  {positions.map((p) => (
                    <th key={p.id} scope="col" title={p.claim}>
                      {p.claim}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {actors.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      <span class="swatch" style={{ background: a.color }} /> {a.name}
                    </th>
                    {positions.map((p) => {
                      const c = cellOf.get(`${a.id}:${p.id}`);
                      return (
                        <td
                          key={p.id}
                          data-actor={a.name}
                          data-position={p.claim}
                          data-supports={c?.supports ?? 0}
                          data-opposes={c?.opposes ?? 0}
                          style={{ background: heat(c, max) }}
                          class={c ? 'filled' : ''}
                          onClick={() => c && void pick(a, p)}
                          title={c ? `${a.name}: ${c.supports} supporting, ${c.opposes} opposing, ${c.neutral} neutral` : ''}
                        >
                          {c ? (
                            <>
                              {c.supports > 0 && <span class="n-supports">+{c.supports}</span>} {c.opposes > 0 && <span class="n-opposes">−{c.opposes}</span>}{' '}
                              {c.neutral > 0 && <span class="n-neutral">○{c.neutral}</span>}
                            </>
                          ) : (
                            ''
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      )}
      {picked && (
        <section class="cell-quotes" data-testid="cell-quotes">
          <h3>
            {picked.actor} on “{picked.position}”
          </h3>
          <ul>
            {picked.quotes.map((q) => (
              <li key={q.id}>
                <button class="link-button quote-link" onClick={() => onOpenQuote(q)}>
                  <Words kind={q.kind} text={q.text} class="words" />
                </button>
                <span class="hint">
                  {' '}
                  — {q.article.title}
                  {q.article.publishedAt ? `, ${q.article.publishedAt}` : ''} · {q.positions.find((p) => p.claim === picked.position)?.stance}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
