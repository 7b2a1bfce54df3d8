// The landscape: DNA's networks (shared/landscape/network.ts) over the coded quotes a filter keeps,
// with the quotes behind every node and tie, so the view can list them on a click.
import { computeNetwork, type NetworkOptions } from '../../shared/landscape/network';
import { LANDSCAPE_MAX_TIES, type Landscape, type LandscapeFilter, type LandscapeQuote } from '../../shared/landscape/result';
import type { LandscapeStore } from '../store/landscape';
import type { TopicStore } from '../store/topics';
import { notFound } from '../errors';

export class LandscapeService {
  constructor(
    private readonly store: LandscapeStore,
    private readonly topics: TopicStore,
  ) {}

  network(query: LandscapeFilter & NetworkOptions): Landscape {
    const { type, normalisation, minWeight, maxTies, ...filter } = query;
    // A topic that does not exist is an error; one without positions is simply an empty landscape.
    if (filter.topicId !== undefined && !this.topics.get(filter.topicId)) throw notFound('Topic', filter.topicId);
    const codings = this.store.codings(filter);
    const labels = {
      actors: this.store.actors([...new Set(codings.map((c) => c.actorId))]),
      positions: this.store.positions([...new Set(codings.map((c) => c.positionId))]),
    };
    const network = computeNetwork(codings, labels, { type, normalisation, minWeight, maxTies: maxTies ?? LANDSCAPE_MAX_TIES });
    const byQuote = new Map<number, LandscapeQuote['codings']>();
    for (const c of codings) (byQuote.get(c.quoteId) ?? byQuote.set(c.quoteId, []).get(c.quoteId)!).push({ positionId: c.positionId, stance: c.stance });
    const quotes = this.store.quotes([...byQuote.keys()]).map((q) => ({ ...q, codings: byQuote.get(q.id) ?? [] }));
    return { network, quotes, articles: new Set(quotes.map((q) => q.articleId)).size, anyCoded: codings.length > 0 || this.store.anyCoded() };
  }
}
