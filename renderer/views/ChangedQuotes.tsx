// Annotations whose words an edit of the article changed: each shows the words as coded beside the
// new ones until the analyst settles it: keep it on the new words, re-attach it to a selection,
// or keep the old words (it then waits among the orphans). Re-anchoring never accepts such a
// change silently, since a quote that no longer says what was coded misquotes its speaker.
import type { Actor, Annotation } from '../../shared/model';
import { quoteDiff, type QuotePart } from '../../shared/word-diff';
import { call } from '../api';
import type { UndoHistory } from '../undo';

interface Props {
  annotations: Annotation[];
  actors: Actor[];
  history: UndoHistory;
  /** Reloads the article's annotations after a change. */
  reload: () => Promise<void>;
  onReveal: (id: number) => void;
  /** Re-attaches to the current selection in the article (with its own undo). */
  onReattach: (a: Annotation) => void;
  onError: (e: unknown) => void;
}

type Decision = 'accept-new' | 'keep-old';

export function ChangedQuotes({ annotations, actors, history, reload, onReveal, onReattach, onError }: Props) {
  const changed = annotations.filter((a) => a.changedFrom !== null && !a.orphaned);
  if (!changed.length) return null;
  const names = new Map(actors.map((a) => [a.id, a.name]));

  const review = async (a: Annotation, decision: Decision) => {
    // Undo puts back the anchor as it was, flag and all.
    const before = { start: a.start, end: a.end, exact: a.exact, prefix: a.prefix, suffix: a.suffix, orphaned: a.orphaned, changedFrom: a.changedFrom };
    try {
      await call('annotations.review', { id: a.id, decision });
      history.push({
        label: decision === 'accept-new' ? 'accepting the new words' : 'keeping the old words',
        undo: () => call('annotations.update', { id: a.id, anchor: before }).then(reload),
        redo: () => call('annotations.review', { id: a.id, decision }).then(reload),
      });
      await reload();
    } catch (e) {
      onError(e);
    }
  };

  return (
    <section class="changed-quotes" data-testid="changed-quotes" aria-label="Changed quotes to review">
      <h3 class="changed-heading">
        Changed — review ({changed.length}): the text under {changed.length === 1 ? 'this annotation was' : 'these annotations was'} edited
      </h3>
      <ul class="annotations">
        {changed.map((a) => {
          const parts = quoteDiff(a.changedFrom!, a.exact);
          return (
            <li key={a.id} class="annotation-item changed-card" data-testid="changed-card" data-annotation-id={a.id}>
              <div class="changed-who">
                <span class="annotation-who">{a.speakerId !== null ? names.get(a.speakerId) : <em>No speaker</em>}</span> <span class="annotation-kind">{a.kind}</span>
              </div>
              <dl class="changed-versions">
                <dt>Coded</dt>
                <dd data-testid="changed-old">
                  “<Parts parts={parts.before} tag="del" />”
                </dd>
                <dt>Now</dt>
                <dd data-testid="changed-new">
                  <button type="button" class="link-button changed-reveal" title="Show in the article" onClick={() => onReveal(a.id)}>
                    “<Parts parts={parts.after} tag="ins" />”
                  </button>
                </dd>
              </dl>
              <div class="annotation-actions">
                <button type="button" class="link-button" data-testid="changed-accept" onClick={() => void review(a, 'accept-new')}>
                  Accept new words
                </button>
                <button type="button" class="link-button" data-testid="changed-reattach" title="Select the passage in the article first" onClick={() => onReattach(a)}>
                  Re-attach to selection
                </button>
                <button type="button" class="link-button" data-testid="changed-keep-old" title="Keep the words as coded; the annotation waits among the orphans" onClick={() => void review(a, 'keep-old')}>
                  Keep old words
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Parts({ parts, tag }: { parts: QuotePart[]; tag: 'del' | 'ins' }) {
  const Mark = tag;
  return <>{parts.map((p, i) => (p.changed ? <Mark key={i}>{p.text}</Mark> : p.text))}</>;
}
