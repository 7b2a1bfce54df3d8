// Teams and analysts for the team library's tests: a throwaway PostgreSQL per test file (tests/team/
// postgres.ts), and per test a team of its own (a database and a Hocuspocus server), so no test sees
// another's records; each analyst a library file of their own, joined with a token of their own.
import fs from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import pg from 'pg';
import { openLibrary, type Library } from '../../main/store/open';
import { createServices, type Services } from '../../main/services';
import { TeamSync, connectionUrl } from '../../main/sync/team-sync';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { startTeamServer, type TeamServer } from '../../main/team/server';
import { MemberStore } from '../../main/team/members';
import { freePort, startCluster, type Cluster } from './postgres';

let cluster: Cluster;
const dirs: string[] = [];
const closing: (() => Promise<void>)[] = [];

/** A throwaway PostgreSQL for the file's tests, and everything they made removed after them. */
export function useTeams(): void {
  beforeAll(async () => {
    cluster = await startCluster();
  }, 120_000);
  afterAll(async () => {
    for (const close of closing.reverse()) await close();
    for (const a of opened) a.lib.close();
    cluster?.stop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });
}

/** A temporary folder, removed after the file's tests. */
export function tempFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-team-'));
  dirs.push(dir);
  return dir;
}

export interface Team {
  url: string;
  members: MemberStore;
}

let teams = 0;
/** A database of its own for a team. */
async function teamDatabase(): Promise<{ url: string; pool: pg.Pool }> {
  const admin = new pg.Pool({ connectionString: cluster.url, max: 1 });
  const name = `team_${++teams}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = cluster.url.replace(/\/[^/]*$/, `/${name}`);
  return { url, pool: new pg.Pool({ connectionString: url, max: 4 }) };
}

/** A team of its own for each test: its own database and server, so no test sees another's codebook. */
export async function newTeam(): Promise<Team> {
  const { pool } = await teamDatabase();
  const server: TeamServer = await startTeamServer({ pool });
  closing.push(async () => {
    await server.close();
    await pool.end();
  });
  return { url: `ws://127.0.0.1:${server.port}`, members: new MemberStore(pool) };
}

export interface Analyst {
  /** The member's name on the team's server. */
  name: string;
  file: string;
  lib: Library;
  s: Services;
  team: TeamSync;
  reopen(): Promise<void>;
}

let analysts = 0;
const opened: Analyst[] = [];
/** A library of its own, joined to the team with a member's token of its own. */
export async function analyst({ url, members }: Team): Promise<Analyst> {
  const dir = tempFolder();
  const file = path.join(dir, 'library.sqlite');
  const name = `Analyst ${++analysts} ${path.basename(dir)}`;
  const token = await members.add(name, false);
  const a = { name, file } as Analyst;
  a.reopen = async () => {
    a.lib?.close();
    a.lib = await openLibrary(file, { create: true });
    a.s = createServices(a.lib);
    a.team = new TeamSync(a.lib);
  };
  await a.reopen();
  opened.push(a);
  a.team.join(url, token);
  return a;
}

export const actorNamed = (a: Analyst, name: string) => a.s.codebook.listActors().find((x) => x.name === name);
/** What a library holds of the codebook, by uid, as the team shares it. */
export function codebook(a: Analyst) {
  const db = a.lib.db;
  return {
    actors: db.prepare(`SELECT uid, name, kind, color, notes, (SELECT group_concat(alias, '|') FROM (SELECT alias FROM actor_aliases WHERE actor_id = actors.id ORDER BY alias)) AS aliases, (SELECT group_concat(o.uid || '=' || coalesce(f.role, ''), '|') FROM affiliations f JOIN actors o ON o.id = f.organization_id WHERE f.actor_id = actors.id) AS affiliations FROM actors ORDER BY uid`).all(),
    topics: db.prepare(`SELECT uid, name, description FROM topics ORDER BY uid`).all(),
    positions: db.prepare(`SELECT p.uid, t.uid AS topic, p.claim FROM positions p JOIN topics t ON t.id = p.topic_id ORDER BY p.uid`).all(),
  };
}
export const rounds = async (...who: Analyst[]) => {
  for (const a of who) await a.team.sync();
};

export interface TeamProcess extends Team {
  /** kill -9 of the server process. */
  kill(): void;
  /** The server started again on the same port, over the same database. */
  start(): Promise<void>;
}

const bin = fileURLToPath(new URL('../../bin/verbatim.js', import.meta.url));

/** A team whose server is `verbatim team-server` in a process of its own, to be killed and started again. */
export async function newTeamProcess(): Promise<TeamProcess> {
  const { url: postgres, pool } = await teamDatabase();
  const members = new MemberStore(pool);
  await members.ensureSchema();
  const port = await freePort();
  let child: ChildProcess | null = null;
  const team: TeamProcess = {
    url: `ws://127.0.0.1:${port}`,
    members,
    kill() {
      child?.kill('SIGKILL');
      child = null;
    },
    async start() {
      const c = spawn(process.execPath, [bin, 'team-server', '--postgres', postgres, '--port', String(port)], { env: { ...process.env, VERBATIM_TEAM_POSTGRES: '' } });
      child = c;
      let out = '';
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`the team server did not start: ${out}`)), 20_000);
        c.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes(`:${port}`)) {
            clearTimeout(t);
            resolve();
          }
        });
        c.stderr.on('data', (d: Buffer) => (out += d.toString()));
      });
    },
  };
  await team.start();
  closing.push(async () => {
    team.kill();
    await pool.end();
  });
  return team;
}

/** A member's own Yjs client, writing into a team document whatever it likes, as a broken, hostile or newer client could, or to look at what the server holds. */
export async function rawWrite(url: string, token: string, name: string, write: (doc: Y.Doc) => void): Promise<void> {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: connectionUrl(url), WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, maxAttempts: 1 });
  let synced: () => void = () => {};
  const ready = new Promise<void>((resolve) => (synced = resolve));
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token, onSynced: () => synced() });
  provider.attach();
  await ready;
  write(doc);
  await new Promise<void>((resolve) => (!provider.hasUnsyncedChanges ? resolve() : provider.on('unsyncedChanges', () => !provider.hasUnsyncedChanges && resolve())));
  provider.destroy();
  socket.destroy();
}
