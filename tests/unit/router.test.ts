import { describe, expect, it } from 'vitest';
import { callNames } from '../../shared/contract';
import { paste, sampleArticle, tempLibrary } from './helpers';

describe('the router validates every call at the door', () => {
  it('rejects unknown calls', async () => {
    const { router } = await tempLibrary();
    expect(await router('articles.drop', {})).toEqual({ ok: false, error: { code: 'unknown_call', message: expect.any(String) } });
    expect(await router('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(await router('toString', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
  });

  it.each([
    ['wrong type', 'articles.get', { id: '1' }],
    ['negative id', 'articles.get', { id: -1 }],
    ['fractional id', 'articles.get', { id: 1.5 }],
    ['NaN', 'articles.get', { id: Number.NaN }],
    ['huge number', 'articles.get', { id: 1e300 }],
    ['missing field', 'articles.get', {}],
    ['extra field', 'articles.list', { sort: 'title', sneaky: true }],
    ['not an object', 'articles.list', 'hello'],
    ['null', 'articles.list', null],
    ['array', 'articles.list', []],
    ['bad enum', 'articles.list', { sort: 'random' }],
    ['bad date', 'articles.update', { id: 1, publishedAt: '29/10/2020' }],
    ['javascript url', 'articles.update', { id: 1, url: 'javascript:alert(1)' }],
    ['huge string', 'search.query', { query: 'x'.repeat(1_000_000) }],
    ['__proto__ key', 'articles.list', JSON.parse('{"__proto__": {"polluted": true}}')],
    ['constructor key', 'articles.list', { constructor: { prototype: { polluted: true } } }],
  ])('%s', async (_what, name, input) => {
    const { router } = await tempLibrary();
    const r = await router(name, input);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('turns service failures into typed errors and keeps serving', async () => {
    const { router } = await tempLibrary();
    expect(await router('articles.get', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not_found', message: 'Article 999 does not exist.' } });
    const imported = await router('articles.import', paste(sampleArticle()));
    expect(imported).toMatchObject({ ok: true, value: { status: 'imported' } });
    expect(await router('articles.update', { id: 1, title: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await router('articles.list', {})).toMatchObject({ ok: true, value: { items: [{ id: 1 }], total: 1, next: null } });
  });

  it('answers every call in the contract with a result, never a throw', async () => {
    const { router } = await tempLibrary();
    for (const name of callNames) {
      for (const input of [undefined, {}, { id: 1 }, 42]) {
        const r = await router(name, input);
        expect(typeof r.ok).toBe('boolean');
      }
    }
  });
});
