// One row of the quotes table. Rows are memoised: a page that arrives adds its rows without drawing
// again the ones already there.
import { memo } from 'preact/compat';
import type { QuoteRow } from '../../shared/model';
import { Tags, Words } from './Words';

interface RowProps {
  quote: QuoteRow;
  onOpen: (q: QuoteRow) => void;
}

export const QuoteTableRow = memo(function QuoteTableRow({ quote: q, onOpen }: RowProps) {
  return (
    <tr data-testid="quote-row" onClick={() => onOpen(q)}>
      <td class="nowrap">{q.article.publishedAt ?? ''}</td>
      <td>
        {q.article.title}
        {q.article.outlet && <div class="hint">{q.article.outlet}</div>}
      </td>
      <td>
        {q.speaker?.name ?? <em class="hint">none</em>}
        {q.speaker?.affiliations[0] && <div class="hint">{q.speaker.affiliations.map((f) => (f.role ? `${f.role}, ${f.name}` : f.name)).join('; ')}</div>}
      </td>
      <td>{q.kind}</td>
      <td>
        {q.positions.map((p) => (
          <div key={p.id} class={`stance-${p.stance}`}>
            <strong>{p.stance}</strong> {p.claim}
          </div>
        ))}
      </td>
      <td class="quote-text">
        <Words kind={q.kind} text={q.text} class="words" />
        {q.orphaned && <span class="badge">orphan</span>}
      </td>
      <td>{q.comment}</td>
      <td>
        <Tags tags={q.tags} />
      </td>
    </tr>
  );
});
