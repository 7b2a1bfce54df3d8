// `verbatim team-server` as a desk runs it: members added, listed and revoked from the terminal
// (the token printed once), the server started and stopped, and plain words when the database is
// not given or cannot be reached.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from './postgres';

const bin = fileURLToPath(new URL('../../bin/verbatim.js', import.meta.url));
let cluster: Cluster;

beforeAll(async () => {
  cluster = await startCluster();
}, 120_000);

afterAll(() => cluster?.stop());

function verbatim(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, 'team-server', ...args], { encoding: 'utf8', env: { ...process.env, VERBATIM_TEAM_POSTGRES: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('verbatim team-server', () => {
  it('adds, lists and revokes members, printing each token once', () => {
    const added = verbatim(['add-member', 'Kim Analyst', '--postgres', cluster.url]);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^vbt_[A-Za-z0-9_-]{43}\n$/);
    expect(added.stderr).toContain('Added Kim Analyst. Give them the token above; it is not shown again.');
    expect(verbatim(['add-member', 'Visiting Fellow', '--read-only'], { VERBATIM_TEAM_POSTGRES: cluster.url }).code).toBe(0);
    expect(verbatim(['add-member', 'Kim Analyst', '--postgres', cluster.url])).toMatchObject({ code: 1, stderr: expect.stringContaining('“Kim Analyst” is already a member') });
    expect(verbatim(['revoke', 'Visiting Fellow', '--postgres', cluster.url])).toMatchObject({ code: 0, stdout: 'Revoked Visiting Fellow.\n' });
    const list = verbatim(['members', '--postgres', cluster.url]).stdout.trim().split('\n');
    expect(list.map((l) => l.split('\t').slice(0, 2))).toEqual([
      ['Kim Analyst', 'read and write'],
      ['Visiting Fellow', 'read only'],
    ]);
    expect(list[1]).toMatch(/\trevoked \d{4}-/);
    // The database never holds a token itself.
    expect(verbatim(['members', '--postgres', cluster.url]).stdout).not.toContain(added.stdout.trim());
  });

  it('says what is missing when the database is not named or cannot be reached', () => {
    expect(verbatim(['members'])).toMatchObject({ code: 1, stderr: expect.stringContaining('Name the team’s PostgreSQL database: --postgres') });
    expect(verbatim(['members', '--postgres', 'mysql://x'])).toMatchObject({ code: 1, stderr: expect.stringContaining('is not a PostgreSQL address') });
    const down = verbatim(['members', '--postgres', 'postgres://postgres@127.0.0.1:1/postgres']);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('The team’s PostgreSQL could not be reached');
  });

  it('serves until SIGTERM, printing its address', async () => {
    const child = spawn(process.execPath, [bin, 'team-server', '--postgres', cluster.url, '--port', '0'], { env: { ...process.env, VERBATIM_TEAM_POSTGRES: '' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no address printed: ${out}`)), 20_000);
      child.stdout.on('data', () => /ws:\/\/127\.0\.0\.1:\d+/.test(out) && (clearTimeout(t), resolve()));
    });
    const port = Number(/ws:\/\/127\.0\.0\.1:(\d+)/.exec(out)![1]);
    expect(port).toBeGreaterThan(0);
    // Hocuspocus answers plain HTTP on the same port.
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
