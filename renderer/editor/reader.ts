// The article view: read-only while reading and annotating (annotations are decorations, never
// marks, so the source stays pristine), editable in edit-text mode to fix typos.
import { EditorState, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { DecorationList } from './decoration-list';
import { Node } from 'prosemirror-model';
import { history, undo, redo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
import { articleSchema } from '../../shared/schema';
import type { TextIndex } from '../../shared/text-index';
import { textIndexOf } from './doc-index';
import { ArticleWindow } from './article-window';
import type { Actor } from '../../shared/model';
import { searchHighlight, searchHighlightKey } from './search-highlight';
import { annotationHighlights, highlightsKey, type HighlightSource } from './annotation-highlights';
import { actorMentions, mentionsKey } from './actor-mentions';
import { NO_SUGGESTIONS, suggestionLayer, suggestionsKey, type SuggestionSource } from './suggestion-layer';
import { at, nextQuotation, paragraphs, quotations, sentences, step, type Span } from './passages';

/** The decoration layers, in the order they are drawn (the plugins' order in `show`). */
const LAYERS = [searchHighlightKey, highlightsKey, suggestionsKey, mentionsKey];

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
  /** The whole article: its document and the decoration layers over it, whichever view shows it. */
  private state: EditorState = EditorState.create({ schema: articleSchema });
  /** Reading: the article near the viewport (article-window.ts). */
  private window: ArticleWindow | null = null;
  /** Edit-text mode: a ProseMirror editor over the whole document. */
  private editor: EditorView | null = null;
  private editing = false;
  /** Where keyboard selection goes on from when nothing is selected (after coding a passage). */
  private caret: number | null = null;
  private sentenceSpans: Span[] | null = null;
  /** What is drawn over the text as it is now: the annotations (to find one not in the page yet), suggestions, actors. */
  private shown: ShowOptions | null = null;

  constructor(
    private readonly mount: HTMLElement,
    private host: ReaderHost,
  ) {
    this.window = this.createWindow();
  }

  /** The view in the page: the window while reading, the editor while editing. */
  private get view(): EditorView {
    return this.editor ?? this.window!.view;
  }

  /** A position in the view in the page, as a position in the whole document, and back. */
  private toDoc(pos: number): number {
    return this.window ? this.window.toDoc(pos) : pos;
  }

  private toView(pos: number): number {
    return this.window ? this.window.toSlice(pos) : pos;
  }

  private createWindow(): ArticleWindow {
    return new ArticleWindow(this.mount, this.state.doc, {
      layers: () => LAYERS.map((key) => key.getState(this.state) ?? DecorationList.empty(this.state.doc)),
      onLink: (href) => this.host.onLink(href),
    });
  }

  /** Edit-text mode: the whole document in an editor, history and keys included (the window is read-only). */
  private createEditor(): EditorView {
    const view: EditorView = new EditorView(null, {
      state: this.state,
      editable: () => this.editing,
      attributes: { class: 'article-text', 'data-testid': 'article-view', role: 'article' },
      dispatchTransaction: (tr: Transaction) => {
        view.updateState(view.state.apply(tr));
        this.state = view.state;
        if (tr.docChanged) {
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
    return view;
  }

  /** A change to the decoration layers, in whichever view shows them. */
  private apply(tr: Transaction): void {
    if (this.editor) this.editor.dispatch(tr);
    else {
      this.state = this.state.apply(tr);
      this.window?.redraw();
    }
  }

  get dom(): HTMLElement {
    return this.view.dom;
  }

  show(doc: Node, opts: ShowOptions): void {
    this.editing = false;
    this.sentenceSpans = null;
    this.caret = null;
    this.shown = { ...opts };
    this.state = EditorState.create({
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
    });
    const previous = [this.window, this.editor];
    this.editor = null;
    this.window = this.createWindow();
    for (const v of previous) v?.destroy();
    // The first search hit, brought into the page if the window does not reach it.
    const hits = searchHighlightKey.getState(this.state)?.find() ?? [];
    const first = hits.reduce<{ from: number; to: number } | null>((a, d) => (!a || d.from < a.from ? d : a), null);
    if (first) this.window.reach(first.from, first.to);
    const hit = this.view.dom.querySelector('.search-hit');
    if (hit) hit.scrollIntoView({ block: 'center' });
    else this.mount.closest('.reader-scroll')?.scrollTo({ top: 0 });
  }

  /**
   * The whole of an article shown from its head (`articles.read` with `head`). The head is a true
   * prefix of it, so the place read and the passage selected stay where they were.
   */
  complete(doc: Node): void {
    if (!this.shown || this.editing) return;
    const scroller = this.mount.closest('.reader-scroll');
    const top = scroller?.scrollTop ?? 0;
    const selected = this.selectionOffsets();
    const caret = this.caret;
    this.show(doc, { ...this.shown, highlight: [] });
    scroller?.scrollTo({ top });
    this.caret = caret;
    if (selected) this.placeSelection(selected.start, selected.end);
  }

  setHighlights(src: HighlightSource): void {
    if (this.shown) this.shown.highlights = src;
    this.apply(this.state.tr.setMeta(highlightsKey, src));
  }

  setSuggestions(src: SuggestionSource): void {
    // Redrawing the decorations replaces the text nodes under the selection, and ProseMirror then
    // puts back the selection it last read, which is not the passage J / K just selected.
    const kept = this.selectionOffsets();
    if (this.shown) this.shown.suggestions = src;
    this.apply(this.state.tr.setMeta(suggestionsKey, src));
    const now = this.selectionOffsets();
    if (kept && (now?.start !== kept.start || now?.end !== kept.end)) this.placeSelection(kept.start, kept.end);
  }

  setActors(actors: Actor[]): void {
    if (this.shown) this.shown.actors = actors;
    this.apply(this.state.tr.setMeta(mentionsKey, actors));
  }

  private textIndex(): TextIndex {
    return textIndexOf(this.state.doc);
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
      from = this.toDoc(this.view.posAtDOM(range.startContainer, range.startOffset, 1));
      to = this.toDoc(this.view.posAtDOM(range.endContainer, range.endOffset, -1));
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
    this.window?.reach(from, to);
    const a = this.view.domAtPos(this.toView(from), 1);
    const b = this.view.domAtPos(this.toView(to), -1);
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
    return hit ? this.textIndex().offsetAt(this.toDoc(hit.pos)) : 0;
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
    const a = this.shown?.highlights.annotations.find((x) => x.id === annotationId);
    if (a && !a.orphaned && this.window) {
      const { from, to } = this.textIndex().docRange(a.start, a.end);
      this.window.reach(from, to);
    }
    const el = this.view.dom.querySelector(`[data-annotation-id="${annotationId}"]`);
    if (!el) return;
    // Smoothly only when the whole article is in the page: a window moving under a smooth scroll would stop it.
    el.scrollIntoView({ block: 'center', behavior: this.window?.windowed ? 'auto' : 'smooth' });
    for (const part of this.view.dom.querySelectorAll(`[data-annotation-id="${annotationId}"]`)) {
      part.classList.remove('hl-flash');
      void (part as HTMLElement).offsetWidth; // restart the animation
      part.classList.add('hl-flash');
    }
  }

  setEditing(editing: boolean): void {
    this.editing = editing;
    if (editing && this.window) {
      // The whole article in an editor, opened where the analyst was reading.
      const scroller = this.mount.closest('.reader-scroll');
      const at = scroller && this.window.windowed ? this.view.posAtCoords({ left: this.view.dom.getBoundingClientRect().left + 8, top: scroller.getBoundingClientRect().top + 4 }) : null;
      const reading = at ? this.toDoc(at.pos) : null;
      const top = scroller?.scrollTop ?? 0;
      this.window.destroy();
      this.window = null;
      this.editor = this.createEditor();
      this.mount.replaceChildren(this.editor.dom);
      if (reading === null) scroller?.scrollTo({ top });
      else {
        const { node } = this.editor.domAtPos(reading);
        (node.nodeType === 1 ? (node as Element) : node.parentElement)?.scrollIntoView({ block: 'start' });
      }
    }
    this.view.setProps({});
    if (editing) this.view.focus();
  }

  docJSON(): unknown {
    return this.state.doc.toJSON();
  }

  destroy(): void {
    this.window?.destroy();
    this.editor?.destroy();
  }
}
