// One worker thread kept for slow, memory-hungry jobs (reading a saved web page, finding suggested
// attributions), fed one job at a time: started on the first job and kept for the next (loading a
// library such as jsdom or an NLP model takes a moment), with a time limit per job and a heap
// ceiling. A worker past either is ended and replaced on the next job; an idle one does not keep
// the process alive. What a reply, a timeout or a crash means is the caller's to say (Outcomes).
import { Worker } from 'node:worker_threads';

/** Every request carries the id its reply answers to. */
export interface WorkerRequest {
  id: number;
}

export interface WorkerReply {
  id: number;
}

/** What each way a job can end becomes: a value for the caller, or an error to reject with. */
export interface Outcomes<Reply extends WorkerReply, Out> {
  reply(reply: Reply): Out | Error;
  timeout(limitMs: number): Out | Error;
  outOfMemory(maxHeapMb: number): Out | Error;
  /** The worker threw (not out of memory) or exited unexpectedly. */
  crash(err: Error | null): Error;
  /** The queue was closed before the job ran. */
  closing(): Error;
}

export interface WorkerQueueOptions {
  /** The longest one job may take. */
  timeoutMs: number;
  /** The worker's V8 heap ceiling. */
  maxHeapMb?: number;
}

interface Job<Request, Out> {
  request: Request;
  resolve: (out: Out) => void;
  reject: (err: Error) => void;
}

export class WorkerQueue<Request extends WorkerRequest, Reply extends WorkerReply, Out> {
  private worker: Worker | null = null;
  private queue: Job<Request, Out>[] = [];
  private current: Job<Request, Out> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private seq = 0;
  readonly timeoutMs: number;
  readonly maxHeapMb: number;

  constructor(
    private readonly script: URL,
    private readonly outcomes: Outcomes<Reply, Out>,
    opts: WorkerQueueOptions,
  ) {
    this.timeoutMs = opts.timeoutMs;
    this.maxHeapMb = opts.maxHeapMb ?? 1024;
  }

  /** Queues a job; `make` receives the job's id. */
  run(make: (id: number) => Request): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ request: make(++this.seq), resolve, reject });
      this.next();
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    for (const job of this.queue.splice(0)) job.reject(this.outcomes.closing());
    this.finish(this.outcomes.closing());
    await worker?.terminate();
  }

  private next() {
    if (this.current || !this.queue.length) return;
    const job = (this.current = this.queue.shift()!);
    const worker = this.spawn();
    worker.ref();
    this.timer = setTimeout(() => {
      // The stuck worker is dropped first, so the next job goes to a fresh one.
      this.worker = null;
      void worker.terminate();
      this.finish(this.outcomes.timeout(this.timeoutMs));
    }, this.timeoutMs);
    worker.postMessage(job.request);
  }

  private spawn(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb } });
    // Each handler acts only for the worker in service: a dropped one may still report its end.
    worker.on('message', (reply: Reply) => {
      if (worker !== this.worker || reply.id !== this.current?.request.id) return;
      this.finish(this.outcomes.reply(reply));
    });
    worker.on('error', (err: Error & { code?: string }) => {
      if (worker !== this.worker) return;
      this.worker = null;
      this.finish(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? this.outcomes.outOfMemory(this.maxHeapMb) : this.outcomes.crash(err));
    });
    worker.on('exit', () => {
      if (worker !== this.worker) return;
      this.worker = null;
      this.finish(this.outcomes.crash(null));
    });
    return (this.worker = worker);
  }

  /** Settles the current job (once) and moves on; an idle worker no longer holds the process open. */
  private finish(result: Out | Error) {
    const job = this.current;
    if (!job) return;
    this.current = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (result instanceof Error) job.reject(result);
    else job.resolve(result);
    if (this.queue.length) this.next();
    else this.worker?.unref();
  }
}
