// The actors of the codebook: who they are, their aliases and affiliations. Merging moves every
// annotation and alias to the survivor; deleting one in use says how many annotations it touches.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Actor, ActorKind, QuoteRow } from '../../shared/model';
import { actorKinds } from '../../shared/model';
import { useRequest } from '../requests';
import { call, ApiError } from '../api';
import { Typeahead } from './Typeahead';
import { actorOptions, foldName, nameRank } from './options';
import type { Toast } from './Toasts';
import { InlineCreate } from './InlineCreate';
import { ActorAnnotations } from './ActorAnnotations';
import { confirmAction } from './ConfirmDialog';
import { plural } from '../../shared/plural';
import type { UndoHistory } from '../undo';
import { modLabel } from '../shortcuts';
import { guessActorKind } from '../../shared/actor-kind';

interface Props {
  actors: Actor[];
  refresh: () => Promise<void>;
  toast: (t: Omit<Toast, 'id'>) => void;
  history: UndoHistory;
  onOpenQuote: (q: QuoteRow) => void;
}

export function ActorsView({ actors, refresh, toast, history, onOpenQuote }: Props) {
  const [selected, setSelected] = useState<number | null>(actors[0]?.id ?? null);
  const [filter, setFilter] = useState('');
  // A search hit: shown even when the filter would hide it.
  useRequest('show-actor', ({ actorId }) => {
    setSelected(actorId);
    setFilter('');
  });
  const [creating, setCreating] = useState(false);
  const actor = actors.find((a) => a.id === selected) ?? null;
  const q = filter.trim().toLowerCase();
  const shown = q ? actors.filter((a) => nameRank([a.name, ...a.aliases], foldName(q)) >= 0) : actors;
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
                // A first guess at the kind; the editor that opens shows it to correct.
                const a = await call('actors.create', { name, kind: guessActorKind(name) });
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

interface AffiliationRow {
  /** Stable while an organization is being created, so its role field keeps the keyboard. */
  key: string;
  organizationId: number | null;
  /** The name of one being created, until the actor list has it. */
  name?: string;
  role: string;
}

const storedAffiliations = (actor: Actor): AffiliationRow[] => actor.affiliations.map((f) => ({ key: `o${f.organizationId}`, organizationId: f.organizationId, role: f.role ?? '' }));

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
  const [affiliations, setAffiliations] = useState(() => storedAffiliations(actor));
  const [mergeTarget, setMergeTarget] = useState<number | ''>('');
  // Back in step with the store when the actor's stored affiliations change (a save, a merge); not
  // on every refresh of the actor list, which would drop one just attached and not yet saved.
  const stored = JSON.stringify(actor.affiliations.map((f) => [f.organizationId, f.role]));
  useEffect(() => setAffiliations(storedAffiliations(actor)), [stored]);
  const latest = useRef(affiliations);
  latest.current = affiliations;
  // Organizations being created from the field: Save waits for them.
  const creating = useRef(new Set<Promise<unknown>>());
  // An organization just attached: the keyboard goes on to its role.
  const [roleFocus, setRoleFocus] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useLayoutEffect(() => {
    if (roleFocus === null) return;
    const input = form.current?.querySelector<HTMLInputElement>(`[data-affiliation-key="${roleFocus}"] input`);
    if (input) {
      input.focus();
      setRoleFocus(null);
    }
  });
  const attach = (organizationId: number) => {
    const key = `o${organizationId}`;
    setAffiliations((fs) => (fs.some((f) => f.organizationId === organizationId) ? fs : [...fs, { key, organizationId, role: '' }]));
    setRoleFocus(key);
  };
  const fail = (e: unknown) => toast({ kind: 'error', text: (e as Error).message });
  const others = actors.filter((a) => a.id !== actor.id);

  const save = async () => {
    try {
      if (creating.current.size) {
        await Promise.allSettled([...creating.current]);
        await new Promise((r) => setTimeout(r)); // the render that carries the new ids
      }
      const affiliations = latest.current.flatMap((f) => (f.organizationId === null ? [] : [{ organizationId: f.organizationId, role: f.role }]));
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

  // The row and its role field appear at once, so what is typed next goes into the role; the
  // organization's id fills in when it has been created.
  const createOrganization = (orgName: string) => {
    const key = `new-${orgName}`;
    setAffiliations((fs) => [...fs, { key, organizationId: null, name: orgName, role: '' }]);
    setRoleFocus(key);
    const work = (async () => {
      try {
        const org = await call('actors.create', { name: orgName, kind: 'organization' });
        setAffiliations((fs) => fs.map((f) => (f.key === key ? { ...f, organizationId: org.id } : f)));
        await refresh();
      } catch (e) {
        setAffiliations((fs) => fs.filter((f) => f.key !== key));
        fail(e);
      }
    })();
    creating.current.add(work);
    void work.finally(() => creating.current.delete(work));
  };

  return (
    <form
      ref={form}
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
        {affiliations.map((f) => (
          <div class="coding" key={f.key} data-testid="affiliation" data-affiliation-key={f.key}>
            <div class="coding-claim">{actors.find((a) => a.id === f.organizationId)?.name ?? f.name}</div>
            <input
              placeholder="Role, e.g. Director-General"
              aria-label="Role"
              value={f.role}
              onInput={(e) => {
                const role = (e.currentTarget as HTMLInputElement).value;
                setAffiliations((fs) => fs.map((x) => (x.key === f.key ? { ...x, role } : x)));
              }}
            />
            <button type="button" class="icon-button" aria-label="Remove affiliation" onClick={() => setAffiliations((fs) => fs.filter((x) => x.key !== f.key))}>
              ×
            </button>
          </div>
        ))}
        <Typeahead
          options={actorOptions(others.filter((a) => a.kind !== 'person' && !affiliations.some((f) => f.organizationId === a.id)))}
          taken={[
            ...actorOptions(others.filter((a) => affiliations.some((f) => f.organizationId === a.id))),
            ...affiliations.flatMap((f, i) => (f.organizationId === null && f.name ? [{ id: -1 - i, label: f.name }] : [])),
          ]}
          label="Add an affiliation"
          testId="affiliation-input"
          placeholder="Add an organization, state or group…"
          createNoun="organization"
          onPick={(o) => attach(o.id)}
          onCreate={createOrganization}
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
