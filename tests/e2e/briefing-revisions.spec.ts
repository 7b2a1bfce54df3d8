// Revisions and the live Actors & positions table, as an analyst uses them: save a revision,
// write on, look at the revision full size with its changes against now, restore it, and undo the restore; insert a live table for a
// topic, code a new stance elsewhere and see the table follow, then freeze it into a plain table.
import { test, expect, importAndQuoteKim, newBriefing, selectInArticle, TOPIC } from './fixtures';

test('restore a revision and undo the restore; a live stance table follows the coding until frozen', async ({ page, app }) => {
  await page.goto(app.url);
  await importAndQuoteKim(page);
  const editor = await newBriefing(page, 'Assessment');
  await page.keyboard.type('First draft of the assessment.');
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });

  // A revision now (besides the automatic one the first save may have kept), then more writing.
  const [briefing] = await app.call<{ id: number }[]>('briefings.list', {});
  const kept = (await app.call<unknown[]>('briefings.revisions', { id: briefing!.id })).length;
  await page.getByTestId('tab-revisions').click();
  await page.getByTestId('revision-snapshot').click();
  await expect(page.getByTestId('revision-item')).toHaveCount(kept + 1);
  const manual = page.getByTestId('revision-item').filter({ hasText: 'manual' });
  await expect(manual).toHaveCount(1);
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Second thoughts added later.');
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });

  // Open it full size: first what restoring would change against the text now, word by word
  // (unsaved words included), then the revision itself; restore it: the later words go; undo brings them back.
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Not saved yet.');
  await manual.getByRole('button').click();
  const dialog = page.getByTestId('revision-dialog');
  await expect(dialog).toBeVisible();
  expect((await dialog.boundingBox())!.width).toBeGreaterThan(900);
  const diff = dialog.getByTestId('revision-diff');
  await expect(diff.locator('.diff-text del')).toHaveText(['Second thoughts added later. Not saved yet.']);
  await expect(diff.locator('.diff-text ins')).toHaveCount(0);
  await expect(diff).toContainText('First draft of the assessment.');
  await dialog.getByTestId('revision-tab-revision').click();
  await expect(dialog.getByTestId('revision-preview')).toContainText('First draft of the assessment.');
  await expect(dialog.getByTestId('revision-preview')).not.toContainText('Second thoughts');
  await page.getByTestId('revision-restore').click();
  await expect(dialog).toHaveCount(0);
  await expect(editor).not.toContainText('Second thoughts');
  await expect(editor).toContainText('First draft of the assessment.');
  await editor.click();
  await page.keyboard.press('Control+z');
  await expect(editor).toContainText('Second thoughts added later. Not saved yet.');
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });

  // A live table for the topic Kim was coded on.
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.getByTestId('stance-table-insert').click();
  await page.getByTestId('topic-picker-item').filter({ hasText: TOPIC }).click();
  const table = editor.getByTestId('stance-table');
  await expect(table).toContainText('Kim Jung Han');
  await expect(table).toContainText('supports ×1');
  await expect(table).not.toContainText('Shigeki Takizaki');

  // Code another speaker on the same position in the reader; back in the briefing the table shows it.
  await page.getByTestId('nav-read').click();
  await selectInArticle(page, 'a sell-off of a Japanese company');
  await page.getByTestId('annotate-quote').click();
  await page.getByTestId('speaker-input').fill('Shigeki Takizaki');
  await page.getByTestId('speaker-input').press('Enter');
  await page.getByTestId('position-input').fill('Japan must show more sincerity');
  await page.getByTestId('position-input').press('Enter');
  await page.getByTestId('stance-select').selectOption('opposes');
  await page.getByTestId('annotation-save').click();
  await expect(page.locator('[data-testid="article-view"] [data-annotation-id]')).toHaveCount(2);
  await page.getByTestId('nav-briefings').click();
  await expect(table).toContainText('Shigeki Takizaki');
  await expect(table).toContainText('opposes ×1');

  // Freeze: an ordinary table with the same cells, no longer live.
  await table.getByTestId('stance-table-freeze').click();
  await expect(editor.getByTestId('stance-table')).toHaveCount(0);
  const frozen = editor.locator('table');
  await expect(frozen).toContainText('Shigeki Takizaki');
  await expect(frozen.locator('th').first()).toHaveText('Actor');
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
});
