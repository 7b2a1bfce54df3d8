// How the renderer finds an actor (or any codebook entry) by what the analyst types: one ranking for
// every typeahead, the briefing's @-mention menu and the actor list's filter, so "jose" finds
// “José Martí” by an alias in each of them alike.
import type { Actor } from '../../shared/model';
import { fold } from '../../shared/fold';

/** One choice in a list of suggestions. */
export interface Option {
  id: number;
  label: string;
  /** Other words that find it (aliases) and a hint shown beside it. */
  keys?: string[];
  hint?: string;
}

/**
 * A name as typed and as stored compare equal after the search's folding (case, Latin accents,
 * either normalisation form: shared/fold.ts), with compatibility forms (full-width letters) first
 * made plain.
 */
export function foldName(s: string): string {
  return fold(s.normalize('NFKC')).text;
}

/** 0 when a word is the query, 1 when one starts with it, 2 when one contains it, -1 otherwise (`query` folded). */
export function nameRank(words: readonly string[], query: string): number {
  let best = -1;
  for (const w of words) {
    const f = foldName(w);
    const r = f === query ? 0 : f.startsWith(query) ? 1 : f.includes(query) ? 2 : -1;
    if (r >= 0 && (best < 0 || r < best)) best = r;
  }
  return best;
}

/** Options whose name or alias is the query, starts with it, or contains it, in that order, then by name. */
export function rankOptions(options: readonly Option[], query: string, max: number): Option[] {
  const q = foldName(query.trim());
  if (!q) return options.slice(0, max);
  const scored: [number, Option][] = [];
  for (const o of options) {
    const score = nameRank([o.label, ...(o.keys ?? [])], q);
    if (score >= 0) scored.push([score, o]);
  }
  return scored.sort((a, b) => a[0] - b[0] || a[1].label.localeCompare(b[1].label)).slice(0, max).map(([, o]) => o);
}

/** Whether an option's name or one of its aliases is exactly the query (nothing new to create then). */
export function isExactly(o: Option, query: string): boolean {
  const q = foldName(query.trim());
  return [o.label, ...(o.keys ?? [])].some((w) => foldName(w) === q);
}

/** Actors as options: the name, the aliases that also find them, and their first affiliation or kind. */
export function actorOptions(actors: readonly Actor[]): Option[] {
  return actors.map((a) => ({
    id: a.id,
    label: a.name,
    keys: a.aliases,
    hint: a.affiliations[0] ? (a.affiliations[0].role ? `${a.affiliations[0].role}, ${a.affiliations[0].organizationName}` : a.affiliations[0].organizationName) : a.kind,
  }));
}
