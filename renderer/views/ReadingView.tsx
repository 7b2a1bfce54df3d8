// Library, reader and inspector: where articles are read and annotated.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Actor, Annotation, AnnotationKind, ArticleMeta, ArticleReading, Topic } from '../../shared/model';
import { call } from '../api';
import { pageSize, saveExport } from '../exports';
import type { UndoHistory } from '../undo';
import { readPlace, writePlace } from '../place';
import type { ColorBy } from '../editor/annotation-highlights';
import { LibraryPane, type LibraryView } from './LibraryPane';
import { useLibraryRows, useSelectedIndex } from './library-rows';
import type { ArticleListView, CallInput } from '../../shared/contract';
import { ReaderPane, type ReaderHandle } from './ReaderPane';
import { AnnotationForm, type AnnotationDraft } from './AnnotationForm';
import { useSuggestions } from './useSuggestions';
import type { ArticleSuggestion } from '../../shared/suggestion';
import type { Toast } from './Toasts';
import { confirmAction } from './ConfirmDialog';
import { plural } from '../../shared/plural';
import { useRequest } from '../requests';
import { useLibraryChanges } from './reading/useLibraryChanges';
import { useAnnotationCommands } from './reading/useAnnotationCommands';
import { useReadingKeys } from './reading/useReadingKeys';
import { ArticleTabs, type ArticleTab } from './reading/ArticleTabs';
import { buildArticleDoc } from '../editor/doc-index';

/** Longer than this, an article's first screens are shown before the whole has arrived (about 130 KB of text). */
const LONG_ARTICLE_WORDS = 20_000;
/** The first screens: a few times what a tall window shows, so scrolling on does not reach the end before the rest comes. */
const HEAD_CHARS = 40_000;

interface Props {
  actors: Actor[];
  topics: Topic[];
  refreshCodebook: () => Promise<void>;
  history: UndoHistory;
  toast: (t: Omit<Toast, 'id'>) => void;
  onImport: () => void;
  onLink: (href: string) => void;
}


