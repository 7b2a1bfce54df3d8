// The library: every article, sortable and filterable by outlet and publication date, with the
// trash one click away. Each row shows the outlet and the date under the title.
// The rows come a page at a time from the store (library-rows.ts); only the count is whole.
import { useCallback } from 'preact/hooks';
import type { ArticleSort } from '../../shared/contract';
import { VirtualList } from './VirtualList';
import type { LibraryRows } from './library-rows';
import { modLabel } from '../shortcuts';
import { formatDate } from '../../shared/render/escape';
import type { ArticleMeta } from '../../shared/model';

export interface LibraryView {
  sort: ArticleSort;
  outlet: string | null;
  /** Published on or after / on or before (YYYY-MM-DD); null leaves that end open. */
  from: string | null;
  to: string | null;
  trash: boolean;
}

interface Props {
  rows: LibraryRows;
  /** The selected article's place in the list (-1 when unknown or not in it): kept in view. */
  selectedIndex: number;
  outlets: string[];
  view: LibraryView;
  selectedId: number | null;
  onView: (v: LibraryView) => void;
  onSelect: (id: number) => void;
  /** Enter on the list: read the selected article, the keyboard going into its text. */
  onEnter: (id: number) => void;
  onDelete: (id: number) => void;
  onImport: () => void;
  onEmptyTrash: () => void;
}

const ROW_HEIGHT = 60;

