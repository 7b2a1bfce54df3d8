// Refused article details are explained beside the field, in words, and what was typed stays there
// to be corrected; nothing is saved until it is right.
import { test, expect, importPasted, sampleText } from './fixtures';

const TITLE = 'Japan urges South Korea to resolve wartime labor row';

test('the details form keeps a refused value with the reason beside it', async ({ page, app }) => {
  await page.goto(app.url);
  await importPasted(page, sampleText(), TITLE);
  await page.getByRole('tab', { name: 'Article' }).click();
  const url = page.getByTestId('meta-url');
  await expect(page.getByTestId('meta-title')).toHaveValue(TITLE);

  // A URL without its scheme: kept in the field, explained, not saved.
  await url.fill('english.kyodonews.net/news/2020/10/x.html');
  await url.press('Enter');
  await expect(page.getByTestId('meta-url-error')).toHaveText('The URL must start with http:// or https://.');
  await expect(url).toHaveValue('english.kyodonews.net/news/2020/10/x.html');
  await expect(url).toHaveAttribute('aria-invalid', 'true');

  // An empty title and an overlong one, each in words.
  const title = page.getByTestId('meta-title');
  await title.fill('');
  await title.press('Enter');
  await expect(page.getByTestId('meta-title-error')).toHaveText('The title cannot be empty.');
  await title.fill('Word '.repeat(80));
  await title.press('Enter');
  await expect(page.getByTestId('meta-title-error')).toHaveText('The title can be at most 300 characters.');
  await page.screenshot({ path: 'test-results/article-meta-errors.png' });
  await expect(page.getByTestId('toast-error')).toHaveCount(0);
  const [stored] = (await app.call<{ items: [{ id: number; title: string; url: string | null }] }>('articles.list', {})).items;
  expect(stored).toMatchObject({ title: TITLE, url: null });

  // Esc puts the saved title back; a corrected URL saves and the reason goes.
  await title.press('Escape');
  await expect(title).toHaveValue(TITLE);
  await expect(page.getByTestId('meta-title-error')).toHaveCount(0);
  await url.fill('https://english.kyodonews.net/news/2020/10/x.html');
  await url.press('Enter');
  await expect(page.getByTestId('meta-url-error')).toHaveCount(0);
  await expect.poll(async () => (await app.call<{ items: [{ url: string | null }] }>('articles.list', {})).items[0].url).toBe('https://english.kyodonews.net/news/2020/10/x.html');
});

test('the import dialog shows a refused title beside its field and keeps the pasted text', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-text').fill(sampleText());
  await page.getByTestId('import-title').fill('Long '.repeat(70));
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-title-error')).toHaveText('The title can be at most 300 characters.');
  await expect(page.getByTestId('import-text')).toHaveValue(sampleText());
  await page.screenshot({ path: 'test-results/import-title-error.png' });

  await page.getByTestId('import-title').fill(TITLE);
  await expect(page.getByTestId('import-title-error')).toHaveCount(0);
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('article-view')).toBeVisible();
  expect(await app.call('articles.list', {})).toMatchObject({ items: [{ title: TITLE }] });
});
