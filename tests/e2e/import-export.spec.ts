import { test, expect } from './fixtures';
import { inventedArticles, nexisDocx } from '../fixtures/news-exports';

test('a Nexis export: the dialog counts its articles first, then each becomes a library entry with its outlet and date', async ({ page, app }) => {
  const invented = inventedArticles(12, 300);
  const buffer = await nexisDocx(invented, { 4: 'no-body-line' });
  await page.goto(app.url);
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'nexis-download.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer });

  // The count before anything is stored, and the article that cannot be read, named.
  const summary = page.getByTestId('import-file-summary');
  await expect(summary).toContainText('nexis-download.docx: Nexis export: 11 articles', { timeout: 30_000 });
  await summary.getByText('1 part cannot be imported').click();
  await expect(summary).toContainText('article 5: no body found');
  await expect(page.getByTestId('library-count')).toHaveText('0');
  await page.screenshot({ path: test.info().outputPath('import-export-count.png') });

  await page.getByTestId('import-submit').click();
  const result = page.getByTestId('import-result');
  await expect(result).toHaveAttribute('data-status', 'imported');
  await expect(result).toContainText('Nexis export: 12 articles: 11 imported, 1 not imported');
  await expect(page.getByTestId('import-article-result')).toHaveCount(12);
  await expect(page.getByTestId('import-article-result').nth(4)).toHaveAttribute('data-status', 'failed');
  await expect(page.getByTestId('import-article-result').nth(4)).toContainText(invented[4]!.headline);
  await page.screenshot({ path: test.info().outputPath('import-export-results.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: test.info().outputPath('import-export-results-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('button', { name: 'Close' }).click();

  await expect(page.getByTestId('library-count')).toHaveText('11');
  const third = invented[2]!;
  const item = page.getByTestId('library-item').filter({ hasText: third.headline });
  await expect(item.getByTestId('library-item-outlet')).toHaveText(third.outlet);
  // As a reader writes it: "March 23, 2022" in the export, "23 March 2022" under the title.
  const [month, day] = third.dateLine.split(/[ ,]+/);
  await expect(item.getByTestId('library-item-date')).toHaveText(`${day} ${month} ${third.isoDate.slice(0, 4)}`);
  await item.click();
  await expect(page.getByTestId('article-view')).toContainText(third.paragraphs[1]!);
  await expect(page.getByTestId('article-view')).not.toContainText('End of Document');

  // The CLI sees the same entries, with their metadata.
  const listed = JSON.parse(app.cli('list', '--json')) as { title: string; outlet: string; publishedAt: string }[];
  expect(listed).toHaveLength(11);
  expect(listed).toContainEqual(expect.objectContaining({ title: third.headline, outlet: third.outlet, publishedAt: third.isoDate }));
});
