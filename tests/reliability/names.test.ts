// Names an analyst must be able to see and trust: every name and title a call accepts refuses what
// would show as blank (zero-width and other invisible characters) or be stored altered (a lone
// surrogate became "\uFFFD"), and loses the bidi overrides that would reorder it ("<U+202E>exe.doc").
import { describe, expect, it } from 'vitest';
import type { CallName } from '../../shared/contract';
import { paste, sampleArticle, tempLibrary } from '../unit/helpers';
import { callOk } from './support';

const emptyLooking = ['\u200B', '\u200B\u200C\u200D\u2060\uFEFF', ' \u00A0\u3000\t', '\u202E\u2066\u2069', '\u3164\u115F', '\u00AD', '\u0301\u0301'];
const broken = ['Kim \uD800', '\uDC00Jung'];

describe('names and titles', () => {
  it('refuse blank-looking and broken values with invalid_input in words, in every call that takes one, and store nothing', async () => {
    const { router, services } = await tempLibrary();
    const article = (await services.importer.import(paste(sampleArticle()))).id!;
    const org = services.codebook.createActor({ name: 'South Korean Foreign Ministry', kind: 'organization' });
    const topic = services.codebook.createTopic('Wartime labor');
    const position = services.codebook.createPosition(topic.id, 'Japan must show more sincerity');
    const briefing = services.briefings.create({ title: 'Weekly' });
    const annotation = services.annotations.create({ articleId: article, kind: 'quote', start: 0, end: 10 });
    const before = JSON.stringify([services.codebook.listActors(), services.codebook.listTopics(), services.briefings.list(), services.library.list({}).items, services.annotations.list(article)]);

    const calls: [CallName, (v: string) => unknown][] = [
      ['actors.create', (v) => ({ name: v })],
      ['actors.create', (v) => ({ name: 'Kim Jung Han', aliases: [v] })],
      ['actors.update', (v) => ({ id: org.id, name: v })],
      ['topics.create', (v) => ({ name: v })],
      ['topics.update', (v) => ({ id: topic.id, name: v })],
      ['positions.create', (v) => ({ topicId: topic.id, claim: v })],
      ['positions.update', (v) => ({ id: position.id, claim: v })],
      ['annotations.update', (v) => ({ id: annotation.id, tags: ['labor', v] })],
      ['briefings.create', (v) => ({ title: v })],
      ['briefings.update', (v) => ({ id: briefing.id, title: v })],
      ['articles.update', (v) => ({ id: article, title: v })],
      ['articles.import', (v) => ({ ...paste('Seoul presses Tokyo.'), title: v })],
    ];
    let refused = 0;
    for (const [name, input] of calls) {
      for (const value of [...emptyLooking, ...broken]) {
        const r = await router(name, input(value));
        expect(r.ok, `${name} ${JSON.stringify(value)}`).toBe(false);
        if (!r.ok) {
          expect(r.error.code).toBe('invalid_input');
          // White space alone is an empty name, and says so; other invisible characters are named as such.
          expect(r.error.message).toMatch(broken.includes(value) ? /broken character/ : value.trim() === '' ? /cannot be empty/ : /no visible characters/);
        }
        refused++;
      }
    }
    expect(JSON.stringify([services.codebook.listActors(), services.codebook.listTopics(), services.briefings.list(), services.library.list({}).items, services.annotations.list(article)])).toBe(before);
    console.log(`[reliability] names: ${calls.length} calls × ${emptyLooking.length + broken.length} blank-looking or broken values: refused ${refused} with invalid_input`);
  });

  it('lose bidi overrides and isolates but keep right-to-left names as written', async () => {
    const { router } = await tempLibrary();
    const spoof = await callOk(router, 'actors.create', { name: 'Kim\u202Egnp.exe', aliases: ['\u2067Director\u2069 Kim'] });
    expect(spoof.name).toBe('Kimgnp.exe');
    expect(spoof.aliases).toEqual(['Director Kim']);
    for (const name of ['محمد بن سلمان', 'בנימין נתניהו', 'Kim\u200DJung', '金正男']) {
      expect((await callOk(router, 'actors.create', { name })).name).toBe(name);
    }
    const b = await callOk(router, 'briefings.create', { title: '\u202DWeekly\u202C summary' });
    expect(b.title).toBe('Weekly summary');
    // An empty title on create still means "the template's title".
    expect((await callOk(router, 'briefings.create', { title: '' })).title).toBe('Untitled briefing');
  });

  it('a page whose own title shows nothing gets one from its text instead', async () => {
    const { router } = await tempLibrary();
    const r = await callOk(router, 'articles.import', { file: 'page.html', encoding: 'text', data: '<title>\u200B\u202E</title><p>Seoul presses Tokyo on wartime labor.</p>' });
    expect(r).toMatchObject({ status: 'imported', title: 'Seoul presses Tokyo on wartime labor' });
  });
});
