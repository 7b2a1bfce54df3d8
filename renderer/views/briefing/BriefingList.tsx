// The briefings, most recently edited first.
import type { BriefingMeta } from '../../../shared/model';

interface Props {
  briefings: BriefingMeta[] | null;
  selectedId: number | null;
  onSelect: (id: number) => void;
  onNew: (template: 'blank' | 'situation') => void;
  onDuplicate: (id: number) => void;
  onDelete: (id: number) => void;
}

export function BriefingList({ briefings, selectedId, onSelect, onNew, onDuplicate, onDelete }: Props) {
  return (
    <aside class="pane library" aria-label="Briefings">
      <div class="pane-header">
        <h2>Briefings</h2>
        <span class="count">{briefings?.length ?? ''}</span>
      </div>
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
    </aside>
  );
}
