// The Landscape view: DNA's networks drawn from quotes coded in two articles. Switching networks,
// normalising, a minimum weight, filters, and a tie clicked down to the quote's passage.
import fs from 'node:fs';
import { test, expect } from './fixtures';
import { KIM, TAKIZAKI, MINISTRY, SINCERITY, KIM_SINCERITY, KIM_CONTROLS, TAK_SINCERITY, MINISTRY_SINCERITY, SECOND, codeTwoArticles } from './landscape-library';

test('the landscape draws who takes which position, who agrees and who is in conflict, down to the quote', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByTestId('nav-landscape').click();
  await expect(page.getByTestId('landscape-empty')).toContainText('Code a quote with a speaker and a position');
  await page.screenshot({ path: test.info().outputPath('landscape-empty.png') });

  const { takQuote } = await codeTwoArticles(app);
  await page.reload();
  await page.getByTestId('nav-landscape').click();
  await page.getByTestId('landscape-type-actor-position').click();

  // Two-mode: three actors and two positions; Kim supports sincerity, Takizaki opposes it (dashed).
  const nodes = page.getByTestId('landscape-node');
  await expect(nodes.and(page.locator('[data-mode="actor"]'))).toHaveCount(3);
  await expect(nodes.and(page.locator('[data-mode="position"]'))).toHaveCount(2);
  await expect(page.locator(`[data-testid="landscape-node"][data-label="${KIM}"]`)).toHaveAttribute('data-quotes', '2');
  await expect(page.getByTestId('landscape-summary')).toContainText('5 coded quotes from 2 articles · 3 actors · 5 ties');
  const tie = (a: string, b: string) => page.locator(`[data-testid="landscape-edge"][data-source="${a}"][data-target="${b}"]`);
  await expect(tie(TAKIZAKI, SINCERITY)).toHaveAttribute('data-style', 'opposes');
  await expect(tie(TAKIZAKI, SINCERITY).locator('path.tie')).toHaveAttribute('stroke-dasharray', /\d/);
  await expect(tie(KIM, SINCERITY).locator('path.tie')).not.toHaveAttribute('stroke-dasharray', /./);
  await page.screenshot({ path: test.info().outputPath('landscape-two-mode.png') });

  // A position lists every quote on it.
  await page.locator(`[data-testid="landscape-node"][data-label="${SINCERITY}"]`).click();
  await expect(page.getByTestId('landscape-quotes').getByTestId('landscape-quote')).toHaveCount(3);
  // The keyboard reaches a node too: Enter on Kim lists his two quotes.
  await page.locator(`[data-testid="landscape-node"][data-label="${KIM}"]`).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('landscape-quotes').locator('h3')).toHaveText(`${KIM}: 2 quotes`);
  await expect(page.getByTestId('landscape-quotes')).toContainText(KIM_CONTROLS);
  // The wheel zooms; the picture can be fitted to the window again.
  await page.getByTestId('landscape-graph').hover({ position: { x: 20, y: 20 } });
  await page.mouse.wheel(0, -400);
  await expect(page.getByTestId('landscape-reset-view')).toBeVisible();
  await page.getByTestId('landscape-reset-view').click();
  await expect(page.getByTestId('landscape-reset-view')).toHaveCount(0);

  // Conflict: Takizaki against Kim and against the ministry, one tie each.
  await page.getByTestId('landscape-type-conflict').click();
  await expect(nodes).toHaveCount(3);
  const conflict = page.getByTestId('landscape-edge');
  await expect(conflict).toHaveCount(2);
  await expect(conflict.first()).toHaveAttribute('data-style', 'conflict');
  await page.screenshot({ path: test.info().outputPath('landscape-conflict.png') });

  // Agreement: Kim with the ministry (sincerity) and with Takizaki (export controls).
  await page.getByTestId('landscape-type-congruence').click();
  await expect(page.getByTestId('landscape-edge')).toHaveCount(2);
  const kimMinistry = page.locator(`[data-testid="landscape-edge"][data-source="${KIM}"][data-target="${MINISTRY}"], [data-testid="landscape-edge"][data-source="${MINISTRY}"][data-target="${KIM}"]`);
  await expect(kimMinistry).toHaveAttribute('data-weight', '1');
  // Jaccard: Kim–ministry 1/2, Kim–Takizaki 1/3; a minimum of 0.4 keeps only the first.
  await page.getByTestId('landscape-normalisation').selectOption('jaccard');
  await expect(kimMinistry).toHaveAttribute('data-weight', '0.5');
  await page.getByTestId('landscape-min-weight').fill('0.4');
  await expect(page.getByTestId('landscape-edge')).toHaveCount(1);
  await expect(nodes).toHaveCount(3);
  await page.getByTestId('landscape-min-weight').fill('0');

  // Back to conflict: a click on Takizaki's tie lists the two quotes behind it; one opens its passage.
  await page.getByTestId('landscape-type-conflict').click();
  const takKim = page.locator(`[data-testid="landscape-edge"][data-source="${KIM}"][data-target="${TAKIZAKI}"], [data-testid="landscape-edge"][data-source="${TAKIZAKI}"][data-target="${KIM}"]`);
  await takKim.click();
  const list = page.getByTestId('landscape-quotes');
  await expect(list.locator('h3')).toContainText('conflict');
  await expect(list.getByTestId('landscape-quote')).toHaveCount(2);
  await expect(list).toContainText(KIM_SINCERITY);
  await expect(list).toContainText(TAK_SINCERITY);
  await expect(list).not.toContainText(MINISTRY_SINCERITY);
  await page.screenshot({ path: test.info().outputPath('landscape-picked-tie.png') });

  // Dark mode keeps the picture legible.
  await page.getByTestId('theme-toggle').click();
  await page.screenshot({ path: test.info().outputPath('landscape-dark.png') });
  await page.getByTestId('theme-toggle').click();

  await list.getByTestId('landscape-quote').filter({ hasText: TAK_SINCERITY }).getByRole('button').click();
  await expect(page.getByTestId('article-view')).toBeVisible();
  await expect(page.getByTestId('article-view')).toContainText(TAK_SINCERITY);
  await expect(page.locator(`[data-testid="article-view"] [data-annotation-id="${takQuote}"]`).first()).toBeInViewport();
});

