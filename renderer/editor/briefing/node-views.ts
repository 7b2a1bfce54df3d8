// How quotes, citations and live tables look and behave inside the editor. Built with DOM calls
// (no HTML strings): every value shown comes from the library and is untrusted text.
import type { Node } from 'prosemirror-model';
import type { EditorView, NodeView, Decoration } from 'prosemirror-view';
import type { AnnotationKind, Matrix, QuoteRow } from '../../../shared/model';
import type { QuoteSnapshot } from '../../../shared/schema/briefing';
import { speakerLabel } from '../../../shared/render/sources';
import { formatAnnotationWords } from '../../../shared/annotation-words';
import { figureSvg, isEmptyFigure, type FigureAttrs, type FrozenFigure } from '../../../shared/landscape/figure';
import type { FigureQuery } from '../../../shared/landscape/query';
import { freezeFigure, freezeStanceTable, setFigureCaption, snapshotDiffers, snapshotOf, updateQuoteAt } from './commands';

export interface NodeViewHost {
  /** The annotation as it is now: undefined while unknown, null when it was deleted. */
  currentQuote(annotationId: number): QuoteRow | null | undefined;
  onQuotesChanged(listener: () => void): () => void;
  openSource(articleId: number, annotationId?: number): void;
  loadMatrix(topicId: number): Promise<Matrix>;
  /** A live figure's picture drawn from the coded quotes as they are now. */
  drawFigure(query: FigureQuery): Promise<FrozenFigure>;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string | HTMLElement)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c as string | HTMLElement);
  return e;
}

const citationOf = (decorations: readonly Decoration[]) => (decorations.find((d) => (d.spec as { citation?: number }).citation)?.spec as { citation?: number } | undefined)?.citation;

/**
 * A node drawn from the library rather than edited as text: it redraws its own DOM (so ProseMirror
 * ignores mutations there), keeps clicks on its own controls, and stops listening when destroyed.
 */
abstract class LibraryBlockView implements NodeView {
  abstract dom: HTMLElement;
  protected unsubscribe: () => void = () => {};

  constructor(private readonly controls: string) {}

  stopEvent(e: Event) {
    return !!(e.target as HTMLElement).closest?.(this.controls);
  }

  ignoreMutation() {
    return true;
  }

  destroy() {
    this.unsubscribe();
  }
}

/**
 * Fills `notice` with what changed at the source of a quote node since it was embedded: the
 * annotation deleted, or its words, speaker or article changed ("update?" brings the snapshot up
 * to date). Empty and hidden when nothing did. Shared by block and inline quotes.
 */
function showSourceChange(notice: HTMLElement, node: Node, view: EditorView, getPos: () => number | undefined, host: NodeViewHost, inline: boolean) {
  const current = host.currentQuote(node.attrs.annotationId as number);
  notice.replaceChildren();
  if (current === undefined) return notice.setAttribute('hidden', '');
  if (current === null) {
    notice.removeAttribute('hidden');
    notice.append(inline ? ' (annotation deleted)' : 'The annotation behind this quote was deleted; the quote keeps its words.');
    notice.title = 'The annotation behind this quote was deleted; the quote keeps its words.';
    return;
  }
  if (!snapshotDiffers(node, snapshotOf(current))) return notice.setAttribute('hidden', '');
  const button = el('button', { type: 'button', class: 'link-button', 'data-testid': 'quote-update' }, 'update?');
  button.onclick = () => {
    const pos = getPos();
    if (pos !== undefined) updateQuoteAt(pos, current)(view.state, view.dispatch);
  };
  notice.removeAttribute('hidden');
  notice.title = '';
  notice.append(inline ? ' source changed — ' : 'Source changed — ', button);
}

/**
 * An embedded quote, block or inline: its words drawn from the snapshot, the citation number
 * (click: open the source) and a notice when the annotation changed since. The two differ only in
 * how they draw the words and where the speaker shows.
 */
abstract class QuoteNodeView extends LibraryBlockView {
  protected sup = el('sup', { class: 'cite-num', title: 'Open the source' });

