// The whole landscape at a glance: actors as rows, topics as columns, each cell counting that
// actor's codings on the topic's positions by stance. A cell lists the quotes; a topic opens its matrix.
// The store orders the actors and sends a window of rows at a time (2,000 rows of 20 topics are
// 40,000 cells); the next window comes as the table's foot nears the screen (`overview-pages.ts`).
import { useMemo } from 'preact/hooks';
import type { MatrixOverviewPage } from '../../shared/model';
import { plural } from '../../shared/plural';
import { ActorRowHeader, StanceCell } from './MatrixCells';
import { MoreRows } from './MoreRows';
import { cellTotal as total } from './matrix-order';

interface Props {
  /** The rows read so far, in the chosen order, with the whole table's counts. */
  table: MatrixOverviewPage;
  more: boolean;
  loadMore: () => void;
  onPick: (actor: { id: number; name: string }, topic: { id: number; name: string }) => void;
  onOpenTopic: (topicId: number) => void;
}

export function MatrixOverviewTable({ table, more, loadMore, onPick, onOpenTopic }: Props) {
  const cellOf = useMemo(() => new Map(table.cells.map((c) => [`${c.actorId}:${c.topicId}`, c])), [table]);
  const { actors, topics, max } = table;

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
      <MoreRows shown={actors.length} total={table.total} more={more} loadMore={loadMore} unit={['actor', 'actors']} testid="matrix-count" />
    </div>
  );
}
