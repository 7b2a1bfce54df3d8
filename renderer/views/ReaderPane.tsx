// The middle pane: the article, its annotations as highlights, a popover to annotate the current
// selection, hover cards, and edit-text mode.
import { useEffect, useImperativeHandle, useRef, useState } from 'preact/hooks';
import type { Ref } from 'preact';
import type { Actor, Annotation, AnnotationKind, ArticleReading, Topic } from '../../shared/model';
import { Reader } from '../editor/reader';
import { articleDoc } from '../editor/doc-index';
import type { ColorBy } from '../editor/annotation-highlights';
import type { SuggestionSource } from '../editor/suggestion-layer';
import { modLabel } from '../shortcuts';
import { HoverCard } from './HoverCard';

export interface ReaderHandle {
  reveal(annotationId: number): void;
  selection(): { start: number; end: number; exact: string } | null;
  /** Puts the keyboard in the article; with a caret, the next S selects the sentence after it. */
  focus(caret?: number): void;
  /** Selects a passage again (the one a cancelled form was coding). */
  select(start: number, end: number): void;
  /** Selects a passage (a suggestion), scrolled to the middle of the reader when `center`. */
  showPassage(start: number, end: number, center: boolean): void;
  /** Whether the reader is on screen (the reading view is not hidden behind another view). */
  visible(): boolean;
}

interface Props {
  article: ArticleReading | null;
  highlight: string[];
  hasArticles: boolean;
  annotations: Annotation[];
  /** The passage the open annotation form is coding, kept marked while focus is in the form. */
  pending: { start: number; end: number } | null;
  actors: Actor[];
  topics: Topic[];
  colorBy: ColorBy;
  onColorBy: (c: ColorBy) => void;
  /** Suggested attributions, drawn as their own layer. */
  suggestions: SuggestionSource;
  onSuggestionClick: (key: string) => void;
  readerRef: Ref<ReaderHandle>;
  onRestore: (id: number) => void;
  onLink: (href: string) => void;
  onAnnotate: (kind: AnnotationKind) => void;
  onEditAnnotation: (a: Annotation) => void;
  onDeleteAnnotation: (a: Annotation) => void;
  onMentionClick: (actorId: number) => void;
  onSaveText: (doc: unknown) => Promise<boolean>;
  onExportPdf: (articleId: number) => void;
}

