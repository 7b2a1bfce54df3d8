// The actors of the codebook: who they are, their aliases and affiliations. Merging moves every
// annotation and alias to the survivor; deleting one in use says how many annotations it touches.
import { useEffect, useState } from 'preact/hooks';
import type { Actor, ActorKind, QuoteRow } from '../../shared/model';
import { actorKinds } from '../../shared/model';
import { call, ApiError } from '../api';
import { Typeahead } from './Typeahead';
import { actorOptions } from './AnnotationForm';
import type { Toast } from './Toasts';
import { InlineCreate } from './InlineCreate';
import { ActorAnnotations } from './ActorAnnotations';
import { confirmAction } from './ConfirmDialog';
import { plural } from '../../shared/plural';
import type { UndoHistory } from '../undo';
import { modLabel } from '../shortcuts';

interface Props {
  actors: Actor[];
  refresh: () => Promise<void>;
  toast: (t: Omit<Toast, 'id'>) => void;
  history: UndoHistory;
  /** An actor to show (from a search hit); a new `seq` each time. */
  selectRequest: { actorId: number; seq: number } | null;
  onOpenQuote: (q: QuoteRow) => void;
}

export function ActorsView({ actors, refresh, toast, history, selectRequest, onOpenQuote }: Props) {
  const [selected, setSelected] = useState<number | null>(selectRequest?.actorId ?? actors[0]?.id ?? null);
  const [filter, setFilter] = useState('');
  useEffect(() => {
    if (!selectRequest) return;
    setSelected(selectRequest.actorId);
    setFilter('');
  }, [selectRequest?.seq]);
  const [creating, setCreating] = useState(false);
  const actor = actors.find((a) => a.id === selected) ?? null;
  const q = filter.trim().toLowerCase();
  const shown = q ? actors.filter((a) => [a.name, ...a.aliases].some((n) => n.toLowerCase().includes(q))) : actors;
  const fail = (e: unknown) => toast({ kind: 'error', text: (e as Error).message });

  return (
    <div class="codebook">
      <aside class="pane codebook-list" aria-label="Actors">
        <div class="pane-header">
          <h2>Actors</h2>
          <span class="count">{actors.length}</span>
        </div>
        <div class="library-controls">
          <input type="search" placeholder="Filter by name or alias" aria-label="Filter actors" value={filter} onInput={(e) => setFilter((e.currentTarget as HTMLInputElement).value)} />
          <button data-testid="actor-new" onClick={() => setCreating(true)}>
            New
          </button>
        </div>
        {creating && (
          <InlineCreate
            placeholder="Name of the new actor"
            label="New actor name"
            autoFocus
            onCancel={() => setCreating(false)}
            onCreate={async (name) => {
              try {
                const a = await call('actors.create', { name });
                await refresh();
                setSelected(a.id);
                setCreating(false);
                return true;
              } catch (err) {
                fail(err);
                return false;
              }
            }}
          />
        )}
        {actors.length === 0 ? (
          <p class="empty">No actors yet. They are created when you name a speaker while annotating, or here with “New”.</p>
        ) : (
          <ul class="codebook-items">
            {shown.map((a) => (
              <li key={a.id}>
                <button class={`codebook-item ${a.id === selected ? 'selected' : ''}`} data-testid="actor-item" onClick={() => setSelected(a.id)}>
                  <span class="swatch" style={{ background: a.color }} />
                  <span class="item-title">{a.name}</span>
                  <span class="count">{a.annotationCount}</span>
                  {a.aliases.length > 0 && <span class="item-meta">also {a.aliases.join(', ')}</span>}
                </button>
              </li>
            ))}
          </ul>
        )}
      </aside>
      <main class="pane codebook-detail">
        {actor ? (
          <ActorEditor
            key={actor.id}
            actor={actor}
            actors={actors}
            refresh={refresh}
            onGone={() => setSelected(null)}
            onShow={setSelected}
            toast={toast}
            history={history}
            onOpenQuote={onOpenQuote}
          />
        ) : (
          <p class="empty">Choose an actor to edit their aliases, affiliations and colour.</p>
        )}
      </main>
    </div>
  );
}

interface EditorProps {
  actor: Actor;
  actors: Actor[];
  refresh: () => Promise<void>;
  onGone: () => void;
  onShow: (actorId: number) => void;
  toast: Props['toast'];
  history: UndoHistory;
  onOpenQuote: (q: QuoteRow) => void;
}

