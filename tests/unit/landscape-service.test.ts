// `landscape.network` through the router: the store's codings under each filter, and the service's
// answers for the empty and odd cases.
import { describe, expect, it } from 'vitest';
import type { Landscape } from '../../shared/landscape/result';
import { codedLibrary } from './coding-helpers';
import { paste, tempLibrary } from './helpers';

async function network(router: Awaited<ReturnType<typeof tempLibrary>>['router'], input: Record<string, unknown>): Promise<Landscape> {
  const r = await router('landscape.network', input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as Landscape;
}

describe('landscape.network', () => {
  it('draws the two-mode network of the coded library, with the quotes behind each edge', async () => {
    const t = await codedLibrary();
    const got = await network(t.router, { type: 'actor-position' });
    expect(got.anyCoded).toBe(true);
    expect(got.articles).toBe(1);
    expect(got.network.nodes.map((n) => [n.label, n.quotes])).toEqual([
      ['Kim Jung Han', 2],
      ['Shigeki Takizaki', 1],
      [t.sincerity.claim, 1],
      [t.noSale.claim, 2],
    ]);
    const opposes = got.network.edges.find((e) => e.stance === 'opposes')!;
    expect(opposes).toMatchObject({ source: `a${t.kim.id}`, target: `p${t.noSale.id}`, weight: 1, quoteIds: [t.q3.id] });
    const quote = got.quotes.find((q) => q.id === t.q3.id)!;
    expect(quote).toMatchObject({ text: 'withdraw "unfair" export controls', articleId: t.articleId, outlet: 'Kyodo News', publishedAt: '2020-10-29', codings: [{ positionId: t.noSale.id, stance: 'opposes' }] });
  });

  it('gives each actor the organisation it is coloured by: its own first organisation, an organisation itself, or none', async () => {
    const t = await codedLibrary();
    const ministryQuote = t.services.annotations.create({ articleId: t.articleId, kind: 'quote', ...t.at('the problem'), speakerId: t.ministry.id, positions: [{ positionId: t.sincerity.id, stance: 'supports' }] });
    expect(ministryQuote.id).toBeGreaterThan(0);
    const got = await network(t.router, { type: 'actor-position' });
    const org = Object.fromEntries(got.network.nodes.filter((n) => n.mode === 'actor').map((n) => [n.label, n.organization]));
    expect(org).toEqual({ 'Kim Jung Han': 'South Korean Foreign Ministry', 'South Korean Foreign Ministry': 'South Korean Foreign Ministry', 'Shigeki Takizaki': null });
  });

  it('ties Kim and Takizaki in conflict, not in congruence', async () => {
    const t = await codedLibrary();
    expect((await network(t.router, { type: 'congruence' })).network.edges).toEqual([]);
    const conflict = await network(t.router, { type: 'conflict', normalisation: 'average' });
    // Kim has 2 codings, Takizaki 1: 1 / 1.5.
    expect(conflict.network.edges).toMatchObject([{ weight: 1 / 1.5, relation: 'conflict', quoteIds: [t.q2.id, t.q3.id].sort((a, b) => a - b) }]);
  });

  it('filters by topic, date range, outlet, actor kind and annotation kind', async () => {
    const t = await codedLibrary();
    const actors = async (input: Record<string, unknown>) => (await network(t.router, { type: 'actor-position', ...input })).network.nodes.filter((n) => n.mode === 'actor').map((n) => n.label);
    expect(await actors({ topicId: t.topic.id })).toEqual(['Kim Jung Han', 'Shigeki Takizaki']);
    expect(await actors({ from: '2020-10-29', to: '2020-10-29' })).toHaveLength(2);
    expect(await actors({ from: '2020-10-30' })).toEqual([]);
    expect(await actors({ outlet: 'Kyodo News' })).toHaveLength(2);
    expect(await actors({ outlet: 'Yonhap' })).toEqual([]);
    expect(await actors({ actorKind: 'organization' })).toEqual([]);
    expect(await actors({ actorKind: 'person' })).toHaveLength(2);
    expect(await actors({ kind: 'paraphrase' })).toEqual(['Shigeki Takizaki']);
  });

  it('leaves out trashed quotes and articles, and quotes without a speaker', async () => {
    const t = await codedLibrary();
    t.services.annotations.create({ articleId: t.articleId, kind: 'note', ...t.at('Nippon Steel'), positions: [{ positionId: t.sincerity.id, stance: 'supports' }] });
    t.services.annotations.delete(t.q2.id);
    const got = await network(t.router, { type: 'actor-position' });
    expect(got.quotes.map((q) => q.id).sort()).toEqual([t.q1.id, t.q3.id].sort());
    t.services.library.delete(t.articleId);
    const none = await network(t.router, { type: 'actor-position' });
    expect(none).toMatchObject({ network: { nodes: [], edges: [] }, quotes: [], articles: 0, anyCoded: false });
  });

  it('says whether anything is coded at all, apart from what the filter keeps', async () => {
    const t = await codedLibrary();
    expect(await network(t.router, { type: 'congruence', outlet: 'Nobody' })).toMatchObject({ network: { nodes: [] }, anyCoded: true });
    const empty = await tempLibrary();
    await empty.services.importer.import(paste('Nothing coded here.'));
    expect(await network(empty.router, { type: 'actor-position' })).toMatchObject({ network: { nodes: [], edges: [] }, anyCoded: false });
  });

  it('gives an empty network for a topic without positions, and refuses a topic that does not exist', async () => {
    const t = await codedLibrary();
    const bare = t.services.codebook.createTopic('No positions yet');
    expect((await network(t.router, { type: 'conflict', topicId: bare.id })).network.nodes).toEqual([]);
    expect(await t.router('landscape.network', { type: 'conflict', topicId: 9999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await t.router('landscape.network', { type: 'sideways' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await t.router('landscape.network', { type: 'conflict', minWeight: -1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('landscape.network with many ties', () => {
  it('sends only the strongest ties and counts the rest', async () => {
    const t = await codedLibrary();
    const all = await network(t.router, { type: 'actor-position' });
    expect(all.network.hiddenTies).toBe(0);
    const one = await network(t.router, { type: 'actor-position', maxTies: 1 });
    expect(one.network.edges).toHaveLength(1);
    expect(one.network.hiddenTies).toBe(all.network.edges.length - 1);
    expect(one.network.nodes).toEqual(all.network.nodes);
  });
});
