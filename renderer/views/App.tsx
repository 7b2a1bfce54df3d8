// The window: navigation, search and actions on top; the chosen view below.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Actor, ImportResult, SearchHit, Topic } from '../../shared/model';
import { call, onMenu, isDesktop } from '../api';
import { toggleTheme, currentTheme } from '../theme';
import { isTypingTarget, modKey, modLabel } from '../shortcuts';
import { searchTerms } from '../editor/search-highlight';
import { UndoHistory } from '../undo';
import { readPlace, writePlace } from '../place';
import { ReadingView } from './ReadingView';
import { Requests, RequestsContext } from '../requests';
import { ActorsView } from './ActorsView';
import { TopicsView } from './TopicsView';
import { MatrixView } from './MatrixView';
import { QuotesView } from './QuotesView';
import { LandscapeView } from './landscape/LandscapeView';
import { BriefingsView } from './briefing/BriefingsView';
import { ImportDialog } from './ImportDialog';
import { SearchBox } from './SearchBox';
import { Toasts, withToast, type Toast } from './Toasts';
import { ConfirmHost, confirmAction } from './ConfirmDialog';
import { TeamCorner } from './TeamStatus';

type View = 'read' | 'briefings' | 'actors' | 'topics' | 'matrix' | 'landscape' | 'quotes';

const VIEWS: { id: View; label: string }[] = [
  { id: 'read', label: 'Read' },
  { id: 'briefings', label: 'Briefings' },
  { id: 'quotes', label: 'Quotes' },
  { id: 'matrix', label: 'Matrix' },
  { id: 'landscape', label: 'Landscape' },
  { id: 'actors', label: 'Actors' },
  { id: 'topics', label: 'Topics' },
];

let toastSeq = 0;

