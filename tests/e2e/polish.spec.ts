// Small things a day of real use found: filters that clip their own text, claims squeezed into a
// narrow box, counts like "1 positions", toasts piling up.
import { test, expect } from './fixtures';
import type { Locator } from '@playwright/test';
import { codedLibrary, CLAIM_SELLOFF, TOPIC_LABOR } from './coded-library';

/** How much wider the select is than the text of its chosen option needs (negative: the text is cut). */
const room = (select: Locator) =>
  select.evaluate((el: HTMLSelectElement) => {
    const style = getComputedStyle(el);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = ctx.measureText(el.selectedOptions[0]!.text).width;
    // The drop-down arrow takes about 16px on the right.
    return el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16 - text;
  });

test('the inspector filters show their whole text; a claim gets the width of the page; counts read as words', async ({ page, app }) => {
  await codedLibrary(app);
  await page.goto(app.url);
  await page.getByTestId('library-item').first().click();
  const filters = page.locator('.list-filters select');
  await expect(filters).toHaveCount(3);
  for (const select of await filters.all()) expect(await room(select), (await select.getAttribute('aria-label')) ?? undefined).toBeGreaterThanOrEqual(0);

  await page.getByTestId('nav-topics').click();
  await page.getByTestId('topic-item').filter({ hasText: TOPIC_LABOR }).click();
  const row = page.getByTestId('position-item').filter({ has: page.locator(`input[value="${CLAIM_SELLOFF}"]`) });
  const claim = row.getByLabel('Claim');
  const [claimBox, rowBox] = [await claim.boundingBox(), await row.boundingBox()];
  expect(claimBox!.width).toBeGreaterThan(rowBox!.width * 0.9);
  await expect(row.getByTestId('position-count')).toHaveText('1 coding');
  for (const select of await row.locator('select').all()) expect(await room(select)).toBeGreaterThanOrEqual(0);
});

test('toasts never pile up: a new one replaces the oldest, two at most; a success is not shown as an error', async ({ page, app }) => {
  await codedLibrary(app);
  await page.goto(app.url);
  await page.getByTestId('nav-actors').click();
  await page.getByTestId('actor-item').first().click();
  for (let i = 0; i < 4; i++) {
    await page.getByTestId('actor-name').fill(`Kim Jung Han ${i}`);
    await page.getByTestId('actor-save').click();
    await expect(page.getByTestId('toast-success').last()).toHaveText(new RegExp(`Saved Kim Jung Han ${i}\\.`));
  }
  await expect(page.locator('.toast')).toHaveCount(2);
  await expect(page.getByTestId('toast-error')).toHaveCount(0);
});
