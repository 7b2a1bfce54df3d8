// A layer of decorations over the reader's text, built from a source the view hands it (the
// annotations, the suggestions, the codebook's actors) and rebuilt whenever a transaction carries
// a new source as meta under the layer's key; between rebuilds it follows edits by mapping.
import { Plugin, type EditorState, type PluginKey } from 'prosemirror-state';
import type { DecorationSet } from 'prosemirror-view';

export function decorationLayer<Source>(key: PluginKey<DecorationSet>, initial: Source, build: (state: EditorState, source: Source) => DecorationSet): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: (_, state) => build(state, initial),
      apply(tr, set, _old, state) {
        const source = tr.getMeta(key) as Source | undefined;
        if (source) return build(state, source);
        return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
      },
    },
    props: { decorations: (state) => key.getState(state) },
  });
}
