// A small searchable list in a dialog: pick an article to cite, a topic for a table.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface PickerItem {
  id: number;
  label: string;
  hint?: string;
}

interface Props {
  title: string;
  testId: string;
  items: PickerItem[];
  onPick: (item: PickerItem) => void;
  onClose: () => void;
}

export function Picker({ title, testId, items, onPick, onClose }: Props) {
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const shown = items.filter((i) => i.label.toLowerCase().includes(q.trim().toLowerCase()));
  // The toolbar button that opened the dialog keeps focus in the editor (so the selection stays);
  // the filter must take it, or what is typed to filter lands in the briefing. A layout effect, so
  // it has focus before the next key press is handled, however fast the analyst types.
  const filter = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => filter.current?.focus(), []);
  return (
    <div class="overlay" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div class="dialog picker" role="dialog" aria-modal="true" aria-label={title} data-testid={testId}>
        <h2>{title}</h2>
        <input
          ref={filter}
          type="search"
          placeholder="Filter…"
          aria-label="Filter"
          value={q}
          onInput={(e) => {
            setQ((e.currentTarget as HTMLInputElement).value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (!['Escape', 'ArrowDown', 'ArrowUp', 'Enter'].includes(e.key)) return;
            // Picking hands focus back to the editor within this keydown; the key's default
            // action would then reach the editor too (Enter: an empty paragraph).
            e.preventDefault();
            if (e.key === 'Escape') onClose();
            else if (e.key === 'ArrowDown') setActive((a) => Math.min(shown.length - 1, a + 1));
            else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
            else if (shown[active]) onPick(shown[active]!);
          }}
        />
        {shown.length === 0 ? (
          <p class="empty">Nothing to choose yet.</p>
        ) : (
          <ul class="picker-list">
            {shown.map((item, i) => (
              <li key={item.id} class={i === active ? 'active' : ''} data-testid={`${testId}-item`} onClick={() => onPick(item)}>
                {item.label}
                {item.hint && <span class="hint"> {item.hint}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
