// The quote bank: every annotation in the library, searchable and filterable, ready to be
// inserted at the cursor (click, Enter) or dragged into the briefing. A quote goes in inline (its
// words inside the sentence) or as a block; short fragments default to inline, and each item
// offers the other form too (its button, or Shift+Enter).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Actor, QuoteRow, Stance, Topic } from '../../../shared/model';
import { stances } from '../../../shared/model';
import { QUOTE_DRAG_TYPE } from '../../editor/briefing/editor';
import { defaultQuoteForm, type QuoteForm } from '../../editor/briefing/commands';
import { CodingTag, FilterSelect, plainOptions } from '../FilterSelect';
import { Words } from '../Words';
import { formatAnnotationWords } from '../../../shared/annotation-words';

interface Props {
  quotes: QuoteRow[];
  actors: Actor[];
  topics: Topic[];
  focusSeq: number;
  onInsert: (q: QuoteRow, form: QuoteForm) => void;
}

const FORM_LABEL: Record<QuoteForm, string> = { inline: 'inline, inside the sentence', block: 'as a block quote' };
const other = (form: QuoteForm): QuoteForm => (form === 'inline' ? 'block' : 'inline');

export function QuoteBank({ quotes, actors, topics, focusSeq, onInsert }: Props) {
  const [text, setText] = useState('');
  const [actorId, setActorId] = useState<number | ''>('');
  const [topicId, setTopicId] = useState<number | ''>('');
  const [stance, setStance] = useState<Stance | ''>('');
  const [positionId, setPositionId] = useState<number | ''>('');
  const [articleId, setArticleId] = useState<number | ''>('');
  const articles = useMemo(() => [...new Map(quotes.map((q) => [q.article.id, q.article.title])).entries()], [quotes]);
  const positions = topics.filter((t) => topicId === '' || t.id === topicId).flatMap((t) => t.positions);
  const [active, setActive] = useState(0);
  const search = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusSeq) search.current?.focus();
  }, [focusSeq]);

  const shown = useMemo(() => {
    const q = text.trim().toLowerCase();
    return quotes.filter(
      (r) =>
        !r.orphaned &&
        (!q || r.text.toLowerCase().includes(q) || r.speaker?.name.toLowerCase().includes(q) || r.article.title.toLowerCase().includes(q)) &&
        (actorId === '' || r.speaker?.id === actorId) &&
        (topicId === '' || r.positions.some((p) => p.topicId === topicId)) &&
        (!stance || r.positions.some((p) => p.stance === stance)) &&
        (positionId === '' || r.positions.some((p) => p.id === positionId)) &&
        (articleId === '' || r.article.id === articleId),
    );
  }, [quotes, text, actorId, topicId, stance, positionId, articleId]);

  return (
    <div class="quote-bank" data-testid="quote-bank">
      <input
        ref={search}
        type="search"
        placeholder="Search quotes, speakers, articles"
        aria-label="Search quotes"
        data-testid="quote-search"
        value={text}
        onInput={(e) => {
          setText((e.currentTarget as HTMLInputElement).value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(shown.length - 1, a + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter' && shown[active]) {
            e.preventDefault();
            const q = shown[active]!;
            const form = defaultQuoteForm(q.text);
            onInsert(q, e.shiftKey ? other(form) : form);
          }
        }}
      />
      <div class="list-filters">
        <FilterSelect label="Speaker" anyLabel="Any speaker" value={actorId} options={actors.map((a) => ({ value: a.id, label: a.name }))} onChange={setActorId} />
        <FilterSelect label="Topic" anyLabel="Any topic" value={topicId} options={topics.map((t) => ({ value: t.id, label: t.name }))} onChange={setTopicId} />
        <FilterSelect label="Position" anyLabel="Any position" value={positionId} options={positions.map((p) => ({ value: p.id, label: p.claim }))} onChange={setPositionId} />
        <FilterSelect label="Article" anyLabel="Any article" value={articleId} options={articles.map(([id, title]) => ({ value: id, label: title.slice(0, 50) }))} onChange={setArticleId} />
        <FilterSelect label="Stance" anyLabel="Any stance" value={stance} options={plainOptions(stances)} onChange={setStance} />
      </div>
      {quotes.length === 0 ? (
        <p class="empty">No quotes yet. Annotate articles in Read, and they appear here to use in briefings.</p>
      ) : shown.length === 0 ? (
        <p class="empty">No quotes match.</p>
      ) : (
        <ul class="annotations">
          {shown.map((q, i) => {
            const form = defaultQuoteForm(q.text);
            return (
              <li
                key={q.id}
                class={`annotation-item picker-item ${i === active ? 'active' : ''}`}
                data-testid="quote-picker-item"
                draggable
                onDragStart={(e) => {
                  e.dataTransfer!.setData(QUOTE_DRAG_TYPE, String(q.id));
                  e.dataTransfer!.setData('text/plain', formatAnnotationWords(q.kind, q.text));
                  e.dataTransfer!.effectAllowed = 'copy';
                }}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => onInsert(q, form)}
                title={`Click or Enter to insert ${FORM_LABEL[form]} at the cursor, Shift+Enter ${FORM_LABEL[other(form)]}; or drag into the briefing`}
              >
                <span class="annotation-who">{q.speaker?.name ?? 'Unattributed'}</span> <span class="annotation-kind">{q.kind}</span>
                <Words kind={q.kind} text={q.text} />
                {q.positions.map((p) => (
                  <CodingTag key={p.id} stance={p.stance} claim={p.claim} />
                ))}
                <span class="hint">
                  {q.article.outlet ? `${q.article.outlet}, ` : ''}
                  {q.article.title}
                </span>
                <span class="quote-forms">
                  {(['inline', 'block'] as const).map((f) => (
                    <button
                      key={f}
                      type="button"
                      class={`link-button${f === form ? ' default' : ''}`}
                      data-testid={`quote-insert-${f}`}
                      title={`Insert ${FORM_LABEL[f]}${f === form ? ' (the default for this quote)' : ''}`}
                      onClick={(e) => {
                        e.stopPropagation();
                        onInsert(q, f);
                      }}
                    >
                      {f === 'inline' ? 'Inline' : 'Block'}
                    </button>
                  ))}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
