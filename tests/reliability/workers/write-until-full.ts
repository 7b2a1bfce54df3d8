// Imports articles through the router until the disk is full, logging every acknowledged import
// and every refusal with its error code, then stops after a few refusals in a row.
//
//   node --import tsx tests/reliability/workers/write-until-full.ts LIBRARY ACKLOG
import fs from 'node:fs';
import { openLibrary } from '../../../main/store/open';
import { createServices } from '../../../main/services';
import { createRouter } from '../../../main/router';

const [library, ackLog] = process.argv.slice(2) as [string, string];
const log = fs.openSync(ackLog, 'a');
const lib = await openLibrary(library);
const router = createRouter(createServices(lib), { onError: () => {} });
let refusedInARow = 0;
for (let n = 0; refusedInARow < 5 && n < 100_000; n++) {
  const text = `Write ${n}. ` + `The ministry said talks would resume on the wartime labor question, number ${n}. `.repeat(40);
  const r = await router('articles.import', { file: 'pasted text', encoding: 'text', data: text });
  if (r.ok) {
    refusedInARow = 0;
    fs.writeSync(log, `${JSON.stringify({ t: 'ack', n, id: (r.value as { id: number }).id })}\n`);
  } else {
    refusedInARow++;
    fs.writeSync(log, `${JSON.stringify({ t: 'refused', n, code: r.error.code, message: r.error.message })}\n`);
  }
}
lib.close();
