// The reading flow over a day of use: trashing, opening again, the list keeping up.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, importPasted, sampleText, selectInArticle } from './fixtures';

const SECOND = 'Seoul and Tokyo agreed on Tuesday to keep talking about export controls.\n\nThe ministers met for two hours.';

for (const how of ['library Delete key', 'Article tab']) {
  test(`trashing the open article (${how}) leaves every other article readable`, async ({ page, app }) => {
    await page.goto(app.url);
    await importPasted(page, sampleText(), 'Japan urges South Korea to resolve wartime labor row');
    await importPasted(page, SECOND, 'Export controls talks');
    await expect(page.getByTestId('library-item')).toHaveCount(2);
    await expect(page.getByTestId('article-title')).toHaveText('Export controls talks');

    if (how === 'Article tab') {
      await page.getByTestId('tab-article').click();
      await page.getByTestId('article-delete').click();
    } else {
      await page.getByTestId('library-item').filter({ hasText: 'Export controls talks' }).click();
      await page.keyboard.press('Delete');
    }
    await expect(page.getByTestId('library-item')).toHaveCount(1);

    // The article that was already there opens with its text.
    await page.getByTestId('library-item').first().click();
    await expect(page.getByTestId('article-title')).toHaveText('Japan urges South Korea to resolve wartime labor row');
    await expect(page.getByTestId('article-view')).toContainText('to show more sincerity to resolve the problem');

    // So does one imported afterwards.
    await importPasted(page, 'A third article about shipbuilding.', 'Shipbuilding');
    await expect(page.getByTestId('article-view')).toContainText('shipbuilding');

    // And the trashed one, from the trash.
    await page.getByTestId('trash-toggle').click();
    await expect(page.getByTestId('library-item')).toHaveText([/Export controls talks/]);
    await page.getByTestId('library-item').first().click();
    await expect(page.getByTestId('article-view')).toContainText('export controls');
  });
}

test('the library list keeps up: word count after a text fix, annotation counts, articles the CLI imports', async ({ page, app }) => {
  await page.goto(app.url);
  await importPasted(page, SECOND, 'Export controls talks');
  const row = page.getByTestId('library-item').filter({ hasText: 'Export controls talks' });
  await expect(row).toContainText('18 words');

  await page.getByTestId('text-edit').click();
  await page.getByTestId('article-view').locator('p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Both sides were cautious.');
  await page.getByTestId('text-save').click();
  await expect(page.getByTestId('article-view')).toContainText('Both sides were cautious.');
  await expect(row).toContainText('22 words');

  await selectInArticle(page, 'keep talking about export controls');
  await page.keyboard.press('n');
  await page.getByTestId('annotation-save').click();
  await expect(row).toContainText('1 annotation');

  // Imported by the CLI while the page is open: there when the window is looked at again.
  const file = path.join(app.dir, 'shipbuilding.txt');
  fs.writeFileSync(file, 'Shipbuilding orders rose in October.\n\nThe yards are busy.');
  app.cli('import', file);
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(page.getByTestId('library-item')).toHaveCount(2);
});

test('a reload comes back to the open article and view', async ({ page, app }) => {
  await page.goto(app.url);
  await importPasted(page, sampleText(), 'Japan urges South Korea to resolve wartime labor row');
  await importPasted(page, SECOND, 'Export controls talks');
  await expect(page.getByTestId('article-title')).toHaveText('Export controls talks');
  await page.getByTestId('library-item').filter({ hasText: 'Japan urges' }).click();
  await expect(page.getByTestId('article-title')).toHaveText('Japan urges South Korea to resolve wartime labor row');
  await page.reload();
  await expect(page.getByTestId('article-title')).toHaveText('Japan urges South Korea to resolve wartime labor row');
  await expect(page.getByTestId('article-view')).toContainText('Nippon Steel');

  await page.getByTestId('nav-actors').click();
  // The view is on screen (and remembered) before the reload, not merely clicked.
  await expect(page.getByTestId('nav-actors')).toHaveAttribute('aria-current', 'page');
  await page.reload();
  await expect(page.getByTestId('nav-actors')).toHaveAttribute('aria-current', 'page');
  await page.getByTestId('nav-read').click();
  await expect(page.getByTestId('article-title')).toHaveText('Japan urges South Korea to resolve wartime labor row');
});

test('the library list shows where the keyboard is', async ({ page, app }) => {
  await page.goto(app.url);
  await importPasted(page, SECOND, 'Export controls talks');
  const list = page.getByRole('listbox', { name: 'Articles' });
  // Past the search, the sort, outlet and date-range controls (a date field takes a Tab per part).
  for (let i = 0; i < 40 && !(await list.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(list).toBeFocused();
  await expect(list).toHaveCSS('outline-style', 'solid');
  await expect(page.getByTestId('library-item').first()).toHaveCSS('box-shadow', /inset/);
});
