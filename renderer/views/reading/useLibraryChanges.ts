// The library list follows what other processes do to the library (the CLI importing while the app
// is open): checked when the window comes back into focus and every few seconds while it is shown,
// with a call that reads nothing (`library.changes`, SQLite's data_version).
import { useEffect, useRef } from 'preact/hooks';
import { call } from '../../api';

const EVERY_MS = 5000;

export function useLibraryChanges(refresh: () => Promise<void>): void {
  const seen = useRef<number | null>(null);
  useEffect(() => {
    const check = async () => {
      if (document.hidden) return;
      try {
        const n = await call('library.changes', {});
        if (seen.current !== null && n !== seen.current) await refresh();
        seen.current = n;
      } catch {
        // A failed check is retried at the next one; the list is only a little behind.
      }
    };
    void check();
    const timer = setInterval(() => void check(), EVERY_MS);
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', check);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', check);
    };
  }, [refresh]);
}
