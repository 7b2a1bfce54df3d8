import { test, expect, importPasted, sampleText, selectInArticle } from './fixtures';

const QUOTED = 'completely and finally';

// Issue 10, item 5: an edit inside a quote used to cut it mid-word and report success. Now the
// annotation takes in the whole edited word and waits for the analyst's review, old beside new.
test('an edit inside a quote shows a review card with the old and new words; accepting clears it, undo brings it back', async ({ page, app }) => {
  await page.goto(app.url);
  await importPasted(page, sampleText(), 'Japan urges South Korea to resolve wartime labor row');
  await selectInArticle(page, QUOTED);
  await page.keyboard.press('q');
  await page.getByTestId('annotation-save').click();
  const highlight = page.locator('[data-testid="article-view"] [data-annotation-id]');
  await expect(highlight).toHaveText(QUOTED);

  // Edit text mode: select "finally" inside the quote and type over it.
  await page.getByTestId('text-edit').click();
  await page.getByTestId('article-view').evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.nodeValue!.indexOf('finally');
      if (i >= 0) {
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + 'finally'.length);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        return;
      }
    }
    throw new Error('no “finally” in the article');
  });
  await page.keyboard.type('irreversibly');
  await page.getByTestId('text-save').click();

  // Not reported as a plain success: the toast asks for a review (news to act on, not a failure), and the card shows both versions.
  await expect(page.getByTestId('toast-info').last()).toContainText('the quoted words of 1 changed');
  const card = page.getByTestId('changed-card');
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('changed-old')).toHaveText('“completely and finally”');
  await expect(card.getByTestId('changed-new')).toHaveText('“completely and irreversibly”');
  await expect(card.getByTestId('changed-old').locator('del')).toHaveText('finally');
  await expect(card.getByTestId('changed-new').locator('ins')).toHaveText('irreversibly');
  // The highlight covers the whole new word, not "completely and i".
  await expect(highlight).toHaveText('completely and irreversibly');
  await page.getByTestId('changed-quotes').screenshot({ path: test.info().outputPath('changed-card.png') });
  await page.screenshot({ path: test.info().outputPath('page.png') });

  // Accept the new words: the card goes, the flag is cleared in the library.
  await card.getByTestId('changed-accept').click();
  await expect(page.getByTestId('changed-card')).toHaveCount(0);
  const [after] = await app.call<{ exact: string; changedFrom: string | null }[]>('annotations.list', { articleId: 1 });
  expect(after).toMatchObject({ exact: 'completely and irreversibly', changedFrom: null });
  await expect(page.getByTestId('annotation-item')).toContainText('completely and irreversibly');

  // Undo brings the review back; it survives a reload, since it is stored, not a UI state.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('changed-card')).toHaveCount(1);
  await page.reload();
  await page.getByTestId('library-item').first().click();
  await expect(page.getByTestId('changed-card').getByTestId('changed-old')).toHaveText('“completely and finally”');

  // Keeping the old words instead: the annotation waits among the orphans with the words as coded.
  await page.getByTestId('changed-keep-old').click();
  await expect(page.getByTestId('changed-card')).toHaveCount(0);
  await expect(page.getByTestId('orphans-heading')).toBeVisible();
  await expect(page.locator('.annotation-item.orphan')).toContainText('“completely and finally”');
});
