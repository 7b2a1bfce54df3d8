// Citation numbers follow document order and renumber on every edit, numbered as the exports
// number them (shared/schema/citations.ts). They are decorations on the quote, inline quote and
// cite nodes (the number is never stored), rebuilt only when the order of cited articles changes,
// and mapped through every other transaction.
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { citationSequence, forEachCitation, numberCitations } from '../../../shared/schema/citations';

interface CitationState {
  /** Article ids of quote, inline quote and cite nodes in document order: what the numbering depends on. */
  sequence: number[];
  numbers: Map<number, number>;
  decorations: DecorationSet;
}

export const citationsKey = new PluginKey<CitationState>('citations');

function build(doc: Node, sequence: number[]): CitationState {
  const numbers = numberCitations(sequence);
  const decorations: Decoration[] = [];
  forEachCitation(doc, (node, pos, articleId) => {
    const n = numbers.get(articleId)!;
    decorations.push(Decoration.node(pos, pos + node.nodeSize, { 'data-citation': String(n) }, { citation: n }));
  });
  return { sequence, numbers, decorations: DecorationSet.create(doc, decorations) };
}

const same = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function citations() {
  return new Plugin<CitationState>({
    key: citationsKey,
    state: {
      init: (_, state) => build(state.doc, citationSequence(state.doc)),
      apply(tr, old) {
        if (!tr.docChanged) return old;
        const sequence = citationSequence(tr.doc);
        if (same(sequence, old.sequence)) return { ...old, decorations: old.decorations.map(tr.mapping, tr.doc) };
        return build(tr.doc, sequence);
      },
    },
    props: { decorations: (state) => citationsKey.getState(state)!.decorations },
  });
}

/** Cited articles in citation order: what the Sources section lists. */
export function citedArticles(state: EditorState): number[] {
  return [...citationsKey.getState(state)!.numbers.keys()];
}
