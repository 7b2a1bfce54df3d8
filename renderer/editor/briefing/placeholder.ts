// What an empty briefing says before the first word: a hint drawn as a decoration (never part of
// the document, so it is not saved, exported or counted), gone as soon as anything is typed.
import { Plugin } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

export function placeholder(text: string) {
  return new Plugin({
    props: {
      decorations(state) {
        const doc = state.doc;
        const only = doc.firstChild;
        if (doc.childCount !== 1 || !only || only.type.name !== 'paragraph' || only.content.size > 0) return null;
        return DecorationSet.create(doc, [Decoration.node(0, only.nodeSize, { class: 'empty-placeholder', 'data-placeholder': text })]);
      },
    },
  });
}
