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
/** Annotations drawn on the text (one may be drawn in several pieces, around an actor's name). */
const codedCount = (page: Page) => highlights(page).evaluateAll((els) => new Set(els.map((el) => el.getAttribute('data-annotation-id'))).size);

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
  await expect.poll(() => codedCount(page)).toBe(0);
  await page.getByTestId('reader-scroll').focus();
}

/** The speaker the current suggestion names, as the panel shows it ("" when none was found). */
async function suggestedSpeaker(page: Page) {
  const line = current(page).getByTestId('suggestion-speaker');
  return { name: (await line.getAttribute('data-speaker-name')) ?? '', isNew: (await line.getAttribute('data-speaker-new')) === 'true' };
}

/** C, a name, Enter: the current suggestion gets another speaker (for one the engine found none for). */
async function nameSpeaker(page: Page, name: string) {
  await page.keyboard.press('c');
  await expect(page.getByTestId('suggestion-speaker-input')).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect(current(page).getByTestId('suggestion-speaker')).toHaveAttribute('data-speaker-name', name);
}

const actorNames = async (app: { call: <T>(n: string, i: unknown) => Promise<T> }) => (await app.call<{ name: string }[]>('actors.list', {})).map((a) => a.name).sort();

test('suggestions are accepted, edited and rejected by keyboard; annotations, actors and the matrix follow', async ({ page, app }) => {
  await page.goto(app.url);
  await openSample(page);

  // Accept: J through the list to the first suggestion that names a speaker (the codebook is
  // empty, so a new one); the panel says who, the kind and how sure; A codes it as it stands.
  await page.keyboard.press('j');
  // (Not the quote the edit below is about.)
  const skip = async () => !(await suggestedSpeaker(page)).name || (await current(page).innerText()).includes(SUMMIT);
  for (let i = 0; i < 20 && (await skip()); i++) await page.keyboard.press('j');
  await expect(page.getByTestId('tab-suggestions')).toHaveAttribute('aria-selected', 'true');
  const first = await suggestedSpeaker(page);
  expect(first.name).not.toBe('');
  expect(first.isNew).toBe(true);
  await expect(current(page).getByTestId('suggestion-kind')).toHaveText(/^(direct|mixed|indirect)$/);
  const firstKind = (await current(page).getByTestId('suggestion-kind').innerText()) === 'direct' ? 'quote' : 'paraphrase';
  await expect(current(page).getByTestId('suggestion-confidence-value')).toHaveText(/^\d+% sure$/);
  const firstWords = await current(page).locator('.suggestion-words').innerText();
  // J selected its words in the article too, drawn as the current suggestion: Q or P would code
  // them by hand.
  const oneLine = (t: string | undefined) => (t ?? '').replace(/\s+/g, ' ').trim();
  expect(oneLine(await page.evaluate(() => document.getSelection()?.toString()))).toBe(oneLine(firstWords));
  const key = await current(page).getAttribute('data-suggestion-id');
  await expect(page.getByTestId('article-view').locator(`[data-suggestion-id="${key}"]`).first()).toHaveClass(/suggestion-current/);
  await page.keyboard.press('a');
  await expect.poll(() => codedCount(page)).toBe(1);
  await expect(page.locator(`[data-suggestion-id="${key}"]`)).toHaveCount(0);
  expect(quotes(app)).toMatchObject([{ kind: firstKind, speaker: { name: first.name }, positions: [] }]);
  // The new speaker is an actor now.
  expect(await actorNames(app)).toEqual([first.name]);

  // Edit: E opens the form filled in (kind from the suggestion, its speaker), the keyboard in
  // Positions; a new position, its topic and a stance, and Enter saves.
  await goTo(page, SUMMIT);
  const kind = (await current(page).getByTestId('suggestion-kind').innerText()) === 'direct' ? 'quote' : 'paraphrase';
  const second = await suggestedSpeaker(page);
  if (!second.name) await nameSpeaker(page, 'Kim Jung Han');
  const secondName = second.name || 'Kim Jung Han';
  await page.keyboard.press('e');
  const form = page.getByTestId('annotation-form');
  await expect(form).toContainText('Accept suggestion');
  await expect(page.getByTestId(`kind-${kind}`)).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('speaker-chip')).toContainText(secondName);
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
  expect(coded).toMatchObject({ kind, speaker: { name: secondName }, positions: [{ claim: POSITION, stance: 'supports', topic: TOPIC }] });
  // Each speaker once in the codebook, whether the second was new or the one the first accept made.
  expect(await actorNames(app)).toEqual([...new Set([first.name, secondName])].sort());

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
  await expect(page.locator(`[data-testid="matrix-view"] td[data-actor="${secondName}"][data-position="${POSITION}"]`)).toContainText('+1');

  // After a reload the article comes back with its two annotations, and the rejected suggestion
  // stays gone (the others are still offered).
  await page.reload();
  await page.getByTestId('nav-read').click();
  await expect.poll(() => codedCount(page)).toBe(2);
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
  if (!(await suggestedSpeaker(page)).name) await nameSpeaker(page, 'Kim Jung Han');
  await page.keyboard.press('a');
  await expect.poll(() => codedCount(page)).toBe(1);
  expect(await app.call<unknown[]>('actors.list', {})).toHaveLength(1);
  await undo();
  await expect.poll(() => codedCount(page)).toBe(0);
  await expect(page.getByTestId('article-view').locator(`[data-suggestion-id="${key}"]`).first()).toBeVisible();
  expect(await app.call<unknown[]>('actors.list', {})).toEqual([]);
  expect(quotes(app)).toEqual([]);
  // Redo accepts it again (the actor too); undo once more.
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => codedCount(page)).toBe(1);
  expect(await app.call<unknown[]>('actors.list', {})).toHaveLength(1);
  await undo();
  await expect.poll(() => codedCount(page)).toBe(0);
  expect(await app.call<unknown[]>('actors.list', {})).toEqual([]);

  // Another speaker before accepting: C, a name, Enter; A codes it with that speaker.
  await page.getByTestId('reader-scroll').focus();
  await goTo(page, SINCERITY);
  await nameSpeaker(page, 'Moon Jae In');
  await expect(current(page).getByTestId('suggestion-speaker')).toContainText('your choice');
  await expect(page.getByTestId('reader-scroll')).toBeFocused();
  await page.keyboard.press('a');
  await expect.poll(() => codedCount(page)).toBe(1);
  expect(quotes(app)).toMatchObject([{ speaker: { name: 'Moon Jae In' } }]);

  // Reject, then undo: it is offered again.
  await goTo(page, SUMMIT);
  const summitKey = (await current(page).getAttribute('data-suggestion-id'))!;
  await page.keyboard.press('r');
  await expect(page.locator(`[data-suggestion-id="${summitKey}"]`)).toHaveCount(0);
  await undo();
  await expect(page.getByTestId('article-view').locator(`[data-suggestion-id="${summitKey}"]`).first()).toBeVisible();

  // The confidence filter: only the surer ones are shown, in the panel and on the text. The step
  // chosen is the highest that still shows one (the engine's figures may change as it improves).
  const percents = (await panel(page).getByTestId('suggestion-confidence-value').allInnerTexts()).map((c) => parseInt(c, 10));
  const step = [90, 70, 50].find((p) => percents.some((c) => c >= p)) ?? 0;
  expect(step).toBeGreaterThan(0);
  await page.getByTestId('suggestion-confidence').selectOption(String(step / 100));
  const expected = percents.filter((c) => c >= step).length;
  await expect(panel(page).getByTestId('suggestion-item')).toHaveCount(expected);
  const sure = await panel(page).getByTestId('suggestion-confidence-value').allInnerTexts();
  for (const c of sure) expect(parseInt(c, 10)).toBeGreaterThanOrEqual(step);
  const drawn = new Set(await onText(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-suggestion-id'))));
  expect(drawn.size).toBe(expected);

  // Accept all shown: one question, then every shown one is coded; one undo takes them all back.
  await page.getByTestId('reader-scroll').focus();
  await page.keyboard.press('Shift+A');
  await expect(page.getByTestId('confirm-dialog')).toContainText(`Accept ${sure.length} suggestion`);
  await expect(page.getByTestId('confirm-ok')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => codedCount(page)).toBe(1 + sure.length);
  await expect(panel(page).getByTestId('suggestion-item')).toHaveCount(0);
  await expect(page.getByTestId('suggestions-empty')).toBeVisible();
  await undo();
  await expect.poll(() => codedCount(page)).toBe(1);
  expect(quotes(app)).toHaveLength(1);
});

