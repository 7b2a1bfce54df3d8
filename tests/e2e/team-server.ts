// A team's server for the browser-mode tests (issue 15): a throwaway PostgreSQL per spec file, and
// `verbatim team-server` over a database of its own per test, in a process that can be stopped and
// started again on its port.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { test } from './fixtures';
import { freePort, startCluster, type Cluster } from '../team/postgres';

const bin = fileURLToPath(new URL('../../bin/verbatim.js', import.meta.url));

let cluster: Cluster;

/** The spec file's PostgreSQL, started before its tests and stopped after. */
export function useCluster(): void {
  test.beforeAll(async () => {
    cluster = await startCluster();
  });
  test.afterAll(() => cluster?.stop());
}

/** `verbatim team-server` over a database of its own, in a process that can be stopped and started again on its port. */
export async function teamServer(name: string) {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const postgres = cluster.url.replace(/\/[^/]*$/, `/${name}`);
  const env = { ...process.env, VERBATIM_TEAM_POSTGRES: postgres };
  const port = await freePort();
  let child: ChildProcess | null = null;
  const server = {
    url: `ws://127.0.0.1:${port}`,
    addMember: (member: string) => /vbt_\S+/.exec(execFileSync(process.execPath, [bin, 'team-server', 'add-member', member], { env, encoding: 'utf8' }))![0],
    async start() {
      const c = spawn(process.execPath, [bin, 'team-server', '--port', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      child = c;
      await new Promise<void>((resolve, reject) => {
        let out = '';
        c.stdout!.on('data', (d: Buffer) => (out += d.toString()).includes(`:${port}`) && resolve());
        c.once('exit', (code) => reject(new Error(`the team server exited (${code}): ${out}`)));
      });
    },
    stop() {
      child?.kill('SIGKILL');
      child = null;
    },
  };
  await server.start();
  return server;
}
