// The reading flow over a day of use: trashing, opening again, the list keeping up.
import { test, expect, importPasted, sampleText } from './fixtures';

const SECOND = 'Seoul and Tokyo agreed on Tuesday to keep talking about export controls.\n\nThe ministers met for two hours.';

for (const how of ['library Delete key', 'Article tab']) {
  test(`trashing the open article (${how}) leaves every other article readable`, async ({ page, app }) => {
    await page.goto(app.url);
    await importPasted(page, sampleText(), 'Japan urges South Korea to resolve wartime labor row');
    await importPasted(page, SECOND, 'Export controls talks');
    await expect(page.getByTestId('library-item')).toHaveCount(2);
    await expect(page.getByTestId('article-view')).toContainText('export controls');

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
