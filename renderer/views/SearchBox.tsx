// One box over the whole library. Results come as you type; Enter opens the highlighted hit.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SearchHit } from '../../shared/model';
import { call } from '../api';
import { Snippet } from './Snippet';
import { modLabel } from '../shortcuts';
import { groupSearchHits } from '../../shared/search-groups';

interface Props {
  onOpen: (hit: SearchHit, query: string) => void;
  onError: (message: string) => void;
  inputRef: { current: HTMLInputElement | null };
}

export function SearchBox({ onOpen, onError, inputRef }: Props) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const seq = useRef(0);
  // Closing on blur waits a moment (a click on a hit lands first); focusing again cancels it, or a
  // quick return to the box would have its results closed under it.
  const closing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Shown in groups; the arrow keys walk the hits in the order they are shown.
  const groups = useMemo(() => groupSearchHits(hits ?? []), [hits]);
  const shown = useMemo(() => groups.flatMap((g) => g.hits), [groups]);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits(null);
      return;
    }
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      call('search.query', { query: q, limit: 20 })
        .then((r) => {
          if (mine !== seq.current) return; // an older answer arriving late
          setHits(r);
          setActive(0);
        })
        .catch((e: Error) => onError(e.message));
    }, 120);
    return () => clearTimeout(timer);
  }, [query]);

  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    setOpen(false);
    onOpen(hit, query);
  };

  return (
    <div class="search" role="search">
      <input
        ref={inputRef}
        type="search"
        data-testid="search-input"
        placeholder={`Search the library  ${modLabel}K`}
        aria-label="Search the library"
        value={query}
        onInput={(e) => {
          clearTimeout(closing.current);
          setQuery((e.currentTarget as HTMLInputElement).value);
          setOpen(true);
        }}
        onFocus={() => {
          clearTimeout(closing.current);
          setOpen(true);
        }}
        onBlur={() => {
          closing.current = setTimeout(() => setOpen(false), 150);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min((hits?.length ?? 1) - 1, a + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            choose(shown[active]);
          } else if (e.key === 'Escape') {
            setOpen(false);
            (e.currentTarget as HTMLInputElement).blur();
          }
        }}
      />
      {open && hits && (
        <div class="search-results" role="listbox">
          {hits.length === 0 ? (
            <div class="search-empty">No matches for “{query.trim()}”.</div>
          ) : (
            groups.map((g) => (
              <div key={g.kind} class="search-group" role="group" aria-label={g.label} data-testid={`search-group-${g.kind}`}>
                <div class="search-group-label">{g.label}</div>
                {g.hits.map((h) => {
                  const i = shown.indexOf(h);
                  return (
                    <div
                      key={`${h.kind}${h.id}`}
                      class={`search-result ${i === active ? 'active' : ''}`}
                      data-testid="search-result"
                      role="option"
                      aria-selected={i === active}
                      onMouseDown={(e) => {
                        e.preventDefault();
                        choose(h);
                      }}
                      onMouseEnter={() => setActive(i)}
                    >
                      <div class="hit-title">
                        <span class="hit-kind">{h.kind}</span> {h.title}
                        {h.bySpeaker && <span class="hint"> · by speaker</span>}
                      </div>
                      <Snippet text={h.snippet} />
                    </div>
                  );
                })}
              </div>
            ))
          )}
        </div>
      )}
    </div>
  );
}
