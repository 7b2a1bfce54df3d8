// The article's annotations in reading order, filterable; orphans (annotations whose words are
// no longer in the text) listed apart with their stored words, to re-attach or delete.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Actor, Annotation, AnnotationKind, Stance, Topic } from '../../shared/model';
import { annotationKinds, stances } from '../../shared/model';
import { STANCE_COLORS, dominantStance } from '../editor/annotation-highlights';
import { CodingTag, FilterSelect, plainOptions } from './FilterSelect';
import { Tags, Words } from './Words';

interface Props {
  annotations: Annotation[];
  actors: Actor[];
  topics: Topic[];
  onReveal: (id: number) => void;
  onEdit: (a: Annotation) => void;
  onDelete: (a: Annotation) => void;
  onReattach: (a: Annotation) => void;
}

/** Long lists render in slices after the first screenful, so opening a heavily coded article stays quick. */
const FIRST_SLICE = 40;
const SLICE = 150;

function useProgressive(total: number, key: unknown): number {
  const [shown, setShown] = useState(FIRST_SLICE);
  useEffect(() => setShown(FIRST_SLICE), [key]);
  useEffect(() => {
    if (shown >= total) return;
    const t = setTimeout(() => setShown((n) => n + SLICE), 16);
    return () => clearTimeout(t);
  }, [shown, total]);
  return shown;
}

export function AnnotationList({ annotations, actors, topics, onReveal, onEdit, onDelete, onReattach }: Props) {
  const [kind, setKind] = useState<AnnotationKind | ''>('');
  const [speaker, setSpeaker] = useState<number | ''>('');
  const [stance, setStance] = useState<Stance | ''>('');
  // In a team library: who coded each annotation, and a filter for it once more than one person has.
  const [coder, setCoder] = useState<string | ''>('');
  const claims = new Map(topics.flatMap((t) => t.positions.map((p) => [p.id, p.claim] as const)));
  const names = new Map(actors.map((a) => [a.id, a.name]));
  const shown = annotations.filter((a) => (!kind || a.kind === kind) && (speaker === '' || a.speakerId === speaker) && (!stance || a.positions.some((p) => p.stance === stance)) && (!coder || a.codedBy === coder));
  const placed = shown.filter((a) => !a.orphaned);
  const orphans = shown.filter((a) => a.orphaned);
  const speakers = [...new Set(annotations.map((a) => a.speakerId).filter((s): s is number => s !== null))];
  const coders = useMemo(() => [...new Set(annotations.map((a) => a.codedBy).filter((c): c is string => c !== null))].sort().map((c) => ({ value: c, label: c })), [annotations]);
  const limit = useProgressive(placed.length, annotations[0]?.articleId);

  if (!annotations.length) {
    return (
      <p class="empty" data-testid="annotations-empty">
        No annotations yet. Select a passage in the article (with the mouse, or <kbd>S</kbd> for a sentence and <kbd>"</kbd> for the quoted words), then press <kbd>Q</kbd> for a quote, <kbd>P</kbd> for a paraphrase or <kbd>N</kbd> for a note.
      </p>
    );
  }

  const item = (a: Annotation) => (
    <li key={a.id} class={`annotation-item ${a.orphaned ? 'orphan' : ''}`} data-testid="annotation-item" data-annotation-id={a.id}>
      <button type="button" class="annotation-main" onClick={() => !a.orphaned && onReveal(a.id)}>
        <span class="stance-dot" style={{ background: STANCE_COLORS[dominantStance(a)] }} />
        <span class="annotation-who">{a.speakerId !== null ? names.get(a.speakerId) : <em>No speaker</em>}</span>
        <span class="annotation-kind">{a.kind}</span>
        <Words kind={a.kind} text={a.exact} />
        {a.positions.map((p) => (
          <CodingTag key={p.positionId} stance={p.stance} claim={claims.get(p.positionId)} />
        ))}
        {a.comment && <span class="annotation-comment">{a.comment}</span>}
        <Tags tags={a.tags} />
        {a.codedBy && (
          <span class="annotation-coder" data-testid="annotation-coder">
            coded by {a.codedBy}
          </span>
        )}
      </button>
      <div class="annotation-actions">
        {a.orphaned && (
          <button type="button" class="link-button" onClick={() => onReattach(a)}>
            Re-attach to selection
          </button>
        )}
        <button type="button" class="link-button" onClick={() => onEdit(a)}>
          Edit
        </button>
        <button type="button" class="link-button danger" data-testid="annotation-delete" onClick={() => onDelete(a)}>
          Delete
        </button>
      </div>
    </li>
  );

  return (
    <div class="annotation-list">
      <div class="list-filters">
        <FilterSelect label="Kind" anyLabel="All kinds" value={kind} options={plainOptions(annotationKinds)} onChange={setKind} />
        <FilterSelect label="Speaker" anyLabel="All speakers" value={speaker} options={speakers.map((id) => ({ value: id, label: names.get(id) ?? '' }))} onChange={setSpeaker} />
        <FilterSelect label="Stance" anyLabel="All stances" value={stance} options={plainOptions(stances)} onChange={setStance} />
        {(coders.length > 1 || coder) && <FilterSelect label="Coded by" anyLabel="Coded by anyone" value={coder} options={coders} onChange={setCoder} />}
      </div>
      <ul class="annotations">{placed.slice(0, limit).map(item)}</ul>
      {orphans.length > 0 && (
        <>
          <h3 class="orphans-heading" data-testid="orphans-heading">
            Orphans ({orphans.length}): their words are no longer in the text
          </h3>
          <ul class="annotations">{orphans.map(item)}</ul>
        </>
      )}
    </div>
  );
}
