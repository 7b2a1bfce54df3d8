// The worker thread behind HtmlWorker (html-reader.ts): reads one page at a time with the same
// parseHtml the service uses in-process, and answers with the doc as JSON.
import { parentPort } from 'node:worker_threads';
import { parseHtml } from './html';
import type { HtmlWorkerReply, HtmlWorkerRequest } from './html-reader';

parentPort!.on('message', ({ id, html }: HtmlWorkerRequest) => {
  let reply: HtmlWorkerReply;
  try {
    const { doc, ...meta } = parseHtml(html);
    reply = { id, ok: true, doc: doc.toJSON() as Record<string, unknown>, meta };
  } catch (err) {
    reply = { id, ok: false, message: `The page could not be read: ${(err as Error).message}` };
  }
  parentPort!.postMessage(reply);
});
