// What the analyst sees is what the export prints: a quote in quotation marks, a paraphrase plain
// with "(paraphrased)", a note plain. Tags show in the inspector and the quotes table, and filter it.
import { test, expect } from './fixtures';
import { codedLibrary, KIM, NOTED, PARAPHRASED, QUOTED, TAKIZAKI, CLAIM_SINCERITY } from './coded-library';

test('paraphrases and notes read unquoted everywhere, quotes quoted; tags are shown and filter the quotes table', async ({ page, app }) => {
  await codedLibrary(app);
  await page.goto(app.url);

  // The inspector's list of the article's annotations.
  await page.getByTestId('library-item').first().click();
  const item = (words: string) => page.getByTestId('annotation-item').filter({ hasText: words });
  await expect(item(QUOTED).getByTestId('annotation-words')).toHaveText(`“${QUOTED}”`);
  await expect(item(PARAPHRASED).getByTestId('annotation-words')).toHaveText(`${PARAPHRASED} (paraphrased)`);
  await expect(item(NOTED).getByTestId('annotation-words')).toHaveText(NOTED);
  await expect(item(PARAPHRASED).getByTestId('annotation-tags')).toHaveText(/#assets\s*#warning/);
  await expect(item(NOTED).getByTestId('annotation-tags')).toHaveText('#follow-up');

  // The quotes table: the same words, a Tags column, and a tag filter.
  await page.getByTestId('nav-quotes').click();
  const row = (words: string) => page.getByTestId('quote-row').filter({ hasText: words });
  await expect(page.getByTestId('quote-row')).toHaveCount(4);
  await expect(row(PARAPHRASED).getByTestId('annotation-words')).toHaveText(`${PARAPHRASED} (paraphrased)`);
  await expect(row(NOTED).getByTestId('annotation-words')).toHaveText(NOTED);
  await expect(row(QUOTED).getByTestId('annotation-words')).toHaveText(`“${QUOTED}”`);
  await expect(row(PARAPHRASED).getByTestId('annotation-tags')).toContainText('#warning');
  await page.getByLabel('Tag', { exact: true }).selectOption({ label: '#warning' });
  await expect(page.getByTestId('quote-row')).toHaveCount(1);
  await expect(page.getByTestId('quote-row')).toContainText(TAKIZAKI);
  await page.getByLabel('Tag', { exact: true }).selectOption({ label: 'Any tag' });
  await expect(page.getByTestId('quote-row')).toHaveCount(4);

  // The matrix drill-down.
  await page.getByTestId('nav-matrix').click();
  await page.getByTestId('matrix-topic').selectOption({ label: 'Wartime labor compensation' });
  await page.locator(`[data-testid="matrix-view"] td[data-actor="${TAKIZAKI}"][data-position="${CLAIM_SINCERITY}"]`).click();
  await expect(page.getByTestId('cell-quotes').getByTestId('annotation-words')).toHaveText(`${PARAPHRASED} (paraphrased)`);
  await page.locator(`[data-testid="matrix-view"] td[data-actor="${KIM}"][data-position="${CLAIM_SINCERITY}"]`).click();
  await expect(page.getByTestId('cell-quotes').getByTestId('annotation-words')).toHaveText(`“${QUOTED}”`);
});
