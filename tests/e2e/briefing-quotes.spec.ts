// Quotes in a briefing as an analyst uses them: inserted from the quote bank, then typed after.
import { test, expect, importAndQuoteKim, newBriefing, QUOTE } from './fixtures';

test('typing right after inserting a quote goes after the quote instead of replacing it', async ({ page, app }) => {
  await page.goto(app.url);
  await importAndQuoteKim(page);
  const editor = await newBriefing(page, 'Quote then type');

  // An empty body: the quote takes the empty paragraph's place, and the caret must still land after it.
  await page.getByTestId('quote-insert').click();
  await page.getByTestId('quote-picker-item').filter({ hasText: QUOTE }).getByTestId('quote-insert-block').click();
  await expect(editor.locator('figure[data-quote-id]')).toContainText(QUOTE);
  await page.keyboard.type('Seoul wants more.');

  await expect(editor.locator('[data-quote-id]')).toContainText(QUOTE);
  await expect(editor.locator('p').last()).toHaveText('Seoul wants more.');
  await expect(page.getByTestId('source-item')).toHaveCount(1);
  // The order in the text: quote first, then the sentence typed after it.
  const order = await editor.evaluate((root) => [...root.children].map((c) => (c.matches('[data-quote-id]') ? 'quote' : c.textContent)));
  expect(order).toEqual(['quote', 'Seoul wants more.']);
});

test('a short quote goes inline, inside the sentence: quotation marks, a citation number, the speaker on hover and in Sources; it follows its source and survives a reload', async ({ page, app }) => {
  await page.goto(app.url);
  await importAndQuoteKim(page);
  const editor = await newBriefing(page, 'Inline quote');
  await page.keyboard.type('Seoul urged Tokyo ');

  // A 46-character fragment: clicking it in the quote bank puts it inline, and the sentence goes on.
  await page.getByTestId('quote-insert').click();
  const item = page.getByTestId('quote-picker-item').filter({ hasText: QUOTE });
  await expect(item.getByTestId('quote-insert-inline')).toHaveClass(/default/);
  await item.click();
  await page.keyboard.type(' over the wartime labor row.');

  const inline = editor.locator('.inline-quote-node');
  await expect(inline).toHaveCount(1);
  await expect(editor.locator('figure[data-quote-id]')).toHaveCount(0);
  await expect(editor.locator('p').first()).toHaveText(`Seoul urged Tokyo “${QUOTE}”1 over the wartime labor row.`);
  await expect(inline).toHaveAttribute('title', /^Kim Jung Han/);
  await expect(page.getByTestId('source-item')).toHaveCount(1);
  await expect(page.getByTestId('source-item')).toContainText('Quoted: Kim Jung Han');

  // The same article quoted again as a block: one source, one number.
  await page.keyboard.press('Enter');
  await page.getByTestId('quote-picker-item').filter({ hasText: QUOTE }).getByTestId('quote-insert-block').click();
  await expect(editor.locator('figure[data-quote-id] .cite-num')).toHaveText('1');
  await expect(page.getByTestId('source-item')).toHaveCount(1);

  // The annotation is recoded as a paraphrase elsewhere: the inline quote offers to follow it, like the block one.
  const [row] = await app.call<{ id: number }[]>('quotes.list', {});
  await app.call('annotations.update', { id: row!.id, kind: 'paraphrase' });
  await page.getByTestId('nav-read').click();
  await page.getByTestId('nav-briefings').click();
  await expect(editor.locator('figure[data-quote-id]').getByTestId('quote-update')).toBeVisible();
  await expect(inline.getByTestId('quote-update')).toBeVisible();
  await inline.getByTestId('quote-update').click();
  await expect(inline.getByTestId('quote-update')).toHaveCount(0);
  await expect(inline).toHaveClass(/paraphrase/);
  await expect(inline).toHaveAttribute('title', /paraphrased/);

  // Saved and read back: the stored document keeps the inline quote.
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
  await page.reload();
  await page.getByTestId('nav-briefings').click();
  await expect(editor.locator('.inline-quote-node')).toContainText(QUOTE);
  const [briefing] = await app.call<{ id: number }[]>('briefings.list', {});
  const md = Buffer.from((await app.call<{ base64: string }>('briefings.export', { id: briefing!.id, format: 'md' })).base64, 'base64').toString('utf8');
  expect(md).toContain(`Seoul urged Tokyo ${QUOTE}[^1] over the wartime labor row.`);
  expect(md).toContain('Quoted: Kim Jung Han');
});
