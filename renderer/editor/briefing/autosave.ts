// The autosave queue: coalesces changes, saves at most one at a time, retries failures, and can be
// flushed (blur, switching briefing, closing the window). Pure logic: the save function and the
// clock are given, so it is tested against a real store under Node.

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error';

export interface SaveResult {
  version: number;
}

export interface AutosaveOptions {
  /** Debounce after the last change; the product promises at most 1 s. */
  delayMs?: number;
  /** Longest a change waits while changes keep coming (someone typing without a pause). */
  maxWaitMs?: number;
  /** First retry after a failure; doubles up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  now?: () => number;
}

/** What keeps the open briefing saved: the autosave queue, or, in a team library, the room (room.ts). */
export interface DocSaver {
  readonly state: SaveState;
  readonly dirty: boolean;
  /** The editor's doc changed. */
  change(doc: unknown): void;
  /** Resolves once nothing is left unsaved (or a save failed). */
  flush(): Promise<void>;
  retry(): Promise<void>;
  onState(listener: (state: SaveState, error?: Error) => void): () => void;
  dispose(): void;
}

export class AutosaveQueue<Doc> implements DocSaver {
  private pending: Doc | null = null;
  private inFlight: Promise<void> | null = null;
  private timer: unknown = null;
  /** When the oldest unsaved change was made; null when nothing waits. */
  private dirtySince: number | null = null;
  private retryDelay: number;
  private listeners = new Set<(state: SaveState, error?: Error) => void>();
  private lastError: Error | undefined;
  state: SaveState = 'saved';

  private readonly delayMs: number;
  private readonly maxWaitMs: number;
  private readonly retryMs: number;
  private readonly maxRetryMs: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly now: () => number;

  constructor(
    private readonly save: (doc: Doc, baseVersion: number) => Promise<SaveResult>,
    public version: number,
    opts: AutosaveOptions = {},
  ) {
    this.delayMs = opts.delayMs ?? 800;
    this.maxWaitMs = opts.maxWaitMs ?? 2000;
    this.retryMs = opts.retryMs ?? 1000;
    this.maxRetryMs = opts.maxRetryMs ?? 30_000;
    this.retryDelay = this.retryMs;
    this.setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.now = opts.now ?? Date.now;
  }

  onState(listener: (state: SaveState, error?: Error) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get dirty(): boolean {
    return this.pending !== null || this.inFlight !== null;
  }

  /**
   * A new version of the doc; only the newest is ever saved. Debounced, but never past maxWaitMs
   * from the oldest unsaved change: an analyst typing without pause still has everything older
   * than that on disk if the app dies.
   */
  change(doc: Doc): void {
    this.pending = doc;
    this.setState('dirty');
    const now = this.now();
    this.dirtySince ??= now;
    this.schedule(Math.max(0, Math.min(this.delayMs, this.dirtySince + this.maxWaitMs - now)));
  }

  /** Saves now whatever is pending, and resolves when nothing is left unsaved (or a save failed). */
  async flush(): Promise<void> {
    this.cancelTimer();
    while (this.pending !== null || this.inFlight) {
      if (this.inFlight) await this.inFlight;
      else if (!(await this.saveOnce())) return;
    }
  }

  /** Retry now after an error (the "Retry" button). */
  retry(): Promise<void> {
    this.retryDelay = this.retryMs;
    return this.flush();
  }

  private schedule(ms: number) {
    this.cancelTimer();
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private cancelTimer() {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }

  /** One save of the newest pending doc. False when it failed (a retry is scheduled). */
  private async saveOnce(): Promise<boolean> {
    const doc = this.pending!;
    this.pending = null;
    this.dirtySince = null;
    this.setState('saving');
    let ok = true;
    this.inFlight = (async () => {
      try {
        const r = await this.save(doc, this.version);
        this.version = r.version;
        this.retryDelay = this.retryMs;
        this.lastError = undefined;
      } catch (err) {
        ok = false;
        // Keep the newest doc: a change made during the failed save wins over the one that failed.
        this.pending ??= doc;
        this.lastError = err as Error;
      }
    })();
    await this.inFlight;
    this.inFlight = null;
    if (!ok) {
      this.setState('error');
      this.schedule(this.retryDelay);
      this.retryDelay = Math.min(this.retryDelay * 2, this.maxRetryMs);
      return false;
    }
    this.setState(this.pending !== null ? 'dirty' : 'saved');
    return true;
  }

  private setState(state: SaveState) {
    this.state = state;
    for (const l of this.listeners) l(state, state === 'error' ? this.lastError : undefined);
  }

  dispose() {
    this.cancelTimer();
    this.listeners.clear();
  }
}
