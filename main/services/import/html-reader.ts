// Reading HTML is the one slow, memory-hungry step of an import (jsdom + Readability): a saved page
// with 100,000 paragraphs needs minutes and gigabytes. The CLI, browser mode and the app read HTML
// in a worker thread with a memory ceiling and a time limit, so the library keeps answering while
// a big page is read, and a monstrous one fails with a reason instead of taking the process down.
import { articleSchema } from '../../../shared/schema';
import { AppError } from '../../errors';
import { WorkerQueue, type Outcomes } from '../../worker-queue';
import { parseHtml } from './html';
import type { ParsedArticle } from './parsed';

export type HtmlReader = (html: string) => Promise<ParsedArticle>;

/** Reads on the calling thread: what the service tests and the benchmarks use. */
export const readHtmlInProcess: HtmlReader = async (html) => parseHtml(html);

/** What the worker sends back: the doc as JSON (a ProseMirror node cannot cross threads) and the metadata. */
export type HtmlWorkerReply = { id: number; ok: true; doc: Record<string, unknown>; meta: Omit<ParsedArticle, 'doc'> } | { id: number; ok: false; message: string };
export interface HtmlWorkerRequest {
  id: number;
  html: string;
}

export interface HtmlWorkerOptions {
  /** The worker's V8 heap ceiling; a page needing more is refused. */
  maxHeapMb?: number;
  /** The longest one page may take. */
  timeoutMs?: number;
}

/**
 * One worker, started on the first HTML import and kept for the next (jsdom takes a third of a
 * second to load); pages are read one at a time. A worker that runs out of memory or time is
 * ended and replaced on the next page. It does not keep the process alive while idle.
 */
export class HtmlWorker {
  private readonly queue: WorkerQueue<HtmlWorkerRequest, HtmlWorkerReply, ParsedArticle>;

  constructor(script: URL, opts: HtmlWorkerOptions = {}) {
    this.queue = new WorkerQueue(script, pageOutcomes, { timeoutMs: opts.timeoutMs ?? 60_000, maxHeapMb: opts.maxHeapMb });
  }

  readonly read: HtmlReader = (html) => this.queue.run((id) => ({ id, html }));

  close(): Promise<void> {
    return this.queue.close();
  }
}

const pageOutcomes: Outcomes<HtmlWorkerReply, ParsedArticle> = {
  reply(reply) {
    if (!reply.ok) return new AppError('unsupported', reply.message);
    try {
      return { ...reply.meta, doc: articleSchema.nodeFromJSON(reply.doc) };
    } catch (err) {
      return new AppError('internal', `The page was read into something Verbatim cannot store: ${(err as Error).message}`);
    }
  },
  timeout: (ms) => new AppError('too_large', `The page took longer than ${ms / 1000} s to read; save it as text or split it, and import that.`),
  outOfMemory: (mb) => new AppError('too_large', `The page is too large or complex to read within ${mb} MB; save it as text or split it, and import that.`),
  crash: (err) => (err ? new AppError('internal', `Reading the page failed: ${err.message}`) : new AppError('internal', 'The page reader stopped unexpectedly; the page was not imported.')),
  closing: () => new AppError('internal', 'Verbatim is closing; the page was not imported.'),
};
