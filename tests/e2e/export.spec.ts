import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, importAndQuoteKim, QUOTE } from './fixtures';

const CLASSIFICATION = 'UNCLASSIFIED // FOR OFFICIAL USE ONLY';

test('export the briefing as a PDF from the browser: title, handling line on every page, quote, endnotes, page X of Y', async ({ page, app }) => {
  await page.goto(app.url);
  await importAndQuoteKim(page);
  await page.getByTestId('nav-briefings').click();
  await page.getByTestId('briefing-new-situation').click();
  const editor = page.getByTestId('briefing-editor');
  await page.getByTestId('briefing-title').fill('Wartime labor row: situation brief');
  await page.getByTestId('briefing-classification').fill(CLASSIFICATION);
  await page.getByTestId('briefing-classification').press('Tab');

  await editor.locator('p').first().click();
  await page.keyboard.type('Seoul and Tokyo remain apart on compensation.');
  await page.getByTestId('quote-insert').click();
  await page.getByTestId('quote-picker-item').filter({ hasText: QUOTE }).getByTestId('quote-insert-block').click();
  await page.getByTestId('tb-table').click();
  await page.keyboard.type('Actor');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Stance');

  // Forty paragraphs, pasted as a clipboard would deliver them.
  await editor.locator('h1').last().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  const html = Array.from({ length: 40 }, (_, i) => `<p>Outlook paragraph ${i + 1}: officials on both sides expect the dispute over the seized assets to continue into next year, with business groups pressing for a settlement.</p>`).join('');
  await editor.evaluate((el, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'fallback');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
  await expect(editor).toContainText('Outlook paragraph 40');

  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-pdf').click();
  const download = await downloading;
  const file = path.join(app.dir, download.suggestedFilename());
  await download.saveAs(file);
  expect(file).toMatch(/\.pdf$/);

  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.subarray(-8).toString('latin1')).toMatch(/%%EOF\s*$/);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  expect(pages).toBeGreaterThan(1);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pageTexts = text.split('\f').filter((t) => t.trim());
  expect(pageTexts).toHaveLength(pages);
  expect(pageTexts[0]).toContain('Wartime labor row: situation brief');
  for (const [i, t] of pageTexts.entries()) {
    expect(t.split(CLASSIFICATION).length - 1, `page ${i + 1} shows the handling line in header and footer`).toBeGreaterThanOrEqual(2);
    expect(t).toContain(`Page ${i + 1} of ${pages}`);
  }
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain(QUOTE);
  expect(flat).toContain('Kim Jung Han');
  expect(flat).toContain('Japan urges South Korea to resolve wartime labor row');
  expect(flat).toContain('Outlook paragraph 40');
});

test('the CLI exports the same briefing as Markdown and PDF, and never leaves a partial file', async ({ page, app }) => {
  await page.goto(app.url);
  await importAndQuoteKim(page);
  await page.getByTestId('nav-briefings').click();
  await page.getByTestId('briefing-new').click();
  await page.getByTestId('briefing-editor').click();
  await page.keyboard.type('A short note.');
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
  const [briefing] = JSON.parse(app.cli('briefings', '--json')) as { id: number }[];
  const md = path.join(app.dir, 'note.md');
  app.cli('export', String(briefing!.id), '--format', 'md', '--out', md);
  expect(fs.readFileSync(md, 'utf8')).toContain('A short note.');
  const pdf = path.join(app.dir, 'note.pdf');
  app.cli('export', String(briefing!.id), '--format', 'pdf', '--out', pdf);
  expect(fs.readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(fs.readdirSync(app.dir).filter((f) => f.includes('.partial'))).toEqual([]);
});
