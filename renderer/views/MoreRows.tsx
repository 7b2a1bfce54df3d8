// The foot of a long table shown a part at a time (the quotes table, the matrices): how many rows of
// how many are shown, and more of them as soon as the foot comes near the screen, or when its button
// is pressed (the keyboard's way).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

interface Props {
  shown: number;
  total: number;
  more: boolean;
  loadMore: () => void;
  /** What a row is, singular and plural: "annotation", "annotations". */
  unit: [string, string];
  /** data-testid of the foot; its button's is the same with "-more" for "-count". */
  testid: string;
}

const count = new Intl.NumberFormat();

export function MoreRows({ shown, total, more, loadMore, unit, testid }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || !more) return;
    // A margin below the screen, so the next rows are there before the analyst reaches the end.
    // Observing again after each load asks anew whether the foot is still near.
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && loadMore(), { rootMargin: '0px 0px 600px 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [more, loadMore, shown]);
  return (
    <div class="table-foot" ref={ref} data-testid={testid}>
      {more ? `${count.format(shown)} of ${count.format(total)} ${unit[1]}` : `${count.format(total)} ${total === 1 ? unit[0] : unit[1]}`}
      {more && (
        <button type="button" class="link-button" data-testid={testid.replace(/-count$/, '-more')} onClick={loadMore}>
          Show more
        </button>
      )}
    </div>
  );
}

/** The first `step` rows, and `step` more each time the foot asks; back to the start when `reset` changes. */
export function useRowLimit(step: number, reset: unknown): [number, () => void] {
  const [state, setState] = useState({ limit: step, reset });
  if (state.reset !== reset) {
    // A new table starts short again (set during render: no frame draws the long one first).
    setState({ limit: step, reset });
  }
  const limit = state.reset === reset ? state.limit : step;
  return [limit, useCallback(() => setState((s) => ({ ...s, limit: s.limit + step })), [step])];
}
