// One row of the quotes table, and the foot that reads the next page when it scrolls into view (or
// when its button is pressed: the keyboard's way). Rows are memoised: a page that arrives adds its
// rows without drawing again the ones already there.
import { memo } from 'preact/compat';
import { useEffect, useRef } from 'preact/hooks';
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

interface MoreProps {
  shown: number;
  total: number;
  more: boolean;
  loadMore: () => void;
}

const count = new Intl.NumberFormat();

/** "100 of 50,000 annotations", and the next page read as soon as this foot comes near the screen. */
export function MoreRows({ shown, total, more, loadMore }: MoreProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || !more) return;
    // A margin below the screen, so the next rows are there before the analyst reaches the end.
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && loadMore(), { rootMargin: '0px 0px 600px 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [more, loadMore]);
  return (
    <div class="table-foot" ref={ref} data-testid="quotes-count">
      {more ? `${count.format(shown)} of ${count.format(total)} annotations` : `${count.format(total)} ${total === 1 ? 'annotation' : 'annotations'}`}
      {more && (
        <button type="button" class="link-button" data-testid="quotes-more" onClick={loadMore}>
          Show more
        </button>
      )}
    </div>
  );
}
