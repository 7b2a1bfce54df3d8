// The briefings, most recently edited first; the trash, with Restore, one click away.
import type { BriefingMeta } from '../../../shared/model';

interface Props {
  briefings: BriefingMeta[] | null;
  /** Briefings in the trash, most recently deleted first. */
  trash: BriefingMeta[] | null;
  showTrash: boolean;
  onShowTrash: (show: boolean) => void;
  onRestore: (id: number) => void;
  selectedId: number | null;
  onSelect: (id: number) => void;
  onNew: (template: 'blank' | 'situation') => void;
  onDuplicate: (id: number) => void;
  onDelete: (id: number) => void;
}

export function BriefingList({ briefings, trash, showTrash, onShowTrash, onRestore, selectedId, onSelect, onNew, onDuplicate, onDelete }: Props) {
  const shown = showTrash ? trash : briefings;
  return (
    <aside class="pane library briefing-list" aria-label={showTrash ? 'Briefings in the trash' : 'Briefings'}>
      <div class="pane-header">
        <h2>{showTrash ? 'Trash' : 'Briefings'}</h2>
        <span class="count">{shown?.length.toLocaleString() ?? ''}</span>
      </div>
      {showTrash ? (
        <TrashList trash={trash} onRestore={onRestore} />
      ) : (
        <>
          <div class="library-controls">
            <button class="primary" data-testid="briefing-new" onClick={() => onNew('blank')}>
              New briefing
            </button>
            <button data-testid="briefing-new-situation" title="A situation brief: BLUF, key points, background, actors & positions, outlook" onClick={() => onNew('situation')}>
              Situation brief
            </button>
          </div>
          {briefings?.length === 0 ? (
            <p class="empty">No briefings yet. Start one, then bring in the quotes you coded while reading.</p>
          ) : (
            <ul class="codebook-items">
              {briefings?.map((b) => (
                <li key={b.id}>
                  <div class={`codebook-item briefing-item ${b.id === selectedId ? 'selected' : ''}`} data-testid="briefing-item" role="button" tabIndex={0} onClick={() => onSelect(b.id)} onKeyDown={(e) => e.key === 'Enter' && onSelect(b.id)}>
                    <span class="item-title">{b.title}</span>
                    <span class={`status status-${b.status}`}>{b.status}</span>
                    <span class="item-meta">
                      {new Date(b.updatedAt).toLocaleString()} · {b.wordCount.toLocaleString()} words
                    </span>
                    {b.id === selectedId && (
                      <span class="item-actions">
                        <button
                          class="link-button"
                          onClick={(e) => {
                            e.stopPropagation();
                            onDuplicate(b.id);
                          }}
                        >
                          Duplicate
                        </button>
                        <button
                          class="link-button danger"
                          data-testid="briefing-delete"
                          onClick={(e) => {
                            e.stopPropagation();
                            onDelete(b.id);
                          }}
                        >
                          Delete
                        </button>
                      </span>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <div class="pane-footer">
        <button class="link-button" data-testid="briefing-trash-toggle" onClick={() => onShowTrash(!showTrash)}>
          {showTrash ? '← Back to briefings' : trash?.length ? `Trash (${trash.length.toLocaleString()})` : 'Trash'}
        </button>
      </div>
    </aside>
  );
}

function TrashList({ trash, onRestore }: { trash: BriefingMeta[] | null; onRestore: (id: number) => void }) {
  if (trash === null) return <p class="empty">Loading…</p>;
  if (trash.length === 0) return <p class="empty">The trash is empty. Deleted briefings wait here until you restore them.</p>;
  return (
    <ul class="codebook-items">
      {trash.map((b) => (
        <li key={b.id}>
          <div class="codebook-item briefing-item trashed" data-testid="briefing-trash-item" data-briefing-id={b.id}>
            <span class="item-title" title={b.title}>
              {b.title}
            </span>
            <span class={`status status-${b.status}`}>{b.status}</span>
            <span class="item-meta">
              Deleted {new Date(b.deletedAt ?? b.updatedAt).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' })} · {b.wordCount.toLocaleString()} words
            </span>
            <span class="item-actions">
              <button class="link-button" data-testid="briefing-restore" onClick={() => onRestore(b.id)}>
                Restore
              </button>
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
