// Annotations drawn over the article as decorations: the article itself is never changed by
// annotating it. The set is rebuilt only when the annotations or the colouring change, and mapped
// through transactions otherwise (edit-text mode).
import { PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { DecorationList } from './decoration-list';
import { decorationLayer, inline } from './decoration-layer';
import type { Annotation, Stance } from '../../shared/model';
import { textIndexOf } from './doc-index';

export type ColorBy = 'stance' | 'speaker';

export interface HighlightSource {
  annotations: Annotation[];
  colorBy: ColorBy;
  /** Speaker colours by actor id. */
  speakerColors: Map<number, string>;
  /** The passage being coded in the open form: the DOM selection is gone, the mark stays. */
  pending?: { start: number; end: number } | null;
}

export const STANCE_COLORS: Record<Stance | 'none', string> = {
  supports: '#2e8b57',
  opposes: '#c0392b',
  neutral: '#7f8c8d',
  none: '#d4a017',
};

export const highlightsKey = new PluginKey<DecorationList>('annotationHighlights');

/** A stance summarising the annotation's codings: one stance if all agree, else none. */
export function dominantStance(a: Annotation): Stance | 'none' {
  const set = new Set(a.positions.map((p) => p.stance));
  return set.size === 1 ? [...set][0]! : 'none';
}

export function buildHighlights(state: EditorState, src: HighlightSource): DecorationList {
  const index = textIndexOf(state.doc);
  const decorations: Decoration[] = [];
  for (const a of src.annotations) {
    if (a.orphaned) continue;
    const { from, to } = index.docRange(a.start, a.end);
    if (from >= to) continue;
    const color = src.colorBy === 'speaker' && a.speakerId !== null ? (src.speakerColors.get(a.speakerId) ?? STANCE_COLORS.none) : STANCE_COLORS[dominantStance(a)];
    decorations.push(
      inline(
        from,
        to,
        {
          // Its own element per annotation, so overlapping highlights nest (and both stay visible
          // and clickable) instead of merging their attributes into one span.
          nodeName: 'span',
          class: `hl hl-${a.kind}`,
          'data-annotation-id': String(a.id),
          style: `--hl: ${color}`,
        },
        { annotationId: a.id },
      ),
    );
  }
  if (src.pending) {
    const { from, to } = index.docRange(src.pending.start, src.pending.end);
    if (from < to) decorations.push(inline(from, to, { nodeName: 'span', class: 'hl-pending', 'data-testid': 'pending-passage' }));
  }
  return new DecorationList(state.doc, decorations);
}

export function setHighlights(tr: Transaction, src: HighlightSource): Transaction {
  return tr.setMeta(highlightsKey, src);
}

export function annotationHighlights(initial: HighlightSource) {
  return decorationLayer(highlightsKey, initial, buildHighlights);
}