  constructor(
    protected node: Node,
    private view: EditorView,
    private getPos: () => number | undefined,
    protected host: NodeViewHost,
    readonly dom: HTMLElement,
    protected notice: HTMLElement,
    private inline: boolean,
    decorations: readonly Decoration[],
  ) {
    super('.cite-num, .quote-changed button');
    this.render(decorations);
    this.unsubscribe = host.onQuotesChanged(() => this.checkSource());
    this.dom.addEventListener('mousedown', (e) => {
      if ((e.target as HTMLElement).closest('.cite-num, .quote-changed button')) e.preventDefault();
    });
  }

  /** Redraws the whole node from its attributes. */
  private render(decorations: readonly Decoration[]) {
    const a = this.node.attrs as QuoteSnapshot;
    this.dom.setAttribute('data-quote-id', String(a.annotationId));
    this.sup.textContent = String(citationOf(decorations) ?? '');
    this.sup.onclick = () => this.host.openSource(a.articleId, a.annotationId);
    this.draw(a);
    this.checkSource();
  }

  protected abstract draw(a: QuoteSnapshot): void;

  private checkSource() {
    showSourceChange(this.notice, this.node, this.view, this.getPos, this.host, this.inline);
  }

  update(node: Node, decorations: readonly Decoration[]) {
    if (node.type !== this.node.type) return false;
    const attrsChanged = node.attrs !== this.node.attrs;
    this.node = node;
    if (attrsChanged) this.render(decorations);
    else this.sup.textContent = String(citationOf(decorations) ?? '');
    return true;
  }
}

/** A quote set apart: the words, then "— speaker, affiliation (source)" and the citation number. */
class QuoteView extends QuoteNodeView {
  constructor(node: Node, view: EditorView, getPos: () => number | undefined, host: NodeViewHost, decorations: readonly Decoration[]) {
    super(node, view, getPos, host, el('figure', { class: 'quote-node' }), el('div', { class: 'quote-changed', hidden: '' }), false, decorations);
  }

  protected draw(a: QuoteSnapshot) {
    const who = el('span', { class: 'quote-speaker' }, a.speaker ?? 'Unattributed');
    const caption = el('figcaption', {}, '— ', who);
    if (a.affiliation) caption.append(el('span', { class: 'quote-affiliation' }, `, ${a.affiliation}`));
    const source = [a.outlet, a.title, a.publishedAt].filter(Boolean).join(', ');
    caption.append(el('span', { class: 'quote-source' }, ` (${source})`), this.sup);
    // As the exports print it: a quote in quotation marks, a paraphrase plain with “(paraphrased)”.
    this.dom.replaceChildren(el('blockquote', {}, formatAnnotationWords(a.kind as AnnotationKind, a.text)), caption, this.notice);
  }
}

/**
 * A quote inside a sentence: the words in quotation marks and the citation number; who said it and
 * where shows on hover. A change at the source shows inline, with "update?".
 */
class InlineQuoteView extends QuoteNodeView {
  constructor(node: Node, view: EditorView, getPos: () => number | undefined, host: NodeViewHost, decorations: readonly Decoration[]) {
    super(node, view, getPos, host, el('span', { class: 'inline-quote-node' }), el('span', { class: 'quote-changed', hidden: '' }), true, decorations);
  }

  protected draw(a: QuoteSnapshot) {
    const isQuote = a.kind === 'quote';
    this.dom.classList.toggle('paraphrase', !isQuote);
    const source = [a.outlet, a.title, a.publishedAt].filter(Boolean).join(', ');
    this.dom.title = `${speakerLabel(a)}${isQuote ? '' : ' (paraphrased)'}${source ? ` — ${source}` : ''}`;
    const words = a.text.replace(/\s+/g, ' ').trim();
    this.dom.replaceChildren(el('span', { class: 'inline-quote-words' }, isQuote ? `“${words}”` : words), this.sup, this.notice);
  }
}

class CiteView implements NodeView {
  dom: HTMLElement;

