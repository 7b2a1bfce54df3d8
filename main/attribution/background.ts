// Running the attribution engine without freezing anything. In a one-shot command an ordinary
// article (a few thousand words) takes milliseconds: it may run on the calling thread, with a short
// deadline. The app and browser mode send every article to the worker (inlineMaxChars 0): their
// main thread serves the analyst and loads no NLP model. A long article, or one the engine could
// not finish within the short deadline, goes to a worker thread with a time limit
// (SUGGEST_TIME_LIMIT_MS) and a heap ceiling, so the main process keeps answering while it runs;
// past either, the worker is ended and the caller learns the article is too large, not why it hung.
import type { ActorName, Suggestion } from '../../shared/suggestion';
import { AppError } from '../errors';
import { WorkerQueue, type Outcomes } from '../worker-queue';
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

/**
 * One worker (dist/main/suggest-worker.js), started on the first long article and kept for the
 * next (loading the NLP model takes a moment); articles go through it one at a time. A worker that
 * runs out of time or memory is ended and replaced on the next article. It does not keep the
 * process alive while idle.
 */
export class SuggestWorker {
  private readonly queue: WorkerQueue<SuggestWorkerRequest, SuggestWorkerReply, SuggestOutcome>;
  private readonly inlineMaxChars: number;

  constructor(script: URL, opts: SuggestWorkerOptions = {}) {
    this.queue = new WorkerQueue(script, articleOutcomes, { timeoutMs: opts.timeoutMs ?? SUGGEST_TIME_LIMIT_MS, maxHeapMb: opts.maxHeapMb });
    this.inlineMaxChars = opts.inlineMaxChars ?? INLINE_MAX_CHARS;
  }

  readonly suggest: SuggestRunner = async (text, actors) => {
    if (text.length <= this.inlineMaxChars) {
      const quick = suggestWithin(text, actors, Math.min(INLINE_BUDGET_MS, this.queue.timeoutMs));
      // Slower than expected here: the worker gets the whole time limit instead.
      if (!quick.tooLarge) return quick;
    }
    // The engine stops itself a little before the hard limit, so the worker usually survives.
    return this.queue.run((id) => ({ id, text, actors, budgetMs: this.queue.timeoutMs * 0.9 }));
  };

  close(): Promise<void> {
    return this.queue.close();
  }
}

/** Out of time or memory is an answer (the article is too large), not a failure. */
const articleOutcomes: Outcomes<SuggestWorkerReply, SuggestOutcome> = {
  reply: (reply) => (reply.ok ? { suggestions: reply.suggestions, tooLarge: reply.tooLarge } : new AppError('internal', reply.message)),
  timeout: () => ({ suggestions: [], tooLarge: true }),
  outOfMemory: () => ({ suggestions: [], tooLarge: true }),
  crash: (err) => new AppError('internal', err ? `Finding suggestions failed: ${err.message}` : 'The suggestion finder stopped unexpectedly.'),
  closing: () => new AppError('internal', 'Verbatim is closing; suggestions were not computed.'),
};
