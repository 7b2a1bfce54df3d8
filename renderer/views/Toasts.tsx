// Short messages at the bottom of the window, with an optional action such as Undo.
import { useEffect } from 'preact/hooks';

export interface Toast {
  id: number;
  /** success: something the analyst did worked; info: news; error: something failed. */
  kind: 'success' | 'info' | 'error';
  text: string;
  action?: { label: string; run: () => void };
}

/** At most this many toasts at once: a new one pushes out the oldest, so they never pile up. */
export const MAX_TOASTS = 2;

/** The toasts after `next` arrives. */
export function withToast(toasts: readonly Toast[], next: Toast, max = MAX_TOASTS): Toast[] {
  return [...toasts, next].slice(-max);
}

export function Toasts({ toasts, dismiss }: { toasts: Toast[]; dismiss: (id: number) => void }) {
  return (
    <div class="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <ToastItem key={t.id} toast={t} dismiss={dismiss} />
      ))}
    </div>
  );
}

function ToastItem({ toast, dismiss }: { toast: Toast; dismiss: (id: number) => void }) {
  useEffect(() => {
    const timer = setTimeout(() => dismiss(toast.id), toast.kind === 'error' ? 10000 : 6000);
    return () => clearTimeout(timer);
  }, [toast.id]);
  return (
    <div class={`toast toast-${toast.kind}`} data-testid={`toast-${toast.kind}`}>
      <span>{toast.text}</span>
      {toast.action && (
        <button
          class="link-button"
          onClick={() => {
            toast.action!.run();
            dismiss(toast.id);
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button class="icon-button" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
        ×
      </button>
    </div>
  );
}
