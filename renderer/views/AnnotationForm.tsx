// Coding one passage: its kind, who said it, which positions it expresses and with what stance,
// a comment and tags. Lives in the inspector, so the article stays readable; Esc cancels.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Actor, ActorKind, AnnotationKind, AnnotationPosition, Stance, Topic } from '../../shared/model';
import { actorKinds, annotationKinds, stances } from '../../shared/model';
import { guessActorKind } from '../../shared/actor-kind';
import { call } from '../api';
import { Typeahead } from './Typeahead';
import { actorOptions, type Option } from './options';
import { plural } from '../../shared/plural';

export interface AnnotationDraft {
  id?: number;
  articleId: number;
  start: number;
  end: number;
  exact: string;
  kind: AnnotationKind;
  speakerId: number | null;
  /** A speaker not yet in the codebook (a suggested one): created when the form is saved. */
  speakerName?: string;
  /** The suggestion this form accepts, when it was opened from one. */
  suggestionKey?: string;
  positions: AnnotationPosition[];
  comment: string;
  tags: string[];
}

interface Props {
  draft: AnnotationDraft;
  actors: Actor[];
  topics: Topic[];
  /** An actor clicked in the text; `seq` makes clicking the same one again count. */
  suggestedSpeaker?: { actorId: number; seq: number } | null;
  onSave: (draft: AnnotationDraft) => Promise<boolean>;
  onCancel: () => void;
  /** A new actor, topic or position was created from the form. */
  onCodebookChanged: () => Promise<void>;
  onError: (message: string) => void;
}

const KIND_LABEL: Record<AnnotationKind, string> = { quote: 'Quote', paraphrase: 'Paraphrase', note: 'Note' };

/**
 * A coding in the making: its stance is unset until the analyst chooses one. A position being
 * created has no id yet (`positionId` null, its claim shown), so its stance can be chosen at once.
 */
interface DraftCoding {
  /** Stable across the position's creation, so the stance field keeps the keyboard. */
  key: string;
  positionId: number | null;
  claim?: string;
  stance: Stance | null;
}

type FormDraft = Omit<AnnotationDraft, 'positions'> & { positions: DraftCoding[] };

/** Where the keyboard goes next: the form walks Speaker → Positions → Topic → stance. */
type FocusTarget = { field: 'speaker' | 'position' } | { field: 'stance'; key: string };

const codingKey = (positionId: number) => `p${positionId}`;

