// Drafting: the briefings list, the editor, and beside it the quote bank and revisions.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Actor, ArticleMeta, BriefingMeta, QuoteRow, Topic } from '../../../shared/model';
import { allArticles } from '../../../shared/article-pages';
import { MAX_PAGE } from '../../../shared/contract';
import { call } from '../../api';
import { useRequest } from '../../requests';
import type { UndoHistory } from '../../undo';
import { BriefingList } from './BriefingList';
import { BriefingPane, type RestoreBinding } from './BriefingPane';
import type { QuoteForm } from '../../editor/briefing/commands';
import type { FigureAttrs } from '../../../shared/landscape/figure';
import { QuoteBank } from './QuoteBank';
import { RevisionsPanel } from './RevisionsPanel';
import type { Toast } from '../Toasts';

interface Props {
  actors: Actor[];
  topics: Topic[];
  history: UndoHistory;
  toast: (t: Omit<Toast, 'id'>) => void;
  onOpenSource: (articleId: number, annotationId?: number) => void;
  /** True while the view is shown; quotes and articles reload each time it is shown again. */
  visible: boolean;
}

type Side = 'quotes' | 'revisions';

export function BriefingsView({ actors, topics, history, toast, onOpenSource, visible }: Props) {
  const [briefings, setBriefings] = useState<BriefingMeta[] | null>(null);
  const [trash, setTrash] = useState<BriefingMeta[] | null>(null);
  const [showTrash, setShowTrash] = useState(false);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [quotes, setQuotes] = useState<QuoteRow[]>([]);
  const [articles, setArticles] = useState<ArticleMeta[]>([]);
  const [side, setSide] = useState<Side>('quotes');
  const [bankFocus, setBankFocus] = useState(0);
  const [savedCount, setSavedCount] = useState(0);
  /** The briefing this view just created, whose title takes the cursor when it opens. */
  const [createdId, setCreatedId] = useState<number | null>(null);
  const insert = useRef<((q: QuoteRow, form: QuoteForm) => void) | null>(null);
  const insertFigure = useRef<((figure: FigureAttrs) => void) | null>(null);
  /** A figure sent from the landscape to a briefing whose editor is not open yet. */
  const pendingFigure = useRef<{ briefingId: number; figure: FigureAttrs } | null>(null);
  const restore = useRef<RestoreBinding | null>(null);
  const quoteListeners = useRef(new Set<() => void>());
  const fail = useCallback((e: unknown) => toast({ kind: 'error', text: (e as Error).message }), [toast]);

  const loadList = useCallback(async () => {
    try {
      const [list, inTrash] = await Promise.all([call('briefings.list', {}), call('briefings.list', { trash: true })]);
      setBriefings(list);
      // Most recently deleted first: the one just deleted is the one most likely wanted back.
      setTrash(inTrash.sort((x, y) => (y.deletedAt ?? '').localeCompare(x.deletedAt ?? '')));
      return list;
    } catch (e) {
      fail(e);
      return [];
    }
  }, [fail]);

  useEffect(() => {
    void loadList().then((list) => setSelectedId((id) => id ?? list[0]?.id ?? null));
  }, [loadList]);

  useEffect(() => {
    if (!visible) return;
    // The citation picker lists every article (paged through; a search-driven picker would not need them all).
    Promise.all([call('quotes.list', {}), allArticles((after) => call('articles.list', { sort: 'title', limit: MAX_PAGE, ...(after ? { after } : {}) }))])
      .then(([q, a]) => {
        setQuotes(q);
        setArticles(a);
      })
      .catch(fail);
  }, [visible, fail]);

  // Quote nodes look their annotation up in the open editor's index of `quotes`, which is rebuilt
  // when the editor pane renders: tell them only after that render, or they compare with the old list.
  useEffect(() => {
    for (const l of quoteListeners.current) l();
  }, [quotes]);

  const subscribeQuotes = useCallback((listener: () => void) => {
    quoteListeners.current.add(listener);
    return () => quoteListeners.current.delete(listener);
  }, []);

  const create = async (template: 'blank' | 'situation') => {
    try {
      const b = await call('briefings.create', { template });
      await loadList();
      setShowTrash(false);
      setCreatedId(b.id);
      setSelectedId(b.id);
      toast({ kind: 'info', text: `Created “${b.title}”.` });
    } catch (e) {
      fail(e);
    }
  };

  useRequest('new-briefing', () => void create('blank'));

  // With a briefing open, its export menu serves the request; without one (or when the menu brought
  // this view up for the first time, before a briefing was open), say what to do.
  useRequest('export-pdf', () => toast({ kind: 'info', text: 'Open or create a briefing to export it as PDF.' }), { fallback: true });

  useRequest('open-briefing', ({ briefingId }) => {
    setShowTrash(false);
    setSelectedId(briefingId);
    // It may be newer than the list (made from the CLI or another window).
    if (briefings && !briefings.some((b) => b.id === briefingId)) void loadList();
  });

  useRequest('insert-figure', ({ briefingId, figure }) => {
    setShowTrash(false);
    if (selectedId === briefingId && insertFigure.current) return insertFigure.current(figure);
    // The briefing's editor takes it when it is ready.
    pendingFigure.current = { briefingId, figure };
    setSelectedId(briefingId);
    if (briefings && !briefings.some((b) => b.id === briefingId)) void loadList();
  });

  const takeFigure = useCallback((briefingId: number) => {
    const waiting = pendingFigure.current;
    if (waiting?.briefingId !== briefingId) return null;
    pendingFigure.current = null;
    return waiting.figure;
  }, []);

  // `stored` runs as soon as the store has the change, before the list is fetched again, so an
  // undo pressed on the updated list finds its entry.
  const setTrashed = async (id: number, trashed: boolean, stored?: (meta: BriefingMeta) => void) => {
    const meta = trashed ? await call('briefings.delete', { id }) : await call('briefings.restore', { id });
    stored?.(meta);
    const list = await loadList();
    if (trashed && selectedId === id) setSelectedId(list[0]?.id ?? null);
    if (!trashed) setSelectedId(id);
    return meta;
  };

  const restoreFromTrash = async (id: number) => {
    try {
      const meta = await setTrashed(id, false);
      // Restoring the last one leaves nothing to look at in the trash: back to the briefings.
      if (!(await call('briefings.list', { trash: true })).length) setShowTrash(false);
      toast({ kind: 'success', text: `Restored “${meta.title}”.` });
    } catch (e) {
      fail(e);
    }
  };

  return (
    <div class="panes briefings-view">
      <BriefingList
        briefings={briefings}
        trash={trash}
        showTrash={showTrash}
        onShowTrash={setShowTrash}
        onRestore={(id) => void restoreFromTrash(id)}
        selectedId={selectedId}
        onSelect={setSelectedId}
        onNew={(t) => void create(t)}
        onDuplicate={(id) =>
          void call('briefings.duplicate', { id })
            .then(async (b) => {
              await loadList();
              setSelectedId(b.id);
            })
            .catch(fail)
        }
        onDelete={async (id) => {
          try {
            const meta = await setTrashed(id, true, (m) =>
              history.push({ label: `delete “${m.title}”`, undo: () => setTrashed(id, false), redo: () => setTrashed(id, true) }),
            );
            toast({ kind: 'info', text: `Deleted “${meta.title}”.`, action: { label: 'Undo', run: () => void history.undo().catch(fail) } });
          } catch (e) {
            fail(e);
          }
        }}
      />
      {selectedId !== null ? (
        <BriefingPane
          key={selectedId}
          briefingId={selectedId}
          focusTitle={createdId === selectedId}
          actors={actors}
          topics={topics}
          quotes={quotes}
          articles={articles}
          subscribeQuotes={subscribeQuotes}
          onMeta={(meta) => setBriefings((list) => [meta, ...(list ?? []).filter((b) => b.id !== meta.id)])}
          onOpenSource={onOpenSource}
          onFocusBank={() => {
            setSide('quotes');
            setBankFocus((n) => n + 1);
          }}
          bindInsert={(fn) => (insert.current = fn)}
          bindFigure={(fn) => (insertFigure.current = fn)}
          takeFigure={takeFigure}
          bindRestore={(fn) => (restore.current = fn)}
          onSaved={() => setSavedCount((n) => n + 1)}
          toast={toast}
        />
      ) : (
        <main class="pane briefing-pane">
          <p class="empty reader-empty">Create a briefing to start drafting.</p>
        </main>
      )}
      <aside class="pane inspector" aria-label="Quotes and revisions">
        <div class="tabs" role="tablist">
          <button role="tab" aria-selected={side === 'quotes'} class={side === 'quotes' ? 'on' : ''} onClick={() => setSide('quotes')}>
            Quote bank <span class="count">{quotes.length}</span>
          </button>
          <button role="tab" aria-selected={side === 'revisions'} class={side === 'revisions' ? 'on' : ''} data-testid="tab-revisions" onClick={() => setSide('revisions')}>
            Revisions
          </button>
        </div>
        {side === 'quotes' ? (
          <QuoteBank quotes={quotes} actors={actors} topics={topics} focusSeq={bankFocus} onInsert={(q, form) => insert.current?.(q, form)} />
        ) : selectedId !== null ? (
          <RevisionsPanel briefingId={selectedId} version={savedCount} current={() => restore.current?.current()} onRestore={(doc) => restore.current?.restore(doc)} onError={(m) => toast({ kind: 'error', text: m })} />
        ) : null}
      </aside>
    </div>
  );
}