  constructor(
    private node: Node,
    private host: NodeViewHost,
    decorations: readonly Decoration[],
  ) {
    this.dom = el('sup', { class: 'cite-node', title: node.attrs.title as string, 'data-cite': String(node.attrs.articleId) });
    this.dom.textContent = `[${citationOf(decorations) ?? '?'}]`;
    this.dom.addEventListener('click', () => this.host.openSource(this.node.attrs.articleId as number));
  }

  update(node: Node, decorations: readonly Decoration[]) {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.dom.textContent = `[${citationOf(decorations) ?? '?'}]`;
    return true;
  }

  ignoreMutation() {
    return true;
  }
}

/** The rows and columns of a live actor × position table, as text. */
export function stanceTableRows(m: Matrix): { header: string[]; rows: string[][] } {
  const header = ['Actor', ...m.positions.map((p) => p.claim)];
  const rows = m.actors.map((a) => [
    a.name,
    ...m.positions.map((p) => {
      const c = m.cells.find((x) => x.actorId === a.id && x.positionId === p.id);
      if (!c) return '';
      return [c.supports && `supports ×${c.supports}`, c.opposes && `opposes ×${c.opposes}`, c.neutral && `neutral ×${c.neutral}`].filter(Boolean).join(', ');
    }),
  ]);
  return { header, rows };
}

class StanceTableView extends LibraryBlockView {
  dom: HTMLElement;
  private body: HTMLElement;
  private data: { header: string[]; rows: string[][] } | null = null;

  constructor(
    private node: Node,
    private view: EditorView,
    private getPos: () => number | undefined,
    private host: NodeViewHost,
  ) {
    super('button');
    const freeze = el('button', { type: 'button', class: 'link-button', 'data-testid': 'stance-table-freeze' }, 'Freeze');
    freeze.onclick = () => {
      const pos = this.getPos();
      if (pos !== undefined && this.data) freezeStanceTable(pos, this.data.header, this.data.rows)(this.view.state, this.view.dispatch);
    };
    this.body = el('div', { class: 'stance-table-body' }, 'Loading…');
    this.dom = el('div', { class: 'stance-table-node', 'data-testid': 'stance-table' }, el('div', { class: 'stance-table-head' }, el('strong', {}, `Actors & positions: ${node.attrs.topic as string}`), el('span', { class: 'hint' }, ' live from the matrix · '), freeze), this.body);
    void this.load();
    // Live: coding done elsewhere shows when the analyst comes back to the briefing.
    this.unsubscribe = host.onQuotesChanged(() => void this.load());
  }

  private async load() {
    try {
      this.data = stanceTableRows(await this.host.loadMatrix(this.node.attrs.topicId as number));
      const table = el('table', {}, el('thead', {}, el('tr', {}, ...this.data.header.map((h) => el('th', {}, h)))), el('tbody', {}, ...this.data.rows.map((r) => el('tr', {}, ...r.map((c) => el('td', {}, c))))));
      this.body.replaceChildren(this.data.rows.length ? table : 'Nobody has been coded on this topic yet.');
    } catch (e) {
      this.body.replaceChildren(`Could not load the matrix: ${(e as Error).message}`);
    }
  }

  update(node: Node) {
    if (node.type !== this.node.type || node.attrs.topicId !== this.node.attrs.topicId) return false;
    this.node = node;
    return true;
  }
}

/**
 * A landscape figure: the same SVG the exports print, shown as an image (no markup of the figure's
 * own reaches the page), live until frozen, with its caption edited in place.
 */
class FigureView extends LibraryBlockView {
  dom: HTMLElement;
  private readonly picture: HTMLElement;
  private readonly state: HTMLElement;
  private readonly freeze: HTMLButtonElement;
  private readonly caption: HTMLInputElement;
  private readonly source: HTMLElement;
  private drawn: FrozenFigure | null = null;
  private loads = 0;

