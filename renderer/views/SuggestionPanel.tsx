// The suggestions tab of the inspector: each suggested attribution with its speaker ("he → Donald
// Trump", "new: Kim Jung Han"), kind and confidence; a confidence filter; and, on the one the
// keyboard is on, accept, edit, reject and a field to name another speaker first.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Actor } from '../../shared/model';
import type { ArticleSuggestion } from '../../shared/suggestion';
import { suggestionColor } from '../editor/suggestion-layer';
import { CONFIDENCE_STEPS, type SpeakerChoice, type Suggestions } from './useSuggestions';
import { Typeahead } from './Typeahead';
import { actorOptions } from './options';
import { plural } from '../../shared/plural';
import { modLabel } from '../shortcuts';

interface Props {
  suggestions: Suggestions;
  actors: Actor[];
  onEdit: (s: ArticleSuggestion) => void;
  /** Bumped by the C key: the speaker field of the current suggestion takes the keyboard. */
  speakerFocus: number;
  /** The keyboard goes back to the article (after naming a speaker, or Esc). */
  onDone: () => void;
}

const percent = (c: number) => `${Math.round(c * 100)}%`;
/** "the Japanese Foreign Ministry" says nothing "Japanese Foreign Ministry" does not. */
const same = (mention: string, name: string) => mention.replace(/^(the|a|an)\s+/iu, '').localeCompare(name, undefined, { sensitivity: 'base' }) === 0;
/** A long description ("The two officials, meeting for the first time since …") cut to a glance. */
const MENTION_CHARS = 48;
const short = (mention: string) => (mention.length > MENTION_CHARS ? `${mention.slice(0, MENTION_CHARS - 1).trimEnd()}…` : mention);

/** Who said it, as the analyst checks it: the mention as written → the speaker it was resolved to. */
function SpeakerLine({ s, choice, actorName }: { s: ArticleSuggestion; choice: SpeakerChoice | undefined; actorName: (id: number) => string | null }) {
  const mention = s.source?.exact;
  let name: string | null;
  let isNew = false;
  if (choice) {
    name = 'actorId' in choice ? actorName(choice.actorId) : choice.name;
    isNew = 'name' in choice;
  } else if (s.speaker) {
    name = s.speaker.actorId !== null ? (actorName(s.speaker.actorId) ?? s.speaker.name) : s.speaker.name;
    isNew = s.speaker.actorId === null;
  } else name = null;
  return (
    <span class="suggestion-speaker" data-testid="suggestion-speaker" data-speaker-name={name ?? ''} data-speaker-new={isNew || undefined}>
      {mention && (!name || !same(mention, name)) && (
        <>
          <span class="suggestion-mention" title={mention}>
            {short(mention)}
          </span>
          <span class="suggestion-arrow" aria-label="resolved to">
            {' → '}
          </span>
        </>
      )}
      {isNew && <span class="suggestion-new">new: </span>}
      {name ? <strong>{name}</strong> : <em>no speaker found</em>}
      {choice && <span class="hint"> (your choice)</span>}
    </span>
  );
}

