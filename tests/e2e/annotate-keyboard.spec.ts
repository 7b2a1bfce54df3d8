// The annotation form walks the keyboard Speaker → Positions → Topic → stance every time it opens,
// and Enter on the stance saves: what coding one quote costs is counted and reported to the bench.
import type { Page } from '@playwright/test';
import { test, expect, importPasted, samplePath, sampleText, selectInArticle, POSITION, QUOTE, TOPIC } from './fixtures';
import { EffortCounter, reportEffort } from './coding-effort';

const SECOND = 'the need for the Japanese government and defendant companies';

test('the form takes the keyboard every time; coding a quote costs one drag and no clicks', async ({ page, app }) => {
  await page.goto(app.url);
  await importPasted(page, sampleText(), 'Japan urges South Korea to resolve wartime labor row');
  const speaker = page.getByTestId('speaker-input');
  const position = page.getByTestId('position-input');
  const topic = page.getByTestId('position-topic-input');
  const stance = page.getByTestId('stance-select');

  // A new speaker and a new position, with its new topic.
  const fresh = new EffortCounter(page);
  await fresh.drag(QUOTE);
  await fresh.press('q');
  await expect(speaker).toBeFocused();
  // The passage stays marked while the keyboard is in the form.
  await expect(page.getByTestId('pending-passage')).toHaveText(QUOTE);
  await fresh.type('Kim Jung Han');
  await fresh.press('Enter');
  await expect(page.getByTestId('speaker-chip')).toContainText('Kim Jung Han');
  await expect(position).toBeFocused();
  await fresh.type(POSITION);
  await fresh.press('Enter');
  await expect(topic).toBeFocused();
  await fresh.type(TOPIC);
  await fresh.press('Enter');
  await expect(stance).toBeFocused();
  await fresh.press('s');
  await expect(stance).toHaveValue('supports');
  await fresh.press('Enter');
  await expect(page.getByTestId('annotation-form')).toHaveCount(0);
  await expect(page.getByTestId('annotation-item')).toHaveCount(1);
  await expect(page.getByTestId('pending-passage')).toHaveCount(0);
  // The keyboard is back in the article, not lost on <body>.
  await expect(page.getByTestId('reader-scroll')).toBeFocused();

  // The second form opens focused too (autofocus alone worked only once per page), and a known
  // speaker and position are a few letters each.
  const known = new EffortCounter(page);
  await known.drag(SECOND);
  await known.press('q');
  await expect(speaker).toBeFocused();
  await known.type('Kim');
  await known.press('Enter');
  await expect(page.getByTestId('speaker-chip')).toContainText('Kim Jung Han');
  await expect(position).toBeFocused();
  await known.type('sincerity');
  await known.press('Enter');
  await expect(stance).toBeFocused();
  await known.press('s');
  await known.press('Enter');
  await expect(page.getByTestId('annotation-item')).toHaveCount(2);

  // Space in a field types a space; it does not scroll the article away.
  await selectInArticle(page, 'agreed to continue dialogue');
  await page.keyboard.press('n');
  await expect(speaker).toBeFocused();
  await page.keyboard.type('Shigeki Takizaki');
  await expect(speaker).toHaveValue('Shigeki Takizaki');
  // Esc cancels from any field, and the passage comes back selected to adjust.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('annotation-form')).toHaveCount(0);
  expect(await page.evaluate(() => document.getSelection()?.toString())).toBe('agreed to continue dialogue');

  const quotes = JSON.parse(app.cli('quotes', '--json')) as { text: string; speaker: { name: string }; positions: { claim: string; stance: string; topic: string }[] }[];
  expect(quotes).toHaveLength(2);
  for (const q of quotes) expect(q).toMatchObject({ speaker: { name: 'Kim Jung Han' }, positions: [{ claim: POSITION, stance: 'supports', topic: TOPIC }] });

  expect(fresh.effort).toMatchObject({ drags: 1, clicks: 0 });
  reportEffort('newSpeakerAndPosition', fresh.effort);
  reportEffort('knownSpeakerAndPosition', known.effort);
});

test('Esc leaves the form from the topic field too', async ({ page, app }) => {
  await page.goto(app.url);
  await importPasted(page, sampleText(), 'Japan urges South Korea to resolve wartime labor row');
  await selectInArticle(page, QUOTE);
  await page.keyboard.press('q');
  await page.keyboard.type('Kim Jung Han');
  await page.keyboard.press('Enter');
  await page.keyboard.type(POSITION);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('position-topic-input')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('annotation-form')).toHaveCount(0);
  await expect(page.getByTestId('annotation-item')).toHaveCount(0);
});

const selected = (page: Page) => page.evaluate(() => document.getSelection()?.toString().trim() ?? '');

