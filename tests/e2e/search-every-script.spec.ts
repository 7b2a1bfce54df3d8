// Issue 13, every script: a Japanese and a Korean article imported as an analyst would, found from
// the search box by a Japanese compound and by a Korean stem whose text has a particle joined to it,
// with the match marked in the snippet and, once opened, in the reader; and a word count a reader
// would recognise.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, importPasted, test } from './fixtures';

const read = (name: string) => fs.readFileSync(fileURLToPath(new URL(`../fixtures/cjk/${name}`, import.meta.url)), 'utf8');

test('search finds 資産売却 in a Japanese article and 성의 in a Korean one, with snippets and highlights', async ({ page, app }) => {
  await page.goto(app.url);
  await importPasted(page, read('ja-labor-solution.txt'));
  await expect(page.getByTestId('library-item')).toHaveCount(1);
  await importPasted(page, read('ko-sincerity.txt'));
  await expect(page.getByTestId('library-item')).toHaveCount(2);

  const search = page.getByTestId('search-input');
  await search.fill('資産売却');
  const jaHit = page.getByTestId('search-result');
  await expect(jaHit).toHaveCount(1);
  await expect(jaHit).toContainText('元徴用工訴訟、韓国政府が解決策を発表');
  await expect(jaHit.locator('mark').first()).toHaveText('資産売却');

  await search.fill('성의');
  const koHit = page.getByTestId('search-result');
  await expect(koHit).toHaveCount(1);
  await expect(koHit.locator('mark').first()).toHaveText('성의');
  await page.screenshot({ path: test.info().outputPath('cjk-search-results.png') });
  await search.press('Enter');

  const reader = page.getByTestId('article-view');
  await expect(reader).toContainText('일본이 성의를 보여야 한일관계가 정상화될 수 있다');
  // The stem is marked, not the whole word with its particle, and each place it stands.
  const marked = reader.locator('.search-hit');
  await expect(marked.first()).toBeInViewport();
  const texts = await marked.allInnerTexts();
  expect(texts.length).toBeGreaterThanOrEqual(2);
  expect(new Set(texts)).toEqual(new Set(['성의']));

  // A Korean article of about 130 space-separated words counts about that many, not 5.
  await page.getByTestId('tab-article').click();
  const count = Number((await page.getByTestId('article-word-count').innerText()).replace(/\D/g, ''));
  expect(count).toBeGreaterThan(120);
  expect(count).toBeLessThan(160);

  // The Japanese article, opened from its hit: highlighted, and counted by words, not by spaces.
  await search.fill('資産売却');
  await expect(page.getByTestId('search-result')).toHaveCount(1);
  await expect(page.getByTestId('search-result')).toContainText('元徴用工訴訟');
  await search.press('Enter');
  await expect(reader).toContainText('滝崎成樹アジア大洋州局長');
  await expect(reader.locator('.search-hit')).toHaveText(['資産売却']);
  await page.getByTestId('tab-article').click();
  const jaCount = Number((await page.getByTestId('article-word-count').innerText()).replace(/\D/g, ''));
  expect(jaCount).toBeGreaterThan(200);
  expect(jaCount).toBeLessThan(450);
  await page.screenshot({ path: test.info().outputPath('cjk-search.png') });
});
