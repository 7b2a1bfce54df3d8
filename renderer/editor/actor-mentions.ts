// Known actors light up: mentions of their names and aliases are underlined in the article, so
// the analyst sees who is talking and can pick a speaker with a click.
import { PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { decorationLayer } from './decoration-layer';
import type { Actor } from '../../shared/model';

export const mentionsKey = new PluginKey<DecorationSet>('actorMentions');

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One regular expression over every name and alias, longest first so "Kim Jung Han" wins over "Kim". */
export function mentionMatcher(actors: Actor[]): { re: RegExp; byName: Map<string, Actor> } | null {
  const byName = new Map<string, Actor>();
  for (const a of actors) for (const n of [a.name, ...a.aliases]) if (n.trim().length >= 2) byName.set(n.toLowerCase(), a);
  if (!byName.size) return null;
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return { re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join('|')})(?![\\p{L}\\p{N}])`, 'giu'), byName };
}

export function buildMentions(state: EditorState, actors: Actor[]): DecorationSet {
  const matcher = mentionMatcher(actors);
  if (!matcher) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  state.doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const m of node.text!.matchAll(matcher.re)) {
      const actor = matcher.byName.get(m[0].toLowerCase());
      if (!actor) continue;
      decorations.push(
        Decoration.inline(pos + m.index!, pos + m.index! + m[0].length, {
          class: 'actor-mention',
          'data-actor-id': String(actor.id),
          title: actor.affiliations.length ? `${actor.name} — ${actor.affiliations.map((f) => (f.role ? `${f.role}, ${f.organizationName}` : f.organizationName)).join('; ')}` : actor.name,
        }),
      );
    }
    return false;
  });
  return DecorationSet.create(state.doc, decorations);
}

export function actorMentions(initial: Actor[]) {
  return decorationLayer(mentionsKey, initial, buildMentions);
}
