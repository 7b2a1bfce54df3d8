import type { Page } from '@playwright/test';
import { test, expect, newBriefing as startBriefing } from './fixtures';

const ALPHA = 'Alpha: Baltic shipping assessment';
const BRAVO = 'Bravo: Sahel outlook';
const WORD = 'quokkafjord';

/** A new blank briefing with this title and this text in its body, saved. */
async function newBriefing(page: Page, title: string, body: string) {
  await startBriefing(page, title);
  await page.keyboard.type(body);
  await expect(page.getByTestId('briefing-item').filter({ hasText: title })).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
}

test('a briefing found by the search opens; a deleted briefing is in the trash and comes back with Restore', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByTestId('nav-briefings').click();

  // Nothing deleted yet: the trash says so.
  await page.getByTestId('briefing-trash-toggle').click();
  await expect(page.getByText('The trash is empty.')).toBeVisible();
  await expect(page.getByTestId('briefing-trash-item')).toHaveCount(0);
  await page.getByTestId('briefing-trash-toggle').click();

  await newBriefing(page, ALPHA, `Convoys rerouted past ${WORD} since March.`);
  await newBriefing(page, BRAVO, 'Nothing unusual in this one.');
  await expect(page.getByTestId('briefing-title')).toHaveValue(BRAVO);

  // From another view, the search finds the word in Alpha's body and opens Alpha.
  await page.getByTestId('nav-read').click();
  await page.getByTestId('search-input').fill(WORD);
  const hit = page.getByTestId('search-result').filter({ hasText: ALPHA });
  await expect(hit).toHaveCount(1);
  await expect(page.getByTestId('search-result')).toHaveCount(1);
  await hit.click();
  await expect(page.getByTestId('nav-briefings')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('briefing-title')).toHaveValue(ALPHA);
  await expect(page.getByTestId('briefing-editor')).toContainText(`Convoys rerouted past ${WORD}`);
  await expect(page.locator('[data-testid="briefing-item"].selected')).toContainText(ALPHA);

  // Enter on a highlighted hit opens it too: back to Bravo by its title.
  await page.getByTestId('search-input').fill('Sahel');
  await expect(page.getByTestId('search-result').filter({ hasText: BRAVO })).toHaveCount(1);
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('briefing-title')).toHaveValue(BRAVO);

  // Delete Alpha; the toast's Undo is not used.
  await page.getByTestId('briefing-item').filter({ hasText: ALPHA }).click();
  await expect(page.getByTestId('briefing-title')).toHaveValue(ALPHA);
  await page.getByTestId('briefing-delete').click();
  await expect(page.getByTestId('toast-info').filter({ hasText: `Deleted “${ALPHA}”.` })).toBeVisible();
  await expect(page.getByTestId('briefing-item')).toHaveCount(1);
  await expect(page.getByTestId('briefing-item')).toContainText(BRAVO);
  await expect(page.getByTestId('briefing-title')).toHaveValue(BRAVO);

  // The trash lists it; Restore brings it back and opens it.
  await expect(page.getByTestId('briefing-trash-toggle')).toHaveText('Trash (1)');
  await page.getByTestId('briefing-trash-toggle').click();
  const trashed = page.getByTestId('briefing-trash-item');
  await expect(trashed).toHaveCount(1);
  await expect(trashed).toContainText(ALPHA);
  await expect(page.getByTestId('briefing-item')).toHaveCount(0);
  await trashed.getByTestId('briefing-restore').click();
  await expect(page.getByTestId('briefing-title')).toHaveValue(ALPHA);
  // That was the last one in the trash: the list of briefings comes back, not an empty trash.
  await expect(page.getByText('The trash is empty.')).toHaveCount(0);
  await expect(page.getByTestId('briefing-trash-toggle')).toHaveText(/^Trash/);
  await expect(page.getByTestId('briefing-item')).toHaveCount(2);
  await expect(page.getByTestId('briefing-item').filter({ hasText: ALPHA })).toBeVisible();
  await expect(page.getByTestId('briefing-trash-toggle')).toHaveText('Trash');

  // After a reload it is still there, text and all, and the trash is still empty.
  await page.reload();
  await page.getByTestId('nav-briefings').click();
  await expect(page.getByTestId('briefing-item')).toHaveCount(2);
  await page.getByTestId('briefing-item').filter({ hasText: ALPHA }).click();
  await expect(page.getByTestId('briefing-editor')).toContainText(`Convoys rerouted past ${WORD}`);
  await expect(page.getByTestId('briefing-trash-toggle')).toHaveText('Trash');
  expect(await app.call<unknown[]>('briefings.list', { trash: true })).toEqual([]);
});