export function SuggestionPanel({ suggestions: sg, actors, onEdit, speakerFocus, onDone }: Props) {
  const colors = new Map(actors.map((a) => [a.id, a.color]));
  const current = sg.current;
  const [naming, setNaming] = useState(false);
  const speakerInput = useRef<HTMLInputElement>(null);
  const currentItem = useRef<HTMLLIElement>(null);

  // C asks for the speaker of the suggestion selected then (speakerFocus counts the presses).
  const currentRef = useRef(current);
  currentRef.current = current;
  useEffect(() => {
    if (speakerFocus && currentRef.current) setNaming(true);
  }, [speakerFocus]);
  useEffect(() => {
    if (naming) speakerInput.current?.focus();
  }, [naming, speakerFocus]);
  // The list follows the keyboard through the article.
  useEffect(() => {
    setNaming(false);
    currentItem.current?.scrollIntoView({ block: 'nearest' });
  }, [current?.key]);

  const hidden = sg.list.length - sg.shown.length;

  const header = (
    <div class="suggestion-tools">
      <label class="hint">
        Confidence{' '}
        <select data-testid="suggestion-confidence" value={String(sg.minConfidence)} onChange={(e) => sg.setMinConfidence(Number((e.currentTarget as HTMLSelectElement).value))}>
          {CONFIDENCE_STEPS.map((c) => (
            <option key={c} value={String(c)}>
              {c === 0 ? 'any' : `${percent(c)} or more`}
            </option>
          ))}
        </select>
      </label>
      <button type="button" class="link-button" data-testid="suggestion-accept-all" disabled={!sg.shown.length || sg.busy} onClick={() => void sg.acceptAll()} title="Accept every suggestion shown (Shift+A)">
        Accept all {sg.shown.length || ''} shown <kbd>⇧A</kbd>
      </button>
    </div>
  );

  let body;
  if (sg.status === 'loading') body = <p class="empty">Looking for quotes and their speakers…</p>;
  else if (sg.status === 'unavailable')
    body = (
      <p class="empty" data-testid="suggestions-unavailable">
        Suggestions are not available in this version of Verbatim.
      </p>
    );
  else if (sg.status === 'failed')
    body = (
      <p class="empty" data-testid="suggestions-failed" role="alert">
        Suggestions could not be found for this article: {sg.problem}
      </p>
    );
  else if (sg.status === 'trashed') body = <p class="empty">This article is in the trash; restore it to see suggestions.</p>;
  else if (sg.status === 'too-large')
    body = (
      <p class="empty" data-testid="suggestions-too-large">
        This article is too long to look for quotes in the time allowed. Code it by hand: select a passage and press <kbd>Q</kbd>; or split it into shorter articles.
      </p>
    );
  else if (!sg.shown.length)
    body = (
      <p class="empty" data-testid="suggestions-empty">
        {hidden ? (
          <>
            No suggestions at {percent(sg.minConfidence)} or more;{' '}
            <button type="button" class="link-button" onClick={() => sg.setMinConfidence(0)}>
              show {plural(hidden, 'less certain one')}
            </button>
            .
          </>
        ) : (
          'No suggestions left in this article: every quote the engine found is coded or rejected.'
        )}
      </p>
    );
  else
    body = (
      <ul class="suggestions">
        {sg.shown.map((s) => {
          const on = s.key === current?.key;
          return (
            <li
              key={s.key}
              ref={on ? currentItem : undefined}
              class={`suggestion-card ${on ? 'current' : ''}`}
              data-testid="suggestion-item"
              data-suggestion-id={s.key}
              aria-current={on || undefined}
              style={{ '--sg': suggestionColor(s, colors) }}
            >
              <button type="button" class="suggestion-main" onClick={() => sg.select(s)}>
                <SpeakerLine s={s} choice={sg.speakers.get(s.key)} actorName={sg.actorName} />
                <span class="suggestion-meta">
                  <span class="suggestion-kind" data-testid="suggestion-kind">
                    {s.kind}
                  </span>
                  <span class="suggestion-confidence" data-testid="suggestion-confidence-value" title="How sure the engine is">
                    {percent(s.confidence)} sure
                  </span>
                </span>
                <span class="suggestion-words">{s.content.exact}</span>
              </button>
              {on && naming && (
                <div class="suggestion-rename">
                  <Typeahead
                    options={actorOptions(actors)}
                    label="Speaker of this suggestion"
                    testId="suggestion-speaker-input"
                    placeholder="Who said it? Name or alias"
                    createNoun="actor"
                    inputRef={speakerInput}
                    onPick={(o) => {
                      sg.chooseSpeaker(s.key, { actorId: o.id });
                      setNaming(false);
                      onDone();
                    }}
                    onCreate={(name) => {
                      sg.chooseSpeaker(s.key, { name });
                      setNaming(false);
                      onDone();
                    }}
                    onCancel={() => {
                      setNaming(false);
                      onDone();
                    }}
                  />
                </div>
              )}
              {on && (
                <div class="suggestion-actions">
                  <button type="button" class="primary" data-testid="suggestion-accept" disabled={sg.busy} onClick={() => void sg.accept(s)}>
                    Accept <kbd>A</kbd>
                  </button>
                  <button type="button" data-testid="suggestion-edit" onClick={() => onEdit(s)} title="Open the annotation form to add positions, then save">
                    Edit <kbd>E</kbd>
                  </button>
                  <button type="button" data-testid="suggestion-change-speaker" onClick={() => setNaming(true)} title="Name another speaker before accepting">
                    Speaker <kbd>C</kbd>
                  </button>
                  <button type="button" class="danger" data-testid="suggestion-reject" disabled={sg.busy} onClick={() => void sg.reject(s)}>
                    Reject <kbd>R</kbd>
                  </button>
                  {sg.speakers.has(s.key) && (
                    <button type="button" class="link-button" onClick={() => sg.chooseSpeaker(s.key, null)}>
                      back to the suggested speaker
                    </button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    );

  return (
    <div class="suggestion-panel" data-testid="suggestion-panel">
      {sg.status === 'ready' && header}
      {hidden > 0 && sg.shown.length > 0 && <p class="hint">{plural(hidden, 'less certain suggestion')} hidden.</p>}
      {body}
      <p class="hint suggestion-keys" data-testid="suggestion-keys">
        <kbd>J</kbd> / <kbd>K</kbd> next / previous · <kbd>A</kbd> accept · <kbd>E</kbd> edit (add positions) · <kbd>C</kbd> change speaker · <kbd>R</kbd> reject · <kbd>⇧A</kbd> accept all shown · <kbd>{modLabel}Z</kbd> undo
      </p>
    </div>
  );
}
