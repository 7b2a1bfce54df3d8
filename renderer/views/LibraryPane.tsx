// The library: every article, sortable and filterable by outlet, with the trash one click away.
import type { ArticleMeta } from '../../shared/model';
import type { ArticleSort } from '../../shared/contract';
import { VirtualList } from './VirtualList';
import { modLabel } from '../shortcuts';

export interface LibraryView {
  sort: ArticleSort;
  outlet: string | null;
  trash: boolean;
}

interface Props {
  articles: ArticleMeta[] | null;
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

export function LibraryPane({ articles, outlets, view, selectedId, onView, onSelect, onEnter, onDelete, onImport, onEmptyTrash }: Props) {
  const index = articles?.findIndex((a) => a.id === selectedId) ?? -1;

  const onKeyDown = (e: KeyboardEvent) => {
    if (!articles?.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = Math.min(articles.length - 1, Math.max(0, index + (e.key === 'ArrowDown' ? 1 : -1)));
      onSelect(articles[next]!.id);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      onSelect(articles[e.key === 'Home' ? 0 : articles.length - 1]!.id);
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
          {articles ? articles.length.toLocaleString() : ''}
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
      {articles === null ? (
        <p class="empty">Loading…</p>
      ) : articles.length === 0 ? (
        view.trash ? (
          <p class="empty">The trash is empty.</p>
        ) : view.outlet ? (
          <p class="empty">No articles from {view.outlet}.</p>
        ) : (
          <div class="empty">
            <p>
              <strong>Your library is empty.</strong>
            </p>
            <p>Import a news article to start: paste its text or HTML, or drop .txt, .md or .html files onto this window.</p>
            <button class="primary" onClick={onImport}>
              Import an article… <kbd>{modLabel}O</kbd>
            </button>
          </div>
        )
      ) : (
        <VirtualList
          items={articles}
          rowHeight={ROW_HEIGHT}
          activeIndex={index}
          label={view.trash ? 'Articles in the trash' : 'Articles'}
          className="library-list"
          onKeyDown={onKeyDown}
          render={(a) => (
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
                {[a.outlet, a.publishedAt, `${a.wordCount.toLocaleString()} words`, a.annotationCount ? `${a.annotationCount.toLocaleString()} annotation${a.annotationCount === 1 ? '' : 's'}` : null]
                  .filter(Boolean)
                  .join(' · ')}
              </div>
            </div>
          )}
        />
      )}
      <div class="pane-footer">
        <button class="link-button" data-testid="trash-toggle" onClick={() => onView({ ...view, trash: !view.trash })}>
          {view.trash ? '← Back to library' : 'Trash'}
        </button>
        {view.trash && !!articles?.length && (
          <button class="link-button danger" onClick={onEmptyTrash}>
            Empty trash
          </button>
        )}
      </div>
    </aside>
  );
}
