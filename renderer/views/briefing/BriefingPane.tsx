// One briefing being written: title and handling line, toolbar, the editor, the generated Sources
// section, and the save status. Autosave runs at most a second after the last change and is
// flushed on blur, on switching briefing, and when the window goes away.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Actor, ArticleMeta, Briefing, BriefingMeta, BriefingPeer, BriefingRoomView, QuoteRow, Topic } from '../../../shared/model';
import type { CallInput } from '../../../shared/contract';
import { toggleMark } from 'prosemirror-commands';
import { Node } from 'prosemirror-model';
import { briefingSchema as s } from '../../../shared/schema/briefing';
import { safeHref } from '../../../shared/schema';
import { call, isDesktop } from '../../api';
import { BriefingEditor, type CitedArticle } from '../../editor/briefing/editor';
import { AutosaveQueue, type DocSaver, type SaveState } from '../../editor/briefing/autosave';
import { RoomSaver } from '../../editor/briefing/room';
import type { ToolbarState } from '../../editor/briefing/toolbar-state';
import type { MentionQuery } from '../../editor/briefing/mentions';
import { appendFigure, insertCite, insertMention, insertQuote, insertStanceTable, type QuoteForm } from '../../editor/briefing/commands';
import { drawFigure, drawTimelineFigure, type FigureAttrs } from '../../../shared/landscape/figure';
import { layOut } from '../landscape/useLayout';
import { modKey } from '../../shortcuts';
import { Toolbar } from './Toolbar';
import { Picker } from './Picker';
import { ExportMenu } from './ExportMenu';
import { OptionList } from '../OptionList';
import { actorOptions, rankOptions, type Option } from '../options';
import type { Toast } from '../Toasts';
import { confirmAction } from '../ConfirmDialog';
import { plural } from '../../../shared/plural';

interface Props {
  briefingId: number;
  actors: Actor[];
  topics: Topic[];
  quotes: QuoteRow[];
  articles: ArticleMeta[];
  subscribeQuotes: (listener: () => void) => () => void;
  onMeta: (meta: BriefingMeta) => void;
  onOpenSource: (articleId: number, annotationId?: number) => void;
  onFocusBank: () => void;
  /** The quote bank asks the open editor to insert. */
  bindInsert: (insert: ((q: QuoteRow, form: QuoteForm) => void) | null) => void;
  /** The landscape asks the open editor to add a figure; one sent before the editor was ready is taken once it is. */
  bindFigure: (insert: ((figure: FigureAttrs) => void) | null) => void;
  takeFigure: (briefingId: number) => FigureAttrs | null;
  bindRestore: (restore: RestoreBinding | null) => void;
  onSaved: () => void;
  /** The briefing was just created: put the cursor in its title. */
  focusTitle: boolean;
  toast: (t: Omit<Toast, 'id'>) => void;
}

/** What the revisions panel may do with the open editor: read its text now, put a revision back. */
export interface RestoreBinding {
  current(): unknown;
  restore(doc: unknown): void;
}

type Picking = 'cite' | 'topic' | null;
type MetaPatch = Omit<CallInput<'briefings.update'>, 'id'>;

const STATUS_TEXT: Record<SaveState, string> = { saved: 'Saved', dirty: 'Unsaved changes', saving: 'Saving…', error: 'Not saved' };

