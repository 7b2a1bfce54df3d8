// Importing from a web address, against a server this test starts on 127.0.0.1: what is imported
// (metadata, charset, the final address), and each way it fails, said in words, with nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../main/services';
import { createRouter } from '../../main/router';
import { isLoopback, tempLibrary } from './helpers';
import { articlePage, closedPort, dripping, endless, legacyPage, redirect, send, slow, startFixtureServer, type FixtureServer } from './web-fixtures';

let server: FixtureServer;

beforeAll(async () => {
  const sjis = legacyPage('Shift_JIS', true);
  const cyr = legacyPage('windows-1251', false);
  server = await startFixtureServer({
    '/article': send('text/html; charset=utf-8', articlePage({ canonical: 'http://127.0.0.1/canonical-elsewhere' })),
    '/old': redirect('/article-moved', 301),
    '/article-moved': send('text/html', articlePage({ title: 'Cranes idle for a fourth month' })),
    '/gone': send('text/html', '<h1>Gone</h1>', 410),
    '/broken': send('text/html', '<h1>Oops</h1>', 503),
    '/picture.png': send('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
    '/sjis-meta': send('text/html', sjis.bytes),
    '/cp1251-header': send('text/html; charset=windows-1251', cyr.bytes),
    '/endless': endless('text/html'),
    '/declared-huge': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(5 * 1024 * 1024 * 1024) });
      res.write('<html>');
    },
    '/slow-answer': slow(5_000, send('text/html', articlePage())),
    '/slow-body': dripping(50),
    '/loop-a': redirect('/loop-b'),
    '/loop-b': redirect('/loop-a'),
    '/to-file': redirect('file:///etc/passwd'),
    '/to-ftp': redirect('ftp://127.0.0.1/x.html'),
    // Hangs up without a word the first time (a kept-alive connection the server had just closed).
    '/reset-once': (req, res, s) => {
      if (s.hits.get('/reset-once') === 1) req.socket.destroy();
      else send('text/html', articlePage({ title: 'Answered on the second try' }))(req, res, s);
    },
    '/reset-always': (req) => req.socket.destroy(),
    '/no-type': (_req, res) => {
      res.writeHead(200);
      res.end(articlePage({ title: 'A page served without a type' }));
    },
  });
});
afterAll(() => server.close());

/** A library whose fetch limits are small, so the limits are reached in a moment. */
async function quickLibrary() {
  const t = await tempLibrary();
  const services = createServices(t.lib, { web: { allowHost: isLoopback, limits: { answerMs: 300, totalMs: 800, maxBytes: 256 * 1024 } } });
  return { ...t, services, router: createRouter(services, { onError: () => {} }) };
}

