// Marks the words of the search that opened an article, so the reader lands on the hit.
import { Plugin, PluginKey } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { DecorationList } from './decoration-list';
import { inline } from './decoration-layer';
import type { Node } from 'prosemirror-model';
import { findTerms } from '../../shared/term-match';

export { searchTerms } from '../../shared/term-match';

export const searchHighlightKey = new PluginKey<DecorationList>('searchHighlight');

/**
 * Decorations over every match of the terms, as search found them: a word and the rest of the word
 * it starts (search matches prefixes), case and accents aside; a CJK term wherever it stands
 * (shared/term-match.ts).
 */
export function findTermDecorations(doc: Node, terms: string[]): DecorationList {
  if (!terms.length) return DecorationList.empty(doc);
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const [start, end] of findTerms(node.text!, terms)) decorations.push(inline(pos + start, pos + end, { class: 'search-hit' }));
    return false;
  });
  return new DecorationList(doc, decorations);
}

export function searchHighlight(terms: string[]) {
  return new Plugin<DecorationList>({
    key: searchHighlightKey,
    state: {
      init: (_, state) => findTermDecorations(state.doc, terms),
      apply: (tr, set) => (tr.docChanged ? set.map(tr.mapping, tr.doc) : set),
    },
    props: {
      decorations: (state) => searchHighlightKey.getState(state)?.asSet(),
    },
  });
}
