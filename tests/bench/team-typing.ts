// Typing in a shared briefing over loopback (issue 15), through the team server in a process of
// its own (`verbatim team-server`) on a throwaway PostgreSQL (skipped with a note when PostgreSQL
// is not installed):
//   - a keystroke's echo: one analyst types a character into a briefing's paragraph (the insert
//     y-prosemirror's binding makes for a typed character) until another analyst's copy has it,
//     p95 of 300 keystrokes at typing speed, beside the transport's floor: the same number of
//     messages of the same size relayed by a bare WebSocket server (ws) between two sockets;
//   - 50 analysts typing into one briefing for 60 s, 2 characters a second each, with pauses as
//     people type (bounded: 100 keystrokes a second in all, each relayed to 49 others): the time
//     from a keystroke until a 51st client watching the briefing has it (the server's relay, with
//     the clients' own queueing), and the server process's memory (resident set) as it goes.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as Y from 'yjs';
import WebSocket, { WebSocketServer } from 'ws';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { connectionUrl } from '../../main/sync/team-sync';
import { MemberStore } from '../../main/team/members';
import { freePort, startCluster } from '../team/postgres';
import { percentile, progress, round, summarize } from './stats';

export const TYPING_BUDGETS = { keystrokeEchoP95Ms: 100 } as const;
const KEYSTROKES = 300;
const TYPING_GAP_MS = 60;
const CLIENTS = 50;
const CROWD_SECONDS = 60;
const KEYS_PER_SECOND = 2;

const bin = fileURLToPath(new URL('../../bin/verbatim.js', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Client {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  close(): void;
}

async function connect(url: string, name: string, token: string): Promise<Client> {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: connectionUrl(url), WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket });
  let synced: () => void = () => {};
  const ready = new Promise<void>((resolve) => (synced = resolve));
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token, onSynced: () => synced() });
  provider.attach();
  await Promise.race([ready, sleep(30_000).then(() => Promise.reject(new Error('a client could not connect to the team server')))]);
  return {
    doc,
    provider,
    close() {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}

/** The paragraph `i` of the briefing's content (y-prosemirror's shape: an element holding a text). */
const paragraph = (doc: Y.Doc, i: number) => (doc.getXmlFragment('content').get(i) as Y.XmlElement).get(0) as Y.XmlText;

/** The resident memory of a process, in MB, from /proc. */
const residentMB = (pid: number) => {
  const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb ? round(Number(kb) / 1024, 1) : NaN;
};

async function startServer(postgres: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [bin, 'team-server', '--postgres', postgres, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`the team server did not start: ${out}`)), 20_000);
    const seen = (d: Buffer) => {
      out += d.toString();
      if (out.includes(`:${port}`)) {
        clearTimeout(t);
        resolve();
      }
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  });
  return { url: `ws://127.0.0.1:${port}`, child };
}

/** One analyst types, another's copy has each character: the time between, per keystroke. */
async function keystrokeEcho(url: string, token: () => Promise<string>): Promise<number[]> {
  const name = `briefing:${randomUUID()}`;
  const [writer, reader] = [await connect(url, name, await token()), await connect(url, name, await token())];
  writer.doc.transact(() => {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('')]);
    writer.doc.getXmlFragment('content').insert(0, [p]);
  });
  while (reader.doc.getXmlFragment('content').length === 0) await sleep(10);
  const echo: number[] = [];
  try {
    for (let i = 0; i < KEYSTROKES; i++) {
      const arrived = new Promise<number>((resolve) => reader.doc.once('update', () => resolve(performance.now())));
      const t = performance.now();
      paragraph(writer.doc, 0).insert(i, 'abcdefghij'[i % 10]!);
      echo.push((await arrived) - t);
      await sleep(TYPING_GAP_MS);
    }
    if (paragraph(reader.doc, 0).length !== KEYSTROKES) throw new Error('a keystroke did not arrive');
  } finally {
    writer.close();
    reader.close();
  }
  return echo;
}

/** The transport's floor: messages of a keystroke's size relayed by a bare WebSocket server between two sockets. */
async function bareRelay(bytes: number): Promise<number[]> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const sockets: WebSocket[] = [];
  server.on('connection', (s) => {
    sockets.push(s);
    s.on('message', (data) => sockets.filter((o) => o !== s).forEach((o) => o.send(data)));
  });
  const port = (server.address() as { port: number }).port;
  const open = async () => {
    const s = new WebSocket(`ws://127.0.0.1:${port}`);
    await new Promise((r) => s.once('open', r));
    return s;
  };
  const [a, b] = [await open(), await open()];
  while (sockets.length < 2) await sleep(5);
  const times: number[] = [];
  try {
    for (let i = 0; i < KEYSTROKES; i++) {
      const arrived = new Promise<number>((resolve) => b.once('message', () => resolve(performance.now())));
      const t = performance.now();
      a.send(Buffer.alloc(bytes, i));
      times.push((await arrived) - t);
      await sleep(TYPING_GAP_MS);
    }
  } finally {
    a.close();
    b.close();
    server.close();
  }
  return times;
}

