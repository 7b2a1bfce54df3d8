// The right pane: the open article's metadata, editable in place. A field saves when it loses focus
// or on Enter; Esc puts back what was there. A refused value stays in its field, with the reason
// beside it, until it is corrected or Esc puts the saved one back.
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ArticleReading } from '../../shared/model';
import { articleMetaPatch, type CallInput } from '../../shared/contract';
import { problemWith } from '../../shared/input-errors';

type Field = 'title' | 'outlet' | 'author' | 'publishedAt' | 'url';
type Patch = Omit<CallInput<'articles.update'>, 'id'>;

interface Props {
  article: ArticleReading;
  /** Resolves to null when saved, or to the reason it was refused. */
  onSave: (id: number, patch: Patch) => Promise<string | null>;
  onDelete: (id: number) => void;
}

const FIELDS: { key: Field; label: string; type: string; placeholder: string }[] = [
  { key: 'title', label: 'Title', type: 'text', placeholder: 'Headline' },
  { key: 'outlet', label: 'Outlet', type: 'text', placeholder: 'e.g. Kyodo News' },
  { key: 'author', label: 'Author', type: 'text', placeholder: 'Byline' },
  { key: 'publishedAt', label: 'Published', type: 'date', placeholder: '' },
  { key: 'url', label: 'URL', type: 'url', placeholder: 'https://…' },
];

export function Inspector({ article, onSave, onDelete }: Props) {
  const readOnly = !!article.deletedAt;
  return (
    <div class="article-inspector">
      <form class="meta-form" onSubmit={(e) => e.preventDefault()}>
        {FIELDS.map((f) => (
          <Fragment key={`${article.id}-${f.key}`}>
            <MetaField article={article} field={f} readOnly={readOnly} onSave={onSave} />
            {f.key === 'publishedAt' && <DateAsWritten article={article} />}
          </Fragment>
        ))}
      </form>
      <dl class="facts">
        <dt>Imported</dt>
        <dd>{new Date(article.importedAt).toLocaleString()}</dd>
        <dt>Words</dt>
        <dd data-testid="article-word-count">{article.wordCount.toLocaleString()}</dd>
        <dt>Source</dt>
        <dd>{article.sourceFormat.toUpperCase()}</dd>
      </dl>
      {!readOnly && (
        <button class="danger" data-testid="article-delete" onClick={() => onDelete(article.id)}>
          Move to trash
        </button>
      )}
    </div>
  );
}

function MetaField({ article, field, readOnly, onSave }: { article: ArticleReading; field: (typeof FIELDS)[number]; readOnly: boolean; onSave: Props['onSave'] }) {
  const stored = article[field.key] ?? '';
  const [value, setValue] = useState(stored);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setValue(stored), [stored]);
  const errorId = `meta-${field.key}-error`;

  const commit = async () => {
    const v = value.trim();
    if (v === stored) {
      setProblem(null);
      return;
    }
    const next = v === '' ? (field.key === 'title' ? v : null) : v;
    // Checked here with the contract's own rules, so the reason shows at once; main checks again.
    const invalid = problemWith(field.key, articleMetaPatch[field.key], next);
    if (invalid) {
      setState('idle');
      setProblem(invalid);
      return;
    }
    setState('saving');
    const refused = await onSave(article.id, { [field.key]: next });
    setState(refused ? 'idle' : 'saved');
    setProblem(refused);
  };

  return (
    <label class="field">
      <span>
        {field.label}
        {state === 'saved' && <em class="saved"> saved</em>}
      </span>
      <input
        type={field.type}
        value={value}
        placeholder={field.placeholder}
        readOnly={readOnly}
        data-testid={`meta-${field.key}`}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? errorId : undefined}
        onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') (e.currentTarget as HTMLInputElement).blur();
          if (e.key === 'Escape') {
            setValue(stored);
            setProblem(null);
          }
        }}
      />
      {problem && (
        <span class="field-error" id={errorId} data-testid={errorId} role="alert">
          {problem}
        </span>
      )}
    </label>
  );
}

/**
 * The source's date in its own words when the import did not read it as one certain day (03/04/2024
 * could be 3 April or 4 March): a call to set the date until it is set, then a plain record.
 */
function DateAsWritten({ article }: { article: ArticleReading }) {
  const written = article.publishedAsWritten;
  if (!written) return null;
  if (article.publishedAt)
    return (
      <p class="date-as-written" data-testid="meta-date-as-written">
        The source wrote “{written}”.
      </p>
    );
  return (
    <p class="date-as-written unsure" data-testid="meta-date-as-written" role="note">
      The source wrote the date as “{written}”, which could be more than one day. Set the date above.
    </p>
  );
}