export function App() {
  const [view, setView] = useState<View>(() => VIEWS.find((v) => v.id === readPlace().view)?.id ?? 'read');
  useEffect(() => writePlace({ view: view === 'read' ? undefined : view }), [view]);
  const [actors, setActors] = useState<Actor[]>([]);
  const [topics, setTopics] = useState<Topic[]>([]);
  const [importing, setImporting] = useState<File[] | null>(null);
  /** The import dialog was opened by File ▸ Import from web address…: its address field takes the focus. */
  const [importAddress, setImportAddress] = useState(false);
  const requests = useRef(new Requests()).current;
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [theme, setTheme] = useState(currentTheme());
  const searchRef = useRef<HTMLInputElement>(null);
  const history = useRef(new UndoHistory()).current;
  const [teamOpen, setTeamOpen] = useState(false);
  // The briefings view mounts on first visit and then stays, so an open editor keeps its undo history.
  const [briefingsSeen, setBriefingsSeen] = useState(false);
  useEffect(() => {
    if (view === 'briefings') setBriefingsSeen(true);
  }, [view]);

  const toast = useCallback((t: Omit<Toast, 'id'>) => setToasts((ts) => withToast(ts, { ...t, id: ++toastSeq })), []);
  const fail = useCallback((e: unknown) => toast({ kind: 'error', text: (e as Error).message }), [toast]);

  const refreshCodebook = useCallback(async () => {
    try {
      const [a, t] = await Promise.all([call('actors.list', {}), call('topics.list', {})]);
      setActors(a);
      setTopics(t);
    } catch (e) {
      fail(e);
    }
  }, [fail]);

  useEffect(() => void refreshCodebook(), [refreshCodebook]);
  // A skipped daily backup or a read-only library opened anyway: said once, at start.
  useEffect(() => {
    call('library.info', {}).then((info) => info.warnings.forEach((text) => toast({ kind: 'error', text })), fail);
  }, [toast, fail]);

  const openArticle = useCallback((articleId: number, extra: { terms?: string[]; annotationId?: number } = {}) => {
    setView('read');
    requests.post('open-article', { articleId, ...extra });
  }, [requests]);

  const showBriefing = useCallback((briefingId: number) => {
    setView('briefings');
    requests.post('open-briefing', { briefingId });
  }, [requests]);

  const showActor = useCallback((actorId: number) => {
    setView('actors');
    requests.post('show-actor', { actorId });
  }, [requests]);

  const openHit = useCallback(
    (hit: SearchHit, query: string) => {
      if (hit.kind === 'article') openArticle(hit.id, { terms: searchTerms(query) });
      else if (hit.kind === 'briefing') showBriefing(hit.id);
      else if (hit.kind === 'actor') showActor(hit.id);
      else if (hit.articleId) openArticle(hit.articleId, { annotationId: hit.id });
    },
    [openArticle, showBriefing, showActor],
  );

  const onImported = useCallback(
    (results: ImportResult[]) => {
      // A news-database export counts by its articles, not as one file.
      const each = results.flatMap((r) => r.articles ?? [r]);
      const imported = each.filter((r) => r.status === 'imported').length;
      const dup = each.filter((r) => r.status === 'duplicate').length;
      const failed = each.filter((r) => r.status === 'failed').length;
      toast({
        kind: failed ? 'error' : imported ? 'success' : 'info',
        text: [imported && `${imported} imported`, dup && `${dup} already in the library`, failed && `${failed} failed`].filter(Boolean).join(', ') + '.',
      });
      setView('read');
      requests.post('imported', { results });
    },
    [toast, requests],
  );

  const openLink = useCallback(async (href: string) => {
    // The desktop app asks before handing a link to the system browser; a browser tab asks here.
    if (isDesktop || (await confirmAction({ title: 'Open this link?', message: `${href} opens in a new tab.`, confirmLabel: 'Open link' }))) {
      window.open(href, '_blank', 'noopener,noreferrer');
    }
  }, []);

  const undoRedo = useCallback(
    async (redo: boolean) => {
      try {
        const label = redo ? await history.redo() : await history.undo();
        if (label) toast({ kind: 'info', text: `${redo ? 'Redone' : 'Undone'}: ${label}.` });
        await refreshCodebook();
      } catch (e) {
        fail(e);
      }
    },
    [history, toast, refreshCodebook, fail],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const key = e.key.toLowerCase();
      if (modKey(e) && key === 'k') {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (modKey(e) && key === 'o') {
        e.preventDefault();
        setImporting((f) => f ?? []);
      } else if (modKey(e) && e.shiftKey && key === 'd') {
        e.preventDefault();
        setTheme(toggleTheme());
      } else if (modKey(e) && (key === 'z' || key === 'y') && !isTypingTarget(e.target)) {
        e.preventDefault();
        void undoRedo(key === 'y' || e.shiftKey);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undoRedo]);

  useEffect(
    () =>
      onMenu((command) => {
        if (command === 'import') setImporting((f) => f ?? []);
        else if (command === 'import-url') {
          setImportAddress(true);
          setImporting((f) => f ?? []);
        }
        else if (command === 'new-briefing') {
          setView('briefings');
          requests.post('new-briefing', {});
        } else if (command === 'export-pdf') {
          setView('briefings');
          requests.post('export-pdf', {});
        }
        else if (command === 'toggle-theme') setTheme(toggleTheme());
        else if (command === 'team') setTeamOpen(true);
        else if (command === 'focus-search') searchRef.current?.focus();
        else if (command === 'library-changed') requests.post('library-changed', {});
      }),
    [requests],
  );

  // Files dropped anywhere on the window go to the import dialog.
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      const dropped = Array.from(e.dataTransfer.files);
      setImporting((f) => [...(f ?? []), ...dropped]);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <RequestsContext.Provider value={requests}>
      <div class="app">
        <header class="topbar">
          <div class="brand">Verbatim</div>
          <nav class="views" aria-label="Views">
            {VIEWS.map((v) => (
              <button key={v.id} class={view === v.id ? 'on' : ''} aria-current={view === v.id ? 'page' : undefined} data-testid={`nav-${v.id}`} onClick={() => setView(v.id)}>
                {v.label}
              </button>
            ))}
          </nav>
          <SearchBox inputRef={searchRef} onOpen={openHit} onError={(m) => toast({ kind: 'error', text: m })} />
          <div class="actions">
            <TeamCorner open={teamOpen} setOpen={setTeamOpen} toast={toast} />
            <button class="primary" data-testid="import-open" onClick={() => setImporting([])} title={`Import articles (${modLabel}O)`}>
              Import…
            </button>
            <button
              class="icon-button"
              data-testid="theme-toggle"
              aria-label={theme === 'dark' ? 'Switch to light mode' : 'Switch to dark mode'}
              title={`Toggle dark mode (${modLabel}Shift+D)`}
              onClick={() => setTheme(toggleTheme())}
            >
              {theme === 'dark' ? '☀' : '☾'}
            </button>
          </div>
        </header>
        <div class="view" hidden={view !== 'read'}>
          <ReadingView
            actors={actors}
            topics={topics}
            refreshCodebook={refreshCodebook}
            history={history}
            toast={toast}
            onImport={() => setImporting([])}
            onLink={(href) => void openLink(href)}
          />
        </div>
        <div class="view" hidden={view !== 'briefings'}>
          {briefingsSeen && (
            <BriefingsView
              actors={actors}
              topics={topics}
              history={history}
              toast={toast}
              visible={view === 'briefings'}
              onOpenSource={(articleId, annotationId) => openArticle(articleId, annotationId ? { annotationId } : {})}
            />
          )}
        </div>
        {view === 'actors' && (
          <ActorsView
            actors={actors}
            refresh={refreshCodebook}
            toast={toast}
            history={history}
            onOpenQuote={(q) => openArticle(q.article.id, { annotationId: q.id })}
          />
        )}
        {view === 'topics' && <TopicsView topics={topics} refresh={refreshCodebook} toast={toast} />}
        {view === 'matrix' && <MatrixView topics={topics} toast={toast} onOpenQuote={(q) => openArticle(q.article.id, { annotationId: q.id })} />}
        {view === 'landscape' && (
          <LandscapeView
            topics={topics}
            toast={toast}
            onOpenQuote={(articleId, annotationId) => openArticle(articleId, { annotationId })}
            onInsertFigure={(briefingId, figure) => {
              setView('briefings');
              requests.post('insert-figure', { briefingId, figure });
            }}
          />
        )}
        {view === 'quotes' && <QuotesView actors={actors} topics={topics} toast={toast} onOpenQuote={(q) => openArticle(q.article.id, { annotationId: q.id })} />}
        {importing && (
          <ImportDialog
            initialFiles={importing}
            focusAddress={importAddress}
            onClose={() => {
              setImporting(null);
              setImportAddress(false);
            }}
            onImported={onImported}
          />
        )}
        <ConfirmHost />
        <Toasts toasts={toasts} dismiss={(id) => setToasts((ts) => ts.filter((t) => t.id !== id))} />
      </div>
    </RequestsContext.Provider>
  );
}
