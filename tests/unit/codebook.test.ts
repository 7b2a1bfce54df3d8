import { describe, expect, it } from 'vitest';
import { codedLibrary } from './coding-helpers';

describe('codebook', () => {
  it('keeps aliases and affiliations with roles', async () => {
    const { services: s, kim } = await codedLibrary();
    expect(s.codebook.actor(kim.id)).toMatchObject({ aliases: ['Kim'], affiliations: [{ organizationName: 'South Korean Foreign Ministry', role: 'Director-General' }], annotationCount: 2 });
    expect(s.quotes.list({ actorId: kim.id })[0]!.speaker!.affiliations).toEqual([{ name: 'South Korean Foreign Ministry', role: 'Director-General' }]);
  });

  it('merges an actor: every annotation, alias and affiliation moves to the survivor', async () => {
    const { services: s, kim, ministry } = await codedLibrary();
    const dup = s.codebook.createActor({ name: 'Kim J.H.', aliases: ['Director Kim'] });
    const q = s.quotes.list({ actorId: kim.id });
    for (const row of q) s.annotations.update({ id: row.id, speakerId: dup.id });
    s.codebook.updateActor(ministry.id, {});
    const merged = s.codebook.mergeActors(dup.id, kim.id);
    expect(merged.aliases.sort()).toEqual(['Director Kim', 'Kim', 'Kim J.H.']);
    expect(merged.annotationCount).toBe(2);
    expect(s.codebook.listActors().some((a) => a.id === dup.id)).toBe(false);
    expect(s.quotes.list({ actorId: kim.id })).toHaveLength(2);
  });

  it('refuses to merge an actor into itself, changing nothing', async () => {
    const { router, kim, services: s } = await codedLibrary();
    expect(await router('actors.merge', { sourceId: kim.id, targetId: kim.id })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(s.codebook.actor(kim.id).annotationCount).toBe(2);
  });

  it('asks before deleting an actor that is a speaker, and says how many annotations it touches', async () => {
    const { router, kim, services: s } = await codedLibrary();
    const r = await router('actors.delete', { id: kim.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('2 annotations') } });
    expect(s.codebook.actor(kim.id)).toBeTruthy();
    expect(await router('actors.delete', { id: kim.id, force: true })).toMatchObject({ ok: true, value: { annotations: 2 } });
    expect(s.quotes.list({}).filter((q) => q.speaker === null)).toHaveLength(2);
  });

  it('asks before deleting an organization that actors are affiliated with, and says how many', async () => {
    const { router, ministry, kim, services: s } = await codedLibrary();
    const r = await router('actors.delete', { id: ministry.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('is the organization of 1 actor, whose affiliation would end') } });
    expect(s.codebook.actor(kim.id).affiliations).toHaveLength(1);
    expect(await router('actors.delete', { id: ministry.id, force: true })).toMatchObject({ ok: true });
    expect(s.codebook.actor(kim.id).affiliations).toHaveLength(0);
  });

  it('renames, moves and merges positions without orphaning a coding', async () => {
    const { services: s, topic, sincerity, noSale } = await codedLibrary();
    const other = s.codebook.createTopic('Export controls');
    s.codebook.updatePosition(sincerity.id, { claim: 'Tokyo must show sincerity' });
    expect(s.quotes.list({ positionId: sincerity.id })[0]!.positions[0]!.claim).toBe('Tokyo must show sincerity');
    s.codebook.updatePosition(noSale.id, { topicId: other.id });
    expect(s.quotes.list({ topicId: other.id })).toHaveLength(2);
    const target = s.codebook.createPosition(other.id, 'Liquidation must stop');
    s.codebook.mergePositions(noSale.id, target.id);
    expect(s.quotes.list({ positionId: target.id }).map((q) => q.positions[0]!.stance).sort()).toEqual(['opposes', 'supports']);
    expect(s.codebook.topic(topic.id).positions).toHaveLength(1);
  });

  it('refuses a position with an unknown topic, and deleting a topic that still has positions', async () => {
    const { router, topic } = await codedLibrary();
    expect(await router('positions.create', { topicId: 999, claim: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await router('topics.delete', { id: topic.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await router('positions.merge', { sourceId: 1, targetId: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses duplicate names', async () => {
    const { router } = await codedLibrary();
    expect(await router('actors.create', { name: 'kim jung han' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await router('topics.create', { name: 'WARTIME labor compensation' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