export function AnnotationForm({ draft: initial, actors, topics, suggestedSpeaker, onSave, onCancel, onCodebookChanged, onError }: Props) {
  const [draft, setDraft] = useState<FormDraft>(() => ({ ...initial, positions: initial.positions.map((c) => ({ ...c, key: codingKey(c.positionId) })) }));
  // The draft as last rendered, for a save that waited for creations still under way.
  const latest = useRef(draft);
  latest.current = draft;
  // Speakers, topics and positions being created: keys typed meanwhile go on to the next field,
  // and a save waits for them.
  const creating = useRef(new Set<Promise<unknown>>());
  const newKeys = useRef(0);
  const [tagsText, setTagsText] = useState(initial.tags.join(', '));
  const [pendingClaim, setPendingClaim] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Codings saved without a stance would land in a wrong matrix cell, so the form asks.
  const [missingStance, setMissingStance] = useState(false);
  // A speaker created here: its guessed kind, shown so a wrong guess is one click to fix.
  const [guessed, setGuessed] = useState<{ actorId: number; kind: ActorKind } | null>(null);
  const [focusNext, setFocusNext] = useState<FocusTarget | null>(initial.speakerId === null && !initial.speakerName ? { field: 'speaker' } : { field: 'position' });
  const speakerInput = useRef<HTMLInputElement>(null);
  const positionInput = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (suggestedSpeaker) setDraft((d) => ({ ...d, speakerId: suggestedSpeaker.actorId, speakerName: undefined }));
  }, [suggestedSpeaker]);

  // Focus moves right after the render that shows the next field (before the next key press is
  // handled), never by the `autofocus` attribute, which browsers honour once per page.
  useLayoutEffect(() => {
    if (!focusNext) return;
    let el: HTMLElement | null | undefined;
    if (focusNext.field === 'stance') el = form.current?.querySelector<HTMLSelectElement>(`select[data-coding-key="${focusNext.key}"]`);
    else el = focusNext.field === 'speaker' ? speakerInput.current : positionInput.current;
    if (el) {
      el.focus();
      setFocusNext(null);
    }
  });

  const speaker = actors.find((a) => a.id === draft.speakerId) ?? null;
  const positions = topics.flatMap((t) => t.positions.map((p) => ({ ...p, topic: t.name })));
  const positionOptions: Option[] = positions.filter((p) => !draft.positions.some((d) => d.positionId === p.id)).map((p) => ({ id: p.id, label: p.claim, hint: p.topic }));

  const addCoding = (positionId: number) => {
    const key = codingKey(positionId);
    setDraft((d) => ({ ...d, positions: [...d.positions, { key, positionId, stance: null }] }));
    setFocusNext({ field: 'stance', key });
  };

  const pickSpeaker = (actorId: number) => {
    setDraft((d) => ({ ...d, speakerId: actorId, speakerName: undefined }));
    setFocusNext({ field: 'position' });
  };

  const track = (work: Promise<unknown>) => {
    creating.current.add(work);
    void work.finally(() => creating.current.delete(work));
  };

  const createSpeaker = (name: string) => {
    // Accepting a suggestion creates its new speaker on save, with the mention as an alias.
    if (draft.suggestionKey !== undefined) {
      setDraft((d) => ({ ...d, speakerId: null, speakerName: name }));
      setFocusNext({ field: 'position' });
      return;
    }
    const kind = guessActorKind(name);
    // On to Positions now: what is typed while the actor is being created belongs there.
    positionInput.current?.focus();
    track(
      (async () => {
        try {
          const actor = await call('actors.create', { name, kind });
          await onCodebookChanged();
          setGuessed({ actorId: actor.id, kind });
          setDraft((d) => ({ ...d, speakerId: actor.id }));
        } catch (e) {
          onError((e as Error).message);
          setFocusNext({ field: 'speaker' });
        }
      })(),
    );
  };

  const changeKind = async (actorId: number, kind: ActorKind) => {
    try {
      await call('actors.update', { id: actorId, kind });
      await onCodebookChanged();
      setGuessed({ actorId, kind });
    } catch (e) {
      onError((e as Error).message);
    }
  };

  const createPosition = (topicId: number | null, topicName: string | null) => {
    const claim = pendingClaim!;
    // The coding row (and its stance field) appears at once; its position id follows.
    const key = `new${++newKeys.current}`;
    setPendingClaim(null);
    setDraft((d) => ({ ...d, positions: [...d.positions, { key, positionId: null, claim, stance: null }] }));
    setFocusNext({ field: 'stance', key });
    track(
      (async () => {
        try {
          const topic = topicId ?? (await call('topics.create', { name: topicName! })).id;
          const position = await call('positions.create', { topicId: topic, claim });
          await onCodebookChanged();
          setDraft((d) => ({ ...d, positions: d.positions.map((c) => (c.key === key ? { ...c, positionId: position.id, claim: undefined } : c)) }));
        } catch (e) {
          onError((e as Error).message);
          setDraft((d) => ({ ...d, positions: d.positions.filter((c) => c.key !== key) }));
          setPendingClaim(claim);
        }
      })(),
    );
  };

  const save = async () => {
    if (saving) return;
    setSaving(true);
    if (creating.current.size) {
      await Promise.allSettled([...creating.current]);
      // Let the render that carries the new ids happen before reading the draft.
      await new Promise((r) => setTimeout(r));
    }
    const d = latest.current;
    const unset = d.positions.find((c) => c.stance === null);
    if (unset) {
      setSaving(false);
      setMissingStance(true);
      setFocusNext({ field: 'stance', key: unset.key });
      return;
    }
    const tags = tagsText.split(',').map((t) => t.trim()).filter(Boolean);
    const codings = d.positions.flatMap((c) => (c.positionId === null ? [] : [{ positionId: c.positionId, stance: c.stance! }]));
    await onSave({ ...d, positions: codings, comment: d.comment.trim(), tags });
    setSaving(false);
  };

  return (
    <form
      ref={form}
      class="annotation-form"
      data-testid="annotation-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onCancel();
        }
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        }
      }}
    >
      <div class="pane-header">
        <h2>{draft.id ? 'Edit annotation' : draft.suggestionKey !== undefined ? 'Accept suggestion' : 'New annotation'}</h2>
      </div>
      <blockquote class="form-exact">{draft.exact}</blockquote>

      <div class="segmented" role="radiogroup" aria-label="Kind">
        {annotationKinds.map((k) => (
          <button type="button" key={k} role="radio" aria-checked={draft.kind === k} class={draft.kind === k ? 'on' : ''} data-testid={`kind-${k}`} onClick={() => setDraft((d) => ({ ...d, kind: k }))}>
            {KIND_LABEL[k]}
          </button>
        ))}
      </div>

      <div class="field">
        <span>Speaker</span>
        {speaker ? (
          <>
            <div class="chip" data-testid="speaker-chip">
              <span class="swatch" style={{ background: speaker.color }} />
              {speaker.name}
              <button
                type="button"
                class="icon-button"
                aria-label="Change speaker"
                onClick={() => {
                  setDraft((d) => ({ ...d, speakerId: null }));
                  setFocusNext({ field: 'speaker' });
                }}
              >
                ×
              </button>
            </div>
            {guessed?.actorId === speaker.id && (
              <label class="hint guessed-kind" data-testid="speaker-kind-guess">
                New actor, guessed:{' '}
                <select
                  aria-label={`Kind of ${speaker.name}`}
                  data-testid="speaker-kind"
                  value={guessed.kind}
                  onChange={(e) => void changeKind(speaker.id, (e.currentTarget as HTMLSelectElement).value as ActorKind)}
                >
                  {actorKinds.map((k) => (
                    <option key={k} value={k}>
                      {k}
                    </option>
                  ))}
                </select>{' '}
                — change it if that is wrong
              </label>
            )}
          </>
        ) : draft.speakerName ? (
          <div class="chip" data-testid="speaker-chip">
            <span class="swatch new-speaker" />
            {draft.speakerName}
            <span class="hint">new actor</span>
            <button
              type="button"
              class="icon-button"
              aria-label="Change speaker"
              onClick={() => {
                setDraft((d) => ({ ...d, speakerName: undefined }));
                setFocusNext({ field: 'speaker' });
              }}
            >
              ×
            </button>
          </div>
        ) : (
          <Typeahead
            options={actorOptions(actors)}
            label="Speaker"
            testId="speaker-input"
            placeholder="Who said it? Name or alias"
            createNoun="actor"
            inputRef={speakerInput}
            onPick={(o) => pickSpeaker(o.id)}
            onCreate={createSpeaker}
          />
        )}
      </div>

      <div class="field">
        <span>Positions</span>
        {draft.positions.map((c) => {
          const p = positions.find((x) => x.id === c.positionId);
          const claim = p?.claim ?? c.claim ?? '(deleted position)';
          const unset = c.stance === null;
          return (
            <div key={c.key}>
              <div class="coding" data-testid="coding">
                <div class="coding-claim">
                  {claim}
                  <span class="hint"> {p?.topic}</span>
                </div>
                <select
                  data-testid="stance-select"
                  data-coding-key={c.key}
                  class={unset && missingStance ? 'invalid' : ''}
                  aria-label={`Stance on ${claim}`}
                  aria-invalid={unset && missingStance}
                  value={c.stance ?? ''}
                  onChange={(e) => {
                    const value = (e.currentTarget as HTMLSelectElement).value;
                    const stance = value === '' ? null : (value as Stance);
                    setDraft((d) => ({ ...d, positions: d.positions.map((x) => (x.key === c.key ? { ...x, stance } : x)) }));
                  }}
                  onKeyDown={(e) => {
                    // Enter on the stance is the last step of the walk: it saves.
                    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
                      e.preventDefault();
                      void save();
                    }
                  }}
                >
                  <option value="" disabled>
                    stance…
                  </option>
                  {stances.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
                <button type="button" class="icon-button" aria-label="Remove position" onClick={() => setDraft((d) => ({ ...d, positions: d.positions.filter((x) => x.key !== c.key) }))}>
                  ×
                </button>
              </div>
              {unset && missingStance && (
                <p class="field-error" role="alert" data-testid="stance-missing">
                  Choose a stance: does the speaker support, oppose or stay neutral on this position?
                </p>
              )}
            </div>
          );
        })}
        {pendingClaim === null ? (
          <Typeahead
            options={positionOptions}
            taken={positions.filter((p) => draft.positions.some((d) => d.positionId === p.id)).map((p) => ({ id: p.id, label: p.claim }))}
            label="Add a position"
            testId="position-input"
            placeholder="Add a position (claim)…"
            createNoun="position"
            inputRef={positionInput}
            onPick={(o) => addCoding(o.id)}
            onCreate={(claim) => setPendingClaim(claim)}
          />
        ) : (
          <div class="pending-position">
            <span>
              Topic for the new position “{pendingClaim}”:{' '}
              <button
                type="button"
                class="link-button"
                onClick={() => {
                  setPendingClaim(null);
                  setFocusNext({ field: 'position' });
                }}
              >
                not this position
              </button>
            </span>
            <Typeahead
              options={topics.map((t) => ({ id: t.id, label: t.name, hint: plural(t.positions.length, 'position') }))}
              label="Topic"
              testId="position-topic-input"
              placeholder="Topic, e.g. Wartime labor compensation"
              createNoun="topic"
              autoFocus
              onPick={(o) => createPosition(o.id, null)}
              onCreate={(name) => createPosition(null, name)}
            />
          </div>
        )}
      </div>

      <label class="field">
        <span>Comment</span>
        <textarea data-testid="annotation-comment" rows={3} value={draft.comment} onInput={(e) => {
            const comment = (e.currentTarget as HTMLTextAreaElement).value;
            setDraft((d) => ({ ...d, comment }));
          }} />
      </label>
      <label class="field">
        <span>Tags (comma-separated)</span>
        <input
          data-testid="annotation-tags"
          value={tagsText}
          onInput={(e) => setTagsText((e.currentTarget as HTMLInputElement).value)}
        />
      </label>
      <div class="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" class="primary" data-testid="annotation-save" disabled={saving}>
          Save
        </button>
      </div>
    </form>
  );
}
