// Shared pieces of the reliability suite: a seeded PRNG, table fingerprints, the CLI as a child
// process (with its peak memory), and a library with something in every table.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { Node } from 'prosemirror-model';
import { briefingSchema as bs } from '../../shared/schema/briefing';
import type { Services } from '../../main/services';
import type { Router } from '../../main/router';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import { paste, sampleArticle } from '../unit/helpers';
import { prng, type Prng } from './prng';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const bin = path.join(repoRoot, 'bin/verbatim.js');

export { prng, type Prng } from './prng';

/** Every table in the file (ordinary, virtual and FTS shadow tables): row count and a hash of all rows. */
export function tableFingerprints(db: Database.Database): Record<string, { rows: number; sha256: string }> {
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
  const out: Record<string, { rows: number; sha256: string }> = {};
  for (const name of tables) {
    const q = `"${name.replaceAll('"', '""')}"`;
    const columns = (db.prepare(`SELECT * FROM ${q} LIMIT 0`).columns() as unknown[]).length;
    const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
    const hash = createHash('sha256');
    let rows = 0;
    for (const row of db.prepare(`SELECT * FROM ${q} ORDER BY ${order}`).raw().iterate() as Iterable<unknown[]>) {
      rows++;
      hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? `blob:${v.toString('base64')}` : typeof v === 'bigint' ? `big:${v}` : v)));
      hash.update('\n');
    }
    out[name] = { rows, sha256: hash.digest('hex') };
  }
  return out;
}

export { cli, cliAsync, type CliResult } from './cli-run';

/** `verbatim web --port 0` on a library: its URL, token and a stop function. */
export function startCliServer(db: string, extra: string[] = []): Promise<{ url: string; origin: string; token: string; pid: number; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [bin, '--db', db, 'web', '--port', '0', ...extra], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VERBATIM_DB: '' } });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /running at (\S+)/.exec(out);
      if (m) {
        const u = new URL(m[1]!);
        resolve({
          url: m[1]!,
          origin: u.origin,
          token: u.searchParams.get('token')!,
          pid: child.pid!,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done(child.exitCode);
              child.once('exit', (code) => done(code));
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`verbatim web exited (${code}): ${out}`)));
  });
}

const p = (text: string) => bs.node('paragraph', null, text ? bs.text(text) : undefined);
export const briefingDoc = (...paragraphs: string[]) => bs.node('doc', null, paragraphs.map(p)).toJSON() as Record<string, unknown>;

/**
 * A library with rows in every table: articles (one trashed), actors with aliases and
 * affiliations, topics, positions, annotations coded to positions (one trashed), briefings with
 * saves and revisions (one trashed). Returns what it made.
 */
