// Running the attribution engine without freezing anything. In a one-shot command an ordinary
// article (a few thousand words) takes milliseconds: it may run on the calling thread, with a short
// deadline. The app and browser mode send every article to the worker (inlineMaxChars 0): their
// main thread serves the analyst and loads no NLP model. A long article, or one the engine could
// not finish within the short deadline, goes to a worker thread with a time limit
// (SUGGEST_TIME_LIMIT_MS) and a heap ceiling, so the main process keeps answering while it runs;
// past either, the worker is ended and the caller learns the article is too large, not why it hung.
import { Worker } from 'node:worker_threads';
import type { ActorName, Suggestion } from '../../shared/suggestion';
import { AppError } from '../errors';
import { suggestAttributions, SuggestTimeout } from './engine';

export interface SuggestOutcome {
  suggestions: Suggestion[];
  /** The engine did not finish in time (or within the memory allowed): the list is empty for that reason. */
  tooLarge: boolean;
}

/** Finds suggestions for a text, matching speakers against the codebook's names. */
export type SuggestRunner = (text: string, actors: readonly ActorName[]) => Promise<SuggestOutcome>;

/** The longest the engine may work on one article. */
export const SUGGEST_TIME_LIMIT_MS = 10_000;
/** Texts up to this long run on the calling thread first (about 1,600 words: tens of milliseconds on an idle machine). */
export const INLINE_MAX_CHARS = 10_000;
/** How long a run on the calling thread may block it before the text goes to the worker instead. */
export const INLINE_BUDGET_MS = 250;

/** The engine with a deadline: a timeout is an answer (`tooLarge`), any other failure is thrown. */
export function suggestWithin(text: string, actors: readonly ActorName[], budgetMs: number): SuggestOutcome {
  try {
    return { suggestions: suggestAttributions(text, actors, { deadline: performance.now() + budgetMs }), tooLarge: false };
  } catch (err) {
    if (err instanceof SuggestTimeout) return { suggestions: [], tooLarge: true };
    throw err;
  }
}

/**
 * On the calling thread only, whatever the length, stopping at the time limit: what the service
 * tests and the benchmarks use. The app, browser mode and the CLI use a SuggestWorker.
 */
export const suggestInProcess =
  (limitMs = SUGGEST_TIME_LIMIT_MS): SuggestRunner =>
  async (text, actors) =>
    suggestWithin(text, actors, limitMs);

export interface SuggestWorkerRequest {
  id: number;
  text: string;
  actors: readonly ActorName[];
  /** The engine's own deadline, in ms from when the worker starts on the text. */
  budgetMs: number;
}
export type SuggestWorkerReply = ({ id: number; ok: true } & SuggestOutcome) | { id: number; ok: false; message: string };

export interface SuggestWorkerOptions {
  /** The longest one article may take in the worker. */
  timeoutMs?: number;
  /** The worker's V8 heap ceiling. */
  maxHeapMb?: number;
  /** Texts up to this many characters try the calling thread first (0: always the worker). */
  inlineMaxChars?: number;
}

interface Job extends SuggestWorkerRequest {
  resolve: (outcome: SuggestOutcome) => void;
  reject: (err: Error) => void;
}

/**
 * One worker (dist/main/suggest-worker.js), started on the first long article and kept for the
 * next (loading the NLP model takes a moment); articles go through it one at a time. A worker that
 * runs out of time or memory is ended and replaced on the next article. It does not keep the
 * process alive while idle.
 */
export class SuggestWorker {
  private worker: Worker | null = null;
  private queue: Job[] = [];
  private current: Job | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private seq = 0;
  private readonly timeoutMs: number;
  private readonly maxHeapMb: number;
  private readonly inlineMaxChars: number;

  constructor(
    private readonly script: URL,
    opts: SuggestWorkerOptions = {},
  ) {
    this.timeoutMs = opts.timeoutMs ?? SUGGEST_TIME_LIMIT_MS;
    this.maxHeapMb = opts.maxHeapMb ?? 1024;
    this.inlineMaxChars = opts.inlineMaxChars ?? INLINE_MAX_CHARS;
  }

  readonly suggest: SuggestRunner = async (text, actors) => {
    if (text.length <= this.inlineMaxChars) {
      const quick = suggestWithin(text, actors, Math.min(INLINE_BUDGET_MS, this.timeoutMs));
      // Slower than expected here: the worker gets the whole time limit instead.
      if (!quick.tooLarge) return quick;
    }
    return new Promise<SuggestOutcome>((resolve, reject) => {
      // The engine stops itself a little before the hard limit, so the worker usually survives.
      this.queue.push({ id: ++this.seq, text, actors, budgetMs: this.timeoutMs * 0.9, resolve, reject });
      this.next();
    });
  };

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    const closing = () => new AppError('internal', 'Verbatim is closing; suggestions were not computed.');
    for (const job of this.queue.splice(0)) job.reject(closing());
    this.finish(closing());
    await worker?.terminate();
  }

  private next() {
    if (this.current || !this.queue.length) return;
    const job = (this.current = this.queue.shift()!);
    const worker = this.spawn();
    worker.ref();
    this.timer = setTimeout(() => {
      // The stuck worker is dropped first, so the next article goes to a fresh one.
      this.worker = null;
      void worker.terminate();
      this.finish(null, { suggestions: [], tooLarge: true });
    }, this.timeoutMs);
    const { resolve: _resolve, reject: _reject, ...request } = job;
    worker.postMessage(request satisfies SuggestWorkerRequest);
  }

  private spawn(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb } });
    // Each handler acts only for the worker in service: a dropped one may still report its end.
    worker.on('message', (reply: SuggestWorkerReply) => {
      if (worker !== this.worker || reply.id !== this.current?.id) return;
      if (!reply.ok) return this.finish(new AppError('internal', reply.message));
      this.finish(null, { suggestions: reply.suggestions, tooLarge: reply.tooLarge });
    });
    worker.on('error', (err: Error & { code?: string }) => {
      if (worker !== this.worker) return;
      this.worker = null;
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') this.finish(null, { suggestions: [], tooLarge: true });
      else this.finish(new AppError('internal', `Finding suggestions failed: ${err.message}`));
    });
    worker.on('exit', () => {
      if (worker !== this.worker) return;
      this.worker = null;
      this.finish(new AppError('internal', 'The suggestion finder stopped unexpectedly.'));
    });
    return (this.worker = worker);
  }

  /** Settles the current article (once) and moves on; an idle worker no longer holds the process open. */
  private finish(err: Error | null, outcome?: SuggestOutcome) {
    const job = this.current;
    if (!job) return;
    this.current = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (err) job.reject(err);
    else job.resolve(outcome!);
    if (this.queue.length) this.next();
    else this.worker?.unref();
  }
}
