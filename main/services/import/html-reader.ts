// Reading HTML is the one slow, memory-hungry step of an import (jsdom + Readability): a saved page
// with 100,000 paragraphs needs minutes and gigabytes. The CLI, browser mode and the app read HTML
// in a worker thread with a memory ceiling and a time limit, so the library keeps answering while
// a big page is read, and a monstrous one fails with a reason instead of taking the process down.
import { Worker } from 'node:worker_threads';
import { articleSchema } from '../../../shared/schema';
import { AppError } from '../../errors';
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

interface Job {
  id: number;
  html: string;
  resolve: (parsed: ParsedArticle) => void;
  reject: (err: Error) => void;
}

/**
 * One worker, started on the first HTML import and kept for the next (jsdom takes a third of a
 * second to load); pages are read one at a time. A worker that runs out of memory or time is
 * ended and replaced on the next page. It does not keep the process alive while idle.
 */
export class HtmlWorker {
  private worker: Worker | null = null;
  private queue: Job[] = [];
  private current: Job | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private seq = 0;
  private readonly maxHeapMb: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly script: URL,
    opts: HtmlWorkerOptions = {},
  ) {
    this.maxHeapMb = opts.maxHeapMb ?? 1024;
    this.timeoutMs = opts.timeoutMs ?? 60_000;
  }

  readonly read: HtmlReader = (html) =>
    new Promise<ParsedArticle>((resolve, reject) => {
      this.queue.push({ id: ++this.seq, html, resolve, reject });
      this.next();
    });

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    const closing = () => new AppError('internal', 'Verbatim is closing; the page was not imported.');
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
      // The stuck worker is dropped first, so the next page goes to a fresh one.
      this.worker = null;
      void worker.terminate();
      this.finish(new AppError('too_large', `The page took longer than ${this.timeoutMs / 1000} s to read; save it as text or split it, and import that.`));
    }, this.timeoutMs);
    worker.postMessage({ id: job.id, html: job.html } satisfies HtmlWorkerRequest);
  }

  private spawn(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb } });
    // Each handler acts only for the worker in service: a dropped one may still report its end.
    worker.on('message', (reply: HtmlWorkerReply) => {
      if (worker !== this.worker || reply.id !== this.current?.id) return;
      if (!reply.ok) return this.finish(new AppError('unsupported', reply.message));
      let parsed: ParsedArticle;
      try {
        parsed = { ...reply.meta, doc: articleSchema.nodeFromJSON(reply.doc) };
      } catch (err) {
        return this.finish(new AppError('internal', `The page was read into something Verbatim cannot store: ${(err as Error).message}`));
      }
      this.finish(null, parsed);
    });
    worker.on('error', (err: Error & { code?: string }) => {
      if (worker !== this.worker) return;
      this.worker = null;
      this.finish(
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new AppError('too_large', `The page is too large or complex to read within ${this.maxHeapMb} MB; save it as text or split it, and import that.`)
          : new AppError('internal', `Reading the page failed: ${err.message}`),
      );
    });
    worker.on('exit', () => {
      if (worker !== this.worker) return;
      this.worker = null;
      this.finish(new AppError('internal', 'The page reader stopped unexpectedly; the page was not imported.'));
    });
    return (this.worker = worker);
  }

  /** Settles the current page (once) and moves on; an idle worker no longer holds the process open. */
  private finish(err: Error | null, parsed?: ParsedArticle) {
    const job = this.current;
    if (!job) return;
    this.current = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (err) job.reject(err);
    else job.resolve(parsed!);
    if (this.queue.length) this.next();
    else this.worker?.unref();
  }
}