test('filters narrow the landscape; one actor and a topic without positions draw without failing', async ({ page, app }) => {
  await codeTwoArticles(app);
  await page.goto(app.url);
  await page.getByTestId('nav-landscape').click();
  await page.getByTestId('landscape-type-conflict').click();
  await expect(page.getByTestId('landscape-edge')).toHaveCount(2);

  // One outlet: the second article only (Takizaki and the ministry).
  await page.getByTestId('landscape-outlet').locator('select').selectOption('Yonhap');
  await expect(page.getByTestId('landscape-node')).toHaveCount(2);
  await expect(page.getByTestId('landscape-edge')).toHaveCount(1);

  // Organizations only: the ministry alone, and no ties to draw.
  await page.getByTestId('landscape-actor-kind').locator('select').selectOption('organization');
  await expect(page.getByTestId('landscape-node')).toHaveCount(1);
  await expect(page.getByTestId('landscape-no-ties')).toContainText('No two actors take opposite stances');
  await page.screenshot({ path: test.info().outputPath('landscape-one-actor.png') });

  // A date range before both articles: nothing matches.
  await page.getByTestId('landscape-actor-kind').locator('select').selectOption('');
  await page.getByTestId('landscape-outlet').locator('select').selectOption('');
  await page.getByTestId('landscape-to').fill('2020-10-01');
  await expect(page.getByTestId('landscape-empty')).toHaveText('No coded quotes match these filters.');
  await page.getByTestId('landscape-to').fill('');
  await expect(page.getByTestId('landscape-edge')).toHaveCount(2);

  // A topic with no positions says what to do.
  await page.getByTestId('landscape-topic').locator('select').selectOption({ label: 'Fisheries' });
  await expect(page.getByTestId('landscape-empty')).toContainText('“Fisheries” has no positions yet');
});

