// Pasting a page copied in a browser: the clipboard carries an HTML flavour beside the plain text,
// and the import keeps the page's headings, lists and links from it.
import { test, expect } from './fixtures';

const copiedHtml = `<meta charset="utf-8"><h2>Envoys meet on export controls</h2>
<p>Officials from both countries met in <a href="https://example.com/seoul">Seoul</a> on Thursday.</p>
<ul><li>Export controls stay for now</li><li>Talks resume next month</li></ul>
<p>Neither side <b>commented</b> further.</p><script>window.__pwned = 1</script>`;
const copiedText = 'Envoys meet on export controls\nOfficials from both countries met in Seoul on Thursday.\nExport controls stay for now\nTalks resume next month\nNeither side commented further.';

async function copyToClipboard(page: import('@playwright/test').Page, html: string, text: string) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(
    async ([html, text]) => {
      await navigator.clipboard.write([
        new ClipboardItem({ 'text/html': new Blob([html!], { type: 'text/html' }), 'text/plain': new Blob([text!], { type: 'text/plain' }) }),
      ]);
    },
    [html, text],
  );
}

test('a page pasted from a browser keeps its headings, lists and links', async ({ page, app }) => {
  await page.goto(app.url);
  await copyToClipboard(page, copiedHtml, copiedText);
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-text').focus();
  await page.keyboard.press('Control+V');
  await expect(page.getByTestId('import-text')).toHaveValue(copiedText);
  await expect(page.getByTestId('import-flavour')).toContainText('headings, lists and links are kept');
  await page.screenshot({ path: 'test-results/import-paste-flavour.png' });
  await page.getByTestId('import-submit').click();

  const view = page.getByTestId('article-view');
  // The first HTML import starts the page reader (jsdom in a worker), which takes a while on a busy machine.
  await expect(view.locator('h2, h1')).toHaveText('Envoys meet on export controls', { timeout: 30_000 });
  await expect(view.locator('li')).toHaveText(['Export controls stay for now', 'Talks resume next month']);
  await expect(view.locator('a[href="https://example.com/seoul"]')).toHaveText('Seoul');
  await expect(view.locator('strong')).toHaveText('commented');
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  const [{ id }] = (await app.call<{ items: [{ id: number }] }>('articles.list', {})).items;
  expect(await app.call('articles.get', { id })).toMatchObject({ sourceFormat: 'html', title: 'Envoys meet on export controls' });
});

test('editing the pasted text imports what was typed, as plain text, and says so', async ({ page, app }) => {
  await page.goto(app.url);
  await copyToClipboard(page, copiedHtml, copiedText);
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-text').focus();
  await page.keyboard.press('Control+V');
  await page.getByTestId('import-text').press('End');
  await page.keyboard.type(' Added by hand.');
  await expect(page.getByTestId('import-flavour')).toContainText('plain text');
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('article-view')).toContainText('Neither side commented further. Added by hand.');
  const [{ id }] = (await app.call<{ items: [{ id: number }] }>('articles.list', {})).items;
  expect(await app.call('articles.get', { id })).toMatchObject({ sourceFormat: 'txt' });
});
