// Feeds: RSS 2.0 and Atom, from a file or an address, listed item by item; picked items imported
// from their full text when the feed carries it, else from their link, through the one importer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFeed, looksLikeFeed } from '../../main/services/import/feed';
import { tempLibrary } from './helpers';
import { articlePage, atomFeed, itemText, rssFeed, send, startFixtureServer, type FixtureItem, type FixtureServer } from './web-fixtures';
import iconv from 'iconv-lite';

let server: FixtureServer;

const fullItems: FixtureItem[] = [
  { title: 'Ferry timetable vote postponed', link: 'http://127.0.0.1/ferry', date: 'Sun, 03 Mar 2024 23:30:00 +0900', author: 'Anwen Drey', content: itemText(1) },
  { title: 'Harbour fees <b>rise</b> & fall', link: 'http://127.0.0.1/fees', date: 'Mon, 04 Mar 2024 08:00:00 GMT', content: itemText(2, 'harbour fees') },
];

beforeAll(async () => {
  server = await startFixtureServer({
    '/news/quay': send('text/html; charset=utf-8', articlePage({ title: 'Quay talks stall over night pay' })),
    '/news/cranes': send('text/html; charset=utf-8', articlePage({ title: 'Cranes idle for a fourth month', body: ['Forty cranes on the eastern quay have not moved since March, the harbour master said in a written statement to the council.', 'The union and the commission blame each other for the delay, and neither expects a settlement before the summer season begins.'] })),
  });
  const linked: FixtureItem[] = [
    { title: 'Quay talks stall', link: `${server.url}/news/quay`, date: '2024-03-05T09:30:00+01:00', author: 'Petra Lind' },
    { title: 'Cranes idle', link: `${server.url}/news/cranes`, date: '2024-03-06T21:00:00-05:00' },
    { title: 'A dead link', link: `${server.url}/news/missing`, date: '2024-03-07T08:00:00Z' },
  ];
  server.route('/feed.rss', send('application/rss+xml; charset=utf-8', rssFeed(fullItems)));
  server.route('/feed-as-html', send('text/html', rssFeed(fullItems)));
  server.route('/linked.atom', send('application/atom+xml', atomFeed(linked)));
  server.route('/sitemap.xml', send('application/xml', '<?xml version="1.0"?><urlset><url><loc>http://127.0.0.1/</loc></url></urlset>'));
});
afterAll(() => server.close());

describe('reading a feed', () => {
  it('lists an RSS feed’s items with title, the day the feed wrote, link, author and full text', () => {
    const feed = readFeed(rssFeed(fullItems), 'port.rss');
    expect(feed.kind).toBe('rss');
    expect(feed.title).toBe('Vellmar Courier — Port');
    expect(feed.items.map((i) => [i.title, i.publishedAt, i.link, i.author])).toEqual([
      // 23:30 in Seoul is still the 3rd there: the day is the one written, not its UTC day.
      ['Ferry timetable vote postponed', '2024-03-03', 'http://127.0.0.1/ferry', 'Anwen Drey'],
      ['Harbour fees <b>rise</b> & fall', '2024-03-04', 'http://127.0.0.1/fees', null],
    ]);
    expect(feed.items[0]!.content).toContain('We owe the islanders an answer');
    expect(feed.warnings).toEqual([]);
  });

  it('lists an Atom feed; items without full text carry no content', () => {
    const feed = readFeed(atomFeed([{ title: 'Only a link', link: 'https://example.org/a', date: '2024-03-06T21:00:00-05:00' }, { title: 'Nothing at all', link: null, date: '2024-03-07' }]), 'city.atom');
    expect(feed.kind).toBe('atom');
    expect(feed.items.map((i) => [i.title, i.publishedAt, i.link, i.content])).toEqual([
      ['Only a link', '2024-03-06', 'https://example.org/a', null],
      ['Nothing at all', '2024-03-07', null, null],
    ]);
    expect(feed.warnings).toEqual(['1 item has neither full text nor a link, and cannot be imported.']);
  });

  it('drops links that are not http or https', () => {
    const feed = readFeed(rssFeed([{ title: 'Sneaky', link: 'javascript:alert(1)', date: 'Mon, 04 Mar 2024 08:00:00 GMT', content: '<p>Text of the sneaky item, long enough.</p>' }]), 'x.rss');
    expect(feed.items[0]!.link).toBeNull();
  });

  it('tells feeds from other XML and HTML', () => {
    expect(looksLikeFeed(rssFeed([]))).toBe(true);
    expect(looksLikeFeed(atomFeed([]))).toBe(true);
    expect(looksLikeFeed('<?xml version="1.0"?><!-- a comment --><rdf:RDF xmlns:rdf="x"></rdf:RDF>')).toBe(true);
    expect(looksLikeFeed('<?xml version="1.0"?><urlset/>')).toBe(false);
    expect(looksLikeFeed(articlePage())).toBe(false);
  });

  it('lists a feed of 10,000 items', () => {
    const items = Array.from({ length: 10_000 }, (_, n) => ({ title: `Council item ${n}`, link: `http://127.0.0.1/items/${n}`, date: 'Tue, 05 Mar 2024 10:00:00 GMT' }));
    const feed = readFeed(rssFeed(items), 'big.rss');
    expect(feed.items).toHaveLength(10_000);
    expect(feed.items[9_999]).toMatchObject({ title: 'Council item 9999', link: 'http://127.0.0.1/items/9999', publishedAt: '2024-03-05' });
  });

  it('refuses a file that is not a feed, and a broken feed, in words', async () => {
    const t = await tempLibrary();
    const notFeed = await t.router('feeds.read', { file: 'notes.xml', data: Buffer.from('<?xml version="1.0"?><notes><n>hi</n></notes>').toString('base64') });
    expect(notFeed).toMatchObject({ ok: false, error: { code: 'unsupported', message: 'notes.xml is not an RSS or Atom feed.' } });
    const binary = await t.router('feeds.read', { file: 'x.rss', data: Buffer.from([0, 1, 2, 3, 0, 0]).toString('base64') });
    expect(binary).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });

  it('reads a feed file in its declared encoding', async () => {
    const t = await tempLibrary();
    const xml = rssFeed([{ title: 'Переговоры в порту', link: 'http://127.0.0.1/ru', date: 'Mon, 04 Mar 2024 08:00:00 GMT' }]).replace('encoding="UTF-8"', 'encoding="windows-1251"');
    const r = await t.router('feeds.read', { file: 'ru.rss', data: iconv.encode(xml, 'windows-1251').toString('base64') });
    expect(r).toMatchObject({ ok: true, value: { items: [{ title: 'Переговоры в порту' }] } });
  });
});

