// Teams and analysts for the team library's tests: a throwaway PostgreSQL per test file (tests/team/
// postgres.ts), and per test a team of its own (a database and a Hocuspocus server), so no test sees
// another's records; each analyst a library file of their own, joined with a token of their own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import pg from 'pg';
import { openLibrary, type Library } from '../../main/store/open';
import { createServices, type Services } from '../../main/services';
import { TeamSync } from '../../main/sync/team-sync';
import { startTeamServer, type TeamServer } from '../../main/team/server';
import { MemberStore } from '../../main/team/members';
import { startCluster, type Cluster } from './postgres';

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
/** A team of its own for each test: its own database and server, so no test sees another's codebook. */
export async function newTeam(): Promise<Team> {
  const admin = new pg.Pool({ connectionString: cluster.url, max: 1 });
  const name = `team_${++teams}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const pool = new pg.Pool({ connectionString: cluster.url.replace(/\/[^/]*$/, `/${name}`), max: 4 });
  const server: TeamServer = await startTeamServer({ pool });
  closing.push(async () => {
    await server.close();
    await pool.end();
  });
  return { url: `ws://127.0.0.1:${server.port}`, members: new MemberStore(pool) };
}

export interface Analyst {
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
  const token = await members.add(`Analyst ${++analysts} ${path.basename(dir)}`, false);
  const a = { file } as Analyst;
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