  constructor(
    private node: Node,
    private readonly view: EditorView,
    private readonly getPos: () => number | undefined,
    private readonly host: NodeViewHost,
  ) {
    super('button, input');
    this.freeze = el('button', { type: 'button', class: 'link-button', 'data-testid': 'figure-freeze', title: 'Keep the picture as it is now: later coding no longer changes it' }, 'Freeze');
    this.freeze.onclick = () => {
      const pos = this.getPos();
      if (pos !== undefined && this.drawn) freezeFigure(pos, this.drawn)(this.view.state, this.view.dispatch);
    };
    this.state = el('span', { class: 'hint' });
    this.picture = el('div', { class: 'figure-picture' }, 'Drawing…');
    this.caption = el('input', { type: 'text', class: 'figure-caption', 'data-testid': 'figure-caption', 'aria-label': 'Figure caption', placeholder: 'Caption' });
    this.caption.value = node.attrs.caption as string;
    // The caption is an attribute, not text in the document: one undoable step per edit, on leaving the field.
    this.caption.onchange = () => {
      const pos = this.getPos();
      if (pos !== undefined) setFigureCaption(pos, this.caption.value)(this.view.state, this.view.dispatch);
    };
    this.caption.onkeydown = (e) => {
      if (e.key === 'Enter') this.caption.blur();
    };
    this.source = el('div', { class: 'figure-source hint', 'data-testid': 'figure-source' });
    this.dom = el('div', { class: 'figure-node', 'data-testid': 'figure' }, el('div', { class: 'figure-head' }, el('strong', {}, 'Figure'), this.state, this.freeze), this.picture, this.caption, this.source);
    void this.show();
    this.unsubscribe = host.onQuotesChanged(() => {
      if (!this.attrs.frozen) void this.show();
    });
  }

  private get attrs(): FigureAttrs {
    return this.node.attrs as FigureAttrs;
  }

  private async show() {
    const seq = ++this.loads;
    const frozen = this.attrs.frozen;
    this.state.textContent = frozen ? ' frozen' : ' live from the landscape · ';
    this.freeze.hidden = !!frozen;
    try {
      const drawn = frozen ?? (await this.host.drawFigure(this.attrs.query));
      if (seq !== this.loads) return;
      this.drawn = drawn;
      this.source.textContent = drawn.source;
      if (isEmptyFigure(drawn)) return this.picture.replaceChildren('No coded quotes match this figure’s filters.');
      const img = el('img', { alt: this.attrs.caption || 'Landscape figure', 'data-testid': 'figure-picture' });
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(figureSvg(drawn, this.attrs.colouring).svg)}`;
      this.picture.replaceChildren(img);
    } catch (e) {
      if (seq !== this.loads) return;
      this.drawn = null;
      this.source.textContent = '';
      this.picture.replaceChildren(`This figure cannot be drawn: ${(e as Error).message}`);
    }
  }

  update(node: Node) {
    if (node.type !== this.node.type) return false;
    const before = this.attrs;
    this.node = node;
    if (document.activeElement !== this.caption) this.caption.value = this.attrs.caption;
    if (before.frozen !== this.attrs.frozen || before.colouring !== this.attrs.colouring || JSON.stringify(before.query) !== JSON.stringify(this.attrs.query)) void this.show();
    return true;
  }
}

export function briefingNodeViews(host: NodeViewHost) {
  return {
    quote: (node: Node, view: EditorView, getPos: () => number | undefined, decorations: readonly Decoration[]) => new QuoteView(node, view, getPos, host, decorations),
    inline_quote: (node: Node, view: EditorView, getPos: () => number | undefined, decorations: readonly Decoration[]) => new InlineQuoteView(node, view, getPos, host, decorations),
    cite: (node: Node, _view: EditorView, _getPos: () => number | undefined, decorations: readonly Decoration[]) => new CiteView(node, host, decorations),
    stance_table: (node: Node, view: EditorView, getPos: () => number | undefined) => new StanceTableView(node, view, getPos, host),
    figure: (node: Node, view: EditorView, getPos: () => number | undefined) => new FigureView(node, view, getPos, host),
  };
}
