import { describe, expect, it } from 'vitest';
import { Node } from 'prosemirror-model';
import { articleSchema } from '../../shared/schema';
import { codedLibrary, QUOTE } from './coding-helpers';

describe('annotations', () => {
  it('stores W3C selectors over the plain text and lists in reading order', async () => {
    const { services: s, articleId, q1, text } = await codedLibrary();
    expect(q1).toMatchObject({ exact: QUOTE, start: text.indexOf(QUOTE), orphaned: false });
    expect(q1.prefix).toBe(text.slice(q1.start - 32, q1.start));
    expect(q1.suffix).toBe(text.slice(q1.end, q1.end + 32));
    const list = s.annotations.list(articleId);
    expect(list.map((a) => a.start)).toEqual([...list.map((a) => a.start)].sort((a, b) => a - b));
  });

  it.each([
    ['out of bounds', { start: 10, end: 1e6 }],
    ['empty', { start: 10, end: 10 }],
    ['reversed', { start: 20, end: 10 }],
    ['white space only', { start: -1, end: -1 }],
  ])('refuses a range that is %s, changing nothing', async (_what, range) => {
    const { services: s, articleId, text } = await codedLibrary();
    const blank = text.indexOf('\n\n');
    const r = range.start === -1 ? { start: blank, end: blank + 2 } : range;
    const before = s.annotations.list(articleId).length;
    expect(() => s.annotations.create({ articleId, kind: 'quote', ...r })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(s.annotations.list(articleId)).toHaveLength(before);
  });

  it('lists a trashed article\'s annotations (a read), and refuses a missing article', async () => {
    const { services: s, articleId, router } = await codedLibrary();
    const coded = s.annotations.list(articleId);
    expect(coded.length).toBeGreaterThan(0);
    s.library.delete(articleId);
    expect(await router('annotations.list', { articleId })).toEqual({ ok: true, value: coded });
    expect(await router('annotations.list', { articleId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses annotations on a trashed or missing article, and unknown speakers or positions', async () => {
    const { services: s, articleId, router } = await codedLibrary();
    expect(await router('annotations.create', { articleId: 999, kind: 'quote', start: 0, end: 5 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await router('annotations.create', { articleId, kind: 'quote', start: 0, end: 5, speakerId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await router('annotations.create', { articleId, kind: 'quote', start: 0, end: 5, positions: [{ positionId: 999, stance: 'supports' }] })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'Position 999 does not exist.' },
    });
    expect(await router('annotations.create', { articleId, kind: 'quote', start: 0, end: 5, positions: [{ positionId: 1, stance: 'loves' }] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    s.library.delete(articleId);
    expect(await router('annotations.create', { articleId, kind: 'quote', start: 0, end: 5 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('edits, trashes and restores; a deleted annotation leaves the matrix and search', async () => {
    const { services: s, q1, topic, kim, sincerity } = await codedLibrary();
    const edited = s.annotations.update({ id: q1.id, comment: 'Updated comment', positions: [{ positionId: sincerity.id, stance: 'neutral' }] });
    expect(edited).toMatchObject({ comment: 'Updated comment', positions: [{ positionId: sincerity.id, stance: 'neutral' }] });
    const cell = () => s.quotes.matrix(topic.id)!.cells.find((c) => c.actorId === kim.id && c.positionId === sincerity.id);
    expect(cell()).toMatchObject({ neutral: 1, supports: 0 });
    expect(s.search.search('sincerity resolve').some((h) => h.kind === 'quote' && h.id === q1.id)).toBe(true);
    s.annotations.delete(q1.id);
    expect(cell()).toBeUndefined();
    expect(s.search.search('sincerity resolve').some((h) => h.kind === 'quote')).toBe(false);
    s.annotations.restore(q1.id);
    expect(cell()).toMatchObject({ neutral: 1 });
  });

  it('counts the matrix per actor and position', async () => {
    const { services: s, topic, kim, takizaki, sincerity, noSale } = await codedLibrary();
    const m = s.quotes.matrix(topic.id)!;
    expect(m.actors.map((a) => a.name)).toEqual(['Kim Jung Han', 'Shigeki Takizaki']);
    expect(m.positions.map((p) => p.id).sort()).toEqual([sincerity.id, noSale.id].sort());
    const get = (a: number, p: number) => m.cells.find((c) => c.actorId === a && c.positionId === p);
    expect(get(kim.id, sincerity.id)).toMatchObject({ supports: 1, opposes: 0 });
    expect(get(kim.id, noSale.id)).toMatchObject({ supports: 0, opposes: 1 });
    expect(get(takizaki.id, noSale.id)).toMatchObject({ supports: 1, opposes: 0 });
    expect(get(takizaki.id, sincerity.id)).toBeUndefined();
  });

  it('re-anchors every annotation when the text is corrected, and keeps unplaceable ones as orphans', async () => {
    const { services: s, articleId, q1, q3 } = await codedLibrary();
    const article = s.library.get(articleId);
    const doc = Node.fromJSON(articleSchema, article.doc);
    // Fix a word before the quote, and delete the export-controls sentence outright.
    const edited = JSON.parse(JSON.stringify(doc.toJSON()).replace('frayed', 'strained').replace('withdraw \\"unfair\\" export controls imposed', 'lift measures imposed')) as unknown;
    const r = s.articleText.update(articleId, edited);
    expect(r).toMatchObject({ placed: 2, orphaned: 1 });
    const after = s.annotations.list(articleId);
    const a1 = after.find((a) => a.id === q1.id)!;
    expect(r.article.text.slice(a1.start, a1.end)).toBe(QUOTE);
    const orphan = after.find((a) => a.id === q3.id)!;
    expect(orphan).toMatchObject({ orphaned: true, exact: 'withdraw "unfair" export controls' });
    expect(s.library.get(articleId).text).toContain('discussed strained bilateral');
  });

  it('an orphan re-attached and then put back is an orphan again with the words it quoted; editing its coding never moves it', async () => {
    const { services: s, articleId, q3 } = await codedLibrary();
    const doc = Node.fromJSON(articleSchema, s.library.get(articleId).doc);
    const edited = JSON.parse(JSON.stringify(doc.toJSON()).replace('withdraw \\"unfair\\" export controls imposed', 'lift measures imposed')) as unknown;
    s.articleText.update(articleId, edited);
    const orphan = s.annotations.list(articleId).find((a) => a.id === q3.id)!;
    expect(orphan).toMatchObject({ orphaned: true, exact: 'withdraw "unfair" export controls' });

    // Editing the coding (and undoing that edit) leaves the orphan as it is.
    s.annotations.update({ id: orphan.id, comment: 'Check the correction.' });
    s.annotations.update({ id: orphan.id, comment: null });
    expect(s.annotations.list(articleId).find((a) => a.id === q3.id)).toMatchObject({ orphaned: true, exact: orphan.exact, start: orphan.start });

    // Re-attach to "lift measures", then put the old anchor back: the orphan and its words return.
    const text = s.library.get(articleId).text;
    const at = text.indexOf('lift measures');
    const reattached = s.annotations.update({ id: orphan.id, start: at, end: at + 'lift measures'.length });
    expect(reattached).toMatchObject({ orphaned: false, exact: 'lift measures' });
    const { start, end, exact, prefix, suffix } = orphan;
    const back = s.annotations.update({ id: orphan.id, anchor: { start, end, exact, prefix, suffix, orphaned: true } });
    expect(back).toMatchObject({ orphaned: true, exact: 'withdraw "unfair" export controls', prefix, suffix });

    // A placed anchor that no longer matches the text is refused, and nothing moves.
    expect(() => s.annotations.update({ id: orphan.id, anchor: { start: at, end: at + 4, exact: 'nope', prefix: '', suffix: '', orphaned: false } })).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    expect(s.annotations.list(articleId).find((a) => a.id === q3.id)).toMatchObject({ orphaned: true, exact: 'withdraw "unfair" export controls' });
  });

  it('flags an annotation whose words an edit changed, with the words as coded and the new ones; accepting clears the flag', async () => {
    const { services: s, articleId, router, q1 } = await codedLibrary();
    const text = s.library.get(articleId).text;
    const start = text.indexOf('completely and finally');
    const settled = s.annotations.create({ articleId, kind: 'quote', start, end: start + 'completely and finally'.length, comment: 'Tokyo’s legal position.' });
    const docWith = (from: string, to: string) => JSON.parse(JSON.stringify(s.library.get(articleId).doc).replace(from, to)) as unknown;

    // Issue 10, item 5: "finally" edited to "irreversibly" inside the quote.
    const r = s.articleText.update(articleId, docWith('completely and finally', 'completely and irreversibly'));
    expect(r).toMatchObject({ placed: 4, changed: 1, orphaned: 0 });
    const flagged = s.annotations.list(articleId).find((a) => a.id === settled.id)!;
    expect(flagged).toMatchObject({ exact: 'completely and irreversibly', changedFrom: 'completely and finally', orphaned: false, comment: 'Tokyo’s legal position.' });
    expect(r.article.text.slice(flagged.start, flagged.end)).toBe('completely and irreversibly');
    // The other annotations' words did not change: nothing to review there.
    expect(s.annotations.list(articleId).find((a) => a.id === q1.id)).toMatchObject({ changedFrom: null });

    // A second edit keeps the words as coded, not the intermediate ones.
    s.articleText.update(articleId, docWith('completely and irreversibly', 'completely and definitively'));
    expect(s.annotations.list(articleId).find((a) => a.id === settled.id)).toMatchObject({ exact: 'completely and definitively', changedFrom: 'completely and finally' });

    // Accepting the new words clears the flag and keeps the anchor; through the router, as the UI calls it.
    expect(await router('annotations.review', { id: settled.id, decision: 'accept-new' })).toMatchObject({ ok: true, value: { exact: 'completely and definitively', changedFrom: null } });
    expect(s.annotations.list(articleId).find((a) => a.id === settled.id)).toMatchObject({ exact: 'completely and definitively', changedFrom: null, orphaned: false });
    // Nothing left to review: said plainly, nothing changed.
    expect(await router('annotations.review', { id: settled.id, decision: 'accept-new' })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/no changed words/) } });
  });

  it('clears the flag when the words as coded come back, keeps the old words as an orphan on request, and undoes a review', async () => {
    const { services: s, articleId } = await codedLibrary();
    const text = s.library.get(articleId).text;
    const start = text.indexOf('completely and finally');
    const settled = s.annotations.create({ articleId, kind: 'quote', start, end: start + 'completely and finally'.length });
    const docWith = (from: string, to: string) => JSON.parse(JSON.stringify(s.library.get(articleId).doc).replace(from, to)) as unknown;

    s.articleText.update(articleId, docWith('completely and finally', 'completely and irreversibly'));
    // Restoring the word: the quote is whole again and there is nothing to review.
    const back = s.articleText.update(articleId, docWith('completely and irreversibly', 'completely and finally'));
    expect(back.changed).toBe(0);
    expect(s.annotations.list(articleId).find((a) => a.id === settled.id)).toMatchObject({ exact: 'completely and finally', changedFrom: null, start });

    // Edited again; the analyst keeps the old words: an orphan quoting them.
    s.articleText.update(articleId, docWith('completely and finally', 'completely and irreversibly'));
    const flagged = s.annotations.list(articleId).find((a) => a.id === settled.id)!;
    const kept = s.annotations.review(settled.id, 'keep-old');
    expect(kept).toMatchObject({ orphaned: true, exact: 'completely and finally', changedFrom: null });

    // Undo puts the flagged anchor back exactly (what the UI sends), flag included.
    const { start: fs, end: fe, exact, prefix, suffix } = flagged;
    const undone = s.annotations.update({ id: settled.id, anchor: { start: fs, end: fe, exact, prefix, suffix, orphaned: false, changedFrom: flagged.changedFrom } });
    expect(undone).toMatchObject({ orphaned: false, exact: 'completely and irreversibly', changedFrom: 'completely and finally' });

    // Re-attaching to a selection settles the review too.
    const at = s.library.get(articleId).text.indexOf('completely and irreversibly');
    expect(s.annotations.update({ id: settled.id, start: at, end: at + 'completely'.length })).toMatchObject({ exact: 'completely', changedFrom: null, orphaned: false });
  });

  it('an annotation whose changed words are then deleted becomes an orphan with the words as coded', async () => {
    const { services: s, articleId } = await codedLibrary();
    const text = s.library.get(articleId).text;
    const start = text.indexOf('completely and finally');
    const settled = s.annotations.create({ articleId, kind: 'quote', start, end: start + 'completely and finally'.length });
    const doc = () => JSON.stringify(s.library.get(articleId).doc);
    s.articleText.update(articleId, JSON.parse(doc().replace('completely and finally', 'completely and irreversibly')) as unknown);
    s.articleText.update(articleId, JSON.parse(doc().replace(/ the understanding the compensation issue was settled[^.]*\./, '.')) as unknown);
    expect(s.annotations.list(articleId).find((a) => a.id === settled.id)).toMatchObject({ orphaned: true, exact: 'completely and finally', changedFrom: null });
  });

  it('refuses text that is not a valid article doc or carries unsafe links', async () => {
    const { services: s, articleId } = await codedLibrary();
    const before = s.library.get(articleId).text;
    expect(() => s.articleText.update(articleId, { type: 'doc', content: [{ type: 'script' }] })).toThrow(/not valid/);
    const evil = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] };
    expect(() => s.articleText.update(articleId, evil)).toThrow(/http, https or mailto/);
    expect(s.library.get(articleId).text).toBe(before);
  });
});
