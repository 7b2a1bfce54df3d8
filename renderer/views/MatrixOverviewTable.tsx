// The whole landscape at a glance: actors as rows, topics as columns, each cell counting that
// actor's codings on the topic's positions by stance. A cell lists the quotes; a topic opens its matrix.
// The most coded actors come first, a few hundred at a time (2,000 rows of 20 topics are 40,000 cells).
import { useMemo } from 'preact/hooks';
import type { MatrixOverview } from '../../shared/model';
import { plural } from '../../shared/plural';
import { ActorRowHeader, StanceCell } from './MatrixCells';
import { MoreRows, useRowLimit } from './MoreRows';
import { MATRIX_ROWS, cellTotal as total, ordered, sumCells, type ColSort, type RowSort } from './matrix-order';

interface Props {
  overview: MatrixOverview;
  rowSort: RowSort;
  colSort: ColSort;
  onPick: (actor: { id: number; name: string }, topic: { id: number; name: string }) => void;
  onOpenTopic: (topicId: number) => void;
}

export function MatrixOverviewTable({ overview, rowSort, colSort, onPick, onOpenTopic }: Props) {
  const cellOf = useMemo(() => new Map(overview.cells.map((c) => [`${c.actorId}:${c.topicId}`, c])), [overview]);
  const sums = useMemo(() => sumCells(overview.cells, (c) => c.actorId, (c) => c.topicId), [overview]);
  const actors = useMemo(() => ordered(overview.actors, (a) => a.name, sums.rows, rowSort), [overview, sums, rowSort]);
  const topics = useMemo(() => ordered(overview.topics, (t) => t.name, sums.cols, colSort), [overview, sums, colSort]);
  const max = useMemo(() => overview.cells.reduce((m, c) => Math.max(m, total(c)), 1), [overview]);
  const [limit, showMore] = useRowLimit(MATRIX_ROWS, overview);

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
          {actors.slice(0, limit).map((a) => (
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
      <MoreRows shown={Math.min(limit, actors.length)} total={actors.length} more={limit < actors.length} loadMore={showMore} unit={['actor', 'actors']} testid="matrix-count" />
    </div>
  );
}
