// The library list as the renderer holds it: the count from the store and the pages of rows near
// what is on screen, never the whole list. A page follows the one before it by that page's cursor
// (keyset) when it is loaded, or is asked for by its offset when the scrollbar jumps far ahead.
import { useEffect, useState } from 'preact/hooks';
import type { ArticleCursor, ArticleMeta, ArticlePage } from '../../shared/model';
import type { ArticleListView } from '../../shared/contract';
import { call } from '../api';

export const PAGE = 100;

export type PageQuery = ArticleListView & { after?: ArticleCursor; offset?: number; limit: number };

export class LibraryRows {
  private pages = new Map<number, ArticleMeta[]>();
  private nexts = new Map<number, ArticleCursor | null>();
  private pending = new Map<number, Promise<void>>();
  /** Pages from an older view or an older reload are dropped when they arrive. */
  private generation = 0;
  private wanted = { first: 0, last: 0 };
  /** Rows in the whole list; null until the first page of this view arrives. */
  total: number | null = null;

  constructor(
    private view: ArticleListView,
    private readonly fetch: (q: PageQuery) => Promise<ArticlePage>,
    private readonly changed: () => void,
    private readonly failed: (e: unknown) => void,
  ) {}

  row(index: number): ArticleMeta | undefined {
    return this.pages.get(Math.floor(index / PAGE))?.[index % PAGE];
  }

  /** The row's index among the loaded pages, or -1. */
  indexOf(id: number): number {
    for (const [p, items] of this.pages) {
      const i = items.findIndex((a) => a.id === id);
      if (i >= 0) return p * PAGE + i;
    }
    return -1;
  }

  /** The rows on screen (first inclusive, last exclusive): their pages are fetched if missing. */
  want(first: number, last: number): void {
    this.wanted = { first, last };
    for (let p = Math.floor(first / PAGE); p <= Math.floor(Math.max(first, last - 1) / PAGE); p++) {
      if (!this.pages.has(p) && !this.pending.has(p)) void this.fetchPage(p).catch(this.failed);
    }
  }

  /** The row at `index`, fetching its page when it is not loaded (keyboard moves past the loaded rows). */
  async load(index: number): Promise<ArticleMeta | undefined> {
    const p = Math.floor(index / PAGE);
    if (!this.pages.has(p)) await (this.pending.get(p) ?? this.fetchPage(p));
    return this.row(index);
  }

  /** Changes one loaded row in place (its annotation count, its edited metadata). */
  patch(id: number, change: (a: ArticleMeta) => ArticleMeta): void {
    for (const [p, items] of this.pages) {
      const i = items.findIndex((a) => a.id === id);
      if (i >= 0) this.pages.set(p, items.map((a, j) => (j === i ? change(a) : a)));
    }
    this.changed();
  }

  /**
   * Fetches again the pages on screen (after a change to the library, or for a new view) and
   * swaps them in together once all have arrived, so the list never flashes empty.
   */
  async reload(view: ArticleListView = this.view): Promise<void> {
    this.view = view;
    const generation = ++this.generation;
    this.pending.clear();
    // The rows on screen stay the rows asked for: a new sort keeps the list where it was scrolled.
    const first = Math.floor(this.wanted.first / PAGE);
    const last = Math.floor(Math.max(this.wanted.first, this.wanted.last - 1) / PAGE);
    const got = await Promise.all(
      Array.from({ length: last - first + 1 }, (_, i) => this.fetch({ ...view, offset: (first + i) * PAGE, limit: PAGE })),
    );
    if (generation !== this.generation) return;
    this.pages = new Map(got.map((page, i) => [first + i, page.items]));
    this.nexts = new Map(got.map((page, i) => [first + i, page.next]));
    this.total = got[got.length - 1]!.total;
    this.changed();
  }

  private fetchPage(p: number): Promise<void> {
    const generation = this.generation;
    const after = p > 0 ? this.nexts.get(p - 1) : undefined;
    const query: PageQuery = after ? { ...this.view, after, limit: PAGE } : { ...this.view, offset: p * PAGE, limit: PAGE };
    const done = this.fetch(query)
      .then((page) => {
        if (generation !== this.generation) return;
        this.pages.set(p, page.items);
        this.nexts.set(p, page.next);
        this.total = page.total;
        this.changed();
      })
      .finally(() => {
        if (this.pending.get(p) === done) this.pending.delete(p);
      });
    this.pending.set(p, done);
    return done;
  }
}

/** The library rows, one cache for the pane's life; `reload(view)` points it at each new view. `version` moves on every page that arrives. */
export function useLibraryRows(view: ArticleListView, failed: (e: unknown) => void): { rows: LibraryRows; version: number } {
  const [version, setVersion] = useState(0);
  const [rows] = useState(() => new LibraryRows(view, (q) => call('articles.list', q), () => setVersion((v) => v + 1), failed));
  return { rows, version };
}

/**
 * Where the selected article stands in the list: found among the loaded rows, or asked of the store
 * (an article opened from search, an import or the address) so the list can scroll to it.
 */
export function useSelectedIndex(rows: LibraryRows, view: ArticleListView, selectedId: number | null): number {
  const loaded = selectedId === null ? -1 : rows.indexOf(selectedId);
  const missing = selectedId !== null && loaded < 0;
  const [located, setLocated] = useState<{ id: number; view: ArticleListView; index: number } | null>(null);
  useEffect(() => {
    if (!missing || selectedId === null) return;
    let current = true;
    call('articles.position', { ...view, id: selectedId })
      .then(({ index }) => current && setLocated({ id: selectedId, view, index: index ?? -1 }))
      // Not knowing where it stands only means the list does not scroll to it.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [missing, selectedId, view]);
  if (loaded >= 0) return loaded;
  return located && located.id === selectedId && located.view === view ? located.index : -1;
}
