// The briefing editor: a ProseMirror view over the briefing schema. It knows nothing of its host;
// the host (the Preact view) is a set of callbacks, as in Zotero's note editor.
import { EditorState, Plugin, type Command, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { Node, DOMParser as PMDOMParser } from 'prosemirror-model';
import { closeHistory, history } from 'prosemirror-history';
import { dropCursor } from 'prosemirror-dropcursor';
import { gapCursor } from 'prosemirror-gapcursor';
import { tableEditing, columnResizing } from 'prosemirror-tables';
import { briefingSchema } from '../../../shared/schema/briefing';
import type { QuoteRow } from '../../../shared/model';
import { briefingKeymaps } from './keymap';
import { briefingInputRules } from './input-rules';
import { citations, citedArticles } from './citations';
import { mentions, type MentionHost } from './mentions';
import { briefingNodeViews, type NodeViewHost } from './node-views';
import { toolbarState, type ToolbarState } from './toolbar-state';
import { insertQuoteAt } from './commands';
import { cleanPastedHtml } from './paste';
import { placeholder } from './placeholder';
import { inlineSpeakers } from '../../../shared/render/sources';
import { collab } from 'prosemirror-collab';
import type { BriefingPeer } from '../../../shared/model';
import { peerCursors, peerCursorsKey, peerDecorations } from './peer-cursors';
import { cursorBlock } from './cursor-block';

export const QUOTE_DRAG_TYPE = 'application/x-verbatim-quote';

export interface BriefingEditorHost extends NodeViewHost, MentionHost {
  onChange(doc: Node): void;
  onToolbar(state: ToolbarState): void;
  /** The cited articles in citation order, each with who is quoted from it inside a sentence. */
  onCitations(sources: CitedArticle[]): void;
  onBlur(): void;
  /** The cursor moved without the doc changing (a briefing open with the team shows it to the others). */
  onSelection?(): void;
  /** A quote dragged in from the quote bank. */
  quoteById(annotationId: number): QuoteRow | undefined;
}

export interface CitedArticle {
  articleId: number;
  /** Speakers of its inline quotes: their words have no caption, so the Sources name them. */
  speakers: string[];
}

export class BriefingEditor {
  readonly view: EditorView;
  /** What the host was last told about the sources, to tell it only of changes. */
  private citedKey = '';

  /** `team`: the briefing is open with the team (room.ts): its steps are tracked for rebasing, and the others' cursors shown. */
  constructor(
    mount: HTMLElement,
    docJSON: unknown,
    private readonly host: BriefingEditorHost,
    private readonly options: { team?: boolean } = {},
  ) {
    const doc = Node.fromJSON(briefingSchema, docJSON);
    this.view = new EditorView(mount, {
      state: this.createState(doc),
      nodeViews: briefingNodeViews(host),
      attributes: { class: 'briefing-text', 'data-testid': 'briefing-editor', spellcheck: 'true' },
      dispatchTransaction: (tr: Transaction) => this.dispatch(tr),
      transformPastedHTML: cleanPastedHtml,
      clipboardParser: PMDOMParser.fromSchema(briefingSchema),
      handleDOMEvents: {
        blur: () => {
          host.onBlur();
          return false;
        },
        drop: (view, event) => {
          const id = Number(event.dataTransfer?.getData(QUOTE_DRAG_TYPE));
          const quote = id ? host.quoteById(id) : undefined;
          if (!quote) return false;
          event.preventDefault();
          const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
          view.dispatch(insertQuoteAt(view.state, at?.pos ?? view.state.selection.from, quote));
          view.focus();
          return true;
        },
      },
    });
    host.onToolbar(toolbarState(this.view.state));
    this.reportCitations();
  }

  private reportCitations() {
    const speakers = inlineSpeakers(this.view.state.doc);
    const cited = citedArticles(this.view.state).map((articleId) => ({ articleId, speakers: speakers.get(articleId) ?? [] }));
    const key = JSON.stringify(cited);
    if (key === this.citedKey) return;
    this.citedKey = key;
    this.host.onCitations(cited);
  }

  private createState(doc: Node): EditorState {
    const host = this.host;
    return EditorState.create({
      doc,
      plugins: [
        briefingInputRules(),
        mentions(host),
        ...briefingKeymaps(),
        history(),
        dropCursor(),
        gapCursor(),
        columnResizing(),
        tableEditing(),
        citations(),
        placeholder('Start writing. Type @ to mention an actor; add quotes from the quote bank.'),
        cursorBlock(),
        ...(this.options.team ? [collab(), peerCursors()] : []),
        new Plugin({ view: () => ({ update: (view) => host.onToolbar(toolbarState(view.state)) }) }),
      ],
    });
  }

  private dispatch(tr: Transaction) {
    this.view.updateState(this.view.state.apply(tr));
    if (tr.docChanged) {
      this.host.onChange(this.view.state.doc);
      this.reportCitations();
    } else if (tr.selectionSet) this.host.onSelection?.();
  }

  /** The other members' cursors, at positions in this doc. */
  setPeers(peers: readonly BriefingPeer[]): void {
    const state = this.view.state;
    this.view.dispatch(state.tr.setMeta(peerCursorsKey, peerDecorations(state, peers)).setMeta('addToHistory', false));
  }

  run(command: Command): boolean {
    const ok = command(this.view.state, this.view.dispatch);
    this.view.focus();
    return ok;
  }

  /** Replaces the whole text (restoring a revision) as one undoable step. */
  replaceDoc(docJSON: unknown): void {
    const doc = Node.fromJSON(briefingSchema, docJSON);
    // A history event of its own: typed just before, the restore would otherwise join the typing's
    // group, and one undo would take back both the restore and the words typed before it.
    const tr = closeHistory(this.view.state.tr.replaceWith(0, this.view.state.doc.content.size, doc.content));
    this.view.dispatch(tr.scrollIntoView());
  }

  get doc(): Node {
    return this.view.state.doc;
  }

  focus() {
    this.view.focus();
  }

  destroy() {
    this.view.destroy();
  }
}