test('names that look like markup are drawn as text', async ({ page, app }) => {
  const hostile = '<img src=x onerror="window.__pwned=1">';
  const { id: articleId } = await app.call<{ id: number }>('articles.import', { file: 'pasted text', encoding: 'text', data: SECOND, title: 'Hostile names' });
  const speakerId = (await app.call<{ id: number }>('actors.create', { name: hostile })).id;
  const topicId = (await app.call<{ id: number }>('topics.create', { name: '<b>topic</b>' })).id;
  const positionId = (await app.call<{ id: number }>('positions.create', { topicId, claim: '<script>window.__pwned=2</script>' })).id;
  const { text } = await app.call<{ text: string }>('articles.get', { id: articleId });
  const start = text.indexOf(TAK_SINCERITY);
  await app.call('annotations.create', { articleId, start, end: start + TAK_SINCERITY.length, kind: 'quote', speakerId, positions: [{ positionId, stance: 'supports' }] });
  await page.goto(app.url);
  await page.getByTestId('nav-landscape').click();
  await page.getByTestId('landscape-type-actor-position').click();
  await expect(page.locator('[data-testid="landscape-node"][data-mode="actor"]')).toHaveAttribute('data-label', hostile);
  await expect(page.locator('.landscape-labels')).toContainText(hostile.slice(0, 20));
  await page.getByTestId('landscape-edge').click();
  await expect(page.getByTestId('landscape-quotes')).toContainText('<script>');
  expect(await page.evaluate(() => ({ imgs: document.querySelectorAll('img[src="x"]').length, scripts: document.querySelectorAll('script:not([src])').length, pwned: (window as { __pwned?: number }).__pwned ?? 0 }))).toEqual({ imgs: 0, scripts: 0, pwned: 0 });
});

