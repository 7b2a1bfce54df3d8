// Known actors light up in the text, and clicking one offers them as the speaker: of the open
// annotation form, or of the next annotation the analyst starts.
import { test, expect, importAndQuoteKim, selectInArticle } from './fixtures';

const URGED = "actively respond to the Korean government's efforts";

test('clicking a known actor in the text makes them the speaker of the next annotation', async ({ page, app }) => {
  await page.goto(app.url);
  await importAndQuoteKim(page);
  const mention = page.locator('[data-testid="article-view"] .actor-mention').first();
  await expect(mention).toHaveText('Kim Jung Han');

  // No form open: the click is remembered and said.
  await mention.click();
  await expect(page.getByTestId('toast-info').last()).toContainText('Kim Jung Han will be the speaker of your next annotation');
  await selectInArticle(page, URGED);
  await page.keyboard.press('p');
  await expect(page.getByTestId('speaker-chip')).toContainText('Kim Jung Han');
  await page.getByTestId('annotation-save').click();
  await expect(page.locator('[data-testid="article-view"] [data-annotation-id]').filter({ hasText: URGED })).toHaveCount(1);
  const quotes = JSON.parse(app.cli('quotes', '--json')) as { text: string; kind: string; speaker: { name: string } | null }[];
  expect(quotes.find((q) => q.text === URGED)).toMatchObject({ kind: 'paraphrase', speaker: { name: 'Kim Jung Han' } });

  // The offer is used once: the next annotation starts without a speaker.
  await selectInArticle(page, 'trilateral summit');
  await page.keyboard.press('n');
  await expect(page.getByTestId('speaker-input')).toBeVisible();
  await expect(page.getByTestId('speaker-chip')).toHaveCount(0);
  // With the form open, clicking the name fills the speaker in at once.
  await mention.click();
  await expect(page.getByTestId('speaker-chip')).toContainText('Kim Jung Han');
});
