// The window: search and actions on top; library, reader and inspector below.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Article, ArticleMeta, ImportResult, SearchHit } from '../../shared/model';
import { call, onMenu, isDesktop } from '../api';
import { toggleTheme, currentTheme } from '../theme';
import { isTypingTarget, modKey, modLabel } from '../shortcuts';
import { searchTerms } from '../editor/search-highlight';
import { LibraryPane, type LibraryView } from './LibraryPane';
import { ReaderPane } from './ReaderPane';
import { Inspector } from './Inspector';
import { ImportDialog } from './ImportDialog';
import { SearchBox } from './SearchBox';
import { Toasts, type Toast } from './Toasts';

let toastSeq = 0;

export function App() {
  const [view, setView] = useState<LibraryView>({ sort: 'imported', outlet: null, trash: false });
  const [articles, setArticles] = useState<ArticleMeta[] | null>(null);
  const [outlets, setOutlets] = useState<string[]>([]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [article, setArticle] = useState<Article | null>(null);
  const [highlight, setHighlight] = useState<string[]>([]);
  const [importing, setImporting] = useState<File[] | null>(null);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [theme, setTheme] = useState(currentTheme());
  const searchRef = useRef<HTMLInputElement>(null);
  /** Articles moved to the trash this session, newest last: what Ctrl+Z brings back. */
  const deleted = useRef<number[]>([]);

  const toast = useCallback((t: Omit<Toast, 'id'>) => setToasts((ts) => [...ts.slice(-3), { ...t, id: ++toastSeq }]), []);
  const fail = useCallback((e: unknown) => toast({ kind: 'error', text: (e as Error).message }), [toast]);

  const refresh = useCallback(async () => {
    try {
      const [list, outs] = await Promise.all([
        call('articles.list', { sort: view.sort, trash: view.trash, ...(view.outlet ? { outlet: view.outlet } : {}) }),
        call('articles.outlets', {}),
      ]);
      setArticles(list);
      setOutlets(outs);
    } catch (e) {
      fail(e);
    }
  }, [view, fail]);

  useEffect(() => void refresh(), [refresh]);

  const open = useCallback(
    async (id: number, terms: string[] = []) => {
      setSelectedId(id);
      try {
        const a = await call('articles.get', { id });
        setHighlight(terms);
        setArticle(a);
      } catch (e) {
        fail(e);
      }
    },
    [fail],
  );

  const restore = useCallback(
    async (id: number) => {
      try {
        const a = await call('articles.restore', { id });
        deleted.current = deleted.current.filter((d) => d !== id);
        toast({ kind: 'info', text: `Restored “${a.title}”.` });
        await refresh();
        if (selectedId === id || article?.id === id) void open(id);
      } catch (e) {
        fail(e);
      }
    },
    [refresh, open, selectedId, article, toast, fail],
  );

  const remove = useCallback(
    async (id: number) => {
      try {
        const a = await call('articles.delete', { id });
        deleted.current.push(id);
        if (article?.id === id) setArticle(null);
        setSelectedId(null);
        toast({ kind: 'info', text: `Moved “${a.title}” to the trash.`, action: { label: 'Undo', run: () => void restore(id) } });
        await refresh();
      } catch (e) {
        fail(e);
      }
    },
    [article, refresh, restore, toast, fail],
  );

  const onImported = useCallback(
    async (results: ImportResult[]) => {
      const last = [...results].reverse().find((r) => r.id !== undefined && r.status !== 'failed');
      const imported = results.filter((r) => r.status === 'imported').length;
      const dup = results.filter((r) => r.status === 'duplicate').length;
      const failed = results.filter((r) => r.status === 'failed').length;
      toast({
        kind: failed ? 'error' : 'info',
        text: [imported && `${imported} imported`, dup && `${dup} already in the library`, failed && `${failed} failed`].filter(Boolean).join(', ') + '.',
      });
      if (view.trash || view.outlet) setView({ ...view, trash: false, outlet: null });
      else await refresh();
      if (last?.id) void open(last.id);
    },
    [view, refresh, open, toast],
  );

  const openHit = useCallback((hit: SearchHit, query: string) => void open(hit.id, searchTerms(query)), [open]);

  const openLink = useCallback((href: string) => {
    // The desktop app asks before handing a link to the system browser; a browser tab asks here.
    if (isDesktop || window.confirm(`Open ${href} in a new tab?`)) window.open(href, '_blank', 'noopener,noreferrer');
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (modKey(e) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (modKey(e) && e.key.toLowerCase() === 'o') {
        e.preventDefault();
        setImporting((f) => f ?? []);
      } else if (modKey(e) && e.shiftKey && e.key.toLowerCase() === 'd') {
        e.preventDefault();
        setTheme(toggleTheme());
      } else if (modKey(e) && !e.shiftKey && e.key.toLowerCase() === 'z' && !isTypingTarget(e.target)) {
        const id = deleted.current.pop();
        if (id !== undefined) {
          e.preventDefault();
          void restore(id);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [restore]);

  useEffect(
    () =>
      onMenu((command) => {
        if (command === 'import') setImporting((f) => f ?? []);
        else if (command === 'toggle-theme') setTheme(toggleTheme());
        else if (command === 'focus-search') searchRef.current?.focus();
        else if (command === 'library-changed') void refresh();
      }),
    [refresh],
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
    <div class="app">
      <header class="topbar">
        <div class="brand">Verbatim</div>
        <SearchBox inputRef={searchRef} onOpen={openHit} onError={(m) => toast({ kind: 'error', text: m })} />
        <div class="actions">
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
      <div class="panes">
        <LibraryPane
          articles={articles}
          outlets={outlets}
          view={view}
          selectedId={selectedId}
          onView={setView}
          onSelect={(id) => void open(id)}
          onDelete={(id) => void remove(id)}
          onImport={() => setImporting([])}
          onEmptyTrash={() => {
            if (!window.confirm('Delete every article in the trash for good? This cannot be undone.')) return;
            call('articles.emptyTrash', {})
              .then((r) => {
                toast({ kind: 'info', text: `Deleted ${r.purged} article${r.purged === 1 ? '' : 's'} for good.` });
                deleted.current = [];
                setArticle(null);
                return refresh();
              })
              .catch(fail);
          }}
        />
        <ReaderPane article={article} highlight={highlight} hasArticles={!!articles?.length} onRestore={(id) => void restore(id)} onLink={openLink} />
        <Inspector
          article={article}
          onDelete={(id) => void remove(id)}
          onSave={async (id, patch) => {
            try {
              const meta = await call('articles.update', { id, ...patch });
              setArticle((a) => (a && a.id === id ? { ...a, ...meta } : a));
              setArticles((list) => list?.map((x) => (x.id === id ? meta : x)) ?? null);
              if (patch.outlet !== undefined) setOutlets(await call('articles.outlets', {}));
              return true;
            } catch (e) {
              fail(e);
              return false;
            }
          }}
        />
      </div>
      {importing && <ImportDialog initialFiles={importing} onClose={() => setImporting(null)} onImported={(r) => void onImported(r)} />}
      <Toasts toasts={toasts} dismiss={(id) => setToasts((ts) => ts.filter((t) => t.id !== id))} />
    </div>
  );
}
