// A list that renders only the rows in view, so a library of 100,000 articles opens at once. It
// knows only how many rows there are; the rows themselves may still be on their way (`onRange`
// says which are on screen, and `render` draws a placeholder for one not yet loaded).
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

interface Props {
  count: number;
  rowHeight: number;
  render: (index: number) => ComponentChildren;
  /** The rows on screen, overscan included (first inclusive, last exclusive), whenever they change. */
  onRange?: (first: number, last: number) => void;
  /** Index to keep in view (the selection). */
  activeIndex?: number;
  className?: string;
  label: string;
  onKeyDown?: (e: KeyboardEvent) => void;
  /** The id of the row the keyboard is on, for a listbox whose focus stays on the list. */
  activeDescendant?: string;
}

const OVERSCAN = 8;

export function VirtualList({ count, rowHeight, render, onRange, activeIndex = -1, className, label, onKeyDown, activeDescendant }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useLayoutEffect(() => {
    const el = ref.current!;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    setHeight(el.clientHeight);
    return () => ro.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || activeIndex < 0) return;
    const top = activeIndex * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
  }, [activeIndex, rowHeight]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  useEffect(() => onRange?.(first, last), [first, last, onRange]);
  const rows = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <div class="vrow" style={{ top: `${i * rowHeight}px`, height: `${rowHeight}px` }} key={i}>
        {render(i)}
      </div>,
    );
  }
  return (
    <div
      ref={ref}
      class={`vlist ${className ?? ''}`}
      role="listbox"
      aria-label={label}
      aria-activedescendant={activeDescendant}
      tabIndex={0}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
      onKeyDown={onKeyDown}
    >
      <div class="vlist-inner" style={{ height: `${count * rowHeight}px` }}>
        {rows}
      </div>
    </div>
  );
}
