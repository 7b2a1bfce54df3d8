// An annotation's words as the exports print them (see shared/annotation-words.ts), and its tags.
import type { AnnotationKind } from '../../shared/model';
import { annotationWords } from '../../shared/annotation-words';

export function Words({ kind, text, class: cls = 'annotation-text' }: { kind: AnnotationKind; text: string; class?: string }) {
  const w = annotationWords(kind, text);
  return (
    <span class={`${cls} words-${kind}`} data-testid="annotation-words">
      {w.text}
      {w.label && <span class="words-label"> ({w.label})</span>}
    </span>
  );
}

/** The annotation's tags as small labels, or nothing when it has none. */
export function Tags({ tags }: { tags: readonly string[] }) {
  if (!tags.length) return null;
  return (
    <span class="tags" data-testid="annotation-tags">
      {tags.map((t) => (
        <span key={t} class="tag">
          #{t}
        </span>
      ))}
    </span>
  );
}
