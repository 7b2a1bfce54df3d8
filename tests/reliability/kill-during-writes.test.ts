// Promise: no acknowledged change is ever lost. A child process writes through the real services
// (workers/writer.ts) and is SIGKILLed at random moments, 30 times on the same library; after each
// kill the library must pass SQLite's checks, open, and hold every acknowledged operation.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../main/store/open';
import { integrityProblems } from '../../main/store/backup';
import { tempDir } from '../unit/helpers';
import { bundleWorker, prng } from './support';

let writer = '';
beforeAll(async () => {
  writer = await bundleWorker(fileURLToPath(new URL('./workers/writer.ts', import.meta.url)));
  return () => fs.rmSync(writer, { force: true });
});
const RUNS = 30;
const SEED = 20261127;

interface Line {
  t: 'ready' | 'begin' | 'ack' | 'refused' | 'done';
  op?: 'import' | 'annotate' | 'edit' | 'createBriefing' | 'save';
  seq?: number;
  id?: number;
  articleId?: number;
  title?: string;
  comment?: string;
  marker?: string;
  version?: number;
}

/** Runs the writer until it has reported `kills` operations, then SIGKILLs it after a random 0–6 ms. */
function runAndKill(db: string, ackLog: string, seed: number, killAfter: number, jitterMs: number): Promise<{ signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, [writer, db, ackLog, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let seen = 0;
  let killing = false;
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    for (const c of d.toString()) if (c === '.') seen++;
    if (!killing && seen >= killAfter) {
      killing = true;
      setTimeout(() => child.kill('SIGKILL'), jitterMs);
    }
  });
  const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) =>
    child.once('exit', (_code, signal) => {
      clearTimeout(guard);
      resolve({ signal, stderr });
    }),
  );
}

function readLog(file: string): Line[] {
  // A line cut short by the kill is the op in flight: it was never acknowledged.
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as Line];
      } catch {
        return [];
      }
    });
}

/**
 * What each acknowledged operation promises, checked against the file. A value written by a later
 * operation that was begun but killed before its acknowledgement may legitimately have committed,
 * so an entity may hold its last acknowledged value or any later begun one, never an older one.
 */
function missingAcks(db: import('better-sqlite3').Database, lines: Line[]): { acked: number; lost: string[] } {
  const lost: string[] = [];
  let acked = 0;
  const allowed = new Map<string, Set<string>>();
  const need = (key: string, value: string) => allowed.set(key, new Set([value]));
  const maybe = (key: string, value: string) => allowed.get(key)?.add(value);
  const pendingBegin = new Map<number, Line>();
  for (const l of lines) {
    if (l.t === 'begin') {
      pendingBegin.set(l.seq!, l);
      if (l.op === 'edit') maybe(`annotation:${l.id}`, l.comment!);
      if (l.op === 'save') maybe(`briefing:${l.id}`, l.marker!);
      continue;
    }
    if (l.t !== 'ack') continue;
    acked++;
    pendingBegin.delete(l.seq!);
    if (l.op === 'annotate' || l.op === 'edit') need(`annotation:${l.id}`, l.comment!);
    if (l.op === 'save') need(`briefing:${l.id}`, l.marker!);
    if (l.op === 'import') {
      const row = db.prepare('SELECT title, deleted_at FROM articles WHERE id = ?').get(l.id) as { title: string; deleted_at: string | null } | undefined;
      if (!row || row.title !== l.title || row.deleted_at) lost.push(`import ${l.seq} (article ${l.id})`);
    }
    if (l.op === 'annotate') {
      const row = db.prepare('SELECT article_id FROM annotations WHERE id = ? AND deleted_at IS NULL').get(l.id) as { article_id: number } | undefined;
      if (row?.article_id !== l.articleId) lost.push(`annotate ${l.seq} (annotation ${l.id})`);
    }
    if (l.op === 'createBriefing') {
      const row = db.prepare('SELECT title FROM briefings WHERE id = ?').get(l.id) as { title: string } | undefined;
      if (row?.title !== l.title) lost.push(`createBriefing ${l.seq} (briefing ${l.id})`);
    }
    if (l.op === 'save') {
      const row = db.prepare('SELECT version FROM briefings WHERE id = ?').get(l.id) as { version: number } | undefined;
      if (!row || row.version < l.version!) lost.push(`save ${l.seq}: briefing ${l.id} is at version ${row?.version}, acknowledged ${l.version}`);
    }
  }
  for (const [key, values] of allowed) {
    const [kind, id] = key.split(':');
    const current =
      kind === 'annotation'
        ? ((db.prepare('SELECT comment FROM annotations WHERE id = ?').pluck().get(Number(id)) as string | undefined) ?? null)
        : (/"text":"(b\d+)"/.exec((db.prepare('SELECT doc FROM briefings WHERE id = ?').pluck().get(Number(id)) as string | undefined) ?? '')?.[1] ?? null);
    if (current === null || !values.has(current)) lost.push(`${key} holds ${current}, expected one of ${[...values].join(', ')}`);
  }
  return { acked, lost };
}

describe('killing the process during writes', () => {
  it(`loses no acknowledged operation across ${RUNS} SIGKILLs, and the library stays sound`, async () => {
    const dir = tempDir();
    const db = path.join(dir, 'library.sqlite');
    const rand = prng(SEED);
    const figures = { runs: 0, operations: 0, begun: 0, killedInFlight: 0, integrityFailures: 0, openFailures: 0, lost: 0 };
    const failures: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      const ackLog = path.join(dir, `ack-${run}.log`);
      const { signal, stderr } = await runAndKill(db, ackLog, SEED + run, rand.int(70, 280), rand.int(0, 6));
      expect(signal, `run ${run}: the writer died by itself:\n${stderr}`).toBe('SIGKILL');
      figures.runs++;

      // `verbatim check` right after the crash: read-only, WAL and -shm left as the kill left them.
      const problems = integrityProblems(db);
      if (problems.length) {
        figures.integrityFailures++;
        failures.push(`run ${run}: integrity_check after the kill: ${problems.join('; ')}`);
      }
      let lib;
      try {
        lib = await openLibrary(db);
      } catch (err) {
        figures.openFailures++;
        failures.push(`run ${run}: openLibrary: ${(err as Error).message}`);
        continue;
      }
      try {
        const full = lib.db.pragma('integrity_check', { simple: true });
        if (full !== 'ok') {
          figures.integrityFailures++;
          failures.push(`run ${run}: integrity_check after reopening: ${String(full)}`);
        }
        const lines = readLog(ackLog);
        const { acked, lost } = missingAcks(lib.db, lines);
        figures.operations += acked;
        figures.begun += lines.filter((l) => l.t === 'begin').length;
        if (lines.filter((l) => l.t === 'begin').length > acked + lines.filter((l) => l.t === 'refused').length) figures.killedInFlight++;
        // The check of the latest values runs over every run's log, so later runs can't hide a loss.
        const all = missingAcks(lib.db, Array.from({ length: run + 1 }, (_, r) => readLog(path.join(dir, `ack-${r}.log`))).flat());
        figures.lost = all.lost.length;
        if (lost.length || all.lost.length) failures.push(`run ${run}: ${[...new Set([...lost, ...all.lost])].slice(0, 5).join('; ')}`);
      } finally {
        lib.close();
      }
    }
    console.log(`[reliability] kill-during-writes: ${JSON.stringify(figures)}`);
    expect(failures).toEqual([]);
    expect(figures.lost).toBe(0);
    expect(figures.operations).toBeGreaterThan(3000);
  }, 240_000);
});
