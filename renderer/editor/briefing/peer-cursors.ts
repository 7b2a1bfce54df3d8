// The other members in a briefing open with the team, where they are: a caret with their name at
// each one's cursor and their selection shaded, in a colour of their own. Set from the room's
// answers (BriefingEditor.setPeers) and carried along by the editor's own typing in between.
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { BriefingPeer } from '../../../shared/model';

export const peerCursorsKey = new PluginKey<DecorationSet>('peer-cursors');

function caret(peer: BriefingPeer): HTMLElement {
  const el = document.createElement('span');
  el.className = `peer-caret peer-${peer.colour}`;
  el.dataset.testid = 'briefing-peer-cursor';
  el.dataset.name = peer.name;
  el.setAttribute('aria-hidden', 'true');
  // The name is drawn by CSS (content: attr(data-name)), so it is never part of the text around it.
  const label = document.createElement('span');
  label.className = 'peer-label';
  label.dataset.name = peer.name;
  el.append(label);
  return el;
}

/** The decorations for `peers`, their positions already in the editor's doc. */
export function peerDecorations(state: EditorState, peers: readonly BriefingPeer[]): DecorationSet {
  const size = state.doc.content.size;
  const clamp = (pos: number) => Math.max(0, Math.min(pos, size));
  const decorations: Decoration[] = [];
  for (const peer of peers) {
    if (peer.head === null) continue;
    const head = clamp(peer.head);
    const anchor = clamp(peer.anchor ?? peer.head);
    decorations.push(Decoration.widget(head, () => caret(peer), { key: `${peer.name}|${peer.colour}|${head}`, side: 1, ignoreSelection: true }));
    // The editor's top-level blocks are painted within their own boxes (content-visibility, for
    // long briefings), which would cut off the name above the caret: the block it is in is not.
    const $head = state.doc.resolve(head);
    if ($head.depth >= 1) decorations.push(Decoration.node($head.before(1), $head.after(1), { class: 'peer-here' }));
    if (anchor !== head) decorations.push(Decoration.inline(Math.min(anchor, head), Math.max(anchor, head), { class: `peer-selection peer-${peer.colour}` }));
  }
  return DecorationSet.create(state.doc, decorations);
}

export function peerCursors(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: peerCursorsKey,
    state: {
      init: () => DecorationSet.empty,
      apply: (tr, set) => (tr.getMeta(peerCursorsKey) as DecorationSet | undefined) ?? set.map(tr.mapping, tr.doc),
    },
    props: { decorations: (state) => peerCursorsKey.getState(state) },
  });
}
