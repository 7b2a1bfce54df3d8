// Marks the words of the search that opened an article, so the reader lands on the hit.
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';

export const searchHighlightKey = new PluginKey<DecorationSet>('searchHighlight');

export function searchTerms(query: string): string[] {
  return (query.match(/[\p{L}\p{N}]+/gu) ?? []).map((t) => t.toLowerCase());
}

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Decorations over every word that starts with one of the terms (search matches prefixes too). */
export function findTermDecorations(doc: Node, terms: string[]): DecorationSet {
  if (!terms.length) return DecorationSet.empty;
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escapeRegExp).join('|')})[\\p{L}\\p{N}]*`, 'giu');
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const m of node.text!.matchAll(re)) {
      decorations.push(Decoration.inline(pos + m.index!, pos + m.index! + m[0].length, { class: 'search-hit' }));
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

export function searchHighlight(terms: string[]) {
  return new Plugin<DecorationSet>({
    key: searchHighlightKey,
    state: {
      init: (_, state) => findTermDecorations(state.doc, terms),
      apply: (tr, set) => set.map(tr.mapping, tr.doc),
    },
    props: {
      decorations: (state) => searchHighlightKey.getState(state),
    },
  });
}