export function BriefingPane(props: Props) {
  const { briefingId, actors, topics, quotes, articles, toast } = props;
  const [briefing, setBriefing] = useState<Briefing | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [saveError, setSaveError] = useState<string | null>(null);
  const [toolbar, setToolbar] = useState<ToolbarState | null>(null);
  const [cited, setCited] = useState<CitedArticle[]>([]);
  const [mention, setMention] = useState<MentionQuery | null>(null);
  const [mentionIndex, setMentionIndex] = useState(0);
  const [picking, setPicking] = useState<Picking>(null);
  const mount = useRef<HTMLDivElement>(null);
  const titleField = useRef<HTMLTextAreaElement>(null);
  const editor = useRef<BriefingEditor | null>(null);
  const queue = useRef<DocSaver | null>(null);
  /** Who else has the briefing open, in a team library; the room's state when it is not online. */
  const [peers, setPeers] = useState<BriefingPeer[]>([]);
  const [room, setRoom] = useState<{ state: BriefingRoomView['state']; message: string | null } | null>(null);
  const closing = useRef(false);
  const live = useRef(props);
  live.current = props;
  const mentionMatches = useRef<Option[]>([]);
  const mentionState = useRef<{ q: MentionQuery | null; index: number }>({ q: null, index: 0 });
  mentionState.current = { q: mention, index: mentionIndex };

  const quoteIndex = useMemo(() => new Map(quotes.map((q) => [q.id, q])), [quotes]);
  const quoteIndexRef = useRef(quoteIndex);
  quoteIndexRef.current = quoteIndex;
  const quotesLoaded = useRef(false);
  quotesLoaded.current = quotes.length > 0 || quotesLoaded.current;

  // Load the briefing and build the editor and its autosave queue.
  useEffect(() => {
    let cancelled = false;
    let unsubscribe = () => {};
    const autosave = (version: number) =>
      new AutosaveQueue<unknown>(async (doc, baseVersion) => {
        const meta = await call('briefings.save', { id: briefingId, doc: doc as Record<string, unknown>, baseVersion }, { keepalive: closing.current });
        live.current.onMeta(meta);
        live.current.onSaved();
        return meta;
      }, version);
    const roomSaver = (opened: BriefingRoomView, doc: unknown) => {
      const saver: RoomSaver = new RoomSaver(
        opened.session,
        Node.fromJSON(s, doc),
        {
          // Closing the window: the last exchange outlives the page.
          exchange: (session, input) => call('team.briefing.exchange', { session, ...input }, { keepalive: closing.current }),
          wake: (session) => call('team.briefing.wake', { session }),
          leave: (session) => call('team.briefing.leave', { session }),
          open: openRoom,
        },
        {
          view: () => editor.current?.view ?? null,
          onPeers: (list, state, message) => {
            setPeers((old) => (JSON.stringify(old) === JSON.stringify(list) ? old : list));
            setRoom((old) => (old?.state === state && old.message === message ? old : { state, message }));
          },
          showPeers: (list) => editor.current?.setPeers(list),
          onSaved: () => live.current.onSaved(),
          onMeta: (meta) => live.current.onMeta(meta),
        },
      );
      return saver;
    };
    // In a team library the briefing opens live with the team (main/sync/briefing-room.ts); elsewhere, or
    // when the room cannot be had, the autosave queue saves it as ever.
    const openRoom = () => call('team.briefing.open', { id: briefingId }).then((r) => r.room, () => null);
    Promise.all([call('briefings.get', { id: briefingId }), openRoom()])
      .then(([b, opened]) => {
        if (cancelled) {
          if (opened) void call('team.briefing.leave', { session: opened.session }).catch(() => {});
          return;
        }
        setBriefing(b);
        const q: DocSaver = opened ? roomSaver(opened, opened.doc ?? b.doc) : autosave(b.version);
        queue.current = q;
        unsubscribe = q.onState((state, error) => {
          setSaveState(state);
          setSaveError(error ? error.message : null);
        });
        editor.current = new BriefingEditor(mount.current!, opened?.doc ?? b.doc, {
          onChange: (doc) => q.change(doc.toJSON()),
          onSelection: () => (q instanceof RoomSaver ? q.moved() : undefined),
          onToolbar: setToolbar,
          onCitations: setCited,
          onBlur: () => void q.flush(),
          quoteById: (id) => quoteIndexRef.current.get(id),
          currentQuote: (id) => (quotesLoaded.current ? (quoteIndexRef.current.get(id) ?? null) : undefined),
          onQuotesChanged: live.current.subscribeQuotes,
          openSource: (articleId, annotationId) => live.current.onOpenSource(articleId, annotationId),
          loadMatrix: (topicId) => call('matrix.get', { topicId }),
          drawFigure: async (query) => {
            if (query.type === 'timeline') {
              const { type: _timeline, ...filter } = query;
              return drawTimelineFigure(await call('landscape.timeline', filter));
            }
            const landscape = await call('landscape.network', query);
            return drawFigure(landscape, await layOut(landscape.network));
          },
          onMention: (m) => {
            setMention(m);
            setMentionIndex(0);
          },
          onMentionKey: (key) => mentionKeyRef.current(key),
        }, { team: !!opened });
        live.current.bindInsert((quote, form) => editor.current?.run(insertQuote(quote, form)));
        const addFigure = (figure: FigureAttrs) => {
          editor.current?.run(appendFigure(figure));
          live.current.toast({ kind: 'success', text: `Figure added at the end of “${b.title}”. Drag it where it belongs.` });
        };
        live.current.bindFigure(addFigure);
        const waiting = live.current.takeFigure(briefingId);
        if (waiting) addFigure(waiting);
        live.current.bindRestore({
          current: () => editor.current?.doc.toJSON(),
          restore: (doc) => {
            editor.current?.replaceDoc(doc);
            live.current.toast({ kind: 'info', text: 'Revision restored. Undo (Ctrl/Cmd+Z) puts back what was there.' });
          },
        });
      })
      .catch((e: Error) => live.current.toast({ kind: 'error', text: e.message }));
    return () => {
      cancelled = true;
      const q = queue.current;
      // Switching briefing: whatever is unsaved goes out now.
      void q?.flush().finally(() => q.dispose());
      unsubscribe();
      editor.current?.destroy();
      editor.current = null;
      queue.current = null;
      live.current.bindInsert(null);
      live.current.bindFigure(null);
      live.current.bindRestore(null);
    };
  }, [briefingId]);

  // A briefing just created: the analyst names it first, so the title takes the cursor (selected,
  // so typing replaces "Untitled briefing"); Enter then goes on to the body.
  useEffect(() => {
    if (!briefing || !props.focusTitle) return;
    titleField.current?.focus();
    titleField.current?.select();
  }, [briefing?.id]);

  // Closing the window or tab: flush what is unsaved.
  useEffect(() => {
    const hide = () => {
      if (!queue.current?.dirty) return;
      closing.current = true;
      void queue.current.flush().finally(() => (closing.current = false));
    };
    const onVisibility = () => document.visibilityState === 'hidden' && hide();
    // The desktop app can hold the window open until the save is done. If the save fails (a full
    // disk), the analyst decides: closing again would only fail again.
    let letGo = false;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      const q = queue.current;
      if (!isDesktop || !q?.dirty || letGo) return;
      e.preventDefault();
      e.returnValue = '';
      void q
        .flush()
        .then(() =>
          q.dirty
            ? confirmAction({
                title: 'Close without the last changes?',
                message: `The last changes to this briefing could not be saved${q.state === 'error' ? '' : ' yet'}. Close anyway and lose them?`,
                confirmLabel: 'Close and lose them',
                danger: true,
              })
            : true,
        )
        .then((close) => {
          if (!close) return;
          letGo = true;
          window.close();
        });
    };
    window.addEventListener('pagehide', hide);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('pagehide', hide);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, []);

  // The quote bank's Ctrl/Cmd+Shift+Q.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (modKey(e) && e.shiftKey && e.key.toLowerCase() === 'q') {
        e.preventDefault();
        props.onFocusBank();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The @ typeahead: ranked as every actor typeahead is (name or alias, exact, then prefix, then inside).
  const options = useMemo(() => actorOptions(actors), [actors]);
  const matches = mention ? rankOptions(options, mention.query, 8) : [];
  mentionMatches.current = matches;
  const pickMention = (option: Option) => {
    const m = mentionState.current.q;
    const actor = actors.find((a) => a.id === option.id);
    if (m && actor) editor.current?.run(insertMention(m.from, m.to, actor));
    setMention(null);
  };
  const mentionKeyRef = useRef<(key: string) => boolean>(() => false);
  mentionKeyRef.current = (key) => {
    const list = mentionMatches.current;
    if (key === 'Escape') {
      setMention(null);
      return true;
    }
    if (!list.length) return false;
    if (key === 'ArrowDown') setMentionIndex((i) => Math.min(list.length - 1, i + 1));
    else if (key === 'ArrowUp') setMentionIndex((i) => Math.max(0, i - 1));
    else pickMention(list[Math.min(mentionState.current.index, list.length - 1)]!);
    return true;
  };

  const saveMeta = async (patch: MetaPatch) => {
    try {
      const meta = await call('briefings.update', { id: briefingId, ...patch });
      setBriefing((b) => (b ? { ...b, ...meta } : b));
      props.onMeta(meta);
    } catch (e) {
      toast({ kind: 'error', text: (e as Error).message });
    }
  };

  const articleInfo = (id: number) => {
    const meta = articles.find((a) => a.id === id);
    if (meta) return meta;
    const fromQuote = quotes.find((q) => q.article.id === id)?.article;
    return fromQuote ?? null;
  };

  const addLink = () => {
    const ed = editor.current;
    if (!ed) return;
    if (toolbar?.marks.link) return void ed.run(toggleMark(s.marks.link!));
    const href = safeHref(window.prompt('Link to (http, https or mailto):', 'https://')?.trim());
    if (!href) return toast({ kind: 'error', text: 'Links must start with http://, https:// or mailto:.' });
    ed.run(toggleMark(s.marks.link!, { href }));
  };

  return (
    <main class="pane briefing-pane" aria-label="Briefing">
      {briefing && (
        <header class="briefing-header">
          {/* A textarea that grows with its text (field-sizing), so a long title wraps instead of being cut off. */}
          <textarea
            ref={titleField}
            class="briefing-title"
            data-testid="briefing-title"
            aria-label="Briefing title"
            rows={1}
            key={`t${briefing.id}`}
            defaultValue={briefing.title}
            onInput={(e) => {
              // One line of title: a pasted line break becomes a space.
              const el = e.currentTarget as HTMLTextAreaElement;
              if (/[\r\n]/.test(el.value)) el.value = el.value.replace(/\s*[\r\n]+\s*/g, ' ');
            }}
            onBlur={(e) => {
              const title = (e.currentTarget as HTMLTextAreaElement).value.trim();
              if (title && title !== briefing.title) void saveMeta({ title });
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                editor.current?.focus();
              }
            }}
          />
          <div class="briefing-meta" key={`m${briefing.id}`}>
            <input
              aria-label="Classification / handling"
              data-testid="briefing-classification"
              placeholder="Classification / handling line"
              title="The handling line printed at the top and bottom of every page, e.g. UNCLASSIFIED // FOR OFFICIAL USE ONLY"
              defaultValue={briefing.classification}
              onBlur={(e) => {
                const v = (e.currentTarget as HTMLInputElement).value.trim();
                if (v !== briefing.classification) void saveMeta({ classification: v });
              }}
            />
            <input
              aria-label="Author"
              placeholder="Author"
              defaultValue={briefing.author}
              onBlur={(e) => {
                const v = (e.currentTarget as HTMLInputElement).value.trim();
                if (v !== briefing.author) void saveMeta({ author: v });
              }}
            />
            <input type="date" aria-label="Date" defaultValue={briefing.date ?? ''} onChange={(e) => void saveMeta({ date: (e.currentTarget as HTMLInputElement).value || null })} />
            <select aria-label="Status" value={briefing.status} onChange={(e) => void saveMeta({ status: (e.currentTarget as HTMLSelectElement).value as 'draft' | 'final' })}>
              <option value="draft">draft</option>
              <option value="final">final</option>
            </select>
            <ExportMenu briefingId={briefingId} beforeExport={() => queue.current?.flush() ?? Promise.resolve()} onError={(m) => toast({ kind: 'error', text: m })} />
            {room && <RoomPresence peers={peers} state={room.state} message={room.message} />}
            <span class={`save-status save-${saveState}`} data-testid="save-status" role="status">
              {STATUS_TEXT[saveState]}
              {saveState === 'error' && (
                <>
                  {saveError ? `: ${saveError}` : ''}{' '}
                  <button class="link-button" onClick={() => void queue.current?.retry()}>
                    Retry
                  </button>
                </>
              )}
            </span>
          </div>
          <Toolbar
            state={toolbar}
            run={(c) => editor.current?.run(c)}
            onLink={addLink}
            onQuote={props.onFocusBank}
            onCite={() => setPicking('cite')}
            onStanceTable={() => setPicking('topic')}
          />
        </header>
      )}
      <div class="briefing-scroll">
        <div ref={mount} class="briefing-mount" />
        {briefing && (
          <section class="sources" data-testid="sources" aria-label="Sources">
            <h2>Sources</h2>
            {cited.length === 0 ? (
              <p class="hint">Quotes and citations you add are listed here, numbered in the order they appear.</p>
            ) : (
              <ol>
                {cited.map(({ articleId: id, speakers }) => {
                  const a = articleInfo(id);
                  return (
                    <li key={id} data-testid="source-item">
                      <button class="link-button" onClick={() => props.onOpenSource(id)}>
                        {a?.title ?? `Article ${id}`}
                      </button>
                      {a && <span class="hint"> {[a.outlet, a.author, a.publishedAt].filter(Boolean).join(', ')}</span>}
                      {speakers.length > 0 && <span class="source-speakers"> Quoted: {speakers.join('; ')}.</span>}
                    </li>
                  );
                })}
              </ol>
            )}
          </section>
        )}
      </div>
      {mention && matches.length > 0 && (
        <OptionList options={matches} active={mentionIndex} onPick={(i) => pickMention(matches[i]!)} class="mention-menu" testId="mention-menu" style={{ left: `${mention.left}px`, top: `${mention.top}px` }} />
      )}
      {picking === 'cite' && (
        <Picker
          title="Cite an article"
          testId="cite-picker"
          items={articles.map((a) => ({ id: a.id, label: a.title, hint: [a.outlet, a.publishedAt].filter(Boolean).join(', ') }))}
          onPick={(item) => {
            setPicking(null);
            editor.current?.run(insertCite({ id: item.id, title: item.label }));
          }}
          onClose={() => {
            setPicking(null);
            editor.current?.focus();
          }}
        />
      )}
      {picking === 'topic' && (
        <Picker
          title="Actors & positions table for which topic?"
          testId="topic-picker"
          items={topics.map((t) => ({ id: t.id, label: t.name, hint: plural(t.positions.length, 'position') }))}
          onPick={(item) => {
            setPicking(null);
            editor.current?.run(insertStanceTable({ id: item.id, name: item.label }));
          }}
          onClose={() => {
            setPicking(null);
            editor.current?.focus();
          }}
        />
      )}
    </main>
  );
}

/** Who else is in a briefing open with the team, each in their cursor's colour; or why nobody can be. */
function RoomPresence({ peers, state, message }: { peers: BriefingPeer[]; state: BriefingRoomView['state']; message: string | null }) {
  const alone = state === 'online' ? 'Only you here' : state === 'offline' ? 'Team offline: saved on this computer' : 'Not shared with the team';
  return (
    <span class={`briefing-peers room-${state}`} data-testid="briefing-peers" data-state={state} title={message ?? (state === 'offline' ? 'Your changes are kept here and go to the team once its server answers.' : undefined)}>
      {peers.length === 0
        ? alone
        : peers.map((p) => (
            <span key={`${p.name}|${p.colour}`} class={`peer-chip peer-${p.colour}`} data-testid="briefing-peer">
              {p.name}
            </span>
          ))}
    </span>
  );
}