/** `CLIENTS` analysts typing into one briefing, each into a paragraph of their own, and one watching. */
async function crowd(url: string, token: () => Promise<string>, pid: number) {
  const name = `briefing:${randomUUID()}`;
  const watcher = await connect(url, name, await token());
  watcher.doc.transact(() => {
    const fragment = watcher.doc.getXmlFragment('content');
    for (let i = 0; i < CLIENTS; i++) {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('')]);
      fragment.insert(i, [p]);
    }
  });
  const typists: Client[] = [];
  for (let i = 0; i < CLIENTS; i++) typists.push(await connect(url, name, await token()));
  while (typists.some((c) => c.doc.getXmlFragment('content').length < CLIENTS)) await sleep(20);
  const sentAt: number[][] = typists.map(() => []);
  const seen = new Array<number>(CLIENTS).fill(0);
  const relay: number[] = [];
  watcher.doc.on('update', () => {
    const now = performance.now();
    for (let i = 0; i < CLIENTS; i++) {
      const length = paragraph(watcher.doc, i).length;
      for (; seen[i]! < length; seen[i]!++) relay.push(now - sentAt[i]![seen[i]!]!);
    }
  });
  const memory: number[] = [residentMB(pid)];
  const sampler = setInterval(() => memory.push(residentMB(pid)), 1_000);
  const end = performance.now() + CROWD_SECONDS * 1_000;
  // Each typist keeps its own rhythm: a character every 1/KEYS_PER_SECOND s on average, never in step.
  await Promise.all(
    typists.map(async (c, i) => {
      await sleep(Math.random() * 1_000);
      while (performance.now() < end) {
        sentAt[i]!.push(performance.now());
        const p = paragraph(c.doc, i);
        p.insert(p.length, 'abcdefghij'[p.length % 10]!);
        await sleep((Math.random() * 2 * 1_000) / KEYS_PER_SECOND);
      }
    }),
  );
  const typed = sentAt.reduce((n, s) => n + s.length, 0);
  const deadline = performance.now() + 10_000;
  while (relay.length < typed && performance.now() < deadline) await sleep(50);
  clearInterval(sampler);
  for (const c of [...typists, watcher]) c.close();
  return {
    clients: CLIENTS,
    seconds: CROWD_SECONDS,
    keystrokes: typed,
    arrivedAtWatcher: relay.length,
    relay: summarize(relay),
    serverMemoryMB: { atStart: memory[0], peak: Math.max(...memory), atEnd: memory[memory.length - 1], median: percentile(memory, 50) },
  };
}

export async function benchTeamTyping() {
  if (!fs.existsSync('/usr/lib/postgresql')) return { skipped: 'PostgreSQL is not installed (apt-get install postgresql)' };
  progress('team: keystrokes echoed through the team server, then 50 analysts typing in one briefing for 60 s…');
  const cluster = await startCluster();
  const admin = new pg.Pool({ connectionString: cluster.url, max: 1 });
  await admin.query('CREATE DATABASE typing');
  const postgres = cluster.url.replace(/\/[^/]*$/, '/typing');
  const pool = new pg.Pool({ connectionString: postgres, max: 2 });
  const members = new MemberStore(pool);
  await members.ensureSchema();
  let n = 0;
  const token = () => members.add(`Typist ${++n}`, false);
  const server = await startServer(postgres);
  try {
    const echo = await keystrokeEcho(server.url, token);
    const floor = await bareRelay(24);
    const echoP95 = percentile(echo, 95);
    const many = await crowd(server.url, token, server.child.pid!);
    return {
      budgets: TYPING_BUDGETS,
      keystrokeEcho: { how: `${KEYSTROKES} characters typed into a shared briefing, one every ${TYPING_GAP_MS} ms, until another client has each`, ...summarize(echo) },
      peer: { what: 'a bare WebSocket relay (ws) of the same number of 24-byte messages between two sockets', ...summarize(floor) },
      echoToPeerP95Ratio: round(echoP95 / percentile(floor, 95), 2),
      crowd: many,
      met: echoP95 <= TYPING_BUDGETS.keystrokeEchoP95Ms,
    };
  } finally {
    server.child.kill();
    await pool.end();
    await admin.end();
    cluster.stop();
  }
}

// `node --import tsx tests/bench/team-typing.ts` runs this part alone.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(await benchTeamTyping(), null, 2)}\n`);
  process.exit(0);
}
