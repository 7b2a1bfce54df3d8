// Who stands where: all topics at a glance (actors × topics), or one topic (actors × its positions),
// each cell counting the annotations that support, oppose or are neutral. A click lists those
// quotes. The choice of topic is kept, so coming back to the matrix shows the same landscape.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Matrix, QuoteRow, Stance, Topic } from '../../shared/model';
import { call } from '../api';
import type { Toast } from './Toasts';
import { Words } from './Words';
import { MatrixOverviewTable } from './MatrixOverviewTable';
import { ActorRowHeader, StanceCell } from './MatrixCells';
import { MoreRows, useRowLimit } from './MoreRows';
import { useOverviewPages } from './overview-pages';
import { MATRIX_ROWS, cellTotal, ordered, sumCells, type ColSort, type RowSort } from './matrix-order';

interface Props {
  topics: Topic[];
  toast: (t: Omit<Toast, 'id'>) => void;
  onOpenQuote: (q: QuoteRow) => void;
}

/** A topic's id, or the overview of all topics. */
type Choice = number | 'all';

type Cell = Matrix['cells'][number];

const CHOICE_KEY = 'verbatim.matrix.topic';

/** The topic chosen last time; else the overview, unless there is only one topic to show. */
function storedChoice(topics: Topic[]): Choice {
  const stored = localStorage.getItem(CHOICE_KEY);
  if (stored === 'all') return 'all';
  // Before the topics have loaded (a reload that comes straight back to this view) the stored
  // choice stands; the effect below drops it if that topic is gone.
  if (stored && !topics.length && Number(stored) > 0) return Number(stored);
  if (topics.some((t) => t.id === Number(stored))) return Number(stored);
  const coded = topics.filter((t) => t.positions.length);
  return coded.length === 1 ? coded[0]!.id : topics.length === 1 ? topics[0]!.id : 'all';
}

interface Picked {
  heading: string;
  quotes: QuoteRow[];
  /** The codings to show beside each quote: those on the picked position or topic. */
  codings: (q: QuoteRow) => { claim: string; stance: Stance }[];
}

