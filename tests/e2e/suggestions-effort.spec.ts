// What coding the seed article's quotes costs the analyst, by hand and with suggestions: every key
// press, click and drag counted while the same coding (seed-article-coding.ts: the words and the
// speaker of each attribution) is reached both ways, checked at the end. By hand: drag over the
// words, Q or P, the speaker (the fewest letters that pick a known one, or the whole name and the
// create entry for a new one), Enter. With suggestions: J once, then per suggestion the analyst
// reads it and presses A when it is one of the quotes with the right speaker, C and the speaker
// first when the speaker is wrong, P (the form, filled in) when the kind is, R when it is no quote
// of the list; the quotes no suggestion found are then coded by hand. Whether a suggestion "is"
// one of the quotes is the evaluation's rule (word tokens overlapping by half of each). The counts
// go to `npm run bench` (tests/bench/coding-effort.ts); they move with the engine, which is the point.
import type { Locator, Page } from '@playwright/test';
import { test, expect, importPasted, sampleText } from './fixtures';
import { EffortCounter, reportEffort } from './coding-effort';
import { SEED_ARTICLE_CODING, annotationKindOfWords, samePassage, spanOf, type TargetCoding } from './seed-article-coding';
import { Tokens } from '../eval/attribution/score';

type Call = <T>(name: string, input: unknown) => Promise<T>;
interface ActorRow {
  id: number;
  name: string;
}
interface AnnotationRow {
  start: number;
  end: number;
  kind: string;
  speakerId: number | null;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const settled = (page: Page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));

async function importSample(page: Page, call: Call) {
  await importPasted(page, sampleText(), 'Japan urges South Korea to resolve wartime labor row');
  await expect(page.getByTestId('article-view')).toContainText('Nippon Steel');
  const [article] = (await call<{ items: { id: number }[] }>('articles.list', {})).items;
  const { text } = await call<{ text: string }>('articles.get', { id: article!.id });
  return { articleId: article!.id, text, tokens: new Tokens(text) };
}

/**
 * Names a speaker in a typeahead as an analyst does: a known actor by the fewest letters that make
 * it the highlighted choice; a new one by the whole name, then down to "Create actor" if another
 * name is highlighted; then Enter.
 */
async function typeSpeaker(page: Page, keys: EffortCounter, input: Locator, name: string, call: Call) {
  await expect(input).toBeFocused();
  const known = (await call<ActorRow[]>('actors.list', {})).some((a) => same(a.name, name));
  const active = () =>
    input.locator('xpath=..').locator('li[aria-selected="true"]').evaluate((li) => ({ create: li.classList.contains('create'), label: li.firstChild?.textContent ?? '' })).catch(() => null);
  if (known) {
    for (const ch of name) {
      await keys.type(ch);
      await settled(page);
      const a = await active();
      if (a && !a.create && same(a.label, name)) break;
    }
  } else {
    await keys.type(name);
    await settled(page);
    for (let i = 0; i < 10 && !(await active())?.create; i++) {
      await keys.press('ArrowDown');
      await settled(page);
    }
  }
  await keys.press('Enter');
}

/** Drag, Q or P, the speaker, Enter on the empty Positions field: saved. */
async function codeByHand(page: Page, keys: EffortCounter, t: TargetCoding, call: Call, articleId: number) {
  const before = (await call<AnnotationRow[]>('annotations.list', { articleId })).length;
  await keys.drag(t.words, t.occurrence);
  await keys.press(annotationKindOfWords(t.words) === 'quote' ? 'q' : 'p');
  await typeSpeaker(page, keys, page.getByTestId('speaker-input'), t.speaker, call);
  await expect(page.getByTestId('position-input')).toBeFocused();
  await keys.press('Enter');
  await expect(page.getByTestId('annotation-form')).toHaveCount(0);
  await expect.poll(async () => (await call<AnnotationRow[]>('annotations.list', { articleId })).length).toBe(before + 1);
}

