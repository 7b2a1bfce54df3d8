// Where a feed is read. Reading 10,000 items takes a second or two of XML work: the app and
// browser mode do it in a worker thread (the same script as the page reader, html-worker.ts), so
// their main thread keeps answering meanwhile; the CLI and the tests read in-process.
import type { FeedListing } from '../../../shared/feed';
import type { ErrorCode } from '../../../shared/contract';
import { AppError } from '../../errors';
import { WorkerQueue, type Outcomes } from '../../worker-queue';
import { readFeed } from './feed';

export type FeedReader = (text: string, source: string) => Promise<FeedListing>;

export const readFeedInProcess: FeedReader = async (text, source) => readFeed(text, source);

export interface FeedWorkerRequest {
  id: number;
  kind: 'feed';
  text: string;
  source: string;
}
export type FeedWorkerReply = { id: number; ok: true; feed: FeedListing } | { id: number; ok: false; code: ErrorCode; message: string };

/** A worker of its own (started on the first feed, idle ones do not hold the process), one feed at a time. */
export class FeedWorker {
  private readonly queue: WorkerQueue<FeedWorkerRequest, FeedWorkerReply, FeedListing>;

  constructor(script: URL, opts: { timeoutMs?: number; maxHeapMb?: number } = {}) {
    this.queue = new WorkerQueue(script, feedOutcomes, { timeoutMs: opts.timeoutMs ?? 60_000, maxHeapMb: opts.maxHeapMb });
  }

  readonly read: FeedReader = (text, source) => this.queue.run((id) => ({ id, kind: 'feed', text, source }));

  close(): Promise<void> {
    return this.queue.close();
  }
}

const feedOutcomes: Outcomes<FeedWorkerReply, FeedListing> = {
  reply: (reply) => (reply.ok ? reply.feed : new AppError(reply.code, reply.message)),
  timeout: (ms) => new AppError('too_large', `The feed took longer than ${ms / 1000} s to read; nothing was imported.`),
  outOfMemory: (mb) => new AppError('too_large', `The feed is too large to read within ${mb} MB; nothing was imported.`),
  crash: (err) => new AppError('internal', `Reading the feed failed${err ? `: ${err.message}` : ''}; nothing was imported.`),
  closing: () => new AppError('internal', 'Verbatim is closing; the feed was not read.'),
};