const count = (t: Awaited<ReturnType<typeof tempLibrary>>) => (t.lib.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;

describe('import from a web address', () => {
  it('imports the page’s article with its metadata, and keeps the final address as its URL', async () => {
    const t = await tempLibrary();
    const r = await t.services.web.importUrl({ url: `${server.url}/article` });
    expect(r).toMatchObject({ status: 'imported', title: 'Quay talks stall over night pay' });
    const a = t.services.library.get((r as { id: number }).id);
    expect(a.outlet).toBe('Vellmar Courier');
    expect(a.author).toBe('Petra Lind');
    expect(a.publishedAt).toBe('2024-03-05');
    // The address it was fetched from, not the page's canonical link to elsewhere.
    expect(a.url).toBe(`${server.url}/article`);
    expect(a.text).toContain('Ilse Marrow');
    expect(a.text).not.toContain('Home');
    expect(a.sourceFormat).toBe('html');
  });

  it('follows a redirect and stores where it ended; the same page again is a duplicate', async () => {
    const t = await tempLibrary();
    const first = await t.services.web.importUrl({ url: `${server.url}/old` });
    expect(first).toMatchObject({ status: 'imported', title: 'Cranes idle for a fourth month' });
    expect(t.services.library.get((first as { id: number }).id).url).toBe(`${server.url}/article-moved`);
    const again = await t.services.web.importUrl({ url: `${server.url}/article-moved` });
    expect(again).toMatchObject({ status: 'duplicate', id: (first as { id: number }).id });
    expect(count(t)).toBe(1);
  });

  it('the analyst’s title and date win over the page’s', async () => {
    const t = await tempLibrary();
    const r = await t.services.web.importUrl({ url: `${server.url}/article`, title: 'My own title', publishedAt: '2024-03-04' });
    const a = t.services.library.get((r as { id: number }).id);
    expect([a.title, a.publishedAt, a.outlet]).toEqual(['My own title', '2024-03-04', 'Vellmar Courier']);
  });

  it('honours the charset in a <meta> tag (Shift_JIS) and in the Content-Type header (windows-1251)', async () => {
    const t = await tempLibrary();
    const sjis = legacyPage('Shift_JIS', true);
    const cyr = legacyPage('windows-1251', false);
    const a = await t.services.web.importUrl({ url: `${server.url}/sjis-meta` });
    const b = await t.services.web.importUrl({ url: `${server.url}/cp1251-header` });
    expect(a).toMatchObject({ status: 'imported', title: sjis.title });
    expect(b).toMatchObject({ status: 'imported', title: cyr.title });
    expect(t.services.library.get((a as { id: number }).id).text).toContain(sjis.phrase);
    expect(t.services.library.get((b as { id: number }).id).text).toContain(cyr.phrase);
    expect((a as { warnings?: string[] }).warnings).toBeUndefined();
  });

  it('reads a page served without a Content-Type when it looks like HTML', async () => {
    const t = await tempLibrary();
    expect(await t.services.web.importUrl({ url: `${server.url}/no-type` })).toMatchObject({ status: 'imported', title: 'A page served without a type' });
  });

  const failures: [string, string, RegExp][] = [
    ['a missing page (404)', '/nothing-here', /not found, HTTP 404/],
    ['a page that is gone (410)', '/gone', /not found, HTTP 410/],
    ['a server error', '/broken', /server error \(HTTP 503\)/],
    ['an image', '/picture.png', /is not HTML \(its type is image\/png\)/],
    ['a redirect loop', '/loop-a', /redirected more than 5 times/],
    ['a redirect to file:', '/to-file', /redirected to a file: address/],
    ['a redirect to ftp:', '/to-ftp', /redirected to a ftp: address/],
  ];
  for (const [what, path, reason] of failures) {
    it(`refuses ${what} with its reason, storing nothing`, async () => {
      const t = await tempLibrary();
      const r = await t.services.web.importUrl({ url: `${server.url}${path}` });
      expect(r.status).toBe('failed');
      expect((r as { error: string }).error).toMatch(reason);
      expect(count(t)).toBe(0);
    });
  }

  it('stops a redirect loop after five hops', async () => {
    const t = await tempLibrary();
    const before = (server.hits.get('/loop-a') ?? 0) + (server.hits.get('/loop-b') ?? 0);
    await t.services.web.importUrl({ url: `${server.url}/loop-a` });
    const after = (server.hits.get('/loop-a') ?? 0) + (server.hits.get('/loop-b') ?? 0);
    expect(after - before).toBe(6);
  });

  it('stops reading a page that never ends at the size cap', async () => {
    const t = await quickLibrary();
    const r = await t.services.web.importUrl({ url: `${server.url}/endless` });
    expect(r).toMatchObject({ status: 'failed' });
    expect((r as { error: string }).error).toMatch(/larger than 256\.0 KB.*too large/);
    // The server noticed the client hang up long before it could send much more than the cap.
    await expect.poll(() => server.aborted.get('/endless') ?? 0).toBeGreaterThan(0);
    expect(server.sent.get('/endless')!).toBeLessThan(16 * 1024 * 1024);
    expect(count(t)).toBe(0);
  });

  it('refuses a page whose declared size is over the cap before reading it', async () => {
    const t = await quickLibrary();
    const r = await t.services.web.importUrl({ url: `${server.url}/declared-huge` });
    expect((r as { error: string }).error).toMatch(/too large/);
  });

  it('gives up on a server that does not answer in time, and on one that sends too slowly', async () => {
    const t = await quickLibrary();
    const a = await t.services.web.importUrl({ url: `${server.url}/slow-answer` });
    expect((a as { error: string }).error).toMatch(/did not answer within 0\.3 s \(timed out\)/);
    const b = await t.services.web.importUrl({ url: `${server.url}/slow-body` });
    expect((b as { error: string }).error).toMatch(/took longer than 0\.8 s .*timed out/);
    await expect.poll(() => server.aborted.get('/slow-body') ?? 0).toBeGreaterThan(0);
    expect(count(t)).toBe(0);
  });

  it('tries once more when the connection is dropped before any answer, and then says so', async () => {
    const t = await tempLibrary();
    expect(await t.services.web.importUrl({ url: `${server.url}/reset-once` })).toMatchObject({ status: 'imported', title: 'Answered on the second try' });
    expect(server.hits.get('/reset-once')).toBe(2);
    const r = await t.services.web.importUrl({ url: `${server.url}/reset-always` });
    expect((r as { error: string }).error).toMatch(/closed the connection before sending the page/);
    expect(server.hits.get('/reset-always')).toBe(2);
  });

  it('says so when nothing listens at the address (connection refused)', async () => {
    const t = await tempLibrary();
    const port = await closedPort();
    const r = await t.services.web.importUrl({ url: `http://127.0.0.1:${port}/article` });
    expect((r as { error: string }).error).toMatch(/refused the connection/);
  });

  it('refuses other schemes and passwords at the door, with the field named', async () => {
    const t = await tempLibrary();
    for (const url of ['file:///etc/passwd', 'data:text/html,<p>x</p>', 'ftp://127.0.0.1/a.html', 'javascript:alert(1)']) {
      const r = await t.router('articles.importUrl', { url });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'url' } });
    }
    const r = await t.router('articles.importUrl', { url: `http://me:secret@127.0.0.1:1/x` });
    expect(r).toMatchObject({ ok: true, value: { status: 'failed', error: expect.stringMatching(/user name or password/) } });
  });

  it('a library made for tests fetches from this machine only', async () => {
    const t = await tempLibrary();
    const r = await t.services.web.importUrl({ url: 'http://192.0.2.1/never' });
    expect((r as { error: string }).error).toMatch(/not an address this Verbatim may fetch from/);
  });
});
