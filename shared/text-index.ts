// Mapping between ProseMirror document positions and character offsets in the article's plain-text
// projection (`projectText`), the coordinates annotation selectors are stored in.
//
// The projection is built exactly as `Node.textBetween(0, size, BLOCK_SEPARATOR, LEAF_TEXT)` builds
// it: a separator before every textblock (and text-bearing leaf block) except the first, the text
// of text nodes, and LEAF_TEXT for every leaf node such as hard_break. Inside a textblock every
// position step is one character of projection (a text node of n characters is n positions wide; a
// hard break is one position and one '\n'), so the index only needs one linear segment per run of
// inline content. Positions between blocks (the node boundary tokens) and offsets inside a
// separator have no counterpart on the other side; they snap to a neighbouring segment, chosen by
// `assoc`.
import type { Node } from 'prosemirror-model';
import { BLOCK_SEPARATOR, LEAF_TEXT } from './schema/text';

/** -1: prefer the text (or position) before a gap; 1: prefer the one after it. */
export type Assoc = -1 | 1;

/** A run where position `from + i` and offset `start + i` are the same place, for 0 <= i <= length. */
interface Segment {
  from: number;
  start: number;
  length: number;
}

export class TextIndex {
  private constructor(
    /** The plain-text projection; always equal to `projectText(doc)`. */
    readonly text: string,
    /** Segments in document order; both `from` and `start` are non-decreasing. */
    private readonly segments: readonly Segment[],
    private readonly docSize: number,
  ) {}

  /**
   * The index of a doc whose projection and segments are already known: `unpackDoc` gathers both
   * while it builds the doc, so a long article is not walked a second time.
   */
  static known(doc: Node, text: string, segments: readonly Segment[]): TextIndex {
    return new TextIndex(text, segments, doc.content.size);
  }

  static of(doc: Node): TextIndex {
    const segments: Segment[] = [];
    let text = '';
    let first = true;

    // Extends the previous segment when the new one continues it, so a paragraph with marks and
    // hard breaks is still a single segment and look-ups stay logarithmic in the number of blocks.
    const addSegment = (from: number, length: number) => {
      const start = text.length;
      const last = segments[segments.length - 1];
      if (last && last.from + last.length === from && last.start + last.length === start) last.length += length;
      else segments.push({ from, start, length });
    };

    doc.descendants((node, pos) => {
      // Same condition as Fragment.textBetween; with a non-empty LEAF_TEXT every leaf block qualifies.
      if (node.isBlock && (node.isTextblock || node.isLeaf)) {
        if (!first) text += BLOCK_SEPARATOR;
        first = false;
        // A zero-length anchor, so an empty paragraph still owns its offset.
        if (node.isTextblock) addSegment(pos + 1, 0);
      }
      if (node.isText) {
        addSegment(pos, node.text!.length);
        text += node.text!;
      } else if (node.isLeaf) {
        // One position wide and one character of projection: still linear.
        addSegment(pos, LEAF_TEXT.length);
        text += LEAF_TEXT;
      }
    });
    return new TextIndex(text, segments, doc.content.size);
  }

  /**
   * The projection offset of document position `pos`. A position between blocks maps to the end of
   * the text before it (assoc -1) or the start of the text after it (assoc 1, the default); at the
   * edges of the document it maps to whichever exists.
   */
  offsetAt(pos: number, assoc: Assoc = 1): number {
    const p = clamp(pos, 0, this.docSize);
    const i = lastIndexWhere(this.segments, (s) => s.from <= p);
    const seg = this.segments[i];
    if (seg && p <= seg.from + seg.length) return seg.start + (p - seg.from);
    const before = seg ? seg.start + seg.length : undefined;
    const after = this.segments[i + 1]?.start;
    return pick(before, after, assoc) ?? 0;
  }

  /**
   * The document position of projection offset `offset`. An offset inside a block separator maps
   * to the end of the block before it (assoc -1) or the start of the block after it (assoc 1, the
   * default). Offsets outside the text are clamped.
   */
  posAt(offset: number, assoc: Assoc = 1): number {
    const o = clamp(offset, 0, this.text.length);
    const i = lastIndexWhere(this.segments, (s) => s.start <= o);
    const seg = this.segments[i];
    if (seg && o <= seg.start + seg.length) return seg.from + (o - seg.start);
    const before = seg ? seg.from + seg.length : undefined;
    const after = this.segments[i + 1]?.from;
    return pick(before, after, assoc) ?? 0;
  }

  /**
   * The projection range covered by the document range from..to, e.g. an editor selection. Ends in
   * a gap move inwards, so the range never starts or ends with a bare separator.
   */
  textRange(from: number, to: number): { start: number; end: number } {
    const start = this.offsetAt(Math.min(from, to), 1);
    const end = this.offsetAt(Math.max(from, to), -1);
    return { start, end: Math.max(start, end) };
  }

  /** The document range of projection range start..end, e.g. to highlight an annotation. */
  docRange(start: number, end: number): { from: number; to: number } {
    const from = this.posAt(Math.min(start, end), 1);
    const to = this.posAt(Math.max(start, end), -1);
    return { from, to: Math.max(from, to) };
  }
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

function pick(before: number | undefined, after: number | undefined, assoc: Assoc): number | undefined {
  return assoc < 0 ? (before ?? after) : (after ?? before);
}

/** The index of the last element satisfying `test` (which must hold for a prefix of `items`), or -1. */
function lastIndexWhere<T>(items: readonly T[], test: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
