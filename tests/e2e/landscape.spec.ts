// The landscape across topics, actor pages that list what each actor said, search over the coding,
// and a merge that can be undone.
import { test, expect } from './fixtures';
import { codedLibrary, KIM, TAKIZAKI, TOPIC_LABOR, TOPIC_TRADE, QUOTED, PARAPHRASED, CONTROLS, CLAIM_SINCERITY } from './coded-library';

test('the matrix overview counts each actor on each topic, drills down, opens a topic, and remembers it', async ({ page, app }) => {
  await codedLibrary(app);
  await page.goto(app.url);
  await page.getByTestId('nav-matrix').click();
  const overview = page.getByTestId('matrix-overview');
  const cell = (actor: string, topic: string) => overview.locator(`td[data-actor="${actor}"][data-topic="${topic}"]`);
  // Kim: one supporting quote on each topic; Takizaki's paraphrase supports one labor position and opposes another.
  await expect(cell(KIM, TOPIC_LABOR)).toHaveText('+1');
  await expect(cell(KIM, TOPIC_TRADE)).toHaveText('+1');
  await expect(cell(TAKIZAKI, TOPIC_LABOR)).toHaveText(/\+1\s+−1/);
  await expect(cell(TAKIZAKI, TOPIC_TRADE)).toHaveText('');

  await cell(KIM, TOPIC_TRADE).click();
  await expect(page.getByTestId('cell-quotes')).toContainText(`${KIM} on ${TOPIC_TRADE}`);
  await expect(page.getByTestId('cell-quotes').getByTestId('annotation-words')).toHaveText(`“${CONTROLS}”`);

  // A topic's name opens its own matrix; leaving and coming back keeps it.
  await overview.getByTestId('overview-topic').filter({ hasText: TOPIC_LABOR }).click();
  await expect(page.locator(`[data-testid="matrix-view"] td[data-actor="${KIM}"][data-position="${CLAIM_SINCERITY}"]`)).toContainText('+1');
  await page.getByTestId('nav-quotes').click();
  await page.getByTestId('nav-matrix').click();
  await expect(page.getByTestId('matrix-topic').locator('option:checked')).toHaveText(TOPIC_LABOR);
  await expect(page.getByTestId('matrix-view')).toBeVisible();
  await page.reload();
  await page.getByTestId('nav-matrix').click();
  await expect(page.getByTestId('matrix-topic').locator('option:checked')).toHaveText(TOPIC_LABOR);
});

test('search finds actors and what they said; an actor page lists their annotations, each opening its passage', async ({ page, app }) => {
  await codedLibrary(app);
  await page.goto(app.url);
  await page.getByTestId('search-input').fill('Takizaki');
  const actors = page.getByTestId('search-group-actor');
  await expect(actors.getByTestId('search-result')).toHaveCount(1);
  await expect(actors).toContainText(TAKIZAKI);
  // His paraphrase, found by his name (the article mentions him too, under Articles).
  await expect(page.getByTestId('search-group-quote').getByTestId('search-result')).toHaveCount(1);
  await expect(page.getByTestId('search-group-article')).toBeVisible();

  // A tag finds its annotation.
  await page.getByTestId('search-input').fill('#warning');
  await expect(page.getByTestId('search-group-quote').getByTestId('search-result')).toContainText('#warning');
  await expect(page.getByTestId('search-group-quote').getByTestId('search-result')).toContainText(TAKIZAKI);

  // Open Kim from the search: the actor page lists both his quotes.
  await page.getByTestId('search-input').fill('Jung Han');
  await expect(page.getByTestId('search-group-actor')).toContainText(KIM);
  await page.getByTestId('search-group-actor').getByTestId('search-result').click();
  await expect(page.getByTestId('actor-editor').locator('h1')).toHaveText(KIM);
  const list = page.getByTestId('actor-annotations');
  await expect(list.locator('h3')).toHaveText('Speaker of 2 annotations');
  await expect(list.getByTestId('actor-annotation')).toHaveCount(2);
  await list.getByTestId('actor-annotation').filter({ hasText: QUOTED }).click();
  await expect(page.getByTestId('article-view')).toBeVisible();
  await expect(page.locator('[data-testid="article-view"] [data-annotation-id]').filter({ hasText: QUOTED }).first()).toBeInViewport();

  // Takizaki's page: one paraphrase, shown as such.
  await page.getByTestId('nav-actors').click();
  await page.getByTestId('actor-item').filter({ hasText: TAKIZAKI }).click();
  await expect(page.getByTestId('actor-annotations').locator('h3')).toHaveText('Speaker of 1 annotation');
  await expect(page.getByTestId('actor-annotations').getByTestId('annotation-words')).toHaveText(`${PARAPHRASED} (paraphrased)`);
});

test('merging two actors asks in the app, and Undo puts both back as they were', async ({ page, app }) => {
  await codedLibrary(app);
  const before = await app.call<{ id: number; name: string; aliases: string[]; annotationCount: number }[]>('actors.list', {});
  let nativeDialogs = 0;
  page.on('dialog', (d) => {
    nativeDialogs++;
    void d.dismiss();
  });
  await page.goto(app.url);
  await page.getByTestId('nav-actors').click();
  await page.getByTestId('actor-item').filter({ hasText: TAKIZAKI }).click();
  await page.getByTestId('actor-merge-target').selectOption({ label: KIM });
  await page.getByTestId('actor-merge').click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toContainText(`Merge “${TAKIZAKI}” into “${KIM}”?`);
  await expect(dialog).toContainText('1 annotation will name');
  // Cancel changes nothing.
  await page.getByTestId('confirm-cancel').click();
  await expect(dialog).toHaveCount(0);
  expect(await app.call('actors.list', {})).toEqual(before);

  await page.getByTestId('actor-merge').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('actor-item')).toHaveCount(1);
  await expect(page.getByTestId('actor-annotations').locator('h3')).toHaveText('Speaker of 3 annotations');
  await expect(page.getByTestId('toast-success')).toContainText(`Merged “${TAKIZAKI}” into “${KIM}”.`);

  await page.getByTestId('toast-success').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('actor-item')).toHaveCount(2);
  expect(await app.call('actors.list', {})).toEqual(before);

  // Redo with the keyboard merges again; undo again restores again.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Control+Shift+Z');
  await expect(page.getByTestId('actor-item')).toHaveCount(1);
  await page.keyboard.press('Control+Z');
  await expect(page.getByTestId('actor-item')).toHaveCount(2);
  expect(await app.call('actors.list', {})).toEqual(before);
  expect(nativeDialogs).toBe(0);
});
