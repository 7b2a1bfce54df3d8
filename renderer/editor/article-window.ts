// The article as it is read: the whole document stays in one EditorState (the reader's; annotation
// offsets, decorations and the text index all count in it), but a long one is put in the page only
// near the viewport: a read-only ProseMirror view over a slice of its top-level blocks, between two
// spacers as tall as the blocks above and below it (measured once shown, estimated until then).
// A position in the slice is the whole document's position minus `base`, so offsets stay exact.
//
// Why not the whole document with CSS `content-visibility: auto`: at 100,000 paragraphs ProseMirror
// still builds 100,000 elements and Chromium still tracks every one of them. Measured against this
// window in one run on a loaded 2-core machine: 13.6 s to open against 8.6 s, and a p95 frame of
// 1.2 s while scrolling (a long task every frame) against 35 ms. A slice of a few hundred blocks
// costs the same at any length.
import { EditorState, Plugin, TextSelection, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, EditorView } from 'prosemirror-view';
import { Fragment, type Node } from 'prosemirror-model';
import { BlockHeights } from './block-heights';
import { windowAttrs } from './decoration-layer';
import type { DecorationList } from './decoration-list';

/** Articles with fewer top-level blocks are put in the page whole, as before the window existed. */
export const WINDOW_FROM_BLOCKS = 400;
/** The most blocks the window widens to, to keep a selection in the page. */
const MAX_SELECTION_BLOCKS = 2_000;

export interface WindowHost {
  /** The decoration layers over the whole document, in drawing order. */
  layers(): DecorationList[];
  onLink(href: string): void;
}

export class ArticleWindow {
  readonly view: EditorView;
  /** Where each top-level block starts in the whole document; one more entry: its end. */
  private readonly starts: Float64Array;
  private readonly heights: BlockHeights | null;
  /** The blocks in the page: [first, last). */
  private first = 0;
  private last = 0;
  private sets: DecorationSet[] = [];
  private readonly top = spacer();
  private readonly bottom = spacer();
  private readonly scroller: HTMLElement | null;
  private readonly resize: ResizeObserver | null = null;
  private width = 0;
  /** One plugin per layer, in the layers' order, so highlights nest as they do in the whole view. */
  private readonly plugins: Plugin[];

  constructor(
    private readonly mount: HTMLElement,
    private doc: Node,
    private readonly host: WindowHost,
  ) {
    const n = doc.childCount;
    this.starts = new Float64Array(n + 1);
    const sizes = new Float64Array(n);
    doc.forEach((child, offset, i) => {
      this.starts[i] = offset;
      sizes[i] = child.nodeSize;
    });
    this.starts[n] = doc.content.size;
    this.scroller = mount.closest<HTMLElement>('.reader-scroll');
    this.plugins = host.layers().map((_, i) => new Plugin({ props: { decorations: () => this.sets[i] } }));
    this.view = new EditorView(null, {
      state: this.sliceState(doc.copy(Fragment.empty), 0, null),
      editable: () => false,
      attributes: { class: 'article-text', 'data-testid': 'article-view', role: 'article' },
      // Only the selection changes in a read-only view; it is in the slice's coordinates.
      dispatchTransaction: (tr: Transaction) => this.view.updateState(this.view.state.apply(tr)),
      handleDOMEvents: {
        click: (_view, event) => {
          const link = (event.target as HTMLElement).closest('a');
          if (!link) return false;
          event.preventDefault();
          this.host.onLink(link.getAttribute('href') ?? '');
          return true;
        },
      },
    });
    if (n < WINDOW_FROM_BLOCKS) {
      this.heights = null;
      this.render(0, n);
      mount.replaceChildren(this.view.dom);
      return;
    }
    this.heights = new BlockHeights(sizes, ...this.metrics());
    mount.replaceChildren(this.top, this.view.dom, this.bottom);
    this.render(0, Math.min(n, this.heights.indexAt(this.viewportHeight() * 2) + 1));
    this.scroller?.addEventListener('scroll', this.onScroll, { passive: true });
    if (this.scroller) {
      this.width = this.scroller.clientWidth;
      this.resize = new ResizeObserver(() => this.onResize());
      this.resize.observe(this.scroller);
    }
  }

  /** True when only part of the article is in the page. */
  get windowed(): boolean {
    return this.heights !== null;
  }

  /** Whole-document position of slice position 0. */
  get base(): number {
    return this.starts[this.first]!;
  }

  toDoc(slicePos: number): number {
    return slicePos + this.base;
  }

  toSlice(docPos: number): number {
    return docPos - this.base;
  }

