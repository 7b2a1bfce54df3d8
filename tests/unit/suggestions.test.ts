// Suggested attributions through the services and the router, on real library files: what is
// listed, accepting (with a known, a chosen or a new speaker), rejecting for good, and what an edit,
// a new actor, a reopened library or an emptied trash do to all that.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openLibrary } from '../../main/store/open';
import { createServices, type Services } from '../../main/services';
import { createRouter } from '../../main/router';
import { suggestInProcess, type SuggestRunner } from '../../main/attribution/background';
import { articleSchema } from '../../shared/schema';
import { paste, tempDir, tempLibrary } from './helpers';

const KIM_SAYS = '“We will not back down,” said Kim Jung Han.';
const TRUMP = 'President Donald Trump arrived in Seoul on Monday.\n\n“We will win this,” Trump said.';

/** The real engine, counted: how often the service had to run it rather than use what it kept. */
function countedEngine() {
  const real = suggestInProcess();
  const runs = { count: 0 };
  const run: SuggestRunner = (text, actors) => {
    runs.count++;
    return real(text, actors);
  };
  return { run, runs };
}

function docOf(paragraphs: string[]) {
  return articleSchema.node('doc', null, paragraphs.map((p) => articleSchema.node('paragraph', null, articleSchema.text(p)))).toJSON() as Record<string, unknown>;
}

async function importText(s: Services, text: string): Promise<number> {
  const r = await s.importer.import(paste(text));
  expect(r.status).toBe('imported');
  return r.id!;
}

describe('suggestions.list', () => {
  it('lists the engine’s suggestions with a key and the codebook actor the speaker matched, filtered by confidence', async () => {
    const { services: s, router } = await tempLibrary();
    const kim = s.codebook.createActor({ name: 'Kim Jung Han' });
    const id = await importText(s, `${KIM_SAYS}\n\nThe talks will go on, the ministry said.`);
    const { suggestions, tooLarge } = await s.suggestions.list(id);
    expect(tooLarge).toBe(false);
    const direct = suggestions.find((x) => x.kind === 'direct')!;
    expect(direct).toMatchObject({
      key: '0:24',
      content: { start: 0, end: 24, exact: '“We will not back down,”' },
      cue: { exact: 'said' },
      source: { exact: 'Kim Jung Han' },
      speaker: { name: 'Kim Jung Han', actorId: kim.id },
    });
    const text = s.library.get(id).text;
    for (const x of suggestions) expect(text.slice(x.content.start, x.content.end)).toBe(x.content.exact);

    const sure = await router('suggestions.list', { articleId: id, minConfidence: 0.99 });
    expect(sure).toEqual({ ok: true, value: { suggestions: [], tooLarge: false } });
    const all = await router('suggestions.list', { articleId: id, minConfidence: 0 });
    expect(all).toMatchObject({ ok: true, value: { suggestions: suggestions } });
  });

  it('leaves out suggestions that overlap a live annotation, and shows them again when it is trashed', async () => {
    const { services: s } = await tempLibrary();
    const id = await importText(s, KIM_SAYS);
    expect((await s.suggestions.list(id)).suggestions).toHaveLength(1);
    // A note on two words inside the quote is enough: that passage has been looked at.
    const note = s.annotations.create({ articleId: id, kind: 'note', start: 4, end: 12 });
    expect((await s.suggestions.list(id)).suggestions).toEqual([]);
    s.annotations.delete(note.id);
    expect((await s.suggestions.list(id)).suggestions).toHaveLength(1);
  });

  it('refuses an unknown article; suggests nothing in the trash, and codes nothing there', async () => {
    const { services: s, router } = await tempLibrary();
    expect(await router('suggestions.list', { articleId: 99 })).toMatchObject({ ok: false, error: { code: 'not_found', message: 'Article 99 does not exist.' } });
    const id = await importText(s, KIM_SAYS);
    const { suggestions } = await s.suggestions.list(id);
    expect(suggestions.length).toBeGreaterThan(0);
    s.library.delete(id);
    expect(await router('suggestions.list', { articleId: id })).toEqual({ ok: true, value: { suggestions: [], tooLarge: false } });
    expect(await router('suggestions.accept', { articleId: id, key: suggestions[0]!.key })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/in the trash/) } });
  });

  it('an empty-looking, one-word or unbalanced article gives a list, not an error', async () => {
    const { services: s } = await tempLibrary();
    for (const text of ['Hello', '“This never closes, said nobody', '”Backwards“ he said. «Half']) {
      const id = await importText(s, text);
      const r = await s.suggestions.list(id);
      expect(r.tooLarge).toBe(false);
      expect(Array.isArray(r.suggestions)).toBe(true);
    }
  });
});

