// Coding one passage: its kind, who said it, which positions it expresses and with what stance,
// a comment and tags. Lives in the inspector, so the article stays readable; Esc cancels.
import { useEffect, useState } from 'preact/hooks';
import type { Actor, AnnotationKind, AnnotationPosition, Stance, Topic } from '../../shared/model';
import { annotationKinds, stances } from '../../shared/model';
import { call } from '../api';
import { Typeahead, type Option } from './Typeahead';
import { plural } from '../../shared/plural';

export interface AnnotationDraft {
  id?: number;
  articleId: number;
  start: number;
  end: number;
  exact: string;
  kind: AnnotationKind;
  speakerId: number | null;
  positions: AnnotationPosition[];
  comment: string;
  tags: string[];
}

interface Props {
  draft: AnnotationDraft;
  actors: Actor[];
  topics: Topic[];
  /** The speaker picked by clicking a highlighted actor mention in the article. */
  /** An actor clicked in the text; `seq` makes clicking the same one again count. */
  suggestedSpeaker?: { actorId: number; seq: number } | null;
  onSave: (draft: AnnotationDraft) => Promise<boolean>;
  onCancel: () => void;
  /** A new actor, topic or position was created from the form. */
  onCodebookChanged: () => Promise<void>;
  onError: (message: string) => void;
}

const KIND_LABEL: Record<AnnotationKind, string> = { quote: 'Quote', paraphrase: 'Paraphrase', note: 'Note' };

export function actorOptions(actors: Actor[]): Option[] {
  return actors.map((a) => ({
    id: a.id,
    label: a.name,
    keys: a.aliases,
    hint: a.affiliations[0] ? (a.affiliations[0].role ? `${a.affiliations[0].role}, ${a.affiliations[0].organizationName}` : a.affiliations[0].organizationName) : a.kind,
  }));
}

export function AnnotationForm({ draft: initial, actors, topics, suggestedSpeaker, onSave, onCancel, onCodebookChanged, onError }: Props) {
  const [draft, setDraft] = useState(initial);
  const [tagsText, setTagsText] = useState(initial.tags.join(', '));
  useEffect(() => {
    if (suggestedSpeaker) setDraft((d) => ({ ...d, speakerId: suggestedSpeaker.actorId }));
  }, [suggestedSpeaker]);
  const [pendingClaim, setPendingClaim] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const speaker = actors.find((a) => a.id === draft.speakerId) ?? null;
  const positions = topics.flatMap((t) => t.positions.map((p) => ({ ...p, topic: t.name })));
  const positionOptions: Option[] = positions.filter((p) => !draft.positions.some((d) => d.positionId === p.id)).map((p) => ({ id: p.id, label: p.claim, hint: p.topic }));

  const addCoding = (positionId: number) => setDraft((d) => ({ ...d, positions: [...d.positions, { positionId, stance: 'supports' }] }));

  const createSpeaker = async (name: string) => {
    try {
      const actor = await call('actors.create', { name, kind: 'person' });
      await onCodebookChanged();
      setDraft((d) => ({ ...d, speakerId: actor.id }));
    } catch (e) {
      onError((e as Error).message);
    }
  };

  const createPosition = async (topicId: number | null, topicName: string | null) => {
    const claim = pendingClaim!;
    try {
      const topic = topicId ?? (await call('topics.create', { name: topicName! })).id;
      const position = await call('positions.create', { topicId: topic, claim });
      await onCodebookChanged();
      setPendingClaim(null);
      addCoding(position.id);
    } catch (e) {
      onError((e as Error).message);
    }
  };

  const save = async () => {
    if (saving) return;
    setSaving(true);
    const tags = tagsText.split(',').map((t) => t.trim()).filter(Boolean);
    await onSave({ ...draft, comment: draft.comment.trim(), tags });
    setSaving(false);
  };

  return (
    <form
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
        <h2>{draft.id ? 'Edit annotation' : 'New annotation'}</h2>
      </div>
      <blockquote class="form-exact">{draft.exact}</blockquote>

      <div class="segmented" role="radiogroup" aria-label="Kind">
        {annotationKinds.map((k) => (
          <button type="button" key={k} role="radio" aria-checked={draft.kind === k} class={draft.kind === k ? 'on' : ''} data-testid={`kind-${k}`} onClick={() => setDraft({ ...draft, kind: k })}>
            {KIND_LABEL[k]}
          </button>
        ))}
      </div>

      <div class="field">
        <span>Speaker</span>
        {speaker ? (
          <div class="chip" data-testid="speaker-chip">
            <span class="swatch" style={{ background: speaker.color }} />
            {speaker.name}
            <button type="button" class="icon-button" aria-label="Change speaker" onClick={() => setDraft({ ...draft, speakerId: null })}>
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
            autoFocus
            onPick={(o) => setDraft({ ...draft, speakerId: o.id })}
            onCreate={(name) => void createSpeaker(name)}
          />
        )}
      </div>

      <div class="field">
        <span>Positions</span>
        {draft.positions.map((c) => {
          const p = positions.find((x) => x.id === c.positionId);
          return (
            <div class="coding" key={c.positionId} data-testid="coding">
              <div class="coding-claim">
                {p?.claim ?? '(deleted position)'}
                <span class="hint"> {p?.topic}</span>
              </div>
              <select
                data-testid="stance-select"
                aria-label={`Stance on ${p?.claim ?? 'position'}`}
                value={c.stance}
                onChange={(e) => {
                  const stance = (e.currentTarget as HTMLSelectElement).value as Stance;
                  setDraft({ ...draft, positions: draft.positions.map((x) => (x.positionId === c.positionId ? { ...x, stance } : x)) });
                }}
              >
                {stances.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
              <button type="button" class="icon-button" aria-label="Remove position" onClick={() => setDraft({ ...draft, positions: draft.positions.filter((x) => x.positionId !== c.positionId) })}>
                ×
              </button>
            </div>
          );
        })}
        {pendingClaim === null ? (
          <Typeahead
            options={positionOptions}
            label="Add a position"
            testId="position-input"
            placeholder="Add a position (claim)…"
            createNoun="position"
            onPick={(o) => addCoding(o.id)}
            onCreate={(claim) => setPendingClaim(claim)}
          />
        ) : (
          <div class="pending-position">
            <span>
              Topic for the new position “{pendingClaim}”:
            </span>
            <Typeahead
              options={topics.map((t) => ({ id: t.id, label: t.name, hint: plural(t.positions.length, 'position') }))}
              label="Topic"
              testId="position-topic-input"
              placeholder="Topic, e.g. Wartime labor compensation"
              createNoun="topic"
              autoFocus
              onPick={(o) => void createPosition(o.id, null)}
              onCreate={(name) => void createPosition(null, name)}
              onCancel={() => setPendingClaim(null)}
            />
          </div>
        )}
      </div>

      <label class="field">
        <span>Comment</span>
        <textarea data-testid="annotation-comment" rows={3} value={draft.comment} onInput={(e) => setDraft({ ...draft, comment: (e.currentTarget as HTMLTextAreaElement).value })} />
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
