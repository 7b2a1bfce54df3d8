// A PDF report through the import dialog's file input, as an analyst picks one: printed by the
// test's own Chromium from our HTML (tests/unit/pdf-fixtures.ts), read by the server's PDF worker,
// and read back in the reader: the title, a paragraph mended across line ends, no running header.
import { test, expect } from './fixtures';
import { HEADER, HYPHEN_PARAGRAPH, PdfMaker, reportHtml, SUMMARY, TITLE } from '../unit/pdf-fixtures';

test('import a PDF report through the file picker and read its paragraphs', async ({ page, app, browser }) => {
  const maker = new PdfMaker(browser);
  const pdf = await maker.print(reportHtml());
  await maker.close();

  await page.goto(app.url);
  await page.getByTestId('import-open').click();
  await expect(page.getByTestId('import-file')).toHaveAttribute('accept', /\.pdf/);
  await page.getByTestId('import-file').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByTestId('import-submit').click();

  // The server starts its PDF worker (pdf.js) on the first PDF: on a busy machine that takes seconds.
  await expect(page.getByTestId('library-item')).toHaveCount(1, { timeout: 60_000 });
  await expect(page.getByTestId('library-item')).toContainText(TITLE);
  const reader = page.getByTestId('article-view');
  await expect(reader.locator('p', { hasText: 'A well-known lawyer' })).toHaveText(HYPHEN_PARAGRAPH);
  await expect(reader.locator('p', { hasText: 'Officials in Seoul' })).toHaveText(SUMMARY[0]!);
  await expect(reader).not.toContainText(HEADER);
  await expect(reader).not.toContainText(/Page \d of \d/);
  await page.screenshot({ path: test.info().outputPath('pdf-imported.png') });
});
