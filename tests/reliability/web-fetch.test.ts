// Promise: no web address can break the app or the library. Servers on 127.0.0.1 that redirect
// forever (a new address at every hop, so no loop is ever seen), answer slowly or drip their page,
// and send 1 GB (an endless stream): each import ends with its reason in words, within the limits,
// reading no more than the cap; nothing is half-imported, the rest of a batch of feed items goes
// in, and the library stays sound. A feed with entity bombs and external entities is refused or
// read as text, never expanded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../main/services';
import { createRouter } from '../../main/router';
import { isLoopback, tempLibrary } from '../unit/helpers';
import { articlePage, endless, dripping, send, slow, startFixtureServer, type FixtureServer, type Route } from '../unit/web-fixtures';

const MB = 1024 * 1024;
const GB = 1024 * MB;
let server: FixtureServer;

/** Redirects to /forever/N+1: every hop a new address. */
const forever: Route = (req, res) => {
  const n = Number(/\/forever\/(\d+)/.exec(req.url ?? '')?.[1] ?? 0);
  res.writeHead(302, { location: `/forever/${n + 1}` }).end();
};

/** Streams up to 1 GB (it never gets there unless the client keeps reading). */
const gigabyte: Route = (req, res, s) => endless('text/html', 256 * 1024)(req, res, s);

beforeAll(async () => {
  server = await startFixtureServer({
    '/good/1': send('text/html; charset=utf-8', articlePage({ title: 'Quay talks stall over night pay' })),
    '/good/2': send('text/html; charset=utf-8', articlePage({ title: 'Cranes idle for a fourth month', body: ['Forty cranes on the eastern quay have not moved since March, the harbour master said in a written statement to the council on Monday.'] })),
    '/gigabyte': gigabyte,
    '/silent': slow(60_000, send('text/html', articlePage())),
    '/drip': dripping(100),
  });
  for (let i = 0; i < 50; i++) server.route(`/forever/${i}`, forever);
  server.route('/forever', forever);
});
afterAll(() => server.close());

async function library(limits = { answerMs: 1_000, totalMs: 3_000, maxBytes: 10 * MB }) {
  const t = await tempLibrary();
  const services = createServices(t.lib, { web: { allowHost: isLoopback, limits } });
  return { ...t, services, router: createRouter(services, { onError: () => {} }) };
}

