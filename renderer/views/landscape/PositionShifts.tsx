// Who changed position, and when: each actor who supported and later opposed a position (or the
// reverse), the last quote of the earlier stance beside the first of the later one, with their
// dates — the line an analyst writes in a briefing. Newest shift first; a quote opens its passage.
import type { LandscapeFilter } from '../../../shared/landscape/result';
import type { ShiftQuote } from '../../../shared/landscape/time-result';
import { plural } from '../../../shared/plural';
import { useLandscapeAnswer } from './useLandscapeAnswer';
import { Words } from '../Words';

interface Props {
  filter: LandscapeFilter;
  onOpenQuote: (articleId: number, annotationId: number) => void;
  onError: (message: string) => void;
}

export function PositionShifts({ filter, onOpenQuote, onError }: Props) {
  const found = useLandscapeAnswer('landscape.shifts', filter, onError);
  if (!found) return null;
  if (!found.anyCoded)
    return (
      <p class="empty view-empty" data-testid="landscape-empty">
        Nothing to compare yet. Code quotes with a speaker and a position while reading; an actor who takes opposite stances on a position at different dates shows here.
      </p>
    );
  const undated = found.undated.quotes ? ` ${plural(found.undated.quotes, 'quote')} from ${plural(found.undated.articles, 'undated article')} cannot be placed in time and are left out.` : '';
  const quote = (q: ShiftQuote, side: 'before' | 'after') => (
    <div class={`shift-quote stance-${q.stance}`} data-testid={`shift-${side}`}>
      <div class="shift-when">
        <strong>{q.stance}</strong> · {q.date}
      </div>
      <button class="link-button quote-link" title="Open the passage" onClick={() => onOpenQuote(q.articleId, q.id)}>
        <Words kind={q.kind} text={q.text} class="words" />
      </button>
      <div class="hint">
        {q.articleTitle}
        {q.outlet ? `, ${q.outlet}` : ''}
      </div>
    </div>
  );
  return (
    <section class="landscape-shifts" data-testid="landscape-shifts">
      <p class="hint landscape-summary" data-testid="landscape-summary">
        {found.shifts.length ? `${plural(found.shifts.length, 'change')} of stance, newest first.` : 'No actor took opposite stances on the same position in these quotes.'}
        {undated}
      </p>
      <ol class="shift-list">
        {found.shifts.map((s) => (
          <li key={`${s.actor.id}:${s.position.id}:${s.after.id}`} class="shift" data-testid="landscape-shift">
            <h4>
              {s.actor.name} <span class="hint">went from</span> {s.before.stance} <span class="hint">to</span> {s.after.stance} <span class="hint">on</span> “{s.position.claim}”{' '}
              <span class="hint">({s.position.topic})</span>
            </h4>
            <div class="shift-pair">
              {quote(s.before, 'before')}
              <span class="shift-arrow" aria-hidden="true">
                →
              </span>
              {quote(s.after, 'after')}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
