// A layer's decorations as a list in document order: cheap to build over a long article and to cut
// to the slice the windowed reader shows (article-window.ts). ProseMirror's DecorationSet, a tree
// over the document's nodes, is built only when a whole-document view draws the layer (edit-text
// mode): building one walks every decoration for every top-level node, 0.7 s for 200 highlights over
// 100,000 paragraphs.
import type { Mapping } from 'prosemirror-transform';
import type { Node } from 'prosemirror-model';
import { DecorationSet, type Decoration } from 'prosemirror-view';

export class DecorationList {
  private sorted: Decoration[] | null;
  /** reach[i]: the furthest end among the first i + 1 decorations, to stop looking back early. */
  private reach: Float64Array | null = null;

  constructor(
    private readonly doc: Node,
    decorations: Decoration[] | null,
    private set: DecorationSet | null = null,
  ) {
    this.sorted = decorations && [...decorations].sort((a, b) => a.from - b.from || a.to - b.to);
  }

  static empty(doc: Node): DecorationList {
    return new DecorationList(doc, []);
  }

  private list(): Decoration[] {
    return (this.sorted ??= (this.set ?? DecorationSet.empty).find());
  }

  /** The decorations that touch [from, to], in document order (as DecorationSet.find). */
  find(from = 0, to = Infinity): Decoration[] {
    const list = this.list();
    if (!this.reach) {
      this.reach = new Float64Array(list.length);
      let r = -Infinity;
      list.forEach((d, i) => (this.reach![i] = r = Math.max(r, d.to)));
    }
    // The last one starting at or before `to`, then back while any before it may still reach `from`.
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.from <= to) lo = mid + 1;
      else hi = mid - 1;
    }
    const out: Decoration[] = [];
    for (let i = hi; i >= 0 && this.reach[i]! >= from; i--) if (list[i]!.to >= from) out.push(list[i]!);
    return out.reverse();
  }

  /**
   * As ProseMirror draws it over the whole document. `DecorationSet.create` is given a copy: it
   * takes decorations out of the array it builds from, leaving nulls in their place.
   */
  asSet(): DecorationSet {
    return (this.set ??= this.sorted?.length ? DecorationSet.create(this.doc, [...this.sorted]) : DecorationSet.empty);
  }

  /** Through an edit (edit-text mode), by the set, which maps in time with the edit's size. */
  map(mapping: Mapping, doc: Node): DecorationList {
    return new DecorationList(doc, null, this.asSet().map(mapping, doc));
  }
}
