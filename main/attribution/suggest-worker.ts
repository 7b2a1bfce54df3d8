// The worker thread behind SuggestWorker (background.ts): runs the same engine the calling thread
// runs, one article at a time, with the deadline it is given, and answers with plain data.
import { parentPort } from 'node:worker_threads';
import { suggestWithin, type SuggestWorkerReply, type SuggestWorkerRequest } from './background';

parentPort!.on('message', ({ id, text, actors, budgetMs }: SuggestWorkerRequest) => {
  let reply: SuggestWorkerReply;
  try {
    reply = { id, ok: true, ...suggestWithin(text, actors, budgetMs) };
  } catch (err) {
    reply = { id, ok: false, message: `Finding suggestions failed: ${(err as Error).message}` };
  }
  parentPort!.postMessage(reply);
});