/** The article's coding is the target coding: each quote once, with its speaker and kind, and nothing else. */
async function expectSeedCoding(call: Call, articleId: number, text: string, tokens: Tokens) {
  const annotations = await call<AnnotationRow[]>('annotations.list', { articleId });
  const names = new Map((await call<ActorRow[]>('actors.list', {})).map((a) => [a.id, a.name]));
  const coded = annotations.map((a) => ({ span: { start: a.start, end: a.end }, kind: a.kind, speaker: a.speakerId === null ? null : names.get(a.speakerId) }));
  for (const t of SEED_ARTICLE_CODING) {
    const matches = coded.filter((c) => samePassage(tokens, c.span, spanOf(text, t)));
    expect(matches, t.words).toHaveLength(1);
    expect(matches[0], t.words).toMatchObject({ kind: annotationKindOfWords(t.words), speaker: t.speaker });
  }
  expect(annotations).toHaveLength(SEED_ARTICLE_CODING.length);
}

test('coding the seed article by hand', async ({ page, app }) => {
  await page.goto(app.url);
  const call: Call = (n, i) => app.call(n, i);
  const { articleId, text, tokens } = await importSample(page, call);
  const keys = new EffortCounter(page);
  for (const t of SEED_ARTICLE_CODING) await codeByHand(page, keys, t, call, articleId);
  await expectSeedCoding(call, articleId, text, tokens);
  reportEffort('seedArticleByHand', keys.effort);
});

test('coding the seed article with suggestions', async ({ page, app }) => {
  await page.goto(app.url);
  const call: Call = (n, i) => app.call(n, i);
  const { articleId, text, tokens } = await importSample(page, call);
  const panel = page.getByTestId('suggestion-panel');
  const current = panel.locator('[data-testid="suggestion-item"][aria-current="true"]');
  // Found in the background after the import: a liveness wait, not a timing claim.
  await expect(page.getByTestId('article-view').getByTestId('suggestion-item').first()).toBeVisible({ timeout: 20_000 });

  const keys = new EffortCounter(page);
  const left = new Set(SEED_ARTICLE_CODING);
  const decided = { accepted: 0, rejected: 0, speakerChanged: 0, kindChanged: 0 };
  await keys.press('j');
  for (let i = 0; i < 60 && (await current.count()); i++) {
    const key = (await current.getAttribute('data-suggestion-id'))!;
    const [start, end] = key.split(':').map(Number) as [number, number];
    const target = [...left].find((t) => samePassage(tokens, { start, end }, spanOf(text, t)));
    if (!target) {
      await keys.press('r');
      decided.rejected++;
    } else {
      left.delete(target);
      const speaker = (await current.getByTestId('suggestion-speaker').getAttribute('data-speaker-name')) ?? '';
      if (!same(speaker, target.speaker)) {
        await keys.press('c');
        await typeSpeaker(page, keys, page.getByTestId('suggestion-speaker-input'), target.speaker, call);
        await expect.poll(async () => same((await current.getByTestId('suggestion-speaker').getAttribute('data-speaker-name')) ?? '', target.speaker)).toBe(true);
        decided.speakerChanged++;
      }
      const kind = (await current.getByTestId('suggestion-kind').innerText()) === 'direct' ? 'quote' : 'paraphrase';
      const wanted = annotationKindOfWords(target.words);
      if (kind !== wanted) {
        // Q or P over the selected suggestion: the form, filled in; Enter on Positions saves it.
        await keys.press(wanted === 'quote' ? 'q' : 'p');
        await expect(page.getByTestId('position-input')).toBeFocused();
        await keys.press('Enter');
        await expect(page.getByTestId('annotation-form')).toHaveCount(0);
        decided.kindChanged++;
      } else await keys.press('a');
      decided.accepted++;
    }
    // Decided: gone from the list, and the keys are on the next one (or on none at the end).
    await expect(panel.locator(`[data-suggestion-id="${key}"]`)).toHaveCount(0);
    await settled(page);
  }
  const byHand = left.size;
  for (const t of left) await codeByHand(page, keys, t, call, articleId);
  await expectSeedCoding(call, articleId, text, tokens);
  reportEffort('seedArticleWithSuggestions', { ...keys.effort, ...decided, codedByHand: byHand });
});