test('a text edit brings fresh suggestions for the new words; a rejection holds wherever the edit moved it', async ({ page, app }) => {
  await page.goto(app.url);
  await openSample(page);
  // A click on a suggestion in the text makes it the one the keys act on.
  await onText(page).filter({ hasText: SUMMIT }).first().click();
  await expect(current(page)).toContainText(SUMMIT);
  await page.keyboard.press('r');
  await expect(onText(page).filter({ hasText: SUMMIT })).toHaveCount(0);

  // Fix a word inside one suggested quote (so every later offset moves too).
  await page.getByTestId('text-edit').click();
  await page.getByTestId('article-view').evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.nodeValue!.indexOf('sincerity');
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + 'sincerity'.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return;
    }
    throw new Error('no “sincerity” in the article');
  });
  await page.keyboard.type('good faith');
  await page.getByTestId('text-save').click();
  await expect(page.getByTestId('article-view')).toContainText('to show more good faith to resolve');

  // The suggestion now reads the new words, on the text and in the panel; the rejected one stays away.
  await expect(onText(page).filter({ hasText: 'to show more good faith to resolve the problem' })).toHaveCount(1);
  await expect(onText(page).filter({ hasText: SINCERITY })).toHaveCount(0);
  await page.getByTestId('tab-suggestions').click();
  await expect(panel(page).getByTestId('suggestion-item').filter({ hasText: 'good faith' })).toHaveCount(1);
  await expect(panel(page).getByTestId('suggestion-item').filter({ hasText: SUMMIT })).toHaveCount(0);
  // The command line agrees: the same list for the edited text.
  const listed = (JSON.parse(app.cli('suggest', '1', '--json')) as { content: { exact: string } }[]).map((x) => x.content.exact).join('\n');
  expect(listed).toContain('to show more good faith to resolve the problem');
  expect(listed).not.toContain(SUMMIT);
});
