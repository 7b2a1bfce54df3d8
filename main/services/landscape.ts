// The landscape: DNA's networks (shared/landscape/network.ts) over the coded quotes a filter keeps,
// with the quotes behind every node and tie, so the view can list them on a click.
import { computeNetwork, type NetworkOptions } from '../../shared/landscape/network';
import { LANDSCAPE_MAX_TIES, type Landscape, type LandscapeFilter, type LandscapeQuote } from '../../shared/landscape/result';
import { findShifts } from '../../shared/landscape/shifts';
import { computeTimeline } from '../../shared/landscape/timeline';
import type { DatedCoding } from '../../shared/landscape/dated';
import type { LandscapeShifts, LandscapeTimeline, ShiftQuote } from '../../shared/landscape/time-result';
import type { LandscapeStore } from '../store/landscape';
import type { TopicStore } from '../store/topics';
import { notFound } from '../errors';
import type { ActorLabel } from '../../shared/landscape/network';
import type { ActorKind } from '../../shared/model';

/** An actor as the timeline and the shifts name it (the organisation only colours networks). */
function nameAndKind(actors: ReadonlyMap<number, ActorLabel>, id: number): { name: string; kind: ActorKind } {
  const a = actors.get(id);
  return a ? { name: a.name, kind: a.kind } : { name: `Actor ${id}`, kind: 'other' };
}

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

  /** Who supported a position and later opposed it (or the reverse), newest first, the two quotes side by side. */
  shifts(filter: LandscapeFilter): LandscapeShifts {
    const codings = this.datedCodings(filter);
    const { shifts, undated } = findShifts(codings);
    const actors = this.store.actors([...new Set(shifts.map((s) => s.actorId))]);
    const positions = this.store.positions([...new Set(shifts.map((s) => s.positionId))]);
    const quotes = new Map(this.store.quotes([...new Set(shifts.flatMap((s) => [s.before.quoteId, s.after.quoteId]))]).map((q) => [q.id, q]));
    const end = (e: { quoteId: number; date: string; stance: ShiftQuote['stance'] }): ShiftQuote => ({ ...quotes.get(e.quoteId)!, date: e.date, stance: e.stance });
    return {
      shifts: shifts.map((s) => ({
        actor: { id: s.actorId, ...nameAndKind(actors, s.actorId) },
        position: { id: s.positionId, ...(positions.get(s.positionId) ?? { claim: `Position ${s.positionId}`, topic: '' }) },
        before: end(s.before),
        after: end(s.after),
      })),
      undated,
      anyCoded: codings.length > 0 || this.store.anyCoded(),
    };
  }

  /** Each actor's quotes over the publication dates, one point per coding, with the rows' totals. */
  timeline(filter: LandscapeFilter): LandscapeTimeline {
    const codings = this.datedCodings(filter);
    const { actors: rows, ...timeline } = computeTimeline(codings);
    const names = this.store.actors(rows.map((r) => r.actorId));
    const actors = rows
      .map((r) => ({ ...r, ...nameAndKind(names, r.actorId) }))
      .sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name) || a.actorId - b.actorId);
    const positions = [...this.store.positions([...new Set(timeline.points.map((p) => p.positionId))])].map(([id, p]) => ({ id, ...p }));
    const quotes = this.store.quotes([...new Set(timeline.points.map((p) => p.quoteId))]);
    return { ...timeline, actors, positions, quotes, articles: new Set(quotes.map((q) => q.articleId)).size, anyCoded: codings.length > 0 || this.store.anyCoded() };
  }

  /** The filter's codings placed in time; a topic that does not exist is an error, as for the network. */
  private datedCodings(filter: LandscapeFilter): DatedCoding[] {
    if (filter.topicId !== undefined && !this.topics.get(filter.topicId)) throw notFound('Topic', filter.topicId);
    return this.store.datedCodings(filter);
  }
}
