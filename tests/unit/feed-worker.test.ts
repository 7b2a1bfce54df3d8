// Feeds are read in a worker thread in the app and browser mode (feed-reader.ts, running the built
// dist/main/html-worker.js): the same listing as in-process, a feed that is not one refused with the
// same reason, and the page reader's own work in the same script undisturbed.
import { afterEach, describe, expect, it } from 'vitest';
import { FeedWorker } from '../../main/services/import/feed-reader';
import { HtmlWorker } from '../../main/services/import/html-reader';
import { readFeed } from '../../main/services/import/feed';
import { AppError } from '../../main/errors';
import { atomFeed, itemText, rssFeed } from './web-fixtures';

const script = new URL('../../dist/main/html-worker.js', import.meta.url);
const closing: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(closing.splice(0).map((w) => w.close()));
});

describe('the feed worker', () => {
  it('lists a feed as reading it in-process does, 10,000 items included', async () => {
    const feeds = new FeedWorker(script);
    closing.push(feeds);
    const small = atomFeed([{ title: 'Ferry vote postponed', link: 'http://127.0.0.1/ferry', date: '2024-03-03T23:30:00+09:00', author: 'Anwen Drey', content: itemText(1) }]);
    expect(await feeds.read(small, 'city.atom')).toEqual(readFeed(small, 'city.atom'));
    const big = rssFeed(Array.from({ length: 10_000 }, (_, n) => ({ title: `Council item ${n}`, link: `http://127.0.0.1/items/${n}`, date: 'Tue, 05 Mar 2024 10:00:00 GMT' })));
    const listed = await feeds.read(big, 'big.rss');
    expect(listed.items).toHaveLength(10_000);
    expect(listed.items[9_999]).toMatchObject({ title: 'Council item 9999', publishedAt: '2024-03-05' });
  });

  it('refuses what is not a feed with the in-process reason, and keeps working after', async () => {
    const feeds = new FeedWorker(script);
    closing.push(feeds);
    const err = await feeds.read('<?xml version="1.0"?><notes/>', 'notes.xml').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('unsupported');
    expect((err as AppError).message).toMatch(/notes\.xml is not an RSS or Atom feed that Verbatim can read/);
    expect((await feeds.read(rssFeed([{ title: 'Still here', link: 'http://127.0.0.1/a', date: 'Mon, 04 Mar 2024 08:00:00 GMT' }]), 'a.rss')).items[0]!.title).toBe('Still here');
  });

  it('the same script still reads pages for the page reader', async () => {
    const pages = new HtmlWorker(script);
    closing.push(pages);
    const parsed = await pages.read('<!doctype html><html><head><title>Quay talks</title></head><body><article><h1>Quay talks</h1><p>The harbour commission met on Tuesday to settle the dispute over the eastern quay, idle since spring, and failed again.</p></article></body></html>');
    expect(parsed.title).toBe('Quay talks');
  });
});