export function LibraryPane({ rows, selectedIndex, outlets, view, selectedId, onView, onSelect, onEnter, onDelete, onImport, onEmptyTrash }: Props) {
  const total = rows.total;
  const index = selectedIndex;
  // A row past the loaded pages is fetched first, then selected.
  const selectAt = (i: number) => void rows.load(i).then((a) => a && onSelect(a.id));
  const onRange = useCallback((first: number, last: number) => rows.want(first, last), [rows]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (!total) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      selectAt(Math.min(total - 1, Math.max(0, index + (e.key === 'ArrowDown' ? 1 : -1))));
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      selectAt(e.key === 'Home' ? 0 : total - 1);
    } else if (e.key === 'Enter' && selectedId !== null) {
      e.preventDefault();
      onEnter(selectedId);
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && selectedId !== null && !view.trash) {
      e.preventDefault();
      onDelete(selectedId);
    }
  };

  return (
    <aside class="pane library" aria-label="Library">
      <div class="pane-header">
        <h2>{view.trash ? 'Trash' : 'Library'}</h2>
        <span class="count" data-testid="library-count">
          {total !== null ? total.toLocaleString() : ''}
        </span>
      </div>
      <div class="library-controls">
        <label>
          <span class="sr-only">Sort by</span>
          <select value={view.sort} onChange={(e) => onView({ ...view, sort: (e.currentTarget as HTMLSelectElement).value as ArticleSort })}>
            <option value="imported">Newest imported</option>
            <option value="published">Newest published</option>
            <option value="title">Title A–Z</option>
          </select>
        </label>
        <label>
          <span class="sr-only">Outlet</span>
          <select
            data-testid="outlet-filter"
            value={view.outlet ?? ''}
            onChange={(e) => onView({ ...view, outlet: (e.currentTarget as HTMLSelectElement).value || null })}
          >
            <option value="">All outlets</option>
            {outlets.map((o) => (
              <option value={o} key={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="library-dates" role="group" aria-labelledby="library-dates-caption">
        <span class="caption" id="library-dates-caption">
          Published between
        </span>
        <input
          type="date"
          data-testid="date-from"
          aria-label="Published on or after"
          value={view.from ?? ''}
          max={view.to ?? undefined}
          onChange={(e) => onView({ ...view, from: (e.currentTarget as HTMLInputElement).value || null })}
        />
        <span aria-hidden="true">–</span>
        <input
          type="date"
          data-testid="date-to"
          aria-label="Published on or before"
          value={view.to ?? ''}
          min={view.from ?? undefined}
          onChange={(e) => onView({ ...view, to: (e.currentTarget as HTMLInputElement).value || null })}
        />
        {(view.from || view.to) && (
          <button class="link-button" data-testid="date-clear" aria-label="Any date: clear the date range" title="Any date" onClick={() => onView({ ...view, from: null, to: null })}>
            ✕
          </button>
        )}
      </div>
      {total === null ? (
        <p class="empty">Loading…</p>
      ) : total === 0 ? (
        view.trash ? (
          <p class="empty">The trash is empty.</p>
        ) : view.outlet || view.from || view.to ? (
          <div class="empty">
            <p>No articles{view.outlet ? ` from ${view.outlet}` : ''}{publishedWithin(view)}.</p>
            <button onClick={() => onView({ ...view, outlet: null, from: null, to: null })}>Show all articles</button>
          </div>
        ) : (
          <div class="empty">
            <p>
              <strong>Your library is empty.</strong>
            </p>
            <p>Import a news article to start: paste its text or HTML, or drop .txt, .md, .html or .docx files (news-database exports too) onto this window.</p>
            <button class="primary" onClick={onImport}>
              Import an article… <kbd>{modLabel}O</kbd>
            </button>
          </div>
        )
      ) : (
        <VirtualList
          count={total}
          rowHeight={ROW_HEIGHT}
          activeIndex={index}
          label={view.trash ? 'Articles in the trash' : 'Articles'}
          className="library-list"
          onKeyDown={onKeyDown}
          onRange={onRange}
          render={(i) => {
            const a = rows.row(i);
            // A row whose page is still on its way keeps its place, so the scrollbar does not jump.
            if (!a) return <div class="library-item loading" aria-hidden="true" />;
            return (
              <div
                class={`library-item ${a.id === selectedId ? 'selected' : ''}`}
                data-testid="library-item"
                data-article-id={a.id}
                role="option"
                aria-selected={a.id === selectedId}
                onClick={() => onSelect(a.id)}
              >
                <div class="item-title">{a.title}</div>
                <div class="item-meta">
                  {a.outlet && <span data-testid="library-item-outlet">{a.outlet}</span>}
                  <RowDate article={a} />
                  <span>{a.wordCount.toLocaleString()} words</span>
                  {!!a.annotationCount && (
                    <span>
                      {a.annotationCount.toLocaleString()} annotation{a.annotationCount === 1 ? '' : 's'}
                    </span>
                  )}
                </div>
              </div>
            );
          }}
        />
      )}
      <div class="pane-footer">
        <button class="link-button" data-testid="trash-toggle" onClick={() => onView({ ...view, trash: !view.trash })}>
          {view.trash ? '← Back to library' : 'Trash'}
        </button>
        {view.trash && !!total && (
          <button class="link-button danger" onClick={onEmptyTrash}>
            Empty trash
          </button>
        )}
      </div>
    </aside>
  );
}

/** The publication date as a reader writes it, or the source's own words while they await the analyst. */
function RowDate({ article: a }: { article: ArticleMeta }) {
  if (a.publishedAt)
    return (
      <span data-testid="library-item-date">
        <time dateTime={a.publishedAt}>{formatDate(a.publishedAt)}</time>
      </span>
    );
  if (a.publishedAsWritten)
    return (
      <span data-testid="library-item-date" class="unsure" title="The source’s date, not yet confirmed: set it in the article details">
        “{a.publishedAsWritten}”?
      </span>
    );
  return null;
}

/** " published between 1 March 2024 and 31 March 2024", or after / before when one end is open. */
function publishedWithin(view: LibraryView): string {
  if (view.from && view.to) return ` published between ${formatDate(view.from)} and ${formatDate(view.to)}`;
  if (view.from) return ` published on or after ${formatDate(view.from)}`;
  if (view.to) return ` published on or before ${formatDate(view.to)}`;
  return '';
}
