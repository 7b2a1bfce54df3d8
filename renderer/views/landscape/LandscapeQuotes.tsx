// The quotes behind a picked node or tie, each opening its passage in the reader.
import type { Stance } from '../../../shared/model';
import type { LandscapeQuote } from '../../../shared/landscape/result';
import { CodingTag } from '../FilterSelect';
import { Words } from '../Words';

export interface QuoteList {
  /** The node's or tie's key, to mark it picked in the picture. */
  key: string;
  heading: string;
  quoteIds: readonly number[];
  /** When the pick is about one position: only that coding is shown beside each quote. */
  position?: number;
}

interface Props {
  list: QuoteList;
  quotes: readonly LandscapeQuote[];
  claims: ReadonlyMap<number, string>;
  onOpen: (q: LandscapeQuote) => void;
  onClose: () => void;
}

export function LandscapeQuotes({ list, quotes, claims, onOpen, onClose }: Props) {
  const wanted = new Set(list.quoteIds);
  // Newest first, as the quotes table lists them; undated last.
  const shown = quotes.filter((q) => wanted.has(q.id)).sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || a.articleId - b.articleId || a.id - b.id);
  const codings = (q: LandscapeQuote): { positionId: number; stance: Stance }[] => (list.position === undefined ? q.codings : q.codings.filter((c) => c.positionId === list.position));
  return (
    <section class="cell-quotes landscape-quotes" data-testid="landscape-quotes" aria-live="polite">
      <header>
        <h3>{list.heading}</h3>
        <button class="link-button" data-testid="landscape-quotes-close" aria-label="Close the list of quotes" onClick={onClose}>
          ✕
        </button>
      </header>
      <ul>
        {shown.map((q) => (
          <li key={q.id} data-testid="landscape-quote">
            <button class="link-button quote-link" title="Open the passage" onClick={() => onOpen(q)}>
              <Words kind={q.kind} text={q.text} class="words" />
            </button>
            <span class="hint">
              {' '}
              — {q.articleTitle}
              {q.outlet ? `, ${q.outlet}` : ''}
              {q.publishedAt ? `, ${q.publishedAt}` : ''}{' '}
            </span>
            {codings(q).map((c) => (
              <CodingTag key={c.positionId} stance={c.stance} claim={claims.get(c.positionId)} />
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
