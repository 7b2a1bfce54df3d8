// Long articles' suggestions are found in a worker thread (main/attribution/background.ts): the same
// answer as on the calling thread, the main thread free meanwhile, and an article past the time
// limit answered `tooLarge` (the worker ended and replaced) instead of freezing anything. Runs the
// built worker (dist/main/suggest-worker.js, built by the test setup), the one the CLI and the app start.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SuggestWorker, suggestWithin, type SuggestWorkerOptions } from '../../main/attribution/background';
import { createServices } from '../../main/services';
import { createRouter } from '../../main/router';
import { AppError } from '../../main/errors';
import { paste, sampleArticle, tempDir, tempLibrary } from './helpers';

const script = new URL('../../dist/main/suggest-worker.js', import.meta.url);
const codebook = [
  { id: 1, name: 'Kim Jung Han', aliases: ['Kim'] },
  { id: 2, name: 'Shigeki Takizaki', aliases: [] },
];

const workers: SuggestWorker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.close()));
});
const worker = (opts?: SuggestWorkerOptions, at = script) => {
  const w = new SuggestWorker(at, opts);
  workers.push(w);
  return w;
};

describe('finding suggestions in a worker thread', () => {
  it('gives exactly what the calling thread gives', async () => {
    const text = sampleArticle();
    const here = suggestWithin(text, codebook, 10_000);
    expect(here.suggestions.length).toBeGreaterThan(0);
    expect(await worker({ inlineMaxChars: 0 }).suggest(text, codebook)).toEqual(here);
  });

  it('answers a 100,000-paragraph article with tooLarge, while the library keeps answering, and remembers it', async () => {
    const w = worker({ timeoutMs: 2_000 });
    let runs = 0;
    const { services: plain, lib } = await tempLibrary();
    const huge = Array.from({ length: 100_000 }, (_, i) => `“No ${i},” Kim said.`).join('\n\n');
    const imported = await plain.importer.import(paste(huge));
    expect(imported.status).toBe('imported');
    const s = createServices(lib, { suggest: (text, actors) => (runs++, w.suggest(text, actors)) });
    const router = createRouter(s);

    let settled = false;
    const listing = router('suggestions.list', { articleId: imported.id }).finally(() => (settled = true));
    // The main thread is free: other calls are answered while the engine works.
    expect(await router('library.info', {})).toMatchObject({ ok: true, value: { articleCount: 1 } });
    expect(await router('annotations.list', { articleId: imported.id })).toEqual({ ok: true, value: [] });
    expect(settled).toBe(false);

    expect(await listing).toEqual({ ok: true, value: { suggestions: [], tooLarge: true } });
    // Opening it again does not spend the time limit again.
    expect(await router('suggestions.list', { articleId: imported.id })).toEqual({ ok: true, value: { suggestions: [], tooLarge: true } });
    expect(runs).toBe(1);
    // And an ordinary article is still read.
    const small = await s.importer.import(paste('“We will not back down,” said Kim Jung Han.'));
    expect((await s.suggestions.list(small.id!)).suggestions).toHaveLength(1);
  });

  it('ends a worker that does not answer in time and starts a fresh one for the next article', async () => {
    // A stand-in worker that never answers "hang", fails on "fail", and otherwise answers with its thread id.
    const stub = path.join(tempDir(), 'stub-worker.mjs');
    fs.writeFileSync(
      stub,
      `import { parentPort, threadId } from 'node:worker_threads';
       parentPort.on('message', ({ id, text }) => {
         if (text === 'hang') for (;;);
         if (text === 'fail') return parentPort.postMessage({ id, ok: false, message: 'Finding suggestions failed: no.' });
         parentPort.postMessage({ id, ok: true, tooLarge: false, suggestions: [{ kind: 'direct', confidence: 1, content: { start: 0, end: 1, exact: String(threadId) }, cue: null, source: null, speaker: null }] });
       });`,
    );
    // The limit counts from handing the article over, worker start included: generous for a loaded machine.
    const w = worker({ timeoutMs: 3_000, inlineMaxChars: 0 }, pathToFileURL(stub));
    const thread = async (text: string) => (await w.suggest(text, []))!.suggestions[0]!.content.exact;
    const first = await thread('ok');
    expect(await w.suggest('hang', [])).toEqual({ suggestions: [], tooLarge: true });
    const second = await thread('ok');
    expect(second).not.toBe(first);
    await expect(w.suggest('fail', [])).rejects.toEqual(new AppError('internal', 'Finding suggestions failed: no.'));
    expect(await thread('ok')).toBe(second);
  });

  it('refuses what is still queued when closed', async () => {
    const w = worker({ inlineMaxChars: 0 });
    const refused = expect(w.suggest(sampleArticle(), codebook)).rejects.toMatchObject({ code: 'internal', message: expect.stringMatching(/closing/) });
    await w.close();
    await refused;
  });
});
