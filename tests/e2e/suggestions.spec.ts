// Suggested quotes and speakers, decided by keyboard: accept one (its new speaker becomes an actor),
// edit one (a position and a stance added in the annotation form), reject one (and it stays
// rejected after a reload); the annotations, the actors and the matrix follow, and undo takes each
// decision back. Which suggestions the engine makes may change as it improves: the test finds the
// ones it acts on by their words, and the direct quotes it relies on are the engine's surest.
import type { Page } from '@playwright/test';
import { test, expect, importPasted, sampleText, POSITION, TOPIC } from './fixtures';

const SINCERITY = 'to show more sincerity to resolve the problem';
const SUMMIT = 'actively respond to the Korean government';

const panel = (page: Page) => page.getByTestId('suggestion-panel');
const current = (page: Page) => panel(page).locator('[data-testid="suggestion-item"][aria-current="true"]');
const onText = (page: Page) => page.getByTestId('article-view').getByTestId('suggestion-item');
const highlights = (page: Page) => page.locator('[data-testid="article-view"] [data-annotation-id]');

interface QuoteJson {
  text: string;
  kind: string;
  speaker: { name: string } | null;
  positions: { claim: string; stance: string; topic: string }[];
}
const quotes = (app: { cli: (...a: string[]) => string }) => JSON.parse(app.cli('quotes', '--json')) as QuoteJson[];

/** J or K until the suggestion the keys are on holds these words (an analyst reading down the list). */
async function goTo(page: Page, words: string) {
  const items = panel(page).getByTestId('suggestion-item');
  // The first J also brings the suggestions tab forward.
  if (!(await panel(page).isVisible())) await page.keyboard.press('j');
  await expect(items.first()).toBeVisible();
  for (let i = 0; i < 30; i++) {
    const texts = await items.allInnerTexts();
    const target = texts.findIndex((t) => t.includes(words));
    if (target < 0) throw new Error(`no suggestion holds “${words}”`);
    const at = await items.evaluateAll((els) => els.findIndex((el) => el.getAttribute('aria-current') === 'true'));
    if (at === target) return;
    await page.keyboard.press(at < 0 || at < target ? 'j' : 'k');
  }
  throw new Error(`the keys never reached “${words}”`);
}

async function openSample(page: Page) {
  await importPasted(page, sampleText(), 'Japan urges South Korea to resolve wartime labor row');
  // The suggestions are drawn on the text, apart from the annotations (none yet).
  // Found in the background after the import: a liveness wait on a busy machine, not a timing claim.
  await expect(onText(page).filter({ hasText: SINCERITY })).toBeVisible({ timeout: 20_000 });
  await expect(highlights(page)).toHaveCount(0);
  await page.getByTestId('reader-scroll').focus();
}

test('suggestions are accepted, edited and rejected by keyboard; annotations, actors and the matrix follow', async ({ page, app }) => {
  await page.goto(app.url);
  await openSample(page);

  // Accept: J to the quote, the panel says who said it ("Kim → new: Kim Jung Han"), A codes it.
  await goTo(page, SINCERITY);
  await expect(page.getByTestId('tab-suggestions')).toHaveAttribute('aria-selected', 'true');
  await expect(current(page).getByTestId('suggestion-speaker')).toContainText('Kim Jung Han');
  await expect(current(page).getByTestId('suggestion-speaker')).toContainText('new');
  await expect(current(page).getByTestId('suggestion-kind')).toHaveText('direct');
  // J selected its words in the article too: Q or P would code them by hand.
  expect(await page.evaluate(() => document.getSelection()?.toString())).toContain(SINCERITY);
  // The text shows the same suggestion as the current one, with the speaker's mention marked.
  const key = await current(page).getAttribute('data-suggestion-id');
  await expect(page.getByTestId('article-view').locator(`[data-suggestion-id="${key}"]`)).toHaveClass(/suggestion-current/);
  await expect(page.getByTestId('suggestion-source')).toHaveText('Kim');
  await page.keyboard.press('a');
  await expect(highlights(page).filter({ hasText: SINCERITY })).toHaveCount(1);
  await expect(page.locator(`[data-suggestion-id="${key}"]`)).toHaveCount(0);
  expect(quotes(app)).toMatchObject([{ kind: 'quote', speaker: { name: 'Kim Jung Han' }, positions: [] }]);
  // The new speaker is an actor, with the mention as written as an alias.
  const actors = await app.call<{ name: string; aliases: string[] }[]>('actors.list', {});
  expect(actors).toEqual([expect.objectContaining({ name: 'Kim Jung Han', aliases: ['Kim'] })]);

  // Edit: the next quote of his is now matched to the actor; E opens the form filled in, the
  // keyboard in Positions; a new position, its topic and a stance, and Enter saves.
  await goTo(page, SUMMIT);
  await expect(current(page).getByTestId('suggestion-speaker')).toContainText('Kim Jung Han');
  await expect(current(page).getByTestId('suggestion-speaker')).not.toContainText('new');
  await page.keyboard.press('e');
  const form = page.getByTestId('annotation-form');
  await expect(form).toContainText('Accept suggestion');
  await expect(page.getByTestId('kind-quote')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('speaker-chip')).toContainText('Kim Jung Han');
  await expect(page.getByTestId('position-input')).toBeFocused();
  await page.keyboard.type(POSITION);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('position-topic-input')).toBeFocused();
  await page.keyboard.type(TOPIC);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('stance-select')).toBeFocused();
  await page.keyboard.press('s');
  await page.keyboard.press('Enter');
  await expect(form).toHaveCount(0);
  await expect(highlights(page).filter({ hasText: SUMMIT })).toHaveCount(1);
  const coded = quotes(app).find((q) => q.text.includes(SUMMIT));
  expect(coded).toMatchObject({ kind: 'quote', speaker: { name: 'Kim Jung Han' }, positions: [{ claim: POSITION, stance: 'supports', topic: TOPIC }] });
  // Still one Kim Jung Han: the second quote named the actor the first one created.
  expect((await app.call<unknown[]>('actors.list', {})).length).toBe(1);

  // Reject: whichever suggestion the keys are on now; it leaves the text and the panel.
  await page.getByTestId('reader-scroll').focus();
  await page.keyboard.press('j');
  await expect(current(page)).toHaveCount(1);
  const rejectedKey = await current(page).getAttribute('data-suggestion-id');
  const rejectedWords = (await page.locator(`[data-testid="article-view"] [data-suggestion-id="${rejectedKey}"]`).allInnerTexts()).join('');
  const before = await panel(page).getByTestId('suggestion-item').count();
  await page.keyboard.press('r');
  await expect(page.locator(`[data-suggestion-id="${rejectedKey}"]`)).toHaveCount(0);
  await expect(panel(page).getByTestId('suggestion-item')).toHaveCount(before - 1);
  expect(quotes(app)).toHaveLength(2);

  // The matrix counts the edited quote's stance.
  await page.getByTestId('nav-matrix').click();
  await expect(page.locator(`[data-testid="matrix-view"] td[data-actor="Kim Jung Han"][data-position="${POSITION}"]`)).toContainText('+1');

  // After a reload the article comes back with its two annotations, and the rejected suggestion
  // stays gone (the others are still offered).
  await page.reload();
  await page.getByTestId('nav-read').click();
  await expect(highlights(page)).toHaveCount(2);
  await page.getByTestId('tab-suggestions').click();
  await expect(panel(page).getByTestId('suggestion-item')).toHaveCount(before - 1);
  for (const words of await panel(page).getByTestId('suggestion-item').allInnerTexts()) expect(words).not.toContain(rejectedWords);
  await expect(onText(page)).not.toHaveCount(0);
});