  /** The decoration layers changed (or the document, after an edit was saved elsewhere): draw them again. */
  redraw(): void {
    this.sets = this.sliceSets(this.first, this.last, this.view.state.doc);
    this.view.setProps({});
  }

  /**
   * Puts the blocks from `from` to `to` (whole-document positions) in the page, with enough around
   * them to scroll to them without another change; the view does not move.
   */
  reach(from: number, to: number): void {
    if (!this.heights) return;
    const a = this.blockAt(from);
    const b = this.blockAt(Math.max(from, to - 1));
    if (a >= this.first && b < this.last) return;
    const margin = this.viewportHeight() * 1.5;
    this.shift(Math.min(a, this.heights.indexAt(this.heights.top(a) - margin)), Math.max(b + 1, this.heights.indexAt(this.heights.top(b + 1) + margin) + 1));
  }

  destroy(): void {
    this.scroller?.removeEventListener('scroll', this.onScroll);
    this.resize?.disconnect();
    this.view.destroy();
  }

  // ---- the window ----

  private readonly onScroll = () => this.follow();

  /** After a scroll: the viewport and half a screen around it must be in the page; else a new window, a screen and a half around it. */
  private follow(): void {
    const h = this.heights;
    if (!h || !this.scroller || this.scroller.clientHeight === 0) return;
    const vh = this.viewportHeight();
    const y = this.scroller.scrollTop - this.docTop();
    const need = [h.indexAt(y - vh / 2), h.indexAt(y + vh * 1.5) + 1] as const;
    if (need[0] >= this.first && need[1] <= this.last) return;
    this.shift(h.indexAt(y - vh * 1.5), h.indexAt(y + vh * 2.5) + 1);
  }

  private onResize(): void {
    const h = this.heights;
    if (!h || !this.scroller || this.scroller.clientWidth === 0) return;
    if (this.scroller.clientWidth !== this.width) {
      // Lines break elsewhere: every height is an estimate again, kept in place by the anchor.
      this.width = this.scroller.clientWidth;
      const anchor = this.anchor();
      h.relayout(...this.metrics());
      this.render(this.first, this.last);
      this.restore(anchor);
    }
    this.follow();
  }

  /** Moves the window to [first, last) (widened to keep the selection in it) without moving what the analyst sees. */
  private shift(first: number, last: number): void {
    const n = this.doc.childCount;
    let a = Math.max(0, first);
    let b = Math.min(n, last);
    let sel = this.domSelection();
    if (sel) {
      const a2 = Math.min(a, this.blockAt(Math.min(sel.anchor, sel.head)));
      const b2 = Math.max(b, this.blockAt(Math.max(sel.anchor, sel.head)) + 1);
      // A selection left far behind (words selected at the end, then the scroll bar dragged to the
      // top) is let go rather than putting every block between in the page.
      if (b2 - a2 <= MAX_SELECTION_BLOCKS) [a, b] = [a2, b2];
      else {
        document.getSelection()?.removeAllRanges();
        sel = null;
      }
    }
    if (a === this.first && b === this.last) return;
    const anchor = this.anchor();
    // Scrolled to the very end (the scroll bar dragged down): the end stays in view, whatever the
    // blocks above turned out to measure.
    const s = this.scroller;
    const atEnd = !!s && b === n && s.scrollTop > 0 && s.scrollTop + s.clientHeight >= s.scrollHeight - 2;
    this.render(a, b, sel);
    if (atEnd) s.scrollTop = s.scrollHeight;
    else this.restore(anchor);
  }

  /** The block at the top of the viewport and how far below the viewport's top it starts. */
  private anchor(): { block: number; offset: number } | null {
    const h = this.heights;
    if (!h || !this.scroller || this.scroller.clientHeight === 0) return null;
    const y = this.scroller.scrollTop - this.docTop();
    const block = h.indexAt(y);
    const el = this.blockDOM(block);
    const box = this.scroller.getBoundingClientRect();
    return { block, offset: el ? el.getBoundingClientRect().top - box.top : h.top(block) - y };
  }

  private restore(anchor: { block: number; offset: number } | null): void {
    if (!anchor || !this.scroller) return;
    const el = this.blockDOM(anchor.block);
    if (!el) return;
    const now = el.getBoundingClientRect().top - this.scroller.getBoundingClientRect().top;
    if (Math.abs(now - anchor.offset) >= 0.5) this.scroller.scrollTop += now - anchor.offset;
  }