export function ReaderPane(props: Props) {
  const { article, highlight, hasArticles, annotations, pending, actors, topics, colorBy } = props;
  const mount = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const reader = useRef<Reader | null>(null);
  const [popover, setPopover] = useState<{ top: number; left: number } | null>(null);
  const [hover, setHover] = useState<{ id: number; rect: DOMRect } | null>(null);
  const [editing, setEditing] = useState(false);
  const [dirty, setDirty] = useState(false);
  const hideTimer = useRef<ReturnType<typeof setTimeout>>();
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    reader.current = new Reader(mount.current!, { onLink: (href) => latest.current.onLink(href), onEdit: () => setDirty(true) });
    return () => reader.current?.destroy();
  }, []);

  const highlightSource = () => ({ annotations, colorBy, speakerColors: new Map(actors.map((a) => [a.id, a.color])), pending });
  const suggestionSource = () => props.suggestions;

  // A new article (or a search that opened it) rebuilds the view; annotation changes only redraw
  // highlights; the rest of a long article shown from its head completes it where the analyst is.
  const shownHead = useRef<ArticleReading | null>(null);
  useEffect(() => {
    if (!article) return;
    const head = shownHead.current;
    shownHead.current = article.complete ? null : article;
    if (head && head.id === article.id && article.complete) return reader.current?.complete(articleDoc(article));
    setEditing(false);
    setDirty(false);
    reader.current?.show(articleDoc(article), { highlight, highlights: highlightSource(), actors, suggestions: suggestionSource() });
  }, [article, highlight]);

  useEffect(() => {
    if (article && !editing) reader.current?.setHighlights(highlightSource());
  }, [annotations, colorBy, actors, pending?.start, pending?.end]);

  useEffect(() => {
    if (article) reader.current?.setActors(actors);
  }, [actors]);

  useEffect(() => {
    if (article && !editing) reader.current?.setSuggestions(suggestionSource());
  }, [props.suggestions]);

  useImperativeHandle(props.readerRef, () => ({
    reveal: (id) => reader.current?.reveal(id),
    selection: () => {
      const r = reader.current;
      const range = r?.selectionOffsets();
      return r && range ? { ...range, exact: r.text.slice(range.start, range.end) } : null;
    },
    focus: (caret) => {
      scroller.current?.focus({ preventScroll: true });
      if (caret !== undefined) reader.current?.setCaret(caret);
    },
    select: (start, end) => {
      scroller.current?.focus({ preventScroll: true });
      reader.current?.select(start, end);
    },
    showPassage: (start, end, center) => {
      scroller.current?.focus({ preventScroll: true });
      reader.current?.select(start, end, center);
    },
    visible: () => !!scroller.current && scroller.current.offsetParent !== null,
  }));

  // Selecting without a mouse: S / Shift+S a sentence, ] / [ a paragraph, " the words in quotation
  // marks (within the selected sentence first), Shift+Arrow keys move
  // the end of the selection (with Alt, its start; with Ctrl, by words), Esc drops it. Q, P and N
  // then code it as with a mouse selection (ReadingView listens for those).
  const onKeyDown = (e: KeyboardEvent) => {
    const r = reader.current;
    if (!r || editing || !article || e.metaKey) return;
    const key = e.key;
    if (!e.ctrlKey && !e.altKey && (key === 's' || key === 'S')) {
      e.preventDefault();
      r.selectPassage('sentence', e.shiftKey ? -1 : 1);
    } else if (!e.ctrlKey && !e.altKey && (key === ']' || key === '[')) {
      e.preventDefault();
      r.selectPassage('paragraph', key === ']' ? 1 : -1);
    } else if (!e.ctrlKey && !e.altKey && key === '"') {
      e.preventDefault();
      r.selectQuotation();
    } else if (e.shiftKey && /^Arrow(Left|Right|Up|Down)$/.test(key)) {
      const direction = key === 'ArrowRight' || key === 'ArrowDown' ? 'forward' : 'backward';
      const unit = key === 'ArrowUp' || key === 'ArrowDown' ? 'line' : e.ctrlKey ? 'word' : 'character';
      if (r.extendSelection(e.altKey ? 'start' : 'end', direction, unit)) e.preventDefault();
    } else if (key === 'Escape' && r.selectionOffsets()) {
      e.preventDefault();
      r.clearSelection();
    }
  };

  // Show the annotate popover beside a fresh selection in the article.
  useEffect(() => {
    const update = () => {
      const r = reader.current;
      if (!r || editing || !latest.current.article || latest.current.article.deletedAt) return setPopover(null);
      const range = r.selectionOffsets();
      // A suggestion selected by J / K has its actions in the panel; the popover would only cover text.
      const on = latest.current.suggestions.suggestions.find((s) => s.key === latest.current.suggestions.currentKey);
      if (range && on && on.content.start === range.start && on.content.end === range.end) return setPopover(null);
      const rect = range && r.selectionRect();
      // A selection means the analyst is about to annotate: the hover card would only be in the way.
      if (rect) setHover(null);
      setPopover(rect ? { top: rect.bottom + 6, left: Math.min(rect.right, window.innerWidth - 260) } : null);
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [editing]);

  const onMouseOver = (e: MouseEvent) => {
    const hl = (e.target as HTMLElement).closest<HTMLElement>('.hl');
    if (!hl || editing) return;
    clearTimeout(hideTimer.current);
    setHover({ id: Number(hl.dataset.annotationId), rect: hl.getBoundingClientRect() });
  };
  const onMouseOut = (e: MouseEvent) => {
    if ((e.target as HTMLElement).closest('.hl')) hideTimer.current = setTimeout(() => setHover(null), 250);
  };
  const onClick = (e: MouseEvent) => {
    if (editing || !document.getSelection()?.isCollapsed) return;
    // A known actor's name clicked offers them as the speaker, even inside a suggestion: the name is
    // the smaller, more particular target.
    const mention = (e.target as HTMLElement).closest<HTMLElement>('.actor-mention');
    if (mention) {
      props.onMentionClick(Number(mention.dataset.actorId));
      return;
    }
    // A suggestion clicked (not dragged over): it becomes the one the keys act on.
    const suggestion = (e.target as HTMLElement).closest<HTMLElement>('.suggestion');
    if (suggestion) props.onSuggestionClick(suggestion.dataset.suggestionId!);
  };

  const hovered = hover && annotations.find((a) => a.id === hover.id);

  return (
    <main class="pane reader" aria-label="Reader">
      {/* Keys, because Preact otherwise matches unkeyed siblings by type: with no article, the
          empty-state <div> would take over the reader-scroll <div>, and the Reader would go on
          drawing into a mount that is no longer in the page. */}
      {article ? (
        <header class="reader-header" key="header">
          <h1 data-testid="article-title">{article.title}</h1>
          <p class="byline">{[article.outlet, article.author, article.publishedAt].filter(Boolean).join(' · ')}</p>
          {article.deletedAt ? (
            <p class="banner">
              This article is in the trash.{' '}
              <button class="link-button" onClick={() => props.onRestore(article.id)}>
                Restore it
              </button>
            </p>
          ) : editing ? (
            <p class="banner editing-banner">
              Editing the text. Annotations are re-anchored when you save; any that cannot be placed are kept as orphans.
              <span class="banner-actions">
                <button
                  onClick={() => {
                    setEditing(false);
                    setDirty(false);
                    reader.current?.show(articleDoc(article), { highlights: highlightSource(), actors, suggestions: suggestionSource() });
                  }}
                >
                  Cancel
                </button>
                <button
                  class="primary"
                  data-testid="text-save"
                  disabled={!dirty}
                  onClick={async () => {
                    if (await props.onSaveText(reader.current!.docJSON())) {
                      setEditing(false);
                      setDirty(false);
                    }
                  }}
                >
                  Save text
                </button>
              </span>
            </p>
          ) : (
            <div class="reader-tools">
              <label>
                Colour by{' '}
                <select value={colorBy} data-testid="color-by" onChange={(e) => props.onColorBy((e.currentTarget as HTMLSelectElement).value as ColorBy)}>
                  <option value="stance">stance</option>
                  <option value="speaker">speaker</option>
                </select>
              </label>
              <button class="link-button" data-testid="export-article-pdf" onClick={() => props.onExportPdf(article.id)} title="The article with its highlights and your coding as numbered notes">
                Print coding (PDF)
              </button>
              <button
                class="link-button"
                data-testid="text-edit"
                // The editor needs the whole text, not the first screens of a long article still arriving.
                disabled={!article.complete}
                onClick={() => {
                  setEditing(true);
                  reader.current?.setEditing(true);
                }}
              >
                Edit text
              </button>
            </div>
          )}
        </header>
      ) : (
        <div class="empty reader-empty" key="empty">
          {hasArticles ? <p>Select an article in the library, or search with {modLabel}K.</p> : <p>Articles you import appear here to read and annotate.</p>}
        </div>
      )}
      <div
        class="reader-scroll"
        key="scroll"
        ref={scroller}
        hidden={!article}
        tabIndex={0}
        aria-label="Article text. S selects a sentence, ] a paragraph, a double quote the quoted words; Shift+Arrow keys adjust; Q quotes it. J and K go to the next and previous suggested quote; A accepts it, R rejects it."
        data-testid="reader-scroll"
        // Only the first screens of a long article are in yet.
        aria-busy={article && !article.complete ? 'true' : undefined}
        onScroll={() => setPopover(null)}
        onKeyDown={onKeyDown}
      >
        <div ref={mount} class={`reader-mount ${editing ? 'editing' : ''}`} onMouseOver={onMouseOver} onMouseOut={onMouseOut} onClick={onClick} />
      </div>
      {popover && (
        <div class="annotate-popover" style={{ top: `${popover.top}px`, left: `${popover.left}px` }} onMouseDown={(e) => e.preventDefault()}>
          <button data-testid="annotate-quote" title="Quote (Q)" onClick={() => props.onAnnotate('quote')}>
            Quote <kbd>Q</kbd>
          </button>
          <button data-testid="annotate-paraphrase" title="Paraphrase (P)" onClick={() => props.onAnnotate('paraphrase')}>
            Paraphrase <kbd>P</kbd>
          </button>
          <button data-testid="annotate-note" title="Note (N)" onClick={() => props.onAnnotate('note')}>
            Note <kbd>N</kbd>
          </button>
        </div>
      )}
      {hovered && hover && (
        <HoverCard
          annotation={hovered}
          actors={actors}
          topics={topics}
          rect={hover.rect}
          onEnter={() => clearTimeout(hideTimer.current)}
          onLeave={() => setHover(null)}
          onEdit={() => {
            setHover(null);
            props.onEditAnnotation(hovered);
          }}
          onDelete={() => {
            setHover(null);
            props.onDeleteAnnotation(hovered);
          }}
        />
      )}
    </main>
  );
}
