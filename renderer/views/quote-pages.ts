// The quotes table as the renderer holds it: the pages read so far for one query (filter and sort)
// and the store's count of every match, never the whole list. A new query starts again from its
// first page; the rows on screen stay until that page arrives, so a filter never flashes empty.
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { QuotePageQuery } from '../../shared/contract';
import type { QuoteCursor, QuoteRow } from '../../shared/model';
import { call } from '../api';

/**
 * Rows a page brings: two or three screens of rows (their text wraps), so the first paint and every
 * filter draw and lay out little; the next page comes as the table's foot nears the screen.
 */
export const QUOTE_PAGE = 40;

export type QuoteQuery = Omit<QuotePageQuery, 'after' | 'limit'>;

export interface QuotePages {
  /** Null until the first page of the first query arrives. */
  rows: QuoteRow[] | null;
  /** Every match of the query, counted by the store. */
  total: number;
  /** More rows follow those loaded. */
  more: boolean;
  /** Loads the next page (once, however often it is asked while on its way). */
  loadMore: () => void;
}

export function useQuotePages(query: QuoteQuery, failed: (e: unknown) => void): QuotePages {
  const [state, setState] = useState<{ rows: QuoteRow[] | null; total: number; next: QuoteCursor | null }>({ rows: null, total: 0, next: null });
  // Pages for an older query are dropped when they arrive.
  const generation = useRef(0);
  const pending = useRef(false);
  const failedRef = useRef(failed);
  failedRef.current = failed;

  // Asked for as soon as the query is drawn, not after the next paint (when a plain effect runs):
  // a filter's rows come a frame sooner.
  useLayoutEffect(() => {
    const g = ++generation.current;
    pending.current = true;
    call('quotes.page', { ...query, limit: QUOTE_PAGE })
      .then((page) => g === generation.current && setState({ rows: page.items, total: page.total, next: page.next }))
      .catch((e: unknown) => g === generation.current && failedRef.current(e))
      .finally(() => {
        if (g === generation.current) pending.current = false;
      });
  }, [query]);

  const loadMore = useCallback(() => {
    if (pending.current || !state.next) return;
    const g = generation.current;
    pending.current = true;
    call('quotes.page', { ...query, after: state.next, limit: QUOTE_PAGE })
      .then((page) => {
        if (g !== generation.current) return;
        setState((s) => ({ rows: [...(s.rows ?? []), ...page.items], total: page.total, next: page.next }));
      })
      .catch((e: unknown) => g === generation.current && failedRef.current(e))
      .finally(() => {
        if (g === generation.current) pending.current = false;
      });
  }, [query, state.next]);

  return { rows: state.rows, total: state.total, more: state.next !== null, loadMore };
}