test('undo takes back an accept (and the actor it created) and a reject; the speaker can be changed first; accept all asks once', async ({ page, app }) => {
  await page.goto(app.url);
  await openSample(page);
  const undo = () => page.keyboard.press('Control+z');

  // Accept, then undo: the annotation and the new actor go, the suggestion comes back.
  await goTo(page, SINCERITY);
  const key = (await current(page).getAttribute('data-suggestion-id'))!;
  await page.keyboard.press('a');
  await expect(highlights(page)).toHaveCount(1);
  expect(await app.call<unknown[]>('actors.list', {})).toHaveLength(1);
  await undo();
  await expect(highlights(page)).toHaveCount(0);
  await expect(page.getByTestId('article-view').locator(`[data-suggestion-id="${key}"]`)).toHaveCount(1);
  expect(await app.call<unknown[]>('actors.list', {})).toEqual([]);
  expect(quotes(app)).toEqual([]);

  // Another speaker before accepting: C, a name, Enter; A codes it with that speaker.
  await page.getByTestId('reader-scroll').focus();
  await goTo(page, SINCERITY);
  await page.keyboard.press('c');
  await expect(page.getByTestId('suggestion-speaker-input')).toBeFocused();
  await page.keyboard.type('Moon Jae In');
  await page.keyboard.press('Enter');
  await expect(current(page).getByTestId('suggestion-speaker')).toContainText('Moon Jae In');
  await expect(page.getByTestId('reader-scroll')).toBeFocused();
  await page.keyboard.press('a');
  await expect(highlights(page)).toHaveCount(1);
  expect(quotes(app)).toMatchObject([{ speaker: { name: 'Moon Jae In' } }]);

  // Reject, then undo: it is offered again.
  await goTo(page, SUMMIT);
  const summitKey = (await current(page).getAttribute('data-suggestion-id'))!;
  await page.keyboard.press('r');
  await expect(page.locator(`[data-suggestion-id="${summitKey}"]`)).toHaveCount(0);
  await undo();
  await expect(page.getByTestId('article-view').locator(`[data-suggestion-id="${summitKey}"]`)).toHaveCount(1);

  // The confidence filter: only the surer ones are shown, in the panel and on the text.
  const all = await panel(page).getByTestId('suggestion-item').count();
  await page.getByTestId('suggestion-confidence').selectOption('0.9');
  const sure = await panel(page).getByTestId('suggestion-confidence-value').allInnerTexts();
  expect(sure.length).toBeGreaterThan(0);
  expect(sure.length).toBeLessThanOrEqual(all);
  for (const c of sure) expect(parseInt(c, 10)).toBeGreaterThanOrEqual(90);
  await expect(onText(page).filter({ hasText: SUMMIT })).toHaveCount(1);

  // Accept all shown: one question, then every shown one is coded; one undo takes them all back.
  await page.getByTestId('reader-scroll').focus();
  await page.keyboard.press('Shift+A');
  await expect(page.getByTestId('confirm-dialog')).toContainText(`Accept ${sure.length} suggestion`);
  await expect(page.getByTestId('confirm-ok')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(highlights(page)).toHaveCount(1 + sure.length);
  await expect(panel(page).getByTestId('suggestion-item')).toHaveCount(0);
  await expect(page.getByTestId('suggestions-empty')).toBeVisible();
  await undo();
  await expect(highlights(page)).toHaveCount(1);
  expect(quotes(app)).toHaveLength(1);
});
