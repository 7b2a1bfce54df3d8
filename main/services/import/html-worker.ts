// The worker thread behind HtmlWorker (html-reader.ts): reads one page at a time with the same
// parseHtml the service uses in-process, and answers with the doc as JSON. A FeedWorker
// (feed-reader.ts) runs this script too, sending feeds (`kind: 'feed'`) to read.
import { parentPort } from 'node:worker_threads';
import { parseHtml } from './html';
import type { HtmlWorkerReply, HtmlWorkerRequest } from './html-reader';
import { readFeed } from './feed';
import type { FeedWorkerReply, FeedWorkerRequest } from './feed-reader';
import { AppError } from '../../errors';

parentPort!.on('message', (request: HtmlWorkerRequest | FeedWorkerRequest) => {
  if ('kind' in request && request.kind === 'feed') {
    let reply: FeedWorkerReply;
    try {
      reply = { id: request.id, ok: true, feed: readFeed(request.text, request.source) };
    } catch (err) {
      reply = { id: request.id, ok: false, code: err instanceof AppError ? err.code : 'internal', message: (err as Error).message };
    }
    parentPort!.postMessage(reply);
    return;
  }
  const { id, html } = request as HtmlWorkerRequest;
  let reply: HtmlWorkerReply;
  try {
    const { doc, ...meta } = parseHtml(html);
    reply = { id, ok: true, doc: doc.toJSON() as Record<string, unknown>, meta };
  } catch (err) {
    reply = { id, ok: false, message: `The page could not be read: ${(err as Error).message}` };
  }
  parentPort!.postMessage(reply);
});