describe('suggestions.accept', () => {
  it('codes a direct suggestion as a quote spoken by the matched actor', async () => {
    const { services: s, router } = await tempLibrary();
    const kim = s.codebook.createActor({ name: 'Kim Jung Han' });
    const topic = s.codebook.createTopic('Resolve');
    const position = s.codebook.createPosition(topic.id, 'Seoul will not back down');
    const id = await importText(s, KIM_SAYS);
    const r = await router('suggestions.accept', { articleId: id, key: '0:24', positions: [{ positionId: position.id, stance: 'supports' }], tags: ['resolve'] });
    expect(r).toMatchObject({
      ok: true,
      value: { createdActor: null, annotation: { kind: 'quote', start: 0, end: 24, exact: '“We will not back down,”', speakerId: kim.id, positions: [{ positionId: position.id, stance: 'supports' }], tags: ['resolve'] } },
    });
    expect(s.annotations.list(id)).toHaveLength(1);
    // Coded now: no longer suggested, and a second accept (a double key press) adds nothing.
    expect((await s.suggestions.list(id)).suggestions).toEqual([]);
    expect(await router('suggestions.accept', { articleId: id, key: '0:24' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(s.annotations.list(id)).toHaveLength(1);
  });

  it('creates an unknown speaker as a new actor, with the mention as written as an alias', async () => {
    const { services: s, router } = await tempLibrary();
    const id = await importText(s, TRUMP);
    const [quote] = (await s.suggestions.list(id)).suggestions;
    expect(quote).toMatchObject({ kind: 'direct', source: { exact: 'Trump' }, speaker: { name: 'Donald Trump', actorId: null } });
    const r = await router('suggestions.accept', { articleId: id, key: quote!.key });
    expect(r.ok).toBe(true);
    const { annotation, createdActor } = (r as { value: { annotation: { speakerId: number; kind: string }; createdActor: { id: number; name: string; kind: string; aliases: string[] } } }).value;
    expect(createdActor).toMatchObject({ name: 'Donald Trump', kind: 'person', aliases: ['Trump'], annotationCount: 1 });
    expect(annotation).toMatchObject({ kind: 'quote', speakerId: createdActor.id });
    expect(s.codebook.listActors().map((a) => a.name)).toEqual(['Donald Trump']);
  });

  it('takes the analyst’s speaker instead: an actor, none, an alias, or a new name whose kind is guessed', async () => {
    const { services: s, router } = await tempLibrary();
    const kim = s.codebook.createActor({ name: 'Kim Jung Han', aliases: ['Director Kim'] });
    const other = s.codebook.createActor({ name: 'Shigeki Takizaki' });
    const text = ['“One,” said Kim Jung Han.', '“Two,” said Kim Jung Han.', '“Three,” said Kim Jung Han.', '“Four,” said Kim Jung Han.'];
    const id = await importText(s, text.join('\n\n'));
    const keys = (await s.suggestions.list(id)).suggestions.map((x) => x.key);
    expect(keys).toHaveLength(4);

    const chosen = await router('suggestions.accept', { articleId: id, key: keys[0], speakerId: other.id, kind: 'paraphrase' });
    expect(chosen).toMatchObject({ ok: true, value: { annotation: { speakerId: other.id, kind: 'paraphrase' }, createdActor: null } });
    const none = await router('suggestions.accept', { articleId: id, key: keys[1], speakerId: null });
    expect(none).toMatchObject({ ok: true, value: { annotation: { speakerId: null }, createdActor: null } });
    const alias = await router('suggestions.accept', { articleId: id, key: keys[2], speakerName: 'director kim' });
    expect(alias).toMatchObject({ ok: true, value: { annotation: { speakerId: kim.id }, createdActor: null } });
    const created = await router('suggestions.accept', { articleId: id, key: keys[3], speakerName: 'South Korean Foreign Ministry' });
    // The mention ("Kim Jung Han") names someone else: it is not made this actor's alias.
    expect(created).toMatchObject({ ok: true, value: { createdActor: { name: 'South Korean Foreign Ministry', kind: 'organization', aliases: [] } } });
  });

  it('never makes a pronoun or a description an alias', async () => {
    const { services: s } = await tempLibrary();
    const id = await importText(s, 'Lee Do Hoon met reporters.\n\n“We are ready,” he said.');
    const [quote] = (await s.suggestions.list(id)).suggestions;
    expect(quote).toMatchObject({ source: { exact: 'he' }, speaker: { name: 'Lee Do Hoon', actorId: null } });
    const { createdActor } = await s.suggestions.accept({ articleId: id, key: quote!.key });
    expect(createdActor).toMatchObject({ name: 'Lee Do Hoon', aliases: [] });
  });

  it('creates nothing when the annotation cannot be made: actor and annotation are one transaction', async () => {
    const { services: s, router } = await tempLibrary();
    const id = await importText(s, TRUMP);
    const [quote] = (await s.suggestions.list(id)).suggestions;
    const r = await router('suggestions.accept', { articleId: id, key: quote!.key, positions: [{ positionId: 999, stance: 'supports' }] });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found', message: 'Position 999 does not exist.' } });
    expect(s.codebook.listActors()).toEqual([]);
    expect(s.annotations.list(id)).toEqual([]);
  });

  it('refuses a key that is no suggestion, and one from before the text changed', async () => {
    const { services: s, router } = await tempLibrary();
    const id = await importText(s, KIM_SAYS);
    expect(await router('suggestions.accept', { articleId: id, key: '3:9' })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/no longer there/) } });
    s.articleText.update(id, docOf(['A new first paragraph.', KIM_SAYS]));
    expect(await router('suggestions.accept', { articleId: id, key: '0:24' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(s.annotations.list(id)).toEqual([]);
  });
});

describe('rejections', () => {
  it('are remembered after the library is reopened and after an edit moves the passage; unreject takes one back', async () => {
    const file = path.join(tempDir(), 'library.sqlite');
    let lib = await openLibrary(file);
    let s = createServices(lib);
    const id = await importText(s, `${KIM_SAYS}\n\n“We want talks,” said Kim Jung Han.`);
    const before = (await s.suggestions.list(id)).suggestions;
    expect(before).toHaveLength(2);
    expect(await createRouter(s)('suggestions.reject', { articleId: id, key: before[0]!.key })).toEqual({ ok: true, value: { key: before[0]!.key } });
    expect((await s.suggestions.list(id)).suggestions.map((x) => x.content.exact)).toEqual(['“We want talks,”']);
    lib.close();

    lib = await openLibrary(file);
    try {
      s = createServices(lib);
      expect((await s.suggestions.list(id)).suggestions.map((x) => x.content.exact)).toEqual(['“We want talks,”']);
      // A paragraph before it shifts every offset; the rejected words stay rejected.
      s.articleText.update(id, docOf(['Seoul, Monday.', KIM_SAYS, '“We want talks,” said Kim Jung Han.']));
      expect((await s.suggestions.list(id)).suggestions.map((x) => x.content.exact)).toEqual(['“We want talks,”']);

      const movedKey = `${'Seoul, Monday.\n\n'.length}:${'Seoul, Monday.\n\n'.length + 24}`;
      expect(await createRouter(s)('suggestions.unreject', { articleId: id, key: movedKey })).toEqual({ ok: true, value: { key: movedKey } });
      expect((await s.suggestions.list(id)).suggestions.map((x) => x.content.exact)).toEqual(['“We will not back down,”', '“We want talks,”']);
    } finally {
      lib.close();
    }
  });

  it('go with the article when the trash is emptied, as does what was kept of its suggestions', async () => {
    const { services: s, lib } = await tempLibrary();
    const id = await importText(s, KIM_SAYS);
    await s.suggestions.reject(id, '0:24');
    const rows = () => [
      lib.db.prepare('SELECT count(*) AS n FROM suggestion_rejections WHERE article_id = ?').get(id),
      lib.db.prepare('SELECT count(*) AS n FROM suggestion_cache WHERE article_id = ?').get(id),
    ];
    expect(rows()).toEqual([{ n: 1 }, { n: 1 }]);
    s.library.delete(id);
    // In the trash they are kept, for a restore.
    expect(rows()).toEqual([{ n: 1 }, { n: 1 }]);
    s.library.emptyTrash();
    expect(rows()).toEqual([{ n: 0 }, { n: 0 }]);
  });
});

describe('the kept answer', () => {
  it('makes opening an article again a lookup, even after reopening the library; an edit or a new actor computes anew', async () => {
    const file = path.join(tempDir(), 'library.sqlite');
    const engine = countedEngine();
    let lib = await openLibrary(file);
    let s = createServices(lib, { suggest: engine.run });
    const id = await importText(s, KIM_SAYS);
    await s.suggestions.list(id);
    await s.suggestions.list(id);
    expect(engine.runs.count).toBe(1);
    lib.close();

    lib = await openLibrary(file);
    try {
      s = createServices(lib, { suggest: engine.run });
      expect((await s.suggestions.list(id)).suggestions[0]!.speaker).toEqual({ name: 'Kim Jung Han', actorId: null });
      expect(engine.runs.count).toBe(1);

      // The speaker is now in the codebook: the old answer (actorId null) no longer holds.
      const kim = s.codebook.createActor({ name: 'Kim Jung Han' });
      expect((await s.suggestions.list(id)).suggestions[0]!.speaker).toEqual({ name: 'Kim Jung Han', actorId: kim.id });
      expect(engine.runs.count).toBe(2);

      // White space alone moves offsets: the answer is kept per exact text.
      s.articleText.update(id, docOf([`${KIM_SAYS} `]));
      await s.suggestions.list(id);
      expect(engine.runs.count).toBe(3);
    } finally {
      lib.close();
    }
  });

  it('is computed in the background after an import and after a text edit, when the services are made to', async () => {
    const { lib } = await tempLibrary();
    lib.close();
    const engine = countedEngine();
    const reopened = await openLibrary(lib.path);
    try {
      const s = createServices(reopened, { suggest: engine.run, prepareSuggestions: true });
      const router = createRouter(s);
      const imported = await router('articles.import', paste(KIM_SAYS));
      const id = (imported as { value: { id: number } }).value.id;
      const kept = () => reopened.db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM suggestion_cache WHERE article_id = ?').get(id)!.n;
      await vi.waitFor(() => expect(kept()).toBe(1));
      expect(engine.runs.count).toBe(1);
      expect((await s.suggestions.list(id)).suggestions).toHaveLength(1);
      expect(engine.runs.count).toBe(1);

      await router('articles.updateText', { id, doc: docOf(['Seoul, Monday.', KIM_SAYS]) });
      await vi.waitFor(() => expect(engine.runs.count).toBe(2));
      expect((await s.suggestions.list(id)).suggestions[0]!.content.start).toBe('Seoul, Monday.\n\n'.length);
      expect(engine.runs.count).toBe(2);
    } finally {
      reopened.close();
    }
  });
});

describe('malformed calls', () => {
  it.each([
    ['suggestions.list', { articleId: 1, minConfidence: 1.5 }, /minimum confidence must be at most 1/],
    ['suggestions.list', { articleId: 'one' }, /must be a number/],
    ['suggestions.list', {}, /is missing/],
    ['suggestions.reject', { articleId: 1, key: 'abc' }, /suggestion key must be two offsets as start:end/],
    ['suggestions.reject', { articleId: 1, key: '1:2', extra: true }, /“extra” is not something this request takes/],
    ['suggestions.unreject', { articleId: 1, key: '-1:2' }, /suggestion key must be two offsets/],
    ['suggestions.accept', { articleId: 1, key: '0:24', speakerId: 1, speakerName: 'Kim' }, /cannot name both speakerId and speakerName/],
    ['suggestions.accept', { articleId: 1, key: '0:24', speakerName: '\u200b' }, /speaker’s name cannot be used/],
    ['suggestions.accept', { articleId: 1, key: '0:24', kind: 'rumour' }, /must be one of quote, paraphrase, note/],
  ])('%s %j is refused as invalid_input', async (name, input, message) => {
    const { services: s, router } = await tempLibrary();
    await importText(s, KIM_SAYS);
    const r = await router(name, input);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(message) } });
    expect(s.annotations.list(1)).toEqual([]);
    expect(s.codebook.listActors()).toEqual([]);
  });
});
