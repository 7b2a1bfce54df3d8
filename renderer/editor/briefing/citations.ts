// Citation numbers follow document order and renumber on every edit. They are decorations on the
// quote, inline quote and cite nodes (the number is never stored), rebuilt only when the order of cited
// articles changes, and mapped through every other transaction.
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { QUOTE_NODES } from '../../../shared/schema/briefing';

interface CitationState {
  /** Article ids of quote, inline quote and cite nodes in document order: what the numbering depends on. */
  sequence: number[];
  numbers: Map<number, number>;
  decorations: DecorationSet;
}

export const citationsKey = new PluginKey<CitationState>('citations');

function sequenceOf(doc: Node): number[] {
  const seq: number[] = [];
  doc.descendants((node) => {
    if (QUOTE_NODES.has(node.type.name) || node.type.name === 'cite') seq.push(node.attrs.articleId as number);
    return !node.isInline && node.type.name !== 'quote';
  });
  return seq;
}

function build(doc: Node, sequence: number[]): CitationState {
  const numbers = new Map<number, number>();
  for (const id of sequence) if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (QUOTE_NODES.has(node.type.name) || node.type.name === 'cite') {
      const n = numbers.get(node.attrs.articleId as number)!;
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { 'data-citation': String(n) }, { citation: n }));
    }
    return !node.isInline && node.type.name !== 'quote';
  });
  return { sequence, numbers, decorations: DecorationSet.create(doc, decorations) };
}

const same = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function citations() {
  return new Plugin<CitationState>({
    key: citationsKey,
    state: {
      init: (_, state) => build(state.doc, sequenceOf(state.doc)),
      apply(tr, old) {
        if (!tr.docChanged) return old;
        const sequence = sequenceOf(tr.doc);
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
