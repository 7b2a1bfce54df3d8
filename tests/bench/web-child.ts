// Browser mode's main side alone in its own process, for heap figures that count only what the app
// holds (the bench process also holds corpora and results): opens the library, serves the renderer,
// prints {"url"} as one JSON line, then answers each "heap" line on stdin with the heap after a
// full collection. Started by memory.ts with --expose-gc.
import readline from 'node:readline';
import { openLibrary } from '../../main/store/open';
import { createServices } from '../../main/services';
import { createRouter } from '../../main/router';
import { startWebServer } from '../../main/web/server';
import { mainHeap } from './memory';

const [file, rendererDir] = process.argv.slice(2);
if (!file || !rendererDir) throw new Error('usage: web-child.ts LIBRARY RENDERER_DIR');
// Only this process's answers go to stdout.
console.log = console.error;
const lib = await openLibrary(file, { create: false });
const server = await startWebServer({ router: createRouter(createServices(lib)), rendererDir, port: 0 });
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
for await (const line of readline.createInterface({ input: process.stdin })) {
  if (line.trim() === 'heap') process.stdout.write(`${JSON.stringify(mainHeap())}\n`);
}
await server.close();
lib.close();
