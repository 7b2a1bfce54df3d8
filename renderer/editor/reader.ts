// The article view: read-only while reading and annotating (annotations are decorations, never
// marks, so the source stays pristine), editable in edit-text mode to fix typos.
import { EditorState, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { Node } from 'prosemirror-model';
import { history, undo, redo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
import { articleSchema } from '../../shared/schema';
import { TextIndex } from '../../shared/text-index';
import type { Actor } from '../../shared/model';
import { searchHighlight } from './search-highlight';
import { annotationHighlights, highlightsKey, type HighlightSource } from './annotation-highlights';
import { actorMentions, mentionsKey } from './actor-mentions';
import { NO_SUGGESTIONS, suggestionLayer, suggestionsKey, type SuggestionSource } from './suggestion-layer';
import { at, nextQuotation, paragraphs, quotations, sentences, step, type Span } from './passages';

export type PassageUnit = 'sentence' | 'paragraph';

export interface ShowOptions {
  /** Words to mark and scroll to, from the search that opened the article. */
  highlight?: string[];
  highlights: HighlightSource;
  actors: Actor[];
  /** Suggested attributions, a layer of their own. */
  suggestions?: SuggestionSource;
}

export interface ReaderHost {
  /** Links are never followed inside the app; the host decides. */
  onLink(href: string): void;
  /** The doc changed in edit-text mode. */
  onEdit?(): void;
}

export class Reader {
  private view: EditorView;
  private index: TextIndex | null = null;
  private editing = false;
  /** Where keyboard selection goes on from when nothing is selected (after coding a passage). */
  private caret: number | null = null;
  private sentenceSpans: Span[] | null = null;

  constructor(
    private readonly mount: HTMLElement,
    private host: ReaderHost,
  ) {
    this.view = this.createView(EditorState.create({ schema: articleSchema }));
  }

  /**
   * A view per article, built detached and then put in place: ProseMirror builds a document's DOM
   * from scratch several times faster than it updates a view from another document to it (100,000
   * paragraphs: 0.2 s against 1.9 s), and a detached tree costs no style work while it grows.
   */
  private createView(state: EditorState): EditorView {
    const view: EditorView = new EditorView(null, {
      state,
      editable: () => this.editing,
      attributes: { class: 'article-text', 'data-testid': 'article-view', role: 'article' },
      dispatchTransaction: (tr: Transaction) => {
        view.updateState(view.state.apply(tr));
        if (tr.docChanged) {
          this.index = null;
          this.sentenceSpans = null;
          this.host.onEdit?.();
        }
      },
      handleDOMEvents: {
        click: (_view, event) => {
          const link = (event.target as HTMLElement).closest('a');
          if (!link || this.editing) return false;
          event.preventDefault();
          this.host.onLink(link.getAttribute('href') ?? '');
          return true;
        },
      },
    });
    this.mount.replaceChildren(view.dom);
    return view;
  }

  get dom(): HTMLElement {
    return this.view.dom;
  }

  show(docJSON: unknown, opts: ShowOptions): void {
    const doc = Node.fromJSON(articleSchema, docJSON);
    this.editing = false;
    this.index = null;
    this.sentenceSpans = null;
    this.caret = null;
    const previous = this.view;
    this.view = this.createView(
      EditorState.create({
        doc,
        plugins: [
          searchHighlight(opts.highlight ?? []),
          annotationHighlights(opts.highlights),
          suggestionLayer(opts.suggestions ?? NO_SUGGESTIONS),
          actorMentions(opts.actors),
          history(),
          keymap({ 'Mod-z': undo, 'Mod-Shift-z': redo, 'Mod-y': redo }),
          keymap(baseKeymap),
        ],
      }),
    );
    previous.destroy();
    const hit = this.view.dom.querySelector('.search-hit');
    if (hit) hit.scrollIntoView({ block: 'center' });
    else this.view.dom.closest('.reader-scroll')?.scrollTo({ top: 0 });
  }

  setHighlights(src: HighlightSource): void {
    this.view.dispatch(this.view.state.tr.setMeta(highlightsKey, src));
  }

  setSuggestions(src: SuggestionSource): void {
    // Redrawing the decorations replaces the text nodes under the selection, and ProseMirror then
    // puts back the selection it last read, which is not the passage J / K just selected.
    const kept = this.selectionOffsets();
    this.view.dispatch(this.view.state.tr.setMeta(suggestionsKey, src));
    const now = this.selectionOffsets();
    if (kept && (now?.start !== kept.start || now?.end !== kept.end)) this.placeSelection(kept.start, kept.end);
  }

  setActors(actors: Actor[]): void {
    this.view.dispatch(this.view.state.tr.setMeta(mentionsKey, actors));
  }

  private textIndex(): TextIndex {
    return (this.index ??= TextIndex.of(this.view.state.doc));
  }

  get text(): string {
    return this.textIndex().text;
  }

  /** The current DOM selection inside the article as plain-text offsets, or null. */
  selectionOffsets(): { start: number; end: number } | null {
    const sel = document.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
    const range = sel.getRangeAt(0);
    if (!this.view.dom.contains(range.startContainer) || !this.view.dom.contains(range.endContainer)) return null;
    let from: number;
    let to: number;
    try {
      from = this.view.posAtDOM(range.startContainer, range.startOffset, 1);
      to = this.view.posAtDOM(range.endContainer, range.endOffset, -1);
    } catch {
      return null;
    }
    const { start, end } = this.textIndex().textRange(Math.min(from, to), Math.max(from, to));
    // Trim white space the mouse picked up at either end.
    const text = this.textIndex().text;
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    return e > s ? { start: s, end: e } : null;
  }

  /**
   * Selects a passage of the text, as a user dragging the mouse would, and keeps it in view;
   * `center` brings it to the middle (a jump to a suggestion elsewhere in the article).
   */
  select(start: number, end: number, center = false): void {
    this.placeSelection(start, end);
    if (center) this.centerSelection();
    else this.scrollSelectionIntoView();
  }

  private placeSelection(start: number, end: number): void {
    const { from, to } = this.textIndex().docRange(start, end);
    const a = this.view.domAtPos(from, 1);
    const b = this.view.domAtPos(to, -1);
    document.getSelection()?.setBaseAndExtent(a.node, a.offset, b.node, b.offset);
  }

  /** Scrolls the reader so the selection sits in the middle (its start near the top when it is taller than the view). */
  private centerSelection(): void {
    const sel = document.getSelection();
    const scroller = this.view.dom.closest('.reader-scroll');
    if (!sel?.rangeCount || !scroller) return;
    const rect = sel.getRangeAt(0).getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    const offset = rect.height < box.height * 0.8 ? (box.height - rect.height) / 2 : box.height * 0.1;
    scroller.scrollTop += rect.top - box.top - offset;
  }

  /** Keyboard selection goes on from here; the current selection, if any, is dropped. */
  setCaret(offset: number): void {
    this.caret = offset;
    if (this.selectionOffsets()) document.getSelection()?.removeAllRanges();
  }

  /**
   * Selects the next (dir 1) or previous (-1) sentence or paragraph: after the current selection,
   * else after the caret, else the first one in view.
   */
  selectPassage(unit: PassageUnit, dir: 1 | -1): void {
    const text = this.text;
    const spans = unit === 'sentence' ? (this.sentenceSpans ??= sentences(text)) : paragraphs(text);
    const sel = this.selectionOffsets();
    const from = sel ? (dir === 1 ? sel.end : sel.start) : this.caret;
    const target = from === null ? at(spans, this.firstVisibleOffset()) : step(spans, from, dir);
    if (target) this.select(target.start, target.end);
  }

  /**
   * Selects the words inside the next quotation marks: within the current selection first (a
   * sentence selected with S), else after it or the caret. False when there is none.
   */
  selectQuotation(): boolean {
    const sel = this.selectionOffsets();
    const target = nextQuotation(quotations(this.text), sel ? sel.start : (this.caret ?? this.firstVisibleOffset()), sel);
    if (target) this.select(target.start, target.end);
    return !!target;
  }

  /**
   * Moves one end of the current selection by a character, word or line (Shift+Arrow keys; with
   * Alt the start moves instead of the end). False when nothing in the article is selected.
   */
  extendSelection(edge: 'start' | 'end', direction: 'forward' | 'backward', unit: 'character' | 'word' | 'line'): boolean {
    const sel = document.getSelection();
    if (!sel || !this.selectionOffsets()) return false;
    const r = sel.getRangeAt(0);
    // Selection.modify moves the focus end, so put the end that should move there.
    if (edge === 'start') sel.setBaseAndExtent(r.endContainer, r.endOffset, r.startContainer, r.startOffset);
    else sel.setBaseAndExtent(r.startContainer, r.startOffset, r.endContainer, r.endOffset);
    sel.modify('extend', direction, unit);
    this.scrollSelectionIntoView();
    return true;
  }

  /** Drops the selection; the caret stays at its end, so the next passage follows it. */
  clearSelection(): void {
    const sel = this.selectionOffsets();
    if (sel) this.caret = sel.end;
    document.getSelection()?.removeAllRanges();
  }

  private firstVisibleOffset(): number {
    const scroller = this.view.dom.closest('.reader-scroll') ?? this.view.dom;
    const box = scroller.getBoundingClientRect();
    const page = this.view.dom.getBoundingClientRect();
    const hit = this.view.posAtCoords({ left: page.left + page.width / 2, top: Math.max(box.top, page.top) + 4 });
    return hit ? this.textIndex().offsetAt(hit.pos) : 0;
  }

  private scrollSelectionIntoView(): void {
    const sel = document.getSelection();
    const node = sel?.focusNode;
    const el = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
    el?.scrollIntoView({ block: 'nearest' });
  }

  /** Viewport rectangle of the end of the current DOM selection, for the annotate popover. */
  selectionRect(): DOMRect | null {
    const sel = document.getSelection();
    if (!sel || sel.rangeCount === 0) return null;
    const rects = sel.getRangeAt(0).getClientRects();
    return rects.length ? rects[rects.length - 1]! : null;
  }

  /** Scrolls an annotation's highlight into view and flashes it. */
  reveal(annotationId: number): void {
    const el = this.view.dom.querySelector(`[data-annotation-id="${annotationId}"]`);
    if (!el) return;
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    for (const part of this.view.dom.querySelectorAll(`[data-annotation-id="${annotationId}"]`)) {
      part.classList.remove('hl-flash');
      void (part as HTMLElement).offsetWidth; // restart the animation
      part.classList.add('hl-flash');
    }
  }

  setEditing(editing: boolean): void {
    this.editing = editing;
    this.view.setProps({});
    if (editing) this.view.focus();
  }

  docJSON(): unknown {
    return this.view.state.doc.toJSON();
  }

  destroy(): void {
    this.view.destroy();
  }
}
