// Reading a PDF (pdf.js parsing every page, then the layout work) takes seconds for a long report
// and memory in proportion to the file. The CLI, browser mode and the app read PDFs in a worker
// thread with a heap ceiling and a time limit, as they read saved web pages (html-reader.ts): the
// library keeps answering meanwhile, and a file past either limit fails with a reason.
import { articleSchema } from '../../../shared/schema';
import type { ErrorCode } from '../../../shared/contract';
import { AppError } from '../../errors';
import { WorkerQueue, type Outcomes } from '../../worker-queue';
import { readPdf } from './pdf/read';
import type { ParsedArticle } from './parsed';

export type PdfReader = (bytes: Uint8Array) => Promise<ParsedArticle>;

/** Reads on the calling thread: what the service tests use. */
export const readPdfInProcess: PdfReader = (bytes) => readPdf(bytes);

export type PdfWorkerReply =
  | { id: number; ok: true; doc: Record<string, unknown>; meta: Omit<ParsedArticle, 'doc'> }
  | { id: number; ok: false; code: ErrorCode; message: string };
export interface PdfWorkerRequest {
  id: number;
  bytes: Uint8Array;
}

export interface PdfWorkerOptions {
  maxHeapMb?: number;
  timeoutMs?: number;
}

/** One worker, started on the first PDF and kept for the next; files are read one at a time. */
export class PdfWorker {
  private readonly queue: WorkerQueue<PdfWorkerRequest, PdfWorkerReply, ParsedArticle>;

  constructor(script: URL, opts: PdfWorkerOptions = {}) {
    this.queue = new WorkerQueue(script, pdfOutcomes, { timeoutMs: opts.timeoutMs ?? 120_000, maxHeapMb: opts.maxHeapMb });
  }

  readonly read: PdfReader = (bytes) => this.queue.run((id) => ({ id, bytes }));

  close(): Promise<void> {
    return this.queue.close();
  }
}

const pdfOutcomes: Outcomes<PdfWorkerReply, ParsedArticle> = {
  reply(reply) {
    if (!reply.ok) return new AppError(reply.code, reply.message);
    try {
      return { ...reply.meta, doc: articleSchema.nodeFromJSON(reply.doc) };
    } catch (err) {
      return new AppError('internal', `The PDF was read into something Verbatim cannot store: ${(err as Error).message}`);
    }
  },
  timeout: (ms) => new AppError('too_large', `The PDF took longer than ${ms / 1000} s to read; split it, or save its text, and import that.`),
  outOfMemory: (mb) => new AppError('too_large', `The PDF is too large or complex to read within ${mb} MB; split it, or save its text, and import that.`),
  crash: (err) => (err ? new AppError('internal', `Reading the PDF failed: ${err.message}`) : new AppError('internal', 'The PDF reader stopped unexpectedly; the file was not imported.')),
  closing: () => new AppError('internal', 'Verbatim is closing; the PDF was not imported.'),
};