export function ReadingView({ actors, topics, refreshCodebook, history, toast, onImport, onLink }: Props) {
  const [view, setView] = useState<LibraryView>({ sort: 'imported', outlet: null, from: null, to: null, trash: false });
  const [outlets, setOutlets] = useState<string[]>([]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [article, setArticle] = useState<ArticleReading | null>(null);
  const [highlight, setHighlight] = useState<string[]>([]);
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const annotationsRef = useRef(annotations);
  annotationsRef.current = annotations;
  const [draft, setDraft] = useState<AnnotationDraft | null>(null);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  // A known actor clicked in the text: offered as the speaker of the open form, or of the next one.
  const [suggestedSpeaker, setSuggestedSpeaker] = useState<{ actorId: number; seq: number } | null>(null);
  const nextSpeaker = useRef<number | null>(null);
  const [tab, setTab] = useState<ArticleTab>('annotations');
  const [colorBy, setColorBy] = useState<ColorBy>('stance');
  const readerRef = useRef<ReaderHandle>(null);
  const articleRef = useRef<ArticleReading | null>(null);
  articleRef.current = article;
  /** Bumped by the C key: the current suggestion's speaker field takes the keyboard. */
  const [speakerFocus, setSpeakerFocus] = useState(0);

  const fail = useCallback((e: unknown) => toast({ kind: 'error', text: (e as Error).message }), [toast]);
  const listView = useMemo<ArticleListView>(
    () => ({ sort: view.sort, trash: view.trash, ...(view.outlet ? { outlet: view.outlet } : {}), ...(view.from ? { from: view.from } : {}), ...(view.to ? { to: view.to } : {}) }),
    [view],
  );
  const { rows } = useLibraryRows(listView, fail);
  const selectedIndex = useSelectedIndex(rows, listView, selectedId);

  // The pages on screen and the outlets, again: for a new view, or after a change here or in another process.
  const refresh = useCallback(async () => {
    try {
      const [, outs] = await Promise.all([rows.reload(listView), call('articles.outlets', {})]);
      setOutlets(outs);
    } catch (e) {
      fail(e);
    }
  }, [rows, listView, fail]);

  useEffect(() => void refresh(), [refresh]);
  useRequest('library-changed', () => void refresh());

  const loadAnnotations = useCallback(
    async (articleId: number) => {
      try {
        const list = await call('annotations.list', { articleId });
        // Set only when the coding changed: the reader keeps the analyst's selection otherwise.
        if (articleRef.current?.id === articleId && JSON.stringify(list) !== JSON.stringify(annotationsRef.current)) setAnnotations(list);
        // The library row's count, without listing the whole library again.
        rows.patch(articleId, (x) => ({ ...x, annotationCount: list.length }));
      } catch (e) {
        fail(e);
      }
    },
    [rows, fail],
  );

  // Only the latest open counts: an earlier one answered late must not replace it.
  const openSeq = useRef(0);
  const open = useCallback(
    async (id: number, terms: string[] = [], annotationId?: number, restoring = false) => {
      const seq = ++openSeq.current;
      setSelectedId(id);
      setDraft(null);
      try {
        // All asked at once: main lists the annotations while the page reads the article's JSON. A
        // long article is also asked for its first screens, shown while the whole is on its way;
        // not when a search hit or a quote to reveal may lie further in.
        const listed = call('annotations.list', { articleId: id });
        listed.catch(() => {}); // a trashed article's list is not awaited; its failure is nobody's
        const known = rows.row(rows.indexOf(id));
        const long = !terms.length && !annotationId && (!known || known.wordCount > LONG_ARTICLE_WORDS);
        const head = long ? call('articles.read', { id, head: HEAD_CHARS }) : null;
        const whole = call('articles.read', { id });
        whole.catch(() => {}); // a head that was the whole article does not wait for it
        const shown = async (a: ArticleReading) => {
          const list = a.deletedAt ? [] : await listed;
          if (seq !== openSeq.current) return false;
          setHighlight(terms);
          setAnnotations(list);
          setArticle(a);
          writePlace({ article: id });
          return true;
        };
        if (head) {
          const first = await head;
          if (!(await shown(first)) || first.complete) return;
          // The rest is built between frames while the analyst reads the first screens.
          const rest = await whole;
          if (seq !== openSeq.current) return;
          await buildArticleDoc(rest);
          if (!(await shown(rest))) return;
        } else if (!(await shown(await whole))) return;
        if (annotationId) setTimeout(() => readerRef.current?.reveal(annotationId), 50);
      } catch (e) {
        // An article gone since the place was written is not news: the reader just starts empty.
        if (!restoring) fail(e);
        else if (seq === openSeq.current) {
          setSelectedId(null);
          writePlace({ article: undefined });
        }
      }
    },
    [fail, rows],
  );

  // A reload comes back to the article that was open, if it is still there (an open the analyst
  // starts meanwhile wins, as any later open does).
  useEffect(() => {
    const id = readPlace().article;
    if (id !== undefined) void open(id, [], undefined, true);
  }, []);

  // What another process changed (the team's link, the command line): the list, the open article's
  // coding, and the article itself when it changed there (a member's edit, the team's version of an
  // article fetched ahead of the rest when it was opened). Not while an annotation is being drafted.
  const followChanges = useCallback(async () => {
    await refresh();
    const a = articleRef.current;
    if (!a) return;
    await loadAnnotations(a.id);
    const row = rows.row(rows.indexOf(a.id));
    if (row && row.updatedAt !== a.updatedAt && articleRef.current?.id === a.id && !draftRef.current) await open(a.id);
  }, [refresh, loadAnnotations, rows, open]);
  useLibraryChanges(followChanges);

  // A search hit, a quote elsewhere: the article opens even when the list's filters hide it.
  useRequest('open-article', (r) => {
    if (filtered(view)) setView({ ...view, trash: false, outlet: null, from: null, to: null });
    void open(r.articleId, r.terms, r.annotationId);
  });

  useRequest('imported', ({ results }) => {
    const last = [...results].reverse().find((r) => r.id !== undefined && r.status !== 'failed');
    if (filtered(view)) setView({ ...view, trash: false, outlet: null, from: null, to: null });
    else void refresh();
    if (last?.id) void open(last.id);
  });

  // ---- articles: trash with undo ----

  // `stored` runs as soon as the store has the change, before the list is fetched again: an undo
  // entry pushed only after the refresh would miss a Ctrl+Z pressed on the already-updated list.
  const setTrashed = useCallback(
    async (id: number, trashed: boolean, stored?: (a: ArticleMeta) => void) => {
      const a = trashed ? await call('articles.delete', { id }) : await call('articles.restore', { id });
      stored?.(a);
      // An open of this article still on its way would show it again as if it were not trashed.
      if (trashed && (selectedId === id || articleRef.current?.id === id)) openSeq.current++;
      if (trashed && articleRef.current?.id === id) {
        setArticle(null);
        setSelectedId(null);
        writePlace({ article: undefined });
      }
      await refresh();
      if (!trashed && (selectedId === id || articleRef.current?.id === id)) void open(id);
      return a;
    },
    [refresh, open, selectedId],
  );

  const remove = useCallback(
    async (id: number) => {
      try {
        const a = await setTrashed(id, true, (a) =>
          history.push({ label: `move “${a.title}” to the trash`, undo: () => setTrashed(id, false), redo: () => setTrashed(id, true) }),
        );
        toast({ kind: 'info', text: `Moved “${a.title}” to the trash.`, action: { label: 'Undo', run: () => void history.undo().catch(fail) } });
      } catch (e) {
        fail(e);
      }
    },
    [setTrashed, history, toast, fail],
  );

  const restore = useCallback(
    async (id: number) => {
      try {
        const a = await setTrashed(id, false);
        toast({ kind: 'info', text: `Restored “${a.title}”.` });
      } catch (e) {
        fail(e);
      }
    },
    [setTrashed, toast, fail],
  );

  const reload = useCallback(async () => {
    const a = articleRef.current;
    if (a) await loadAnnotations(a.id);
  }, [loadAnnotations]);

  // ---- suggested attributions: a layer of their own, accepted or rejected one key at a time ----

  const sg = useSuggestions({
    article,
    annotations,
    actors,
    history,
    toast,
    onCoded: useCallback(async () => {
      await reload();
      await refreshCodebook();
    }, [reload, refreshCodebook]),
    onSelect: useCallback((s: ArticleSuggestion, center: boolean) => {
      setTab('suggestions');
      readerRef.current?.showPassage(s.content.start, s.content.end, center);
    }, []),
  });
  const sgRef = useRef(sg);
  sgRef.current = sg;
  const suggestionLayer = useMemo(
    () => ({ suggestions: sg.shown, currentKey: sg.current?.key ?? null, speakerColors: new Map(actors.map((a) => [a.id, a.color])) }),
    [sg.shown, sg.current?.key, actors],
  );

  const editSuggestion = useCallback((s: ArticleSuggestion, kind?: AnnotationKind) => {
    const d = sgRef.current.draftFor(s, kind === 'note' ? undefined : kind);
    if (!d) return;
    setSuggestedSpeaker(null);
    setDraft(d);
    document.getSelection()?.removeAllRanges();
  }, []);

  // ---- annotations: create, edit, delete, each undoable ----

  const startAnnotation = useCallback(
    (kind: AnnotationKind) => {
      const a = articleRef.current;
      const sel = readerRef.current?.selection();
      if (!a || a.deletedAt || !sel) return;
      // Q or P over the suggestion the keys are on: the form comes filled in with its speaker.
      const s = sgRef.current.current;
      if (s && kind !== 'note' && s.content.start === sel.start && s.content.end === sel.end) return editSuggestion(s, kind);
      setTab('annotations');
      setSuggestedSpeaker(null);
      const speakerId = nextSpeaker.current;
      nextSpeaker.current = null;
      setDraft({ articleId: a.id, start: sel.start, end: sel.end, exact: sel.exact, kind, speakerId, positions: [], comment: '', tags: [] });
      document.getSelection()?.removeAllRanges();
    },
    [editSuggestion],
  );

  const { saveDraft, deleteAnnotation, reattach } = useAnnotationCommands({
    annotations,
    history,
    reload,
    refreshCodebook,
    toast,
    fail,
    readerRef,
    suggestions: sgRef,
    closeForm: useCallback(() => setDraft(null), []),
  });

  const editAnnotation = useCallback((a: Annotation) => {
    setTab('annotations');
    setDraft({ id: a.id, articleId: a.articleId, start: a.start, end: a.end, exact: a.exact, kind: a.kind, speakerId: a.speakerId, positions: a.positions, comment: a.comment ?? '', tags: a.tags });
  }, []);

  const saveText = useCallback(
    async (doc: unknown) => {
      const a = articleRef.current;
      if (!a) return false;
      try {
        const r = await call('articles.updateText', { id: a.id, doc: doc as Record<string, unknown> });
        setArticle(r.article);
        // The row's word count follows the text.
        rows.patch(a.id, (x) => ({ ...x, wordCount: r.article.wordCount, updatedAt: r.article.updatedAt }));
        await loadAnnotations(a.id);
        toast({
          // The save worked either way; orphans and changed quotes are news to act on, not a failure.
          kind: r.orphaned || r.changed ? 'info' : 'success',
          text: `Text saved. ${plural(r.placed, 'annotation')} re-anchored${r.changed ? `; the quoted words of ${r.changed} changed: review them in the Annotations tab` : ''}${r.orphaned ? `; ${r.orphaned} could not be placed and are listed as orphans` : ''}.`,
        });
        return true;
      } catch (e) {
        fail(e);
        return false;
      }
    },
    [loadAnnotations, rows, toast, fail],
  );

  useReadingKeys({
    suggestionsActive: () => !!articleRef.current && !draftRef.current && !!readerRef.current?.visible(),
    hasSelection: () => !!readerRef.current?.selection(),
    suggestions: () => sgRef.current,
    startAnnotation,
    editSuggestion,
    changeSpeaker: () => {
      setTab('suggestions');
      setSpeakerFocus((n) => n + 1);
    },
  });

  // One detail of the article (title, outlet, …), saved from the Article tab.
  const saveDetails = useCallback(
    async (id: number, patch: Omit<CallInput<'articles.update'>, 'id'>): Promise<string | null> => {
      try {
        const meta = await call('articles.update', { id, ...patch });
        setArticle((a) => (a && a.id === id ? { ...a, ...meta } : a));
        rows.patch(id, () => meta);
        if (patch.outlet !== undefined) setOutlets(await call('articles.outlets', {}));
        return null;
      } catch (e) {
        // Shown beside the field, where the analyst is looking.
        return (e as Error).message;
      }
    },
    [rows],
  );

  return (
    <div class="panes">
      <LibraryPane
        rows={rows}
        selectedIndex={selectedIndex}
        outlets={outlets}
        view={view}
        selectedId={selectedId}
        onView={setView}
        onSelect={(id) => void open(id)}
        onEnter={(id) => {
          if (articleRef.current?.id === id) readerRef.current?.focus();
          else void open(id).then(() => readerRef.current?.focus());
        }}
        onDelete={(id) => void remove(id)}
        onImport={onImport}
        onEmptyTrash={() => {
          void confirmAction({ title: 'Empty the trash?', message: 'Every article in the trash is deleted for good, with its annotations. This cannot be undone.', confirmLabel: 'Delete for good', danger: true })
            .then((ok) => (ok ? call('articles.emptyTrash', {}) : null))
            .then((r) => {
              if (!r) return;
              toast({ kind: 'success', text: `Deleted ${plural(r.purged, 'article')} for good.` });
              setArticle(null);
              return refresh();
            })
            .catch(fail);
        }}
      />
      <ReaderPane
        article={article}
        highlight={highlight}
        hasArticles={!!rows.total}
        annotations={annotations}
        pending={draft && !draft.id ? { start: draft.start, end: draft.end } : null}
        actors={actors}
        topics={topics}
        colorBy={colorBy}
        onColorBy={setColorBy}
        suggestions={suggestionLayer}
        onSuggestionClick={(key) => {
          const s = sg.shown.find((x) => x.key === key);
          if (s) sg.select(s, false);
        }}
        readerRef={readerRef}
        onRestore={(id) => void restore(id)}
        onLink={onLink}
        onAnnotate={startAnnotation}
        onEditAnnotation={editAnnotation}
        onDeleteAnnotation={(a) => void deleteAnnotation(a)}
        onMentionClick={(actorId) => {
          const name = actors.find((a) => a.id === actorId)?.name ?? 'This actor';
          if (draft) {
            setSuggestedSpeaker((s) => ({ actorId, seq: (s?.seq ?? 0) + 1 }));
            return;
          }
          nextSpeaker.current = actorId;
          toast({
            kind: 'info',
            text: `${name} will be the speaker of your next annotation: select what they said and press Q (or P for reported speech).`,
            action: { label: 'Not them', run: () => (nextSpeaker.current = null) },
          });
        }}
        onSaveText={saveText}
        onExportPdf={(id) =>
          call('articles.exportPdf', { id, pageSize: pageSize() })
            .then(saveExport)
            .catch(fail)
        }
      />
      <aside class="pane inspector" aria-label="Inspector">
        {draft ? (
          <AnnotationForm
            key={`${draft.id ?? 'new'}-${draft.start}-${draft.end}`}
            draft={draft}
            actors={actors}
            topics={topics}
            suggestedSpeaker={suggestedSpeaker}
            onSave={saveDraft}
            onCancel={() => {
              const d = draft;
              setDraft(null);
              const s = d.suggestionKey !== undefined ? sg.list.find((x) => x.key === d.suggestionKey) : undefined;
              if (s) return sg.select(s);
              // A new passage comes back selected, to adjust and code again; an edit leaves the caret after it.
              if (d.id === undefined) readerRef.current?.select(d.start, d.end);
              else readerRef.current?.focus(d.end);
            }}
            onCodebookChanged={refreshCodebook}
            onError={(m) => toast({ kind: 'error', text: m })}
          />
        ) : article ? (
          <ArticleTabs
            article={article}
            annotations={annotations}
            actors={actors}
            topics={topics}
            history={history}
            tab={tab}
            onTab={setTab}
            suggestions={sg}
            speakerFocus={speakerFocus}
            readerRef={readerRef}
            reload={reload}
            onEditSuggestion={(s) => editSuggestion(s)}
            onEditAnnotation={editAnnotation}
            onDeleteAnnotation={(a) => void deleteAnnotation(a)}
            onReattach={(a) => void reattach(a)}
            onDeleteArticle={(id) => void remove(id)}
            onSaveDetails={saveDetails}
            onError={fail}
          />
        ) : (
          <p class="empty">Details and annotations of the open article show here.</p>
        )}
      </aside>
    </div>
  );
}

/** The list shows less than the live library: an article opened or imported may not be in it. */
function filtered(view: LibraryView): boolean {
  return view.trash || !!view.outlet || !!view.from || !!view.to;
}
