// `verbatim import-url` and feed files in `verbatim import`, against a server this test starts on
// 127.0.0.1. The command runs as its own process (spawned without blocking, so the server answers).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers';
import { articlePage, atomFeed, closedPort, itemText, rssFeed, send, slow, startFixtureServer, type FixtureServer } from './web-fixtures';

const bin = fileURLToPath(new URL('../../bin/verbatim.js', import.meta.url));

function verbatim(db: string, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; json: () => unknown }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '--db', db, ...args], { env: { ...process.env, VERBATIM_DB: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, json: () => JSON.parse(stdout) as unknown }));
  });
}

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer({
    '/article': send('text/html; charset=utf-8', articlePage()),
    '/picture.png': send('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])),
    '/slow': slow(10_000, send('text/html', articlePage())),
    '/feed.atom': send('application/atom+xml', atomFeed([
      { title: 'Ferry timetable vote postponed', link: 'http://127.0.0.1/ferry', date: '2024-03-03T23:30:00+09:00', content: itemText(1) },
      { title: 'Harbour fees rise', link: 'http://127.0.0.1/fees', date: '2024-03-04T08:00:00Z', content: itemText(2, 'harbour fees') },
    ])),
  });
});
afterAll(() => server.close());

// Each test starts the command several times; on a busy machine one start takes seconds.
describe('verbatim import-url', { timeout: 180_000 }, () => {
  it('imports a page (exit 0), says duplicate the second time, and shows the final address', async () => {
    const db = path.join(tempDir(), 'lib.sqlite');
    const first = await verbatim(db, 'import-url', `${server.url}/article`, '--json');
    expect(first.code).toBe(0);
    expect(first.json()).toMatchObject([{ file: `${server.url}/article`, status: 'imported', id: 1, title: 'Quay talks stall over night pay' }]);
    const again = await verbatim(db, 'import-url', `${server.url}/article`);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^duplicate +http:\/\/127\.0\.0\.1:\d+\/article -> #1 Quay talks stall over night pay/);
    const shown = (await verbatim(db, 'show', '1', '--json')).json() as { url: string; outlet: string };
    expect(shown).toMatchObject({ url: `${server.url}/article`, outlet: 'Vellmar Courier' });
  });

  it('exits 1 with the reason: not found, not HTML, refused, timed out', async () => {
    const db = path.join(tempDir(), 'lib.sqlite');
    const port = await closedPort();
    const cases: [string[], RegExp][] = [
      [[`${server.url}/missing`], /not found, HTTP 404/],
      [[`${server.url}/picture.png`], /is not HTML \(its type is image\/png\)/],
      [[`http://127.0.0.1:${port}/x`], /refused the connection/],
      [[`${server.url}/slow`, '--timeout', '0.5'], /0\.5 s.*\(timed out\)/],
    ];
    for (const [args, reason] of cases) {
      const r = await verbatim(db, 'import-url', ...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stdout).toMatch(/^failed /);
      expect(r.stdout).toMatch(reason);
    }
    expect((await verbatim(db, 'list', '--json')).json()).toEqual([]);
  });

  it('refuses an address that is not http or https on stderr, exit 1', async () => {
    const db = path.join(tempDir(), 'lib.sqlite');
    const r = await verbatim(db, 'import-url', 'file:///etc/passwd');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/must start with http:\/\/ or https:\/\//);
    const t = await verbatim(db, 'import-url', `${server.url}/article`, '--timeout', 'soon');
    expect(t.code).toBe(1);
    expect(t.stderr).toMatch(/“soon” is not a time limit/);
  });

  it('a feed’s address imports every item; so does a feed file given to import', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'lib.sqlite');
    const r = await verbatim(db, 'import-url', `${server.url}/feed.atom`, '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject([
      { status: 'imported', title: 'Ferry timetable vote postponed' },
      { status: 'imported', title: 'Harbour fees rise' },
    ]);
    const file = path.join(dir, 'port.rss');
    fs.writeFileSync(file, rssFeed([{ title: 'Night pay deal signed', link: 'http://127.0.0.1/deal', date: 'Fri, 08 Mar 2024 18:00:00 +0100', content: itemText(3, 'night pay') }]));
    const imp = await verbatim(db, 'import', file, '--json');
    expect(imp.code).toBe(0);
    expect(imp.json()).toMatchObject([{ file: 'port.rss: Night pay deal signed', status: 'imported', title: 'Night pay deal signed' }]);
    const listed = (await verbatim(db, 'list', '--json')).json() as { title: string; publishedAt: string }[];
    expect(listed.map((a) => [a.title, a.publishedAt]).sort()).toEqual([
      ['Ferry timetable vote postponed', '2024-03-03'],
      ['Harbour fees rise', '2024-03-04'],
      ['Night pay deal signed', '2024-03-08'],
    ]);
  });
});
