// The worker thread behind PdfWorker (pdf-reader.ts): reads one PDF at a time with the same
// readPdf the service uses in-process, and answers with the doc as JSON.
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../errors';
import { readPdf } from './pdf/read';
import type { PdfWorkerReply, PdfWorkerRequest } from './pdf-reader';

parentPort!.on('message', ({ id, bytes }: PdfWorkerRequest) => {
  void readPdf(bytes).then(
    ({ doc, ...meta }) => reply({ id, ok: true, doc: doc.toJSON() as Record<string, unknown>, meta }),
    (err: unknown) =>
      reply(err instanceof AppError ? { id, ok: false, code: err.code, message: err.message } : { id, ok: false, code: 'invalid_input', message: `The PDF could not be read: ${(err as Error)?.message ?? err}` }),
  );
});

function reply(r: PdfWorkerReply) {
  parentPort!.postMessage(r);
}
