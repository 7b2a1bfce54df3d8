// The right pane: the open article's metadata, editable in place. A field saves when it loses focus
// or on Enter; Esc puts back what was there.
import { useEffect, useState } from 'preact/hooks';
import type { Article } from '../../shared/model';
import type { CallInput } from '../../shared/contract';

type Field = 'title' | 'outlet' | 'author' | 'publishedAt' | 'url';
type Patch = Omit<CallInput<'articles.update'>, 'id'>;

interface Props {
  article: Article;
  onSave: (id: number, patch: Patch) => Promise<boolean>;
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
          <MetaField key={`${article.id}-${f.key}`} article={article} field={f} readOnly={readOnly} onSave={onSave} />
        ))}
      </form>
      <dl class="facts">
        <dt>Imported</dt>
        <dd>{new Date(article.importedAt).toLocaleString()}</dd>
        <dt>Words</dt>
        <dd>{article.wordCount.toLocaleString()}</dd>
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

function MetaField({ article, field, readOnly, onSave }: { article: Article; field: (typeof FIELDS)[number]; readOnly: boolean; onSave: Props['onSave'] }) {
  const stored = article[field.key] ?? '';
  const [value, setValue] = useState(stored);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  useEffect(() => setValue(stored), [stored]);

  const commit = async () => {
    const v = value.trim();
    if (v === stored) return;
    setState('saving');
    const ok = await onSave(article.id, { [field.key]: v === '' ? (field.key === 'title' ? v : null) : v });
    setState(ok ? 'saved' : 'error');
    if (!ok) setValue(stored);
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
        onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') (e.currentTarget as HTMLInputElement).blur();
          if (e.key === 'Escape') setValue(stored);
        }}
      />
    </label>
  );
}
