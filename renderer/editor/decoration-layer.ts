// A layer of decorations over the reader's text, built from a source the view hands it (the
// annotations, the suggestions, the codebook's actors) and rebuilt whenever a transaction carries
// a new source as meta under the layer's key; between rebuilds it follows edits by mapping.
import { Plugin, type EditorState, type PluginKey } from 'prosemirror-state';
import { Decoration, type DecorationAttrs } from 'prosemirror-view';
import type { DecorationList } from './decoration-list';

export function decorationLayer<Source>(key: PluginKey<DecorationList>, initial: Source, build: (state: EditorState, source: Source) => DecorationList): Plugin<DecorationList> {
  return new Plugin<DecorationList>({
    key,
    state: {
      init: (_, state) => build(state, initial),
      apply(tr, set, _old, state) {
        const source = tr.getMeta(key) as Source | undefined;
        if (source) return build(state, source);
        return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
      },
    },
    props: { decorations: (state) => key.getState(state)?.asSet() },
  });
}

/** Each inline decoration's attributes, by its spec (which mapping keeps, while the decoration itself is copied). */
const attributes = new WeakMap<object, DecorationAttrs>();

/**
 * An inline decoration that can be drawn again over a slice of the document (the windowed reader,
 * article-window.ts), which needs its attributes: ProseMirror gives back only its spec. (Kept
 * beside the spec, not in it: specs are compared key by key, and a fresh attributes object in each
 * would make every rebuilt layer redraw all of its decorations.)
 */
export function inline(from: number, to: number, attrs: DecorationAttrs, spec: Record<string, unknown> = {}): Decoration {
  const own = { ...spec };
  attributes.set(own, attrs);
  return Decoration.inline(from, to, attrs, own);
}

/** The attributes `inline` gave a decoration. */
export function windowAttrs(d: Decoration): DecorationAttrs {
  return attributes.get(d.spec as object) ?? {};
}