test('the picture saves as SVG with every name and the dashed conflict, as a PNG, and the network as GraphML with its layout', async ({ page, app }) => {
  await codeTwoArticles(app);
  await page.goto(app.url);
  await page.getByTestId('nav-landscape').click();
  await page.getByTestId('landscape-type-conflict').click();
  await expect(page.getByTestId('landscape-edge')).toHaveCount(2);

  const svgDownload = page.waitForEvent('download');
  await page.getByTestId('landscape-save-svg').click();
  const svgFile = await svgDownload;
  expect(svgFile.suggestedFilename()).toBe('landscape-conflict.svg');
  const svg = fs.readFileSync((await svgFile.path())!, 'utf8');
  for (const name of [KIM, TAKIZAKI, MINISTRY]) expect(svg).toContain(`>${name}</text>`);
  // Conflict ties are dashed (greyscale-legible), and the caption says what the picture shows.
  expect(svg.match(/stroke-dasharray="9 5"/g)).toHaveLength(2);
  expect(svg).toContain('coded quotes from 2 articles');
  expect(svg).not.toMatch(/var\(--|<script|class=/);

  const pngDownload = page.waitForEvent('download');
  await page.getByTestId('landscape-save-png').click();
  const pngFile = await pngDownload;
  expect(pngFile.suggestedFilename()).toBe('landscape-conflict.png');
  const png = fs.readFileSync((await pngFile.path())!);
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  // Drawn at twice the picture's size: 1920 pixels wide (the IHDR chunk's width, big-endian).
  expect(png.readUInt32BE(16)).toBe(1920);
  fs.copyFileSync((await pngFile.path())!, test.info().outputPath('landscape-conflict.png'));

  // The network as GraphML, each actor where the picture drew it.
  const graphmlDownload = page.waitForEvent('download');
  await page.getByTestId('landscape-save-graphml').click();
  const graphml = fs.readFileSync((await (await graphmlDownload).path())!, 'utf8');
  expect(graphml.match(/<node /g)).toHaveLength(3);
  expect(graphml.match(/<data key="tie">conflict<\/data>/g)).toHaveLength(2);
  expect(graphml).toMatch(new RegExp(`<data key="label">${KIM}</data>.*<data key="x">[\\d.]+</data><data key="y">[\\d.]+</data>`));
});

test('actors coloured by organisation: a member shares its ministry’s colour, and the key names it', async ({ page, app }) => {
  await codeTwoArticles(app);
  const actors = await app.call<{ id: number; name: string }[]>('actors.list', {});
  const id = (name: string) => actors.find((a) => a.name === name)!.id;
  await app.call('actors.update', { id: id(KIM), affiliations: [{ organizationId: id(MINISTRY), role: 'Director-General' }] });
  await page.goto(app.url);
  await page.getByTestId('nav-landscape').click();
  await page.getByTestId('landscape-type-congruence').click();
  const node = (label: string) => page.locator(`[data-testid="landscape-node"][data-label="${label}"]`);
  await expect(node(KIM)).toHaveClass(/kind-person/);
  await page.getByTestId('landscape-colouring').selectOption('organization');
  // Kim and the ministry share the first colour; Takizaki belongs to no organisation.
  await expect(node(KIM)).toHaveClass(/\borg-0\b/);
  await expect(node(MINISTRY)).toHaveClass(/\borg-0\b/);
  await expect(node(TAKIZAKI)).toHaveClass(/\borg-none\b/);
  await expect(page.getByTestId('landscape-legend')).toContainText(MINISTRY);
  await expect(page.getByTestId('landscape-legend')).toContainText('no organisation');
  await page.screenshot({ path: test.info().outputPath('landscape-by-organisation.png') });

  const svgDownload = page.waitForEvent('download');
  await page.getByTestId('landscape-save-svg').click();
  const svg = fs.readFileSync((await (await svgDownload).path())!, 'utf8');
  expect(svg).toContain(`>${MINISTRY}</text>`);
  expect(svg).toContain('>no organisation</text>');
  // The choice is remembered when the view comes back.
  await page.reload();
  await page.getByTestId('nav-landscape').click();
  await expect(node(KIM)).toHaveClass(/\borg-0\b/);
});

test('the timeline places each quote at its date by stance, a drag picks the dates; a shift of stance reads as two quotes', async ({ page, app }) => {
  const { takQuote, first, takizaki, sincerity, code } = await codeTwoArticles(app);
  // Takizaki first supported the sincerity claim (29 October), then opposed it (3 November).
  await code(first, 'Japan urged South Korea on Thursday to present a solution', takizaki, sincerity, 'supports');
  await page.goto(app.url);
  await page.getByTestId('nav-landscape').click();

  await page.getByTestId('landscape-type-shifts').click();
  const shift = page.getByTestId('landscape-shift');
  await expect(shift).toHaveCount(1);
  await expect(shift).toContainText(`${TAKIZAKI} went from supports to opposes on “${SINCERITY}”`);
  await expect(shift.getByTestId('shift-before')).toContainText('2020-10-29');
  await expect(shift.getByTestId('shift-before')).toContainText('present a solution');
  await expect(shift.getByTestId('shift-after')).toContainText('2020-11-03');
  await expect(shift.getByTestId('shift-after')).toContainText(TAK_SINCERITY);
  await page.screenshot({ path: test.info().outputPath('landscape-shifts.png') });

  await page.getByTestId('landscape-type-timeline').click();
  const marks = page.getByTestId('timeline-mark');
  await expect(marks).toHaveCount(6);
  await expect(marks.and(page.locator('[data-stance="opposes"]'))).toHaveCount(1);
  await expect(page.getByTestId('landscape-summary')).toContainText('6 dated quotes from 2 articles, 2020-10-29 to 2020-11-03');
  await page.screenshot({ path: test.info().outputPath('landscape-timeline.png') });
  // A drag over the later part of the axis keeps only 3 November: the networks follow the range.
  const box = (await page.getByTestId('landscape-timeline-graph').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.99, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId('landscape-to')).toHaveValue('2020-11-03');
  await expect(page.getByTestId('landscape-from')).not.toHaveValue('');
  await expect(marks).toHaveCount(3);
  await page.getByTestId('landscape-type-actor-position').click();
  await expect(page.getByTestId('landscape-summary')).toContainText('3 coded quotes from 1 article');

  // A shift's quote opens its passage.
  await page.getByTestId('landscape-from').fill('');
  await page.getByTestId('landscape-to').fill('');
  await page.getByTestId('landscape-type-shifts').click();
  await page.getByTestId('shift-after').getByRole('button').click();
  await expect(page.locator(`[data-testid="article-view"] [data-annotation-id="${takQuote}"]`).first()).toBeInViewport();
});
