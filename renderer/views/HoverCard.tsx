// What an annotation says, shown when the pointer rests on its highlight.
import type { Actor, Annotation, Topic } from '../../shared/model';

interface Props {
  annotation: Annotation;
  actors: Actor[];
  topics: Topic[];
  rect: DOMRect;
  onEnter: () => void;
  onLeave: () => void;
  onEdit: () => void;
  onDelete: () => void;
}

export function affiliationLine(actor: Actor): string {
  return actor.affiliations.map((f) => (f.role ? `${f.role}, ${f.organizationName}` : f.organizationName)).join('; ');
}

export function HoverCard({ annotation: a, actors, topics, rect, onEnter, onLeave, onEdit, onDelete }: Props) {
  const speaker = actors.find((x) => x.id === a.speakerId);
  const claims = new Map(topics.flatMap((t) => t.positions.map((p) => [p.id, { claim: p.claim, topic: t.name }] as const)));
  const top = rect.bottom + 8 + 220 > window.innerHeight ? Math.max(8, rect.top - 228) : rect.bottom + 8;
  return (
    <div class="hover-card" data-testid="hover-card" role="dialog" style={{ top: `${top}px`, left: `${Math.min(rect.left, window.innerWidth - 340)}px` }} onMouseEnter={onEnter} onMouseLeave={onLeave}>
      <div class="hover-kind">{a.kind}</div>
      <div class="hover-speaker">{speaker ? speaker.name : <em>No speaker</em>}</div>
      {speaker && speaker.affiliations.length > 0 && <div class="hover-affiliation">{affiliationLine(speaker)}</div>}
      <ul class="hover-positions">
        {a.positions.map((p) => (
          <li key={p.positionId} class={`stance-${p.stance}`}>
            <strong>{p.stance}</strong> {claims.get(p.positionId)?.claim} <span class="hint">{claims.get(p.positionId)?.topic}</span>
          </li>
        ))}
      </ul>
      {a.comment && <p class="hover-comment">{a.comment}</p>}
      {a.tags.length > 0 && <p class="hint">{a.tags.map((t) => `#${t}`).join(' ')}</p>}
      <div class="hover-actions">
        <button class="link-button" onClick={onEdit}>
          Edit
        </button>
        <button class="link-button danger" onClick={onDelete}>
          Delete
        </button>
      </div>
    </div>
  );
}
