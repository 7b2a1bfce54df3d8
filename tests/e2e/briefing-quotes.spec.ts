// Quotes in a briefing as an analyst uses them: inserted from the quote bank, then typed after.
import { test, expect, importAndQuoteKim, newBriefing, QUOTE } from './fixtures';

test('typing right after inserting a quote goes after the quote instead of replacing it', async ({ page, app }) => {
  await page.goto(app.url);
  await importAndQuoteKim(page);
  const editor = await newBriefing(page, 'Quote then type');

  // An empty body: the quote takes the empty paragraph's place, and the caret must still land after it.
  await page.getByTestId('quote-insert').click();
  await page.getByTestId('quote-picker-item').filter({ hasText: QUOTE }).click();
  await expect(editor.locator('[data-quote-id]')).toContainText(QUOTE);
  await page.keyboard.type('Seoul wants more.');

  await expect(editor.locator('[data-quote-id]')).toContainText(QUOTE);
  await expect(editor.locator('p').last()).toHaveText('Seoul wants more.');
  await expect(page.getByTestId('source-item')).toHaveCount(1);
  // The order in the text: quote first, then the sentence typed after it.
  const order = await editor.evaluate((root) => [...root.children].map((c) => (c.matches('[data-quote-id]') ? 'quote' : c.textContent)));
  expect(order).toEqual(['quote', 'Seoul wants more.']);
});
