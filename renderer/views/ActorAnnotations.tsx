// What an actor said: every live annotation naming them as speaker, newest article first, each
// opening its passage in the reader.
import { useEffect, useState } from 'preact/hooks';
import type { QuoteRow } from '../../shared/model';
import { call } from '../api';
import { plural } from '../../shared/plural';
import { CodingTag } from './FilterSelect';
import { Tags, Words } from './Words';

interface Props {
  actorId: number;
  /** Changes when the actor's annotations may have changed (their count), so the list reloads. */
  version: number;
  onOpenQuote: (q: QuoteRow) => void;
  onError: (e: unknown) => void;
}

export function ActorAnnotations({ actorId, version, onOpenQuote, onError }: Props) {
  const [rows, setRows] = useState<QuoteRow[] | null>(null);
  useEffect(() => {
    let live = true;
    call('quotes.list', { actorId })
      .then((r) => live && setRows(r))
      .catch(onError);
    return () => {
      live = false;
    };
  }, [actorId, version]);

  if (rows === null) return <p class="hint">Loading…</p>;
  return (
    <section class="actor-annotations" data-testid="actor-annotations">
      <h3>Speaker of {plural(rows.length, 'annotation')}</h3>
      {rows.length === 0 ? (
        <p class="hint">Nothing coded to this actor yet.</p>
      ) : (
        <ul class="annotations">
          {rows.map((q) => (
            <li key={q.id} class="annotation-item">
              <button type="button" class="annotation-main" data-testid="actor-annotation" onClick={() => onOpenQuote(q)} title="Open this passage in the article">
                <span class="annotation-kind">{q.kind}</span>
                <Words kind={q.kind} text={q.text} />
                {q.positions.map((p) => (
                  <CodingTag key={p.id} stance={p.stance} claim={p.claim} />
                ))}
                <Tags tags={q.tags} />
                <span class="hint source-line">
                  {q.article.outlet ? `${q.article.outlet}, ` : ''}
                  {q.article.title}
                  {q.article.publishedAt ? `, ${q.article.publishedAt}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
