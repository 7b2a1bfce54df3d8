// The library list shows each article's outlet and date under its title, narrows to a range of
// publication dates, and an article whose source date could be read two ways says so and keeps
// the source's words until the analyst sets the date.
import { test, expect } from './fixtures';

const body = (topic: string) => `${topic} officials met in Seoul on the matter.\n\nThey agreed to talk again next month, the ministry said.`;

test('rows show outlet and date under the title; a date range narrows the list and its count', async ({ page, app }) => {
  const files = [
    { title: 'Talks resume in Seoul', outlet: 'Yonhap', publishedAt: '2024-03-03' },
    { title: 'Export controls stay', outlet: 'Nikkei Asia', publishedAt: '2024-01-15' },
    { title: 'Court ruling on labor', outlet: 'Kyodo News', publishedAt: '2023-11-30' },
    { title: 'Undated note', outlet: 'Kyodo News', publishedAt: null },
  ].map((a, i) => ({ file: 'pasted text', encoding: 'text', data: body(`Story ${i}:`), ...a }));
  await app.call('articles.importBatch', { files });
  await page.goto(app.url);

  const rows = page.getByTestId('library-item');
  await expect(rows).toHaveCount(4);
  const talks = rows.filter({ hasText: 'Talks resume in Seoul' });
  await expect(talks.getByTestId('library-item-outlet')).toHaveText('Yonhap');
  await expect(talks.getByTestId('library-item-date')).toHaveText('3 March 2024');
  // Under the title, not beside it.
  const titleBox = (await talks.locator('.item-title').boundingBox())!;
  const metaBox = (await talks.getByTestId('library-item-date').boundingBox())!;
  expect(metaBox.y).toBeGreaterThanOrEqual(titleBox.y + titleBox.height - 1);
  await expect(rows.filter({ hasText: 'Undated note' }).getByTestId('library-item-date')).toHaveCount(0);

  await page.getByTestId('date-from').fill('2024-01-01');
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('library-count')).toHaveText('2');
  await page.getByTestId('date-to').fill('2024-02-29');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Export controls stay');

  // With the outlet filter as well: nothing from Kyodo in that range, said in words.
  await page.getByTestId('outlet-filter').selectOption('Kyodo News');
  await expect(rows).toHaveCount(0);
  await expect(page.getByText('No articles from Kyodo News published between 1 January 2024 and 29 February 2024.')).toBeVisible();
  await page.getByRole('button', { name: 'Show all articles' }).click();
  await expect(rows).toHaveCount(4);
  await expect(page.getByTestId('date-from')).toHaveValue('');

  // Sorted by date within a range, from the keyboard: Clear brings every date back.
  await page.getByTestId('date-to').fill('2024-01-31');
  await expect(rows).toHaveCount(2);
  await page.getByTestId('date-clear').focus();
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(4);
});

test('an ambiguous date is not guessed: the import warns, the row and the details show the text as written', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByTestId('import-open').click();
  const md = `---\ntitle: Envoys meet in Tokyo\noutlet: Korea Herald\ndate: 03/04/2024\n---\n${body('Envoys:')}\n`;
  await page.getByTestId('import-file').setInputFiles({ name: 'envoys.md', mimeType: 'text/markdown', buffer: Buffer.from(md) });
  await page.getByTestId('import-submit').click();
  const result = page.getByTestId('import-result');
  await expect(result).toHaveAttribute('data-status', 'imported');
  await expect(result).toContainText('The date “03/04/2024” could be 3 April or 4 March; set it in the article details.');
  await page.getByRole('button', { name: 'Close' }).click();

  const row = page.getByTestId('library-item').filter({ hasText: 'Envoys meet in Tokyo' });
  await expect(row.getByTestId('library-item-outlet')).toHaveText('Korea Herald');
  await expect(row.getByTestId('library-item-date')).toHaveText('“03/04/2024”?');

  await page.getByTestId('tab-article').click();
  await expect(page.getByTestId('meta-publishedAt')).toHaveValue('');
  const note = page.getByTestId('meta-date-as-written');
  await expect(note).toHaveText('The source wrote the date as “03/04/2024”, which could be more than one day. Set the date above.');

  // The analyst settles it: 3 April. The source's words stay on record, no longer as a warning.
  await page.getByTestId('meta-publishedAt').fill('2024-04-03');
  await page.getByTestId('meta-publishedAt').press('Enter');
  await expect(note).toHaveText('The source wrote “03/04/2024”.');
  await expect(row.getByTestId('library-item-date')).toHaveText('3 April 2024');
  expect(JSON.parse(app.cli('show', '1', '--json'))).toMatchObject({ publishedAt: '2024-04-03', publishedAsWritten: '03/04/2024' });
});
