// Search finds the coding as well as the reading: quotes by tag, actors by name and alias, and what
// a speaker said by the speaker's name, each as its own kind of hit; the index follows every change.
import { describe, expect, it } from 'vitest';
import { codedLibrary, QUOTE } from './coding-helpers';

describe('search over the coding', () => {
  it('finds an annotation by its tag', async () => {
    const { services: s, q3 } = await codedLibrary();
    const hits = s.search.search('#export controls');
    expect(hits.filter((h) => h.kind === 'quote').map((h) => h.id)).toContain(q3.id);
    s.annotations.update({ id: q3.id, tags: ['countermeasure'] });
    expect(s.search.search('countermeasure').map((h) => `${h.kind}:${h.id}`)).toEqual([`quote:${q3.id}`]);
    expect(s.search.search('countermeasure')[0]!.snippet).toContain('#countermeasure');
  });

  it('finds an actor by name and by alias, diacritics aside, and follows renames, alias edits and deletes', async () => {
    const { services: s, kim, takizaki } = await codedLibrary();
    expect(s.search.search('Takizaki').filter((h) => h.kind === 'actor')).toMatchObject([{ id: takizaki.id, title: 'Shigeki Takizaki' }]);
    s.codebook.updateActor(kim.id, { aliases: ['Director-General Kim', 'Kím Jung-han'] });
    expect(s.search.search('director general').filter((h) => h.kind === 'actor').map((h) => h.id)).toEqual([kim.id]);
    s.codebook.updateActor(takizaki.id, { name: 'Takizaki Shigeki' });
    expect(s.search.search('Takizaki').find((h) => h.kind === 'actor')!.title).toBe('Takizaki Shigeki');
    const lone = s.codebook.createActor({ name: 'Lee Do Hoon' });
    expect(s.search.search('Hoon').filter((h) => h.kind === 'actor').map((h) => h.id)).toEqual([lone.id]);
    s.codebook.deleteActor(lone.id);
    expect(s.search.search('Hoon').filter((h) => h.kind === 'actor')).toEqual([]);
  });

  it("finds what a speaker said by the speaker's name or alias, not their notes, and not trashed ones", async () => {
    const { services: s, kim, q1, q3 } = await codedLibrary();
    const saidByKim = (q: string) =>
      s.search
        .search(q)
        .filter((h) => h.kind === 'quote')
        .map((h) => h.id)
        .sort();
    expect(saidByKim('Jung Han')).toEqual([q1.id, q3.id].sort());
    const hit = s.search.search('Jung Han').find((h) => h.id === q1.id)!;
    expect(hit).toMatchObject({ kind: 'quote', bySpeaker: true, title: expect.stringContaining('Kim Jung Han') });
    expect(hit.snippet).toBe(`“${QUOTE}”`);
    s.annotations.delete(q3.id);
    expect(saidByKim('Jung Han')).toEqual([q1.id]);
    // Merging another actor into Kim makes their quotes Kim's, and their name finds Kim.
    const other = s.codebook.createActor({ name: 'K. J. Han' });
    s.codebook.mergeActors(other.id, kim.id);
    expect(s.search.search('K. J.').filter((h) => h.kind === 'actor').map((h) => h.id)).toEqual([kim.id]);
  });

  it('keeps both new indexes consistent with their tables', async () => {
    const { services: s, lib, kim } = await codedLibrary();
    s.codebook.updateActor(kim.id, { name: 'Kim J. H.', aliases: [] });
    for (const t of ['annotations_fts', 'actors_fts']) {
      expect(() => lib.db.prepare(`INSERT INTO ${t} (${t}, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
    }
    const row = lib.db.prepare(`SELECT name, aliases FROM actors_fts WHERE rowid = ?`).get(kim.id);
    expect(row).toEqual({ name: 'Kim J. H.', aliases: '' });
  });
});
