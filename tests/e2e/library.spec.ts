import { test, expect, importPasted, samplePath, sampleText } from './fixtures';


test('import the sample by pasting, read it, search for it, and find it again after a reload', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByText('Your library is empty.')).toBeVisible();

  await importPasted(page, sampleText(), 'Japan urges South Korea to resolve wartime labor row');
  const item = page.getByTestId('library-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Japan urges South Korea to resolve wartime labor row');
  await expect(page.getByTestId('article-view')).toContainText('to show more sincerity to resolve the problem');

  // The token was taken out of the address bar, and a reload still reaches the library.
  expect(page.url()).not.toContain('token=');
  await page.reload();
  await expect(page.getByTestId('library-item')).toHaveCount(1);

  await page.getByTestId('search-input').fill('Nippon Steel');
  const hit = page.getByTestId('search-result');
  await expect(hit).toHaveCount(1);
  await expect(hit.locator('mark').first()).toHaveText('Nippon');
  await page.getByTestId('search-input').press('Enter');
  const marked = page.getByTestId('article-view').locator('.search-hit').first();
  await expect(marked).toHaveText('Nippon');
  await expect(marked).toBeInViewport();

  // What the browser shows is what the CLI sees in the same library.
  expect(JSON.parse(app.cli('list', '--json'))).toMatchObject([{ title: 'Japan urges South Korea to resolve wartime labor row' }]);
});

test('import a file through the file picker; the same text again is a duplicate', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-file').setInputFiles(samplePath);
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('library-item')).toHaveCount(1);
  await expect(page.getByTestId('article-view')).toContainText('Nippon Steel');

  await importPasted(page, sampleText());
  await expect(page.getByTestId('toast-info').last()).toContainText('1 already in the library');
  await expect(page.getByTestId('library-item')).toHaveCount(1);
});

test('a bad file in a batch is named and the rest imports', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-file').setInputFiles([
    { name: 'scan.txt', mimeType: 'text/plain', buffer: Buffer.from([0, 1, 2, 3, 255, 0, 7]) },
    { name: 'slides.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7') },
    { name: 'article.txt', mimeType: 'text/plain', buffer: Buffer.from(sampleText()) },
  ]);
  await page.getByTestId('import-submit').click();
  const results = page.getByTestId('import-result');
  await expect(results).toHaveCount(3);
  await expect(results.nth(0)).toContainText('binary');
  await expect(results.nth(1)).toContainText('cut short');
  await expect(results.nth(2)).toHaveAttribute('data-status', 'imported');
  await expect(page.getByTestId('import-progress')).toContainText('Done: 3 items');
  await expect(page.getByTestId('library-item')).toHaveCount(1);
});

test('edit metadata, move to the trash, and undo', async ({ page, app }) => {
  await page.goto(app.url);
  await importPasted(page, sampleText());
  await page.getByTestId('tab-article').click();
  await page.getByTestId('meta-outlet').fill('Kyodo News');
  await page.getByTestId('meta-outlet').press('Enter');
  await expect(page.getByTestId('library-item')).toContainText('Kyodo News');
  await expect(page.getByTestId('outlet-filter').locator('option', { hasText: 'Kyodo News' })).toHaveCount(1);

  await page.getByTestId('article-delete').click();
  await expect(page.getByTestId('library-item')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('library-item')).toHaveCount(1);

  await page.getByTestId('library-item').click();
  await page.getByTestId('article-delete').click();
  await expect(page.getByTestId('library-item')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('library-item')).toHaveCount(1);
});

test('hostile HTML pasted as an article runs nothing and keeps its words', async ({ page, app }) => {
  await page.goto(app.url);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const hostile = `<p>Harmless words.</p><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">
    <p onmouseover="window.__pwned=3">Hover me</p><a href="javascript:window.__pwned=4">click me</a>
    <svg><script>window.__pwned=5</script></svg><iframe src="javascript:parent.__pwned=6"></iframe>`;
  await importPasted(page, hostile, 'Hostile page');
  const view = page.getByTestId('article-view');
  await expect(view).toContainText('Harmless words.');
  await view.getByText('Hover me').hover();
  await view.getByText('click me').click();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toBe(0);
  expect(await view.locator('script, img, iframe, svg, [onmouseover], a[href^="javascript"]').count()).toBe(0);
});

test('keyboard: Ctrl+K searches, Ctrl+O imports, Escape closes; dark mode toggles and persists', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByText('Your library is empty.')).toBeVisible();
  await page.keyboard.press('Control+o');
  await expect(page.getByTestId('import-text')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-text')).toHaveCount(0);
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('search-input')).toBeFocused();

  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await bg();
  await page.getByTestId('theme-toggle').click();
  const dark = await bg();
  expect(dark).not.toBe(light);
  await page.reload();
  expect(await bg()).toBe(dark);
});

test('the library survives a server restart', async ({ page, app }) => {
  await page.goto(app.url);
  await importPasted(page, sampleText());
  await expect(page.getByTestId('library-item')).toHaveCount(1);
  await expect(page.getByTestId('article-view')).toBeVisible();
  const url = app.url;
  // The user closes the tab before restarting: a page left open would keep calling the stopped
  // server, and Chromium logs each refused connection as an error.
  await page.goto('about:blank');
  await app.restart();
  await page.goto(app.url);
  expect(app.url).not.toBe(url);
  await expect(page.getByTestId('library-item')).toHaveCount(1);
});