export function MatrixView({ topics, toast, onOpenQuote }: Props) {
  const [choice, setChoice] = useState<Choice>(() => storedChoice(topics));
  const [matrix, setMatrix] = useState<Matrix | null>(null);
  const [rowSort, setRowSort] = useState<RowSort>('total');
  const [colSort, setColSort] = useState<ColSort>('total');
  const [picked, setPicked] = useState<Picked | null>(null);
  const fail = useCallback((e: unknown) => toast({ kind: 'error', text: (e as Error).message }), [toast]);
  // The overview's rows come from the store a window at a time, in the chosen order.
  const overview = useOverviewPages(choice === 'all', rowSort, colSort, topics, fail);

  const choose = (next: Choice) => {
    setChoice(next);
    localStorage.setItem(CHOICE_KEY, String(next));
  };

  useEffect(() => {
    // A topic deleted since it was chosen: back to the overview.
    if (choice !== 'all' && topics.length && !topics.some((t) => t.id === choice)) return choose('all');
    if (choice !== 'all' && !topics.length) return; // the topics are still loading
    setPicked(null);
    if (choice !== 'all') call('matrix.get', { topicId: choice }).then(setMatrix).catch(fail);
  }, [choice, topics, fail]);

  const cellOf = useMemo(() => {
    const m = new Map<string, Cell>();
    for (const c of matrix?.cells ?? []) m.set(`${c.actorId}:${c.positionId}`, c);
    return m;
  }, [matrix]);
  const shown = choice === 'all' ? null : matrix?.topic.id === choice ? matrix : null;
  const sums = useMemo(() => sumCells(shown?.cells ?? [], (c) => c.actorId, (c) => c.positionId), [shown]);
  const actors = useMemo(() => ordered(shown?.actors ?? [], (a) => a.name, sums.rows, rowSort), [shown, sums, rowSort]);
  const positions = useMemo(() => ordered(shown?.positions ?? [], (p) => p.claim, sums.cols, colSort), [shown, sums, colSort]);
  const max = useMemo(() => (shown?.cells ?? []).reduce((m, c) => Math.max(m, cellTotal(c)), 1), [shown]);
  const [limit, showMore] = useRowLimit(MATRIX_ROWS, shown);

  if (!topics.length) return <p class="empty view-empty">No topics yet. Code a quote with a position while reading, and the landscape appears here.</p>;

  const pick = async (filter: { actorId: number; positionId?: number; topicId?: number }, heading: string, codings: Picked['codings']) => {
    try {
      setPicked({ heading, quotes: await call('quotes.list', filter), codings });
    } catch (e) {
      fail(e);
    }
  };

  return (
    <div class="wide-view">
      <div class="view-toolbar">
        <label>
          Topic{' '}
          <select data-testid="matrix-topic" value={String(choice)} onChange={(e) => choose(((v) => (v === 'all' ? 'all' : Number(v)))((e.currentTarget as HTMLSelectElement).value))}>
            <option value="all">All topics (overview)</option>
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
            <option value="name">{choice === 'all' ? 'name' : 'claim'}</option>
          </select>
        </label>
        <span class="legend">
          <span class="legend-swatch supports" /> supports <span class="legend-swatch opposes" /> opposes <span class="n-neutral">○</span> neutral
        </span>
      </div>
      {choice === 'all' ? (
        overview.table &&
        (overview.table.total === 0 ? (
          <p class="empty">Nobody has been coded on any position yet.</p>
        ) : (
          <MatrixOverviewTable
            table={overview.table}
            more={overview.more}
            loadMore={overview.loadMore}
            onOpenTopic={choose}
            onPick={(a, t) =>
              void pick({ actorId: a.id, topicId: t.id }, `${a.name} on ${t.name}`, (q) => q.positions.filter((p) => p.topicId === t.id).map((p) => ({ claim: p.claim, stance: p.stance })))
            }
          />
        ))
      ) : shown && (actors.length === 0 || positions.length === 0) ? (
        <p class="empty">Nobody has been coded on “{shown.topic.name}” yet.</p>
      ) : (
        shown && (
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
                {actors.slice(0, limit).map((a) => (
                  <tr key={a.id}>
                    <ActorRowHeader actor={a} />
                    {positions.map((p) => {
                      const c = cellOf.get(`${a.id}:${p.id}`);
                      return (
                        <StanceCell
                          key={p.id}
                          data={{ 'data-actor': a.name, 'data-position': p.claim, 'data-supports': c?.supports ?? 0, 'data-opposes': c?.opposes ?? 0 }}
                          counts={c}
                          max={max}
                          onPick={() =>
                            void pick({ actorId: a.id, positionId: p.id }, `${a.name} on “${p.claim}”`, (q) => q.positions.filter((x) => x.id === p.id).map((x) => ({ claim: x.claim, stance: x.stance })))
                          }
                          title={c ? `${a.name}: ${c.supports} supporting, ${c.opposes} opposing, ${c.neutral} neutral` : ''}
                        />
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
            <MoreRows shown={Math.min(limit, actors.length)} total={actors.length} more={limit < actors.length} loadMore={showMore} unit={['actor', 'actors']} testid="matrix-count" />
          </div>
        )
      )}
      {picked && (
        <section class="cell-quotes" data-testid="cell-quotes">
          <h3>{picked.heading}</h3>
          <ul>
            {picked.quotes.map((q) => (
              <li key={q.id}>
                <button class="link-button quote-link" onClick={() => onOpenQuote(q)}>
                  <Words kind={q.kind} text={q.text} class="words" />
                </button>
                <span class="hint">
                  {' '}
                  — {q.article.title}
                  {q.article.publishedAt ? `, ${q.article.publishedAt}` : ''} · {picked.codings(q).map((c) => (choice === 'all' ? `${c.stance} “${c.claim}”` : c.stance)).join('; ')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
