import { test } from './fixtures';
import { codedLibrary, TAKIZAKI } from './coded-library';
for (const theme of ['light', 'dark']) {
  test(`shots ${theme}`, async ({ page, app }) => {
    await codedLibrary(app);
    await page.goto(app.url);
    if (theme === 'dark') await page.getByTestId('theme-toggle').click();
    await page.getByTestId('library-item').first().click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `/tmp/shots/${theme}-read.png` });
    await page.getByTestId('nav-quotes').click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/shots/${theme}-quotes.png` });
    await page.getByTestId('nav-matrix').click();
    await page.waitForTimeout(300);
    await page.locator('[data-testid="matrix-overview"] td.filled').first().click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/shots/${theme}-matrix.png` });
    await page.getByTestId('nav-topics').click();
    await page.getByTestId('topic-item').first().click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/shots/${theme}-topics.png` });
    await page.getByTestId('nav-actors').click();
    await page.getByTestId('actor-item').filter({ hasText: TAKIZAKI }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/shots/${theme}-actors.png`, fullPage: true });
    await page.getByTestId('actor-merge-target').selectOption({ index: 1 });
    await page.getByTestId('actor-merge').click();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `/tmp/shots/${theme}-confirm.png` });
    await page.getByTestId('confirm-ok').click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/shots/${theme}-merged.png` });
    await page.getByTestId('search-input').fill('Kim');
    await page.waitForTimeout(600);
    await page.screenshot({ path: `/tmp/shots/${theme}-search.png` });
  });
}
