// The matrix overview as the renderer holds it: the windows of actor rows read so far, in the order
// the analyst chose, and the store's counts of the whole table (how many actors, the largest cell),
// never every cell. A new order (or a changed codebook) starts again from the first window; the
// rows on screen stay until it arrives.
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { MatrixOverviewPage } from '../../shared/model';
import type { ColSort, RowSort } from '../../shared/matrix-order';
import { call } from '../api';
import { OVERVIEW_ROWS } from './matrix-order';

export interface OverviewPages {
  /** Null until the first window arrives; its actors and cells grow as more are read. */
  table: MatrixOverviewPage | null;
  /** More actors follow those read. */
  more: boolean;
  /** Reads the next window (once, however often it is asked while on its way). */
  loadMore: () => void;
}

/** `enabled`: the overview is the view shown; `reload`: anything whose change means the counts may have. */
export function useOverviewPages(enabled: boolean, rowSort: RowSort, colSort: ColSort, reload: unknown, failed: (e: unknown) => void): OverviewPages {
  const [table, setTable] = useState<MatrixOverviewPage | null>(null);
  // Windows for an older order are dropped when they arrive.
  const generation = useRef(0);
  const pending = useRef(false);
  const failedRef = useRef(failed);
  failedRef.current = failed;

  const read = useCallback(
    (offset: number, add: (page: MatrixOverviewPage) => void) => {
      const g = generation.current;
      pending.current = true;
      call('matrix.overviewPage', { rowSort, colSort, offset, limit: OVERVIEW_ROWS })
        .then((page) => g === generation.current && add(page))
        .catch((e: unknown) => g === generation.current && failedRef.current(e))
        .finally(() => {
          if (g === generation.current) pending.current = false;
        });
    },
    [rowSort, colSort],
  );

  // Asked for as soon as the view is drawn, not after its first paint (when a plain effect runs).
  useLayoutEffect(() => {
    if (!enabled) return;
    generation.current++;
    read(0, setTable);
  }, [enabled, read, reload]);

  const shown = table?.actors.length ?? 0;
  const more = table !== null && shown < table.total;
  const loadMore = useCallback(() => {
    if (pending.current || !more) return;
    // The next window's offset is the rows held; its topics and counts replace the old (the same
    // unless the coding changed in between).
    read(shown, (page) => setTable((t) => (t ? { ...page, offset: 0, actors: [...t.actors, ...page.actors], cells: [...t.cells, ...page.cells] } : page)));
  }, [more, read, shown]);

  return { table, more, loadMore };
}