describe('importing feed items', () => {
  it('an address that is a feed comes back as the feed, by its type or by its content', async () => {
    const t = await tempLibrary();
    for (const path of ['/feed.rss', '/feed-as-html']) {
      const r = await t.services.web.importUrl({ url: `${server.url}${path}` });
      expect(r.status).toBe('feed');
      if (r.status === 'feed') expect(r.feed.items.map((i) => i.title)).toEqual(['Ferry timetable vote postponed', 'Harbour fees <b>rise</b> & fall']);
    }
    const sitemap = await t.services.web.importUrl({ url: `${server.url}/sitemap.xml` });
    expect(sitemap).toMatchObject({ status: 'failed', error: expect.stringMatching(/is not HTML \(its type is application\/xml\)/) });
  });

  it('imports items from their full text, with the feed’s title, date, link and author', async () => {
    const t = await tempLibrary();
    const feed = await t.services.web.readFeed({ url: `${server.url}/feed.rss` });
    const results = await t.services.web.importItems(feed.items);
    expect(results.map((r) => [r.status, r.title])).toEqual([
      ['imported', 'Ferry timetable vote postponed'],
      ['imported', 'Harbour fees <b>rise</b> & fall'],
    ]);
    const a = t.services.library.get(results[0]!.id!);
    expect([a.publishedAt, a.url, a.author]).toEqual(['2024-03-03', 'http://127.0.0.1/ferry', 'Anwen Drey']);
    expect(a.text).toContain('We owe the islanders an answer by Friday');
    // No page was fetched: the text came with the feed.
    expect(server.hits.get('/ferry')).toBeUndefined();
    // The same items again are duplicates, in the same results list.
    expect((await t.services.web.importItems(feed.items)).map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
  });

  it('imports items without full text from their links; a dead link fails alone', async () => {
    const t = await tempLibrary();
    const feed = await t.services.web.readFeed({ url: `${server.url}/linked.atom` });
    expect(feed.items.every((i) => i.content === null)).toBe(true);
    const results = await t.services.web.importItems(feed.items);
    expect(results.map((r) => [r.status, r.error ?? null])).toEqual([
      ['imported', null],
      ['imported', null],
      ['failed', expect.any(String)],
    ]);
    expect(results[2]).toMatchObject({ file: 'A dead link', error: expect.stringMatching(/not found, HTTP 404/) });
    const quay = t.services.library.get(results[0]!.id!);
    expect([quay.title, quay.url, quay.publishedAt, quay.outlet]).toEqual(['Quay talks stall', `${server.url}/news/quay`, '2024-03-05', 'Vellmar Courier']);
    // The feed's day, as written (21:00 in New York), not the UTC day after.
    expect(t.services.library.get(results[1]!.id!).publishedAt).toBe('2024-03-06');
  });

  it('an item with neither text nor link fails with its reason; contract refuses a javascript: link', async () => {
    const t = await tempLibrary();
    const r = await t.router('feeds.importItems', { items: [{ title: 'Empty', link: null, publishedAt: null, author: null, content: null }] });
    expect(r).toMatchObject({ ok: true, value: [{ file: 'Empty', status: 'failed', error: expect.stringMatching(/neither its full text nor a link/) }] });
    const bad = await t.router('feeds.importItems', { items: [{ title: 'x', link: 'javascript:alert(1)', publishedAt: null, author: null, content: null }] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
