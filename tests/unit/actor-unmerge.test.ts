// Undoing a merge puts the library back exactly as it was: every row of the codebook tables and
// every annotation's speaker, compared whole.
import { describe, expect, it } from 'vitest';
import { codedLibrary } from './coding-helpers';
import type Database from 'better-sqlite3';

function snapshot(db: Database.Database) {
  return {
    actors: db.prepare(`SELECT * FROM actors ORDER BY id`).all(),
    aliases: db.prepare(`SELECT * FROM actor_aliases ORDER BY actor_id, alias`).all(),
    affiliations: db.prepare(`SELECT * FROM affiliations ORDER BY actor_id, organization_id`).all(),
    annotations: db.prepare(`SELECT * FROM annotations ORDER BY id`).all(),
    actorsIndex: db.prepare(`SELECT rowid, name, aliases FROM actors_fts ORDER BY rowid`).all(),
  };
}

describe('undoing an actor merge', () => {
  it('restores the merged actor, its aliases, affiliations (both ways) and annotations exactly', async () => {
    const { services: s, lib, kim, takizaki, ministry, q2 } = await codedLibrary();
    // The source is an organization with a member and an alias, is itself affiliated, and speaks once
    // (one of its annotations in the trash); the target already shares an alias and an affiliation.
    const gov = s.codebook.createActor({ name: 'Government of Japan', kind: 'state' });
    const mofa = s.codebook.createActor({ name: 'MOFA Japan', kind: 'organization', aliases: ['Gaimusho', 'Kim'], affiliations: [{ organizationId: gov.id, role: 'ministry' }] });
    s.codebook.updateActor(takizaki.id, { affiliations: [{ organizationId: mofa.id, role: 'Bureau chief' }] });
    s.codebook.updateActor(kim.id, { affiliations: [{ organizationId: ministry.id, role: 'Director-General' }, { organizationId: gov.id, role: null }] });
    s.annotations.update({ id: q2.id, speakerId: mofa.id });
    s.annotations.delete(q2.id);
    const before = snapshot(lib.db);

    const merged = s.codebook.mergeActors(mofa.id, kim.id);
    expect(merged.aliases).toContain('MOFA Japan');
    expect(snapshot(lib.db)).not.toEqual(before);

    const back = s.codebook.unmergeActors(merged.mergeId);
    expect(back).toMatchObject({ id: mofa.id, name: 'MOFA Japan' });
    expect(snapshot(lib.db)).toEqual(before);
    // Once only.
    expect(() => s.codebook.unmergeActors(merged.mergeId)).toThrow(/can no longer be undone/);
  });

  it('refuses, changing nothing, when the name has been taken since', async () => {
    const { services: s, lib, kim } = await codedLibrary();
    const dup = s.codebook.createActor({ name: 'Kim J.H.' });
    const merged = s.codebook.mergeActors(dup.id, kim.id);
    s.codebook.updateActor(kim.id, { aliases: ['Kim'] });
    s.codebook.createActor({ name: 'kim j.h.' });
    const after = snapshot(lib.db);
    expect(() => s.codebook.unmergeActors(merged.mergeId)).toThrow(/cannot be undone: there is an actor named “kim j.h.” again/);
    expect(snapshot(lib.db)).toEqual(after);
  });

  it('is a contract call that says why when there is nothing to undo', async () => {
    const { router } = await codedLibrary();
    expect(await router('actors.unmerge', { mergeId: 42 })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('can no longer be undone') } });
  });
});