  /** Draws blocks [first, last) with the spacers around them, then measures what it drew. */
  private render(first: number, last: number, sel: { anchor: number; head: number } | null = this.domSelection()): void {
    this.first = first;
    this.last = last;
    const slice = first === 0 && last === this.doc.childCount ? this.doc : this.doc.copy(Fragment.fromArray(children(this.doc, first, last)));
    this.sets = this.sliceSets(first, last, slice);
    this.view.updateState(this.sliceState(slice, this.starts[first]!, sel));
    const h = this.heights;
    if (!h) return;
    this.top.style.height = `${h.top(first)}px`;
    this.bottom.style.height = `${h.top(h.count) - h.top(last)}px`;
    if (!this.scroller || this.scroller.clientHeight === 0) return;
    // Each block from its top to the next one's; the last to the spacer below.
    const tops: number[] = [];
    for (let i = first; i < last; i++) tops.push(this.blockDOM(i)?.getBoundingClientRect().top ?? NaN);
    tops.push(this.bottom.getBoundingClientRect().top);
    tops[0] = this.top.getBoundingClientRect().bottom;
    for (let i = first; i < last; i++) h.measure(i, tops[i - first + 1]! - tops[i - first]!);
    this.top.style.height = `${h.top(first)}px`;
    this.bottom.style.height = `${h.top(h.count) - h.top(last)}px`;
  }

  private sliceState(slice: Node, base: number, sel: { anchor: number; head: number } | null): EditorState {
    const size = slice.content.size;
    const inside = (p: number) => p >= 0 && p <= size;
    const selection = sel && inside(sel.anchor - base) && inside(sel.head - base) ? TextSelection.create(slice, sel.anchor - base, sel.head - base) : undefined;
    return EditorState.create({ doc: slice, selection, plugins: this.plugins });
  }

  /** Each layer's decorations over the slice: the whole set when the slice is the document, else those that reach into it, cut to it and shifted. */
  private sliceSets(first: number, last: number, slice: Node): DecorationSet[] {
    const layers = this.host.layers();
    if (slice === this.doc) return layers.map((l) => l.asSet());
    const from = this.starts[first]!;
    const to = this.starts[last]!;
    return layers.map((set) => {
      const decorations: Decoration[] = [];
      for (const d of set.find(from, to)) {
        const a = Math.max(d.from, from);
        const b = Math.min(d.to, to);
        if (a < b) decorations.push(Decoration.inline(a - from, b - from, windowAttrs(d), d.spec));
      }
      return decorations.length ? DecorationSet.create(slice, decorations) : DecorationSet.empty;
    });
  }

  // ---- positions and page geometry ----

  /** The block holding whole-document position `pos`. */
  private blockAt(pos: number): number {
    let lo = 0;
    let hi = this.doc.childCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private blockDOM(i: number): HTMLElement | null {
    if (i < this.first || i >= this.last) return null;
    const el = this.view.nodeDOM(this.starts[i]! - this.base);
    return el instanceof HTMLElement ? el : null;
  }

  /** The DOM selection, when it is in the article, in whole-document positions. */
  private domSelection(): { anchor: number; head: number } | null {
    const sel = document.getSelection();
    if (!sel?.anchorNode || !sel.focusNode || !this.view.dom.contains(sel.anchorNode) || !this.view.dom.contains(sel.focusNode)) return null;
    try {
      return { anchor: this.toDoc(this.view.posAtDOM(sel.anchorNode, sel.anchorOffset)), head: this.toDoc(this.view.posAtDOM(sel.focusNode, sel.focusOffset)) };
    } catch {
      return null;
    }
  }

  /** Where the document starts in the scroller's content. */
  private docTop(): number {
    if (!this.scroller) return 0;
    return this.top.getBoundingClientRect().top - this.scroller.getBoundingClientRect().top + this.scroller.scrollTop;
  }

  private viewportHeight(): number {
    return this.scroller?.clientHeight || window.innerHeight;
  }

  /** Line height, characters per line and the space between paragraphs, from the text's style and the column's width. */
  private metrics(): [number, number, number] {
    const style = getComputedStyle(this.view.dom);
    const font = parseFloat(style.fontSize) || 17;
    const line = parseFloat(style.lineHeight) || font * 1.65;
    const width = this.mount.clientWidth || 600;
    return [line, Math.max(20, width / (font * 0.47)), font];
  }
}

function spacer(): HTMLElement {
  const el = document.createElement('div');
  el.className = 'article-spacer';
  el.setAttribute('aria-hidden', 'true');
  return el;
}

function children(doc: Node, first: number, last: number): Node[] {
  const out: Node[] = [];
  for (let i = first; i < last; i++) out.push(doc.child(i));
  return out;
}
