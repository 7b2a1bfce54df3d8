// Promise: a very long article reads like a short one. The reader puts only the part near the
// viewport in the page (renderer/editor/article-window.ts), yet the analyst can scroll to the end,
// select words there with the mouse and quote them, at exactly the right offsets; the highlight,
// the jump from the annotation list and the search that opened the article all reach text that
// was not in the page a moment before. (How fast it opens and scrolls: npm run bench, readerWindow.)
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const PARAGRAPHS = 100_000;
const paragraph = (i: number) => (i === 77_777 ? `Paragraph ${i} names the envoy Kestrel, who spoke last.` : `Paragraph ${i} of a very long article about the wartime labor talks.`);
/** The article's plain text as the store keeps it: paragraphs joined by a blank line. */
const text = Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(i)).join('\n\n');

/** Drags the mouse over `words` inside the paragraph that starts with `lead`, as an analyst would. */
async function dragOver(page: Page, lead: string, words: string) {
  const box = await page.getByTestId('article-view').evaluate(
    (root, [lead, words]) => {
      const p = [...root.querySelectorAll('p')].find((el) => el.textContent!.startsWith(lead!))!;
      const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text;
      const at = node.data.indexOf(words!);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + words!.length);
      const rects = range.getClientRects();
      const first = rects[0]!;
      const last = rects[rects.length - 1]!;
      return { x0: first.left + 1, y0: first.top + first.height / 2, x1: last.right - 1, y1: last.top + last.height / 2 };
    },
    [lead, words] as const,
  );
  await page.mouse.move(box.x0, box.y0);
  await page.mouse.down();
  await page.mouse.move((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2, { steps: 4 });
  await page.mouse.move(box.x1, box.y1, { steps: 4 });
  await page.mouse.up();
}

test('a 100,000-paragraph article: scrolled to the end, words there are quoted at their exact offsets, and highlights and search marks reach text not yet in the page', async ({ page, app }) => {
  test.setTimeout(300_000);
  const file = path.join(app.dir, 'long.txt');
  fs.writeFileSync(file, text);
  app.cli('import', file);
  await page.goto(app.url);
  await page.getByTestId('library-item').first().click();
  const view = page.getByTestId('article-view');
  await expect(view).toContainText('Paragraph 0 of', { timeout: 120_000 });
  // Only the part near the viewport is in the page.
  expect(await view.locator('p').count()).toBeLessThan(1_000);
  await page.screenshot({ path: test.info().outputPath('long-article-top.png') });

  // To the end, as dragging the scroll bar down would.
  const scroller = page.getByTestId('reader-scroll');
  const last = `Paragraph ${PARAGRAPHS - 1} of`;
  await expect
    .poll(async () => {
      await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
      return view.getByText(last).isVisible();
    })
    .toBe(true);
  await expect(view.getByText(last)).toBeInViewport();

  // Select words near the end with the mouse and quote them.
  const lead = `Paragraph ${PARAGRAPHS - 3} of`;
  await dragOver(page, lead, 'wartime labor talks');
  await page.getByTestId('annotate-quote').click();
  await page.getByTestId('annotation-save').click();
  const highlight = view.locator('[data-annotation-id]');
  await expect(highlight).toHaveText('wartime labor talks');
  await expect(highlight).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('long-article-end-quoted.png') });

  // The stored offsets are exactly those words, counted in the whole article's text.
  const articleId = Number(await page.locator('[data-testid="library-item"][aria-selected="true"]').getAttribute('data-article-id'));
  const [quote] = await app.call<{ start: number; end: number; exact: string; kind: string }[]>('annotations.list', { articleId });
  const start = text.indexOf(paragraph(PARAGRAPHS - 3)) + paragraph(PARAGRAPHS - 3).indexOf('wartime labor talks');
  expect(quote).toMatchObject({ kind: 'quote', exact: 'wartime labor talks', start, end: start + 'wartime labor talks'.length });

  // Back to the top: the highlight leaves the page; the annotation list brings it back into view.
  await scroller.evaluate((el) => (el.scrollTop = 0));
  await expect(view).toContainText('Paragraph 0 of');
  await expect(highlight).toHaveCount(0);
  await page.getByTestId('annotation-item').locator('.annotation-main').click();
  await expect(highlight).toHaveText('wartime labor talks');
  await expect(highlight).toBeInViewport();

  // A search for a word deep in the article opens it there, the word marked.
  await page.getByTestId('search-input').fill('Kestrel');
  await page.getByTestId('search-result').first().click();
  const hit = view.locator('.search-hit');
  await expect(hit).toHaveText('Kestrel', { timeout: 120_000 });
  await expect(hit).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('long-article-search.png') });
});

test('a long article is readable from its first screens while the rest arrives, and the place read and the passage selected stay when it does', async ({ page, app }) => {
  test.setTimeout(120_000);
  // 5,000 paragraphs (about 60,000 words): long enough to be shown from its first screens.
  const paragraphs = 5_000;
  const file = path.join(app.dir, 'longer.txt');
  fs.writeFileSync(file, Array.from({ length: paragraphs }, (_, i) => paragraph(i)).join('\n\n'));
  app.cli('import', file);

  // The whole article is held back until the test lets it through; its first screens are not.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/articles.read', async (route) => {
    if (!(route.request().postDataJSON() as { head?: number }).head) await released;
    await route.continue();
  });
  await page.goto(app.url);
  await page.getByTestId('library-item').first().click();
  const view = page.getByTestId('article-view');
  const scroller = page.getByTestId('reader-scroll');
  await expect(view).toContainText('Paragraph 0 of');
  await expect(scroller).toHaveAttribute('aria-busy', 'true');
  // The editor needs the whole text.
  await expect(page.getByTestId('text-edit')).toBeDisabled();

  // Read on a little and select a sentence with the keyboard.
  await scroller.evaluate((el) => (el.scrollTop = 600));
  await scroller.focus();
  await page.keyboard.press('s');
  const selection = () => page.evaluate(() => document.getSelection()!.toString());
  const selected = await selection();
  expect(selected).toMatch(/^Paragraph \d+ of a very long article about the wartime labor talks\.$/);
  const top = await scroller.evaluate((el) => el.scrollTop);

  release();
  await expect(scroller).not.toHaveAttribute('aria-busy');
  expect(await scroller.evaluate((el) => el.scrollTop)).toBe(top);
  expect(await selection()).toBe(selected);
  await expect(page.getByTestId('text-edit')).toBeEnabled();

  // The whole is there: its last paragraph is reached, and a quote of the selected sentence is stored where it is.
  await page.keyboard.press('q');
  await page.getByTestId('annotation-save').click();
  const articleId = Number(await page.locator('[data-testid="library-item"][aria-selected="true"]').getAttribute('data-article-id'));
  const [quote] = await app.call<{ start: number; exact: string }[]>('annotations.list', { articleId });
  const n = Number(/\d+/.exec(selected)![0]);
  expect(quote).toMatchObject({ exact: selected, start: Array.from({ length: n }, (_, i) => paragraph(i).length + 2).reduce((a, b) => a + b, 0) });
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(view.getByText(`Paragraph ${paragraphs - 1} of`)).toBeInViewport();
});
