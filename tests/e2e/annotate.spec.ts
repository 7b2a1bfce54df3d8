import { test, expect, importAndQuoteKim, POSITION, QUOTE, TOPIC } from './fixtures';

test('quote Kim Jung Han, code a new position, see it everywhere, survive a reload and a text fix, undo a deletion', async ({ page, app }) => {
  await page.goto(app.url);
  // Quote it, creating the speaker, the position and its topic on the spot.
  await importAndQuoteKim(page);

  const highlight = page.locator('[data-testid="article-view"] [data-annotation-id]');
  await expect(highlight).toHaveText(QUOTE);
  const item = page.getByTestId('annotation-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Kim Jung Han');
  await expect(item).toContainText(QUOTE);

  // Give the actor an alias: "Kim" now lights up in the text.
  await page.getByTestId('nav-actors').click();
  await page.getByTestId('actor-item').filter({ hasText: 'Kim Jung Han' }).click();
  await page.getByTestId('actor-aliases').fill('Kim');
  await page.getByTestId('actor-save').click();
  await expect(page.getByTestId('actor-item').filter({ hasText: 'Kim Jung Han' })).toContainText('also Kim');

  // The matrix shows the stance.
  await page.getByTestId('nav-matrix').click();
  const cell = page.locator(`[data-testid="matrix-view"] td[data-actor="Kim Jung Han"][data-position="${POSITION}"]`);
  await expect(cell).toContainText('+1');
  await cell.click();
  await expect(page.getByTestId('cell-quotes')).toContainText(QUOTE);

  // Reload: all of it is still there (the reload comes back to the Matrix, where we were).
  await page.reload();
  await expect(page.getByTestId('nav-matrix')).toHaveAttribute('aria-current', 'page');
  await page.getByTestId('nav-read').click();
  await page.getByTestId('library-item').first().click();
  await expect(highlight).toHaveText(QUOTE);
  await expect(page.locator('.actor-mention').filter({ hasText: /^Kim$/ }).first()).toBeVisible();
  await expect(page.getByTestId('annotation-item')).toContainText('Kim Jung Han');

  // Fix a word before the quote; the highlight still covers exactly the same words.
  await page.getByTestId('text-edit').click();
  await page.getByTestId('article-view').evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.nodeValue!.indexOf('frayed');
      if (i >= 0) {
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + 'frayed'.length);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        return;
      }
    }
    throw new Error('no “frayed” in the article');
  });
  await page.keyboard.type('strained, frayed');
  await page.getByTestId('text-save').click();
  await expect(page.getByTestId('toast-success').last()).toContainText('1 annotation re-anchored');
  await expect(page.getByTestId('article-view')).toContainText('discussed strained, frayed bilateral');
  await expect(highlight).toHaveText(QUOTE);
  expect(app.cli('show', '1')).toContain('strained, frayed bilateral');

  // Delete the annotation, then undo.
  await page.getByTestId('annotation-delete').click();
  await expect(page.getByTestId('annotation-item')).toHaveCount(0);
  await expect(highlight).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('annotation-item')).toHaveCount(1);
  await expect(highlight).toHaveText(QUOTE);

  // The CLI sees the same coding.
  const quotes = JSON.parse(app.cli('quotes', '--json')) as { text: string; speaker: { name: string; affiliations: unknown[] }; positions: { claim: string; stance: string; topic: string }[] }[];
  expect(quotes).toMatchObject([{ text: QUOTE, speaker: { name: 'Kim Jung Han' }, positions: [{ claim: POSITION, stance: 'supports', topic: TOPIC }] }]);
});
