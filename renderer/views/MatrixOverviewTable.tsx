// The whole landscape at a glance: actors as rows, topics as columns, each cell counting that
// actor's codings on the topic's positions by stance. A cell lists the quotes; a topic opens its matrix.
import { useMemo } from 'preact/hooks';
import type { MatrixOverview } from '../../shared/model';
import { plural } from '../../shared/plural';
import type { StanceCounts } from './matrix-heat';
import { ActorRowHeader, StanceCell } from './MatrixCells';

type Cell = MatrixOverview['cells'][number];

interface Props {
  overview: MatrixOverview;
  rowSort: 'name' | 'supports' | 'opposes' | 'total';
  colSort: 'name' | 'total';
  onPick: (actor: { id: number; name: string }, topic: { id: number; name: string }) => void;
  onOpenTopic: (topicId: number) => void;
}

const total = (c: StanceCounts) => c.supports + c.opposes + c.neutral;

export function MatrixOverviewTable({ overview, rowSort, colSort, onPick, onOpenTopic }: Props) {
  const cellOf = useMemo(() => new Map(overview.cells.map((c) => [`${c.actorId}:${c.topicId}`, c])), [overview]);
  const sum = (cells: Cell[], k: 'supports' | 'opposes' | 'total') => cells.reduce((n, c) => n + (k === 'total' ? total(c) : c[k]), 0);
  const actors = [...overview.actors].sort((a, b) =>
    rowSort === 'name'
      ? a.name.localeCompare(b.name)
      : sum(overview.cells.filter((c) => c.actorId === b.id), rowSort) - sum(overview.cells.filter((c) => c.actorId === a.id), rowSort) || a.name.localeCompare(b.name),
  );
  const topics = [...overview.topics].sort((a, b) =>
    colSort === 'name'
      ? a.name.localeCompare(b.name)
      : sum(overview.cells.filter((c) => c.topicId === b.id), 'total') - sum(overview.cells.filter((c) => c.topicId === a.id), 'total') || a.name.localeCompare(b.name),
  );
  const max = Math.max(1, ...overview.cells.map(total));

  return (
    <div class="matrix-scroll">
      <table class="matrix" data-testid="matrix-overview">
        <thead>
          <tr>
            <th class="corner">Actor \ Topic</th>
            {topics.map((t) => (
              <th key={t.id} scope="col">
                <button type="button" class="link-button" data-testid="overview-topic" title={`Open the matrix of “${t.name}”`} onClick={() => onOpenTopic(t.id)}>
                  {t.name}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {actors.map((a) => (
            <tr key={a.id}>
              <ActorRowHeader actor={a} />
              {topics.map((t) => {
                const c = cellOf.get(`${a.id}:${t.id}`);
                return (
                  <StanceCell
                    key={t.id}
                    data={{ 'data-actor': a.name, 'data-topic': t.name }}
                    counts={c}
                    max={max}
                    onPick={() => onPick(a, t)}
                    title={c ? `${a.name} on ${t.name}: ${c.supports} supporting, ${c.opposes} opposing, ${c.neutral} neutral (${plural(total(c), 'coding')})` : ''}
                  />
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
