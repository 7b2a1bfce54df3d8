// The app's own "are you sure?" dialog, in place of the browser's confirm(): it looks like the rest
// of the app, names the action on its button, and never blocks the page. Any code may ask
// `await confirmAction({...})`; the one <ConfirmHost/> in the window shows the questions in turn.
import { useEffect, useRef, useState } from 'preact/hooks';

export interface ConfirmRequest {
  title: string;
  /** What will happen, in a sentence or two. */
  message: string;
  /** The button that goes ahead, named for the action: "Merge", "Delete for good". */
  confirmLabel: string;
  /** A red button for what cannot be taken back. */
  danger?: boolean;
}

interface Pending extends ConfirmRequest {
  resolve: (ok: boolean) => void;
}

let queue: Pending[] = [];
const listeners = new Set<(q: Pending[]) => void>();
const publish = () => listeners.forEach((l) => l(queue));

/** Resolves true when the analyst confirms, false when they cancel (button, Escape or a click outside). */
export function confirmAction(request: ConfirmRequest): Promise<boolean> {
  return new Promise((resolve) => {
    queue = [...queue, { ...request, resolve }];
    publish();
  });
}

export function ConfirmHost() {
  const [pending, setPending] = useState<Pending[]>(queue);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    listeners.add(setPending);
    return () => void listeners.delete(setPending);
  }, []);
  const current = pending[0];
  useEffect(() => {
    if (current) confirmRef.current?.focus();
  }, [current]);
  if (!current) return null;

  const answer = (ok: boolean) => {
    queue = queue.filter((p) => p !== current);
    publish();
    current.resolve(ok);
  };
  return (
    <div
      class="overlay"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) answer(false);
      }}
    >
      <div
        class="dialog confirm-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-message"
        data-testid="confirm-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            answer(false);
          }
        }}
      >
        <h2 id="confirm-title">{current.title}</h2>
        <p id="confirm-message">{current.message}</p>
        <div class="dialog-actions">
          <button type="button" data-testid="confirm-cancel" onClick={() => answer(false)}>
            Cancel
          </button>
          <button type="button" ref={confirmRef} class={current.danger ? 'danger-button' : 'primary'} data-testid="confirm-ok" onClick={() => answer(true)}>
            {current.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