function ActorEditor({ actor, actors, refresh, onGone, onShow, toast, history, onOpenQuote }: EditorProps) {
  const [name, setName] = useState(actor.name);
  const [kind, setKind] = useState<ActorKind>(actor.kind);
  const [color, setColor] = useState(actor.color);
  const [aliases, setAliases] = useState(actor.aliases.join(', '));
  const [notes, setNotes] = useState(actor.notes ?? '');
  const [affiliations, setAffiliations] = useState(actor.affiliations.map((f) => ({ organizationId: f.organizationId, role: f.role ?? '' })));
  const [mergeTarget, setMergeTarget] = useState<number | ''>('');
  useEffect(() => setAffiliations(actor.affiliations.map((f) => ({ organizationId: f.organizationId, role: f.role ?? '' }))), [actor]);
  const fail = (e: unknown) => toast({ kind: 'error', text: (e as Error).message });
  const others = actors.filter((a) => a.id !== actor.id);

  const save = async () => {
    try {
      await call('actors.update', {
        id: actor.id,
        name,
        kind,
        color,
        notes: notes.trim() || null,
        aliases: aliases.split(',').map((a) => a.trim()).filter(Boolean),
        affiliations: affiliations.map((f) => ({ organizationId: f.organizationId, role: f.role.trim() || null })),
      });
      await refresh();
      toast({ kind: 'success', text: `Saved ${name}.` });
    } catch (e) {
      fail(e);
    }
  };

  const createOrganization = async (orgName: string) => {
    try {
      const org = await call('actors.create', { name: orgName, kind: 'organization' });
      await refresh();
      setAffiliations((fs) => [...fs, { organizationId: org.id, role: '' }]);
    } catch (e) {
      fail(e);
    }
  };

  return (
    <form
      class="editor-form"
      data-testid="actor-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h1>{actor.name}</h1>
      <div class="field-row">
        <label class="field">
          <span>Name</span>
          <input data-testid="actor-name" value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label class="field narrow">
          <span>Kind</span>
          <select value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as ActorKind)}>
            {actorKinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label class="field narrow">
          <span>Colour</span>
          <input type="color" value={color} onInput={(e) => setColor((e.currentTarget as HTMLInputElement).value)} />
        </label>
      </div>
      <label class="field">
        <span>Aliases (comma-separated; mentions of these light up in articles)</span>
        <input data-testid="actor-aliases" value={aliases} placeholder="e.g. Kim, Director-General Kim" onInput={(e) => setAliases((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <div class="field">
        <span>Affiliations</span>
        {affiliations.map((f, i) => (
          <div class="coding" key={f.organizationId}>
            <div class="coding-claim">{actors.find((a) => a.id === f.organizationId)?.name}</div>
            <input
              placeholder="Role, e.g. Director-General"
              aria-label="Role"
              value={f.role}
              onInput={(e) => setAffiliations(affiliations.map((x, j) => (j === i ? { ...x, role: (e.currentTarget as HTMLInputElement).value } : x)))}
            />
            <button type="button" class="icon-button" aria-label="Remove affiliation" onClick={() => setAffiliations(affiliations.filter((_, j) => j !== i))}>
              ×
            </button>
          </div>
        ))}
        <Typeahead
          options={actorOptions(others.filter((a) => a.kind !== 'person' && !affiliations.some((f) => f.organizationId === a.id)))}
          label="Add an affiliation"
          testId="affiliation-input"
          placeholder="Add an organization, state or group…"
          createNoun="organization"
          onPick={(o) => setAffiliations([...affiliations, { organizationId: o.id, role: '' }])}
          onCreate={(n) => void createOrganization(n)}
        />
      </div>
      <label class="field">
        <span>Notes</span>
        <textarea rows={4} value={notes} onInput={(e) => setNotes((e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      <div class="dialog-actions">
        <button type="submit" class="primary" data-testid="actor-save">
          Save
        </button>
      </div>
      <ActorAnnotations actorId={actor.id} version={actor.annotationCount} onOpenQuote={onOpenQuote} onError={fail} />
      <hr />
      <div class="danger-zone">
        <label class="field">
          <span>Merge into another actor (annotations, aliases and affiliations move; this actor’s name becomes an alias)</span>
          <div class="field-row">
            <select data-testid="actor-merge-target" value={mergeTarget} onChange={(e) => setMergeTarget(Number((e.currentTarget as HTMLSelectElement).value) || '')}>
              <option value="">Choose…</option>
              {others.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              data-testid="actor-merge"
              disabled={mergeTarget === ''}
              onClick={async () => {
                const target = others.find((a) => a.id === mergeTarget);
                if (!target) return;
                const ok = await confirmAction({
                  title: `Merge “${actor.name}” into “${target.name}”?`,
                  message: `${plural(actor.annotationCount, 'annotation')} will name ${target.name} as speaker, and “${actor.name}” becomes one of their aliases. You can undo this (${modLabel}Z).`,
                  confirmLabel: 'Merge',
                });
                if (!ok) return;
                try {
                  const merged = await call('actors.merge', { sourceId: actor.id, targetId: target.id });
                  const label = `merge “${actor.name}” into “${target.name}”`;
                  history.push({
                    label,
                    undo: () => call('actors.unmerge', { mergeId: merged.mergeId }),
                    redo: async () => {
                      merged.mergeId = (await call('actors.merge', { sourceId: actor.id, targetId: target.id })).mergeId;
                    },
                  });
                  await refresh();
                  onShow(target.id);
                  toast({ kind: 'success', text: `Merged “${actor.name}” into “${target.name}”.`, action: { label: 'Undo', run: () => void history.undo().then(refresh).catch(fail) } });
                } catch (e) {
                  fail(e);
                }
              }}
            >
              Merge
            </button>
          </div>
        </label>
        <button
          type="button"
          class="danger"
          data-testid="actor-delete"
          onClick={async () => {
            try {
              await call('actors.delete', { id: actor.id });
            } catch (e) {
              if (!(e instanceof ApiError && e.code === 'conflict')) return fail(e);
              const ok = await confirmAction({ title: `Delete “${actor.name}”?`, message: `${e.message} This cannot be undone.`, confirmLabel: 'Delete anyway', danger: true });
              if (!ok) return;
              try {
                await call('actors.delete', { id: actor.id, force: true });
              } catch (e2) {
                return fail(e2);
              }
            }
            await refresh();
            onGone();
            toast({ kind: 'success', text: `Deleted “${actor.name}”.` });
          }}
        >
          Delete actor
        </button>
      </div>
    </form>
  );
}
