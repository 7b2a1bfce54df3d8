// Known actors light up: mentions of their names and aliases are underlined in the article, so
// the analyst sees who is talking and can pick a speaker with a click.
import { PluginKey, type EditorState } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { DecorationList } from './decoration-list';
import { decorationLayer, inline } from './decoration-layer';
import type { Actor } from '../../shared/model';
import { nameMatcher, type NameMatcher } from '../../shared/name-match';

export const mentionsKey = new PluginKey<DecorationList>('actorMentions');

/** Every name and alias of the codebook, matched in any script and normalisation form (shared/name-match.ts). */
export function mentionMatcher(actors: Actor[]): NameMatcher<Actor> | null {
  return nameMatcher(actors.flatMap((a) => [a.name, ...a.aliases].map((n): [string, Actor] => [n, a])));
}

export function buildMentions(state: EditorState, actors: Actor[]): DecorationList {
  const matcher = mentionMatcher(actors);
  if (!matcher) return DecorationList.empty(state.doc);
  const decorations: Decoration[] = [];
  state.doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const { start, end, value: actor } of matcher.find(node.text!)) {
      decorations.push(
        inline(pos + start, pos + end, {
          class: 'actor-mention',
          'data-actor-id': String(actor.id),
          title: actor.affiliations.length ? `${actor.name} — ${actor.affiliations.map((f) => (f.role ? `${f.role}, ${f.organizationName}` : f.organizationName)).join('; ')}` : actor.name,
        }),
      );
    }
    return false;
  });
  return new DecorationList(state.doc, decorations);
}

export function actorMentions(initial: Actor[]) {
  return decorationLayer(mentionsKey, initial, buildMentions);
}
