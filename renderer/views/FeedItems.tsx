// A feed's items to pick from in the import dialog: title, date and where each lives, a checkbox
// each, select all. The list is windowed (VirtualList), so a feed of 10,000 items opens at once.
// Keyboard: Tab into the list, ↑/↓ (Home/End, PageUp/PageDown) move, Space ticks or unticks,
// Ctrl+A ticks all. Picked items are imported in calls the contract accepts (at most
// MAX_IMPORT_BATCH items and a few MB each), their results going to the dialog's one results list.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { FeedItem, FeedListing } from '../../shared/feed';
import type { ImportResult } from '../../shared/model';
import { MAX_IMPORT_BATCH } from '../../shared/contract';
import { call } from '../api';
import { VirtualList } from './VirtualList';

interface Props {
  feed: FeedListing;
  /** Results of each call as it comes back, for the dialog's results list. */
  onResults: (results: ImportResult[]) => void;
  /** The analyst is done with this feed: every result of its import (none when it was set aside). */
  onDone: (all: ImportResult[]) => void;
}

const ROW = 46;
/** Bytes of full text sent in one call, well under browser mode's request limit. */
const CALL_BYTES = 4 * 1024 * 1024;

let feedSeq = 0;

export function FeedItems({ feed, onResults, onDone }: Props) {
  const [picked, setPicked] = useState<ReadonlySet<number>>(() => new Set());
  const [active, setActive] = useState(0);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const idBase = useMemo(() => `feed-${++feedSeq}`, []);
  const selectAllRef = useRef<HTMLInputElement>(null);
  // A feed just listed is what the analyst acts on next: the keyboard goes there.
  useEffect(() => selectAllRef.current?.focus(), []);
  const count = feed.items.length;
  const running = progress !== null && progress.done < progress.total;
  const allPicked = count > 0 && picked.size === count;

  const toggle = (i: number) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (next.has(i)) next.delete(i);
      else next.add(i);
      return next;
    });
  const pickAll = (on: boolean) => setPicked(on ? new Set(feed.items.keys()) : new Set());

  const run = async () => {
    const chosen = [...picked].sort((a, b) => a - b).map((i) => feed.items[i]!);
    if (!chosen.length) return;
    setProgress({ done: 0, total: chosen.length });
    let done = 0;
    const all: ImportResult[] = [];
    for (const batch of batches(chosen)) {
      let results: ImportResult[];
      try {
        results = await call('feeds.importItems', { items: batch });
      } catch (e) {
        results = batch.map((item) => ({ file: item.title ?? item.link ?? 'item', status: 'failed', error: (e as Error).message }));
      }
      done += batch.length;
      all.push(...results);
      onResults(results);
      setProgress({ done, total: chosen.length });
    }
    onDone(all);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const page = 8;
    const move = (to: number) => {
      e.preventDefault();
      setActive(Math.max(0, Math.min(count - 1, to)));
    };
    if (e.key === 'ArrowDown') move(active + 1);
    else if (e.key === 'ArrowUp') move(active - 1);
    else if (e.key === 'PageDown') move(active + page);
    else if (e.key === 'PageUp') move(active - page);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(count - 1);
    else if (e.key === ' ' && count) {
      e.preventDefault();
      toggle(active);
    } else if (e.key.toLowerCase() === 'a' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      pickAll(!allPicked);
    }
  };

  return (
    <section class="feed-items" data-testid="feed-items" aria-labelledby={`${idBase}-title`}>
      <div class="feed-head">
        <h3 id={`${idBase}-title`}>{feed.title ?? 'Untitled feed'}</h3>
        <span class="count" data-testid="feed-count">
          {count.toLocaleString()} item{count === 1 ? '' : 's'} · {feed.kind === 'atom' ? 'Atom' : 'RSS'} · {feed.source}
        </span>
      </div>
      {feed.warnings.map((w) => (
        <p class="hint warning" key={w}>
          {w}
        </p>
      ))}
      {count === 0 ? (
        <p class="empty">This feed lists no items.</p>
      ) : (
        <>
          <label class="feed-select-all">
            <input ref={selectAllRef} type="checkbox" data-testid="feed-select-all" checked={allPicked} disabled={running} onChange={(e) => pickAll((e.currentTarget as HTMLInputElement).checked)} />
            Select all
            <span class="count" data-testid="feed-picked">
              {picked.size.toLocaleString()} of {count.toLocaleString()} picked
            </span>
          </label>
          <div class="feed-list">
            <VirtualList
              count={count}
              rowHeight={ROW}
              activeIndex={active}
              activeDescendant={`${idBase}-${active}`}
              label={`Items of ${feed.title ?? 'the feed'}: arrows to move, Space to pick`}
              onKeyDown={onKeyDown}
              render={(i) => (
                <Row
                  item={feed.items[i]!} id={`${idBase}-${i}`} checked={picked.has(i)} active={i === active} disabled={running} onToggle={() => {
                    setActive(i);
                    toggle(i);
                  }}
                />
              )}
            />
          </div>
        </>
      )}
      <div class="feed-actions">
        {progress && (
          <span class="hint" data-testid="feed-progress" role="status">
            {running ? `Importing ${progress.done} of ${progress.total}…` : `Done: ${progress.total} item${progress.total === 1 ? '' : 's'}.`}
          </span>
        )}
        <button type="button" onClick={() => onDone([])} disabled={running}>
          Set this feed aside
        </button>
        <button type="button" class="primary" data-testid="feed-import" disabled={running || picked.size === 0} onClick={() => void run()}>
          Import {picked.size ? `${picked.size.toLocaleString()} item${picked.size === 1 ? '' : 's'}` : 'items'}
        </button>
      </div>
    </section>
  );
}

function Row({ item, id, checked, active, disabled, onToggle }: { item: FeedItem; id: string; checked: boolean; active: boolean; disabled: boolean; onToggle: () => void }) {
  const where = item.content ? 'full text in the feed' : item.link ? hostOf(item.link) : 'no text, no link';
  return (
    <label class={`feed-row ${active ? 'active' : ''}`} id={id} role="option" aria-selected={checked} data-testid="feed-item">
      <input type="checkbox" tabIndex={-1} checked={checked} disabled={disabled || (!item.content && !item.link)} onChange={onToggle} />
      <span class="feed-row-text">
        <span class="feed-row-title">{item.title ?? item.link ?? 'Untitled item'}</span>
        <span class="item-meta">
          {item.publishedAt ?? 'no date'} · {where}
        </span>
      </span>
    </label>
  );
}

function hostOf(link: string): string {
  try {
    return new URL(link).host;
  } catch {
    return link;
  }
}

/** Calls of at most MAX_IMPORT_BATCH items and about CALL_BYTES of full text. */
function batches(items: FeedItem[]): FeedItem[][] {
  const out: FeedItem[][] = [];
  let batch: FeedItem[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = (item.content?.length ?? 0) * 2;
    if (batch.length && (batch.length >= MAX_IMPORT_BATCH || bytes + size > CALL_BYTES)) {
      out.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(item);
    bytes += size;
  }
  if (batch.length) out.push(batch);
  return out;
}
