import { test, expect, importAndQuoteKim, typeThenCloseTab, QUOTE } from './fixtures';

test('draft a situation brief with a quote and a mention; it survives a reload, undo works, and closing right after typing loses nothing', async ({ page, app }) => {
  await page.goto(app.url);
  await importAndQuoteKim(page);

  await page.getByTestId('nav-briefings').click();
  await page.getByTestId('briefing-new-situation').click();
  const editor = page.getByTestId('briefing-editor');
  await expect(editor.locator('h1').first()).toHaveText('BLUF');
  await page.getByTestId('briefing-title').fill('Japan–South Korea: wartime labor row');
  await page.getByTestId('briefing-title').press('Enter');

  // Type under BLUF.
  await editor.locator('p').first().click();
  await page.keyboard.type('Seoul presses Tokyo for sincerity; Tokyo warns against liquidation. ');

  // Insert the quote through the picker.
  await page.getByTestId('quote-insert').click();
  await page.getByTestId('quote-picker-item').filter({ hasText: QUOTE }).getByTestId('quote-insert-block').click();
  const quote = editor.locator('[data-quote-id]');
  await expect(quote).toContainText(QUOTE);
  await expect(quote).toContainText('Kim Jung Han');
  await expect(quote.locator('.cite-num')).toHaveText('1');

  // Mention an actor with @.
  await editor.locator('p').nth(1).click();
  await page.keyboard.type('Watch @Kim');
  await expect(page.getByTestId('mention-menu')).toContainText('Kim Jung Han');
  await page.keyboard.press('Enter');
  await expect(editor.locator('.actor-node')).toHaveText('Kim Jung Han');
  await page.keyboard.type('closely.');
  await expect(page.getByTestId('sources')).toContainText('Japan urges South Korea to resolve wartime labor row');
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });

  // Undo and redo.
  await page.keyboard.type(' Extra words');
  await expect(editor).toContainText('Extra words');
  await page.keyboard.press('Control+z');
  await expect(editor).not.toContainText('Extra words');
  await page.keyboard.press('Control+Shift+z');
  await expect(editor).toContainText('Extra words');

  // Reload: everything is there, and the citation leads to the article.
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
  await page.reload();
  await page.getByTestId('nav-briefings').click();
  await expect(page.getByTestId('briefing-title')).toHaveValue('Japan–South Korea: wartime labor row');
  await expect(editor).toContainText('Seoul presses Tokyo for sincerity');
  await expect(editor.locator('[data-quote-id]')).toContainText(QUOTE);
  await expect(editor.locator('.actor-node')).toHaveText('Kim Jung Han');
  await editor.locator('.cite-num').click();
  await expect(page.getByTestId('article-view')).toBeVisible();
  await expect(page.getByTestId('article-title')).toHaveText('Japan urges South Korea to resolve wartime labor row');

  // Close the page within a second of the last keystroke, reopen: nothing lost.
  await page.getByTestId('nav-briefings').click();
  const again = await typeThenCloseTab(page, app.url, ' Last words before closing.');
  await expect(again.getByTestId('briefing-editor')).toContainText('Last words before closing.');
  expect(app.cli('briefings', '--json')).toContain('Japan–South Korea: wartime labor row');
});
