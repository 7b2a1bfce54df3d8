// What the analyst reads when an article's details are refused: a sentence about the field, not
// the validator's internals, and the name of the field so the form can show it beside it.
import { describe, expect, it } from 'vitest';
import { paste, sampleArticle, tempLibrary } from './helpers';
import { MAX_TITLE_CHARS } from '../../shared/limits';

async function libraryWithArticle() {
  const t = await tempLibrary();
  const r = await t.router('articles.import', paste(sampleArticle()));
  if (!r.ok) throw new Error(r.error.message);
  return { ...t, id: (r.value as { id: number }).id };
}

describe('refused article details, in words', () => {
  it.each([
    ['an empty title', { title: '' }, 'title', 'The title cannot be empty.'],
    ['a blank title', { title: '   ' }, 'title', 'The title cannot be empty.'],
    ['an overlong title', { title: 'x'.repeat(MAX_TITLE_CHARS + 1) }, 'title', `The title can be at most ${MAX_TITLE_CHARS} characters.`],
    ['a URL without a scheme', { url: 'example.com/story' }, 'url', 'The URL must start with http:// or https://.'],
    ['a javascript: URL', { url: 'javascript:alert(1)' }, 'url', 'The URL must start with http:// or https://.'],
    ['a date in another format', { publishedAt: '29/10/2020' }, 'publishedAt', 'The publication date must be a date as YYYY-MM-DD.'],
    ['a number for the outlet', { outlet: 42 }, 'outlet', 'The outlet must be text.'],
  ])('%s', async (_what, patch, field, message) => {
    const { router, id, services } = await libraryWithArticle();
    const before = services.library.get(id);
    const r = await router('articles.update', { id, ...patch });
    expect(r).toEqual({ ok: false, error: { code: 'invalid_input', message, field } });
    expect(services.library.get(id)).toEqual(before);
  });

  it('a title at the limit is kept whole', async () => {
    const { router, id } = await libraryWithArticle();
    const title = 'x'.repeat(MAX_TITLE_CHARS);
    expect(await router('articles.update', { id, title })).toMatchObject({ ok: true, value: { title } });
  });

  it('an overlong title given at import is refused in the same words, and nothing is stored', async () => {
    const { router, services } = await tempLibrary();
    const r = await router('articles.import', paste(sampleArticle(), { title: 'y'.repeat(MAX_TITLE_CHARS + 50) }));
    expect(r).toMatchObject({ ok: false, error: { message: `The title can be at most ${MAX_TITLE_CHARS} characters.`, field: 'title' } });
    expect(services.library.info().articleCount).toBe(0);
  });

  it('other calls speak plainly too', async () => {
    const { router } = await tempLibrary();
    const r = await router('articles.get', { id: 'seven' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'The id must be a number.', field: 'id' } });
    const extra = await router('articles.list', { sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '“sneaky” is not something this request takes.' } });
  });
});

describe('refusals that name hostile keys', () => {
  it('quote them as keys, never as what an object inherits', async () => {
    const { router } = await tempLibrary();
    const proto = await router('articles.update', JSON.parse('{"id": 1, "__proto__": {"x": 1}}'));
    expect(proto).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '“__proto__” is not something this request takes.' } });
    const ctor = await router('actors.update', { id: 1, aliases: [{ constructor: 1 }] });
    expect(ctor).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Each of the aliases must be text.', field: 'aliases' } });
  });
});
