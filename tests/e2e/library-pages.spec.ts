// A library bigger than one page of the list (the renderer holds only the pages near the screen):
// the count is the whole library's, scrolling far down shows the rows there, the keyboard reaches
// the last article, sorting and the outlet filter page the same way, and a reload comes back to an
// article deep in the list with its row in view.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';

const ARTICLES = 450;
const title = (i: number) => `Brief ${String(i).padStart(3, '0')}`;

test('a library of several pages: count, scrolling, keyboard, sort, outlet filter, trash and reload', async ({ page, app }) => {
  // Imported by the CLI in batches (a transaction per 200 files), as an analyst would a folder.
  const files = Array.from({ length: ARTICLES }, (_, i) => {
    const file = path.join(app.dir, `brief-${i}.txt`);
    fs.writeFileSync(file, `${title(i)}\n\nThe envoy met the ministry about export controls, round ${i}.`);
    return file;
  });
  app.cli('import', ...files);
  const kyodo = ['Kyodo one', 'Kyodo two', 'Kyodo three'].map((t) => {
    const file = path.join(app.dir, `${t}.txt`);
    fs.writeFileSync(file, `${t}\n\nTokyo said little about ${t}.`);
    return file;
  });
  app.cli('import', '--outlet', 'Kyodo', ...kyodo);

  await page.goto(app.url);
  const items = page.getByTestId('library-item');
  const list = page.getByRole('listbox', { name: 'Articles' });
  // The list keeps the selected article in view: when a new sort or a trashing moves it, the list
  // follows it. Scrolling somewhere else is the analyst's next act, so it is done again until the
  // row asked for is there (the list may still be following the selection when it first scrolls).
  const scrollUntil = async (top: number, row: string) =>
    expect(async () => {
      await list.evaluate((el, t) => (el.scrollTop = t), top);
      await expect(items.filter({ hasText: row })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId('library-count')).toHaveText((ARTICLES + 3).toLocaleString('en-US'));
  await expect(items.first()).toContainText('Kyodo three');

  // Far down the list: the rows there arrive and are the right ones (newest first: 449 … 0).
  await list.evaluate((el) => (el.scrollTop = 300 * 60));
  await expect(items.filter({ hasText: title(ARTICLES - 1 - (300 - 3)) })).toBeVisible();

  // End selects the very last article and opens it; ArrowUp goes to the one before.
  await items.filter({ hasText: title(ARTICLES - 1 - (300 - 3)) }).click();
  await page.keyboard.press('End');
  await expect(page.getByTestId('article-title')).toHaveText(title(0));
  await expect(page.locator('.library-item.selected')).toContainText(title(0));
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('article-title')).toHaveText(title(1));
  await page.keyboard.press('Home');
  await expect(page.getByTestId('article-title')).toHaveText('Kyodo three');

  // Sorted by title while scrolled far down: the rows there are the new order's, then the top and the end.
  await list.evaluate((el) => (el.scrollTop = 300 * 60));
  await page.getByLabel('Sort by').selectOption('title');
  await scrollUntil(300 * 60, title(300));
  await scrollUntil(0, title(0));
  await expect(items.first()).toContainText(title(0));
  await scrollUntil(1e9, 'Kyodo two');
  await expect(items.last()).toContainText('Kyodo two');

  // The outlet filter counts from the store.
  await page.getByTestId('outlet-filter').selectOption('Kyodo');
  await expect(page.getByTestId('library-count')).toHaveText('3');
  await expect(items).toHaveText([/Kyodo one/, /Kyodo three/, /Kyodo two/]);
  await page.getByTestId('outlet-filter').selectOption('');
  await page.getByLabel('Sort by').selectOption('imported');
  await expect(page.getByTestId('library-count')).toHaveText((ARTICLES + 3).toLocaleString('en-US'));

  // An article deep in the list, trashed and counted; then one opened, and the page reloaded: it
  // is open again and its row is in view and selected.
  await scrollUntil(200 * 60, title(250));
  await items.filter({ hasText: title(250) }).click();
  await expect(page.getByTestId('article-title')).toHaveText(title(250));
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('library-count')).toHaveText((ARTICLES + 2).toLocaleString('en-US'));
  await expect(items.filter({ hasText: title(250) })).toHaveCount(0);
  await page.getByTestId('trash-toggle').click();
  await expect(items).toHaveText([new RegExp(title(250))]);
  await page.getByTestId('trash-toggle').click();

  await scrollUntil(380 * 60, title(70));
  await items.filter({ hasText: title(70) }).click();
  await expect(page.getByTestId('article-title')).toHaveText(title(70));
  await page.reload();
  await expect(page.getByTestId('article-title')).toHaveText(title(70));
  await expect(page.locator('.library-item.selected')).toBeInViewport();
  await expect(page.locator('.library-item.selected')).toContainText(title(70));
  await page.screenshot({ path: test.info().outputPath('library-pages.png') });
});