const rows = (t: Awaited<ReturnType<typeof library>>) => (t.lib.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;

describe('hostile web addresses', () => {
  it('a server that redirects forever is left after 5 hops', async () => {
    const t = await library();
    const r = await t.services.web.importUrl({ url: `${server.url}/forever` });
    expect(r).toMatchObject({ status: 'failed', error: expect.stringMatching(/redirected more than 5 times/) });
    const hops = [...server.hits.entries()].filter(([p]) => p.startsWith('/forever')).reduce((n, [, c]) => n + c, 0);
    expect(hops).toBe(6);
    console.log(`[reliability] redirects forever: requests made 6 (the first and 5 redirects), then “${(r as { error: string }).error}”`);
  });

  it('a server that sends 1 GB is read up to the 10 MB cap and no further', async () => {
    const t = await library({ answerMs: 5_000, totalMs: 60_000, maxBytes: 10 * MB });
    const before = process.memoryUsage().rss;
    const r = await t.services.web.importUrl({ url: `${server.url}/gigabyte` });
    expect(r).toMatchObject({ status: 'failed', error: expect.stringMatching(/larger than 10\.0 MB.*too large/) });
    await expect.poll(() => server.aborted.get('/gigabyte') ?? 0).toBe(1);
    const sent = server.sent.get('/gigabyte')!;
    // What the server got into the socket before it saw the hang-up: the cap plus what the kernel buffers.
    expect(sent).toBeLessThan(10 * MB + 16 * MB);
    expect(sent).toBeLessThan(GB / 20);
    const grew = (process.memoryUsage().rss - before) / MB;
    console.log(`[reliability] 1 GB answer: server wrote ${(sent / MB).toFixed(1)} MB before the client hung up (cap 10 MB); RSS grew ${grew.toFixed(0)} MB; “${(r as { error: string }).error}”`);
    expect(rows(t)).toBe(0);
  });

  it('a server that never answers, and one that drips its page, are given up on within the limits', async () => {
    const t = await library({ answerMs: 1_000, totalMs: 3_000, maxBytes: 10 * MB });
    let started = Date.now();
    const silent = await t.services.web.importUrl({ url: `${server.url}/silent` });
    const silentMs = Date.now() - started;
    expect(silent).toMatchObject({ status: 'failed', error: expect.stringMatching(/did not answer within 1 s \(timed out\)/) });
    started = Date.now();
    const drip = await t.services.web.importUrl({ url: `${server.url}/drip` });
    const dripMs = Date.now() - started;
    expect(drip).toMatchObject({ status: 'failed', error: expect.stringMatching(/took longer than 3 s .*timed out/) });
    await expect.poll(() => server.aborted.get('/drip') ?? 0).toBe(1);
    console.log(`[reliability] slow servers: no answer given up after ${silentMs} ms (limit 1,000), dripping page after ${dripMs} ms (limit 3,000)`);
    expect(rows(t)).toBe(0);
  });

  it('a batch of feed items with every kind of bad link imports the good ones, each bad one with its reason', async () => {
    const t = await library({ answerMs: 1_000, totalMs: 3_000, maxBytes: 2 * MB });
    const item = (title: string, path: string) => ({ title, link: `${server.url}${path}`, publishedAt: '2024-03-05', author: null, content: null });
    const r = await t.router('feeds.importItems', {
      items: [item('Good one', '/good/1'), item('Forever', '/forever'), item('Huge', '/gigabyte'), item('Silent', '/silent'), item('Good two', '/good/2'), { title: 'With its text', link: null, publishedAt: null, author: null, content: '<p>The ferry council met again on Thursday and postponed the timetable vote for the fourth time this year.</p>' }],
    });
    expect(r.ok).toBe(true);
    const results = (r as { value: { file: string; status: string; error?: string }[] }).value;
    expect(results.map((x) => [x.file, x.status])).toEqual([
      ['Good one', 'imported'],
      ['Forever', 'failed'],
      ['Huge', 'failed'],
      ['Silent', 'failed'],
      ['Good two', 'imported'],
      ['With its text', 'imported'],
    ]);
    expect(results[1]!.error).toMatch(/redirected more than 5 times/);
    expect(results[2]!.error).toMatch(/too large/);
    expect(results[3]!.error).toMatch(/timed out/);
    expect(rows(t)).toBe(3);
    expect(t.lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
    console.log(`[reliability] feed batch with hostile links: imported 3 of 6, failed 3 with reasons (redirects, too large, timed out), integrity ok`);
  });

  it('a feed with an entity bomb is read as text, one with an external entity is refused', async () => {
    const t = await library();
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')}]><rss version="2.0"><channel><title>&j;</title><item><title>Boom &j;</title><link>${server.url}/good/1</link></item></channel></rss>`;
    const started = Date.now();
    const read = await t.router('feeds.read', { file: 'bomb.rss', data: Buffer.from(bomb).toString('base64') });
    expect(read).toMatchObject({ ok: true, value: { items: [{ title: 'Boom &j;' }] } });
    const external = bomb.replace('<!ENTITY a', '<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY a').replace('Boom &j;', 'Boom &x;');
    const refused = await t.router('feeds.read', { file: 'external.rss', data: Buffer.from(external).toString('base64') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unsupported', message: expect.stringMatching(/not an RSS or Atom feed that Verbatim can read \(External entities are not supported\)/) } });
    console.log(`[reliability] entity bomb (10^9 expansions) read unexpanded in ${Date.now() - started} ms; external entity refused`);
  });
});
