// Search hits shown in groups (articles, quotes, notes, actors, briefings), each group where its best
// hit ranked, so the best match overall still comes first; the app's box and the CLI share it.
import type { SearchHit, SearchKind } from './model';

export const SEARCH_GROUP_LABELS: Record<SearchKind, string> = {
  article: 'Articles',
  quote: 'Quotes',
  note: 'Notes',
  actor: 'Actors',
  briefing: 'Briefings',
};

export interface SearchGroup {
  kind: SearchKind;
  label: string;
  hits: SearchHit[];
}

/** Hits arrive best first; groups keep that order inside and are ordered by their first hit. */
export function groupSearchHits(hits: readonly SearchHit[]): SearchGroup[] {
  const groups = new Map<SearchKind, SearchGroup>();
  for (const h of hits) {
    let g = groups.get(h.kind);
    if (!g) groups.set(h.kind, (g = { kind: h.kind, label: SEARCH_GROUP_LABELS[h.kind], hits: [] }));
    g.hits.push(h);
  }
  return [...groups.values()];
}
