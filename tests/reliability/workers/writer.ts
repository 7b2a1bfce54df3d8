// A writer for the kill tests: opens a library through openLibrary, performs store operations
// through the real services (imports, annotation creates and edits, briefing creates and saves)
// and appends one line per operation to an acknowledgement log: `begin` before the call, `ack`
// after it has returned, i.e. after its transaction committed. The parent SIGKILLs this process at
// a random moment and then checks that every acknowledged operation is in the file.
//
//   node --import tsx tests/reliability/workers/writer.ts DB ACKLOG SEED MAXOPS
//
// Lines are JSON: {"t":"begin"|"ack", "op", "seq", "id", ...}. `seq` is unique across runs
// (SEED * 1e6 + n) and is written into what the operation stores (a title, a comment, a
// briefing paragraph), so the check can tell which write a row holds.
import fs from 'node:fs';
import { openLibrary } from '../../../main/store/open';
import { createServices } from '../../../main/services';
import { briefingSchema as bs } from '../../../shared/schema/briefing';
import { prng } from '../prng';

const [db, ackPath, seedArg, maxArg] = process.argv.slice(2);
const seed = Number(seedArg);
const maxOps = Number(maxArg ?? 1e9);
const rand = prng(seed);
const ack = fs.openSync(ackPath!, 'a');
const log = (line: object) => {
  fs.writeSync(ack, `${JSON.stringify(line)}\n`);
};

const WORDS = 'tokyo seoul labor court ruling assets ministry export controls sincerity compensation talks summit envoy statement treaty'.split(' ');
const sentence = (n: number) => Array.from({ length: n }, () => rand.pick(WORDS)).join(' ');

const lib = await openLibrary(db!);
const s = createServices(lib);
const articles = (lib.db.prepare('SELECT id, length(text) AS len FROM articles WHERE deleted_at IS NULL').all() as { id: number; len: number }[]).map((a) => ({ ...a }));
const annotations = lib.db.prepare('SELECT id FROM annotations WHERE deleted_at IS NULL').pluck().all() as number[];
const briefings = lib.db.prepare('SELECT id FROM briefings WHERE deleted_at IS NULL').pluck().all() as number[];
log({ t: 'ready', pid: process.pid });
process.stdout.write('ready\n');

type Op = 'import' | 'annotate' | 'edit' | 'createBriefing' | 'save';
function chooseOp(): Op {
  if (!articles.length) return 'import';
  if (!briefings.length) return 'createBriefing';
  const r = rand.next();
  if (r < 0.3) return 'import';
  if (r < 0.55) return 'annotate';
  if (r < 0.75 && annotations.length) return 'edit';
  if (r < 0.8) return 'createBriefing';
  return 'save';
}

for (let n = 0; n < maxOps; n++) {
  const seq = seed * 1_000_000 + n;
  const op = chooseOp();
  switch (op) {
    case 'import': {
      const title = `Reliability article ${seq}`;
      const body = Array.from({ length: rand.int(1, 12) }, () => `${sentence(rand.int(8, 40))}.`).join('\n\n');
      log({ t: 'begin', op, seq, title });
      const r = await s.importer.import({ file: 'pasted text', encoding: 'text', data: `Marker ${seq}.\n\n${body}`, title });
      if (r.status !== 'imported') throw new Error(`import ${seq}: ${JSON.stringify(r)}`);
      log({ t: 'ack', op, seq, id: r.id, title });
      articles.push({ id: r.id!, len: s.library.get(r.id!).text.length });
      break;
    }
    case 'annotate': {
      const a = rand.pick(articles);
      const start = rand.int(0, Math.max(0, a.len - 12));
      const end = Math.min(a.len, start + rand.int(8, 60));
      const comment = `v${seq}`;
      log({ t: 'begin', op, seq, articleId: a.id, comment });
      let created;
      try {
        created = s.annotations.create({ articleId: a.id, kind: rand.pick(['quote', 'paraphrase', 'note'] as const), start, end, comment, tags: [`run${seed}`] });
      } catch (err) {
        // A range of only white space is refused; that is not an acknowledged write.
        log({ t: 'refused', op, seq, error: (err as Error).message });
        break;
      }
      log({ t: 'ack', op, seq, id: created.id, articleId: a.id, comment });
      annotations.push(created.id);
      break;
    }
    case 'edit': {
      const id = rand.pick(annotations);
      const comment = `v${seq}`;
      log({ t: 'begin', op, seq, id, comment });
      s.annotations.update({ id, comment, tags: [`edited${seed}`] });
      log({ t: 'ack', op, seq, id, comment });
      break;
    }
    case 'createBriefing': {
      const title = `Reliability briefing ${seq}`;
      log({ t: 'begin', op, seq, title });
      const b = s.briefings.create({ template: rand.next() < 0.5 ? 'situation' : 'blank', title });
      log({ t: 'ack', op, seq, id: b.id, title, version: b.version });
      briefings.push(b.id);
      break;
    }
    case 'save': {
      const id = rand.pick(briefings);
      const marker = `b${seq}`;
      const paragraphs = [marker, ...Array.from({ length: rand.int(1, 30) }, () => `${sentence(rand.int(5, 30))}.`)];
      const doc = bs.node('doc', null, paragraphs.map((t) => bs.node('paragraph', null, bs.text(t)))).toJSON();
      log({ t: 'begin', op, seq, id, marker });
      const meta = s.briefings.save(id, doc);
      log({ t: 'ack', op, seq, id, marker, version: meta.version });
      break;
    }
  }
  process.stdout.write('.');
}
lib.close();
log({ t: 'done' });
