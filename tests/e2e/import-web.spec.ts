// Importing from the web through the dialog: a page by its address, then two items picked from a
// feed, all served by a server this test starts on 127.0.0.1 (browser mode fetches on its side).
import { test, expect } from './fixtures';
import { articlePage, itemText, rssFeed, send, startFixtureServer, type FixtureServer } from '../unit/web-fixtures';

let web: FixtureServer;

test.beforeAll(async () => {
  web = await startFixtureServer({
    '/news/quay': send('text/html; charset=utf-8', articlePage({ title: 'Quay talks stall over night pay' })),
    '/news/cranes': send('text/html; charset=utf-8', articlePage({ title: 'Cranes idle for a fourth month', body: ['Forty cranes on the eastern quay have not moved since March, the harbour master said in a written statement to the council on Monday.', 'The union and the commission blame each other for the delay, and neither expects a settlement before the summer season begins.'] })),
  });
  web.route(
    '/port.rss',
    send(
      'application/rss+xml',
      rssFeed([
        { title: 'Ferry timetable vote postponed', link: `${web.url}/news/ferry`, date: 'Sun, 03 Mar 2024 23:30:00 +0900', author: 'Anwen Drey', content: itemText(1) },
        { title: 'Harbour fees rise again', link: `${web.url}/news/fees`, date: 'Mon, 04 Mar 2024 08:00:00 GMT', content: itemText(2, 'harbour fees') },
        { title: 'Cranes idle', link: `${web.url}/news/cranes`, date: 'Wed, 06 Mar 2024 09:00:00 GMT' },
      ]),
    ),
  );
});
test.afterAll(() => web.close());

test('a page by its address, then two items picked from a feed', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-web-url').fill(`${web.url}/news/quay`);
  await page.getByTestId('import-submit').click();
  const view = page.getByTestId('article-view');
  // The first HTML import starts the page reader (jsdom in a worker), which takes a while on a busy machine.
  await expect(view).toContainText('Ilse Marrow', { timeout: 30_000 });
  await expect(page.getByTestId('library-item').filter({ hasText: 'Quay talks stall over night pay' })).toBeVisible();

  await page.getByTestId('import-open').click();
  await page.getByTestId('import-web-url').fill(`${web.url}/port.rss`);
  await page.getByTestId('import-web-url').press('Enter');
  const feed = page.getByTestId('feed-items');
  await expect(feed.getByTestId('feed-count')).toContainText('3 items');
  const rows = feed.getByTestId('feed-item');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('2024-03-03 · full text in the feed');
  await expect(rows.nth(2)).toContainText(`2024-03-06 · ${new URL(web.url).host}`);
  // Pick the first by mouse, the third by keyboard.
  await rows.nth(0).click();
  const list = feed.getByRole('listbox');
  await list.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Space');
  await expect(feed.getByTestId('feed-picked')).toHaveText('2 of 3 picked');
  await page.screenshot({ path: 'test-results/import-feed-items.png' });
  await feed.getByTestId('feed-import').click();

  const results = page.getByTestId('import-result');
  await expect(results).toHaveCount(2, { timeout: 30_000 });
  await expect(results.nth(0)).toHaveAttribute('data-status', 'imported');
  await expect(results.nth(1)).toHaveAttribute('data-status', 'imported');
  await expect(results.nth(0)).toContainText('Ferry timetable vote postponed');
  await expect(results.nth(1)).toContainText('Cranes idle');
  await expect(page.getByTestId('feed-items')).toHaveCount(0);
  await page.keyboard.press('Escape');
  for (const title of ['Ferry timetable vote postponed', 'Cranes idle']) await expect(page.getByTestId('library-item').filter({ hasText: title })).toBeVisible();
  await expect(page.getByTestId('library-item').filter({ hasText: 'Harbour fees rise again' })).toHaveCount(0);
  // The page behind the picked link was fetched; the one whose text came with the feed was not.
  expect(web.hits.get('/news/cranes')).toBe(1);
  expect(web.hits.get('/news/ferry')).toBeUndefined();
});

test('a feed file of 10,000 items lists at once, windowed, and select all picks every one', async ({ page, app }) => {
  const items = Array.from({ length: 10_000 }, (_, n) => ({ title: `Council minute ${n + 1}`, link: `${web.url}/minutes/${n + 1}`, date: 'Tue, 05 Mar 2024 10:00:00 GMT' }));
  await page.goto(app.url);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'minutes.rss', mimeType: 'application/rss+xml', buffer: Buffer.from(rssFeed(items, 'Council minutes')) });
  await page.getByTestId('import-submit').click();
  const feed = page.getByTestId('feed-items');
  await expect(feed.getByTestId('feed-count')).toContainText('10,000 items', { timeout: 30_000 });
  // Only the rows in view are in the page.
  expect(await feed.getByTestId('feed-item').count()).toBeLessThan(60);
  await expect(feed.getByTestId('feed-select-all')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(feed.getByTestId('feed-picked')).toHaveText('10,000 of 10,000 picked');
  await expect(feed.getByTestId('feed-import')).toHaveText('Import 10,000 items');
  // The last item is reachable by keyboard.
  await feed.getByRole('listbox').focus();
  await page.keyboard.press('End');
  await expect(feed.getByTestId('feed-item').filter({ hasText: 'Council minute 10000' })).toBeVisible();
  await page.screenshot({ path: 'test-results/import-feed-10000-dark.png' });
  // Nothing was imported by listing.
  await page.getByRole('button', { name: 'Set this feed aside' }).click();
  await expect(feed).toHaveCount(0);
  expect(await app.call<{ total: number }>('articles.list', {})).toMatchObject({ total: 0 });
});
