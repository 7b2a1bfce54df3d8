// A landscape picture put into a briefing as a figure: sent from the Landscape to a chosen
// briefing, shown there live with its caption and source line, frozen, and printed in the PDF as
// vector graphics whose names pdftotext reads back.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { test, expect } from './fixtures';
import { KIM, MINISTRY, TAKIZAKI, codeTwoArticles } from './landscape-library';

interface StoredNode {
  type: string;
  attrs?: { caption?: string; frozen?: { source: string } | null; query?: { type: string } };
}

test('a network goes into a briefing as a figure, is frozen, and prints in the PDF with every name', async ({ page, app }) => {
  await codeTwoArticles(app);
  const briefing = await app.call<{ id: number }>('briefings.create', { template: 'blank', title: 'Sincerity: who stands where' });
  await page.goto(app.url);
  await page.getByTestId('nav-landscape').click();
  await page.getByTestId('landscape-type-conflict').click();
  await expect(page.getByTestId('landscape-edge')).toHaveCount(2);

  await page.getByTestId('landscape-insert-figure').click();
  const picker = page.getByTestId('briefing-picker');
  await expect(picker.getByTestId('briefing-picker-item')).toHaveCount(2);
  await picker.getByTestId('briefing-picker-item').filter({ hasText: 'Sincerity: who stands where' }).click();

  // The briefing opens with the figure at its end, drawn live from the coding.
  const figure = page.getByTestId('briefing-editor').getByTestId('figure');
  await expect(figure).toBeVisible();
  await expect(figure.getByTestId('figure-picture')).toBeVisible();
  await expect(figure.getByTestId('figure-source')).toHaveText(/\d+ quotes from 2 articles, 2020-10-29 – 2020-11-03/);
  await expect(figure.getByTestId('figure-caption')).toHaveValue('Who is in conflict with whom');
  await figure.getByTestId('figure-caption').fill('Takizaki against the rest on sincerity');
  await figure.getByTestId('figure-caption').press('Enter');
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
  await page.screenshot({ path: test.info().outputPath('figure-in-briefing.png') });

  const stored = async () => (await app.call<{ doc: { content: StoredNode[] } }>('briefings.get', { id: briefing.id })).doc.content.filter((n) => n.type === 'figure');
  const [live] = await stored();
  expect(live?.attrs).toMatchObject({ caption: 'Takizaki against the rest on sincerity', frozen: null, query: { type: 'conflict' } });

  // Frozen: the picture drawn now is kept in the briefing.
  await figure.getByTestId('figure-freeze').click();
  await expect(figure.getByTestId('figure-freeze')).toBeHidden();
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
  const [frozen] = await stored();
  expect(frozen?.attrs?.frozen?.source).toMatch(/quotes from 2 articles/);

  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-pdf').click();
  const download = await downloading;
  const file = path.join(app.dir, download.suggestedFilename());
  await download.saveAs(file);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  // Vector text: the names drawn in the figure are text in the PDF, not pixels.
  for (const name of [KIM, TAKIZAKI, MINISTRY]) expect(text).toContain(name);
  expect(text).toContain('Figure 1. Takizaki against the rest on sincerity.');
  expect(text).toMatch(/\d+ quotes from 2 articles, 2020-10-29 – 2020-11-03\./);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, test.info().outputPath('figure-pdf')]);
  expect(fs.readdirSync(test.info().outputPath()).some((f) => f.startsWith('figure-pdf'))).toBe(true);
});

test('the figure can go into a new briefing', async ({ page, app }) => {
  await codeTwoArticles(app);
  await page.goto(app.url);
  await page.getByTestId('nav-landscape').click();
  await expect(page.getByTestId('landscape-node').first()).toBeVisible();
  await page.getByTestId('landscape-insert-figure').click();
  await page.getByTestId('briefing-picker-item').filter({ hasText: 'New briefing' }).click();
  const figure = page.getByTestId('briefing-editor').getByTestId('figure');
  await expect(figure.getByTestId('figure-picture')).toBeVisible();
  await expect(figure.getByTestId('figure-caption')).toHaveValue('Actors and the positions they take');
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
  const list = await app.call<{ id: number }[]>('briefings.list', {});
  expect(list).toHaveLength(1);
});

test('the stance timeline saves as SVG, goes into a briefing as a figure and exports to Word with its picture', async ({ page, app }) => {
  await codeTwoArticles(app);
  await page.goto(app.url);
  await page.getByTestId('nav-landscape').click();
  await page.getByTestId('landscape-type-timeline').click();
  await expect(page.getByTestId('timeline-mark')).toHaveCount(5);
  const svgDownload = page.waitForEvent('download');
  await page.getByTestId('landscape-save-svg').click();
  const saved = await svgDownload;
  expect(saved.suggestedFilename()).toBe('landscape-timeline.svg');
  const svg = fs.readFileSync((await saved.path())!, 'utf8');
  expect(svg).toContain('>Shigeki Takizaki</text>');
  expect(svg).toContain('>2020-11-03</text>');
  await page.getByTestId('landscape-insert-figure').click();
  await page.getByTestId('briefing-picker-item').filter({ hasText: 'New briefing' }).click();
  const figure = page.getByTestId('briefing-editor').getByTestId('figure');
  await expect(figure.getByTestId('figure-picture')).toBeVisible();
  await expect(figure.getByTestId('figure-caption')).toHaveValue('Stances over time');
  await expect(figure.getByTestId('figure-source')).toHaveText('5 quotes from 2 articles, 2020-10-29 – 2020-11-03');
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
  await figure.screenshot({ path: test.info().outputPath('timeline-figure.png') });

  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-docx').click();
  const file = path.join(app.dir, 'timeline.docx');
  await (await downloading).saveAs(file);
  const media = Object.keys((await JSZip.loadAsync(fs.readFileSync(file))).files).filter((f) => f.startsWith('word/media/'));
  expect(media.some((f) => f.endsWith('.svg')) && media.some((f) => f.endsWith('.png'))).toBe(true);
});