export async function fillLibrary(s: Services, rand: Prng = prng(7), articles = 12) {
  const ids: number[] = [];
  for (let i = 0; i < articles; i++) {
    const r = await s.importer.import(paste(`${sampleArticle()}\n\nReliability copy ${i}: ${rand.next().toString(36)}.`, { outlet: rand.pick(['Kyodo News', 'Yonhap', 'Reuters']), publishedAt: `2020-10-${String(10 + (i % 20)).padStart(2, '0')}` }));
    ids.push(r.id!);
  }
  await s.importer.import(paste('<h1>An HTML article</h1><p>With <a href="https://example.com/x">a link</a> and <em>emphasis</em>.</p>'));
  // Japanese, Korean and Chinese in an article, a comment and a briefing, so the CJK search
  // tables (migration 10) hold rows like every other table.
  await s.importer.import(paste('徴用工問題で資産売却の手続きが進む。\n\n외교부는 일본 측의 성의를 촉구했다.', { outlet: 'Kyodo News' }));
  const ministry = s.codebook.createActor({ name: 'South Korean Foreign Ministry', kind: 'organization' });
  const kim = s.codebook.createActor({ name: 'Kim Jung Han', aliases: ['Kim', 'Director Kim'], affiliations: [{ organizationId: ministry.id, role: 'Director-General' }], notes: 'Lead negotiator.' });
  // A name in kanji too, so the CJK search tables (migration 10) hold rows like every other.
  const taki = s.codebook.createActor({ name: 'Shigeki Takizaki', aliases: ['滝崎成樹'] });
  const topic = s.codebook.createTopic('Wartime labor compensation', 'The 2018 rulings and after.');
  const other = s.codebook.createTopic('Export controls');
  const sincerity = s.codebook.createPosition(topic.id, 'Japan must show more sincerity on wartime labor');
  const noSale = s.codebook.createPosition(topic.id, 'Seized assets must not be liquidated');
  const lift = s.codebook.createPosition(other.id, 'Export controls must be lifted');
  // A position merged away, so the merge redirects (migration 13) hold a row like every other table.
  const liftAgain = s.codebook.createPosition(other.id, 'The export controls should go');
  s.codebook.mergePositions(liftAgain.id, lift.id);
  const annotations: number[] = [];
  for (const id of ids) {
    const text = s.library.get(id).text;
    for (let k = 0; k < 3; k++) {
      const start = rand.int(0, text.length - 60);
      const a = s.annotations.create({
        articleId: id,
        kind: rand.pick(['quote', 'paraphrase', 'note'] as const),
        start,
        end: start + rand.int(5, 50),
        speakerId: rand.pick([kim.id, taki.id, ministry.id, null]),
        positions: [{ positionId: rand.pick([sincerity.id, noSale.id, lift.id]), stance: rand.pick(['supports', 'opposes', 'neutral'] as const) }],
        comment: rand.next() < 0.5 ? `Comment ${k} on ${id}` : null,
        tags: rand.next() < 0.5 ? ['labor', `t${k}`] : [],
      });
      annotations.push(a.id);
    }
  }
  s.annotations.update({ id: annotations[1]!, comment: '滝崎局長の発言' });
  s.annotations.delete(annotations[0]!);
  const briefings: number[] = [];
  for (let i = 0; i < 3; i++) {
    const b = s.briefings.create({ template: i === 0 ? 'situation' : 'blank', title: i === 1 ? `Briefing ${i}: 한일관계` : `Briefing ${i}` });
    s.briefings.save(b.id, briefingDoc(`Seoul presses Tokyo ${i}.`, 'Tokyo warns against liquidation.'));
    s.briefings.snapshot(b.id);
    s.briefings.save(b.id, briefingDoc(`Second draft ${i}.`));
    briefings.push(b.id);
  }
  s.briefings.delete(briefings[2]!);
  // Suggestions: an answer kept for one article, and one of them rejected.
  const { suggestions } = await s.suggestions.list(ids[1]!);
  if (suggestions[0]) await s.suggestions.reject(ids[1]!, suggestions[0].key);
  s.library.delete(ids[ids.length - 1]!);
  return { articles: ids, actors: [ministry.id, kim.id, taki.id], topics: [topic.id, other.id], positions: [sincerity.id, noSale.id, lift.id], annotations, briefings };
}

/** Reads a doc's text the way a reader would, to compare briefings. */
export const docText = (doc: unknown) => Node.fromJSON(bs, doc).textContent;

export function fileSha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * Bundles a worker script with esbuild into node_modules/.cache (so its packages resolve), once per
 * test file: starting plain JavaScript 30 times is much faster than going through tsx each time.
 */
export async function bundleWorker(entry: string): Promise<string> {
  const { build } = await import('esbuild');
  const outDir = path.join(repoRoot, 'node_modules', '.cache', 'verbatim-reliability');
  const outfile = path.join(outDir, `${path.basename(entry, '.ts')}-${process.pid}.mjs`);
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
  return outfile;
}


/** Runs `tasks` with at most `limit` at a time; results in order. */
export async function pool<T>(limit: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}

/** A typed call through the router that throws on a failed result. */
export async function callOk<N extends CallName>(router: Router, name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const r = await router(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as CallOutput<N>;
}