test('a quote coded with the keyboard alone: library, sentence, quoted words, form, and Shift+Arrow to adjust', async ({ page, app }) => {
  app.cli('import', samplePath);
  await page.goto(app.url);
  const keys = new EffortCounter(page);

  // Tab to the library (past the views, the search and the list's date fields), ↓ opens the article, Enter puts the keyboard in its text.
  const list = page.getByRole('listbox', { name: 'Articles' });
  for (let i = 0; i < 40 && !(await list.evaluate((el) => el === document.activeElement)); i++) await keys.press('Tab');
  await expect(list).toBeFocused();
  await keys.press('ArrowDown');
  await expect(page.getByTestId('article-view')).toContainText('Nippon Steel');
  await keys.press('Enter');
  await expect(page.getByTestId('reader-scroll')).toBeFocused();

  // S selects the first sentence in view, then the next ones; " the quoted words inside it.
  await keys.press('s');
  expect(await selected(page)).toMatch(/^Japan urged South Korea on Thursday/);
  for (let i = 0; i < 10 && !(await selected(page)).includes(QUOTE); i++) await keys.press('s');
  expect(await selected(page)).toMatch(/^According to a South Korean Foreign Ministry statement/);
  await keys.press('"');
  expect(await selected(page)).toBe(QUOTE);

  await keys.press('q');
  await expect(page.getByTestId('speaker-input')).toBeFocused();
  await keys.type('Kim Jung Han');
  await keys.press('Enter');
  await keys.type(POSITION);
  await keys.press('Enter');
  await keys.type(TOPIC);
  await keys.press('Enter');
  await keys.press('s');
  await keys.press('Enter');
  await expect(page.getByTestId('annotation-item')).toHaveCount(1);
  await expect(page.locator('[data-testid="article-view"] [data-annotation-id]')).toHaveText(QUOTE);
  await expect(page.getByTestId('reader-scroll')).toBeFocused();
  reportEffort('keyboardOnly', keys.effort);

  // Next: S goes on after the quote; Shift+Arrow keys trim the sentence to what was reported.
  await page.keyboard.press('s');
  expect(await selected(page)).toMatch(/^It said he also urged Tokyo/);
  const target = 'urged Tokyo to withdraw "unfair" export controls imposed on South Korea for materials used in the manufacture of semiconductors';
  for (let i = 0; i < 40 && !(await selected(page)).endsWith('semiconductors'); i++) {
    await page.keyboard.press((await selected(page)).includes('semiconductors,') ? 'Shift+ArrowLeft' : 'Control+Shift+ArrowLeft');
  }
  // With Alt, the start moves: word by word, then a character at a time.
  for (let i = 0; i < 40 && !(await selected(page)).startsWith('urged'); i++) {
    await page.keyboard.press('Control+Alt+Shift+ArrowRight');
    if ((await selected(page)).startsWith('Tokyo')) for (let j = 0; j < 7; j++) await page.keyboard.press('Alt+Shift+ArrowLeft');
  }
  expect(await selected(page)).toBe(target);
  await page.keyboard.press('p');
  await expect(page.getByTestId('speaker-input')).toBeFocused();
  await page.keyboard.type('Kim');
  await page.keyboard.press('Enter');
  // Enter on the empty Positions field is "done": the paraphrase is saved with its speaker alone.
  await expect(page.getByTestId('position-input')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('annotation-item')).toHaveCount(2);
  await expect(page.getByTestId('annotation-item').filter({ hasText: 'export controls' })).toContainText('Kim Jung Han');
  expect(JSON.parse(app.cli('quotes', '--json')).map((q: { text: string }) => q.text)).toEqual(expect.arrayContaining([QUOTE, target]));
});

test('a new speaker’s kind is guessed and shown to correct; a position is never saved without a stance', async ({ page, app }) => {
  await page.goto(app.url);
  await importPasted(page, sampleText(), 'Japan urges South Korea to resolve wartime labor row');
  await selectInArticle(page, 'present a solution over a wartime labor row');
  await page.keyboard.press('q');
  await page.keyboard.type('Government of Japan');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('speaker-kind-guess')).toContainText('guessed');
  await expect(page.getByTestId('speaker-kind')).toHaveValue('organization');
  await page.getByTestId('speaker-kind').selectOption('state');

  await page.getByTestId('position-input').fill('South Korea must present a solution');
  await page.getByTestId('position-input').press('Enter');
  await page.keyboard.type(TOPIC);
  await page.keyboard.press('Enter');
  // No stance yet: Enter (and Save) refuse, saying why beside the field.
  await expect(page.getByTestId('stance-select')).toHaveValue('');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('stance-missing')).toBeVisible();
  await page.getByTestId('annotation-save').click();
  await expect(page.getByTestId('annotation-form')).toBeVisible();
  expect(JSON.parse(app.cli('quotes', '--json'))).toEqual([]);

  await page.getByTestId('stance-select').selectOption('opposes');
  await expect(page.getByTestId('stance-missing')).toHaveCount(0);
  await page.getByTestId('annotation-save').click();
  await expect(page.getByTestId('annotation-item')).toHaveCount(1);
  const quotes = JSON.parse(app.cli('quotes', '--json')) as { speaker: { name: string; kind: string }; positions: { stance: string }[] }[];
  expect(quotes).toMatchObject([{ speaker: { name: 'Government of Japan', kind: 'state' }, positions: [{ stance: 'opposes' }] }]);
});
