// Promise: closing the tab right after typing loses nothing, however long the briefing. The page
// flushes its autosave on `visibilitychange`/`pagehide`; browsers let such a request outlive the
// page (`keepalive`) only up to 64 KB, so this checks a briefing well past that (about 150 KB):
// Chromium sends the flush before the tab goes, and the words are in the library.
import { test, expect, newBriefing, typeThenCloseTab } from './fixtures';

test('closing the tab right after typing into a long briefing loses nothing', async ({ page, app }) => {
  await page.goto(app.url);
  const editor = await newBriefing(page, 'Long brief');

  // About 150 KB of briefing, pasted as HTML from the clipboard.
  const html = Array.from({ length: 500 }, (_, i) => `<p>Paragraph ${i}: the envoys discussed export controls, the wartime labor ruling and the sincerity Seoul asked of Tokyo, at length and in detail, again and again.</p>`).join('');
  await editor.evaluate((el, pasted) => {
    (el as HTMLElement).focus();
    const data = new DataTransfer();
    data.setData('text/html', pasted);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
  await expect(editor.locator('p').nth(499)).toContainText('Paragraph 499');
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 10_000 });
  const stored = JSON.parse(app.cli('briefings', '--json')) as { id: number; title: string }[];
  expect(stored.map((b) => b.title)).toContain('Long brief');

  const again = await typeThenCloseTab(page, app.url, ' Closing words.');
  await again.getByTestId('briefing-item').filter({ hasText: 'Long brief' }).click();
  await expect(again.getByTestId('briefing-editor')).toContainText('Closing words.');
  // And it is saved in the library, not only shown.
  await expect(again.getByTestId('save-status')).toHaveText('Saved', { timeout: 10_000 });
  const id = stored.find((b) => b.title === 'Long brief')!.id;
  expect(app.cli('export', String(id), '--format', 'md', '--out', `${app.dir}/long.md`)).toBeDefined();
  const fs = await import('node:fs');
  expect(fs.readFileSync(`${app.dir}/long.md`, 'utf8')).toContain('Closing words.');
});
