// Every annotation in the library as a table: filter, sort, open, export.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Actor, AnnotationKind, QuoteRow, Stance, Topic } from '../../shared/model';
import { annotationKinds, stances } from '../../shared/model';
import type { QuoteExportFormat } from '../../shared/contract';
import { call } from '../api';
import { download } from '../download';
import { FilterSelect, plainOptions } from './FilterSelect';
import type { Toast } from './Toasts';
import { Tags, Words } from './Words';

interface Props {
  actors: Actor[];
  topics: Topic[];
  toast: (t: Omit<Toast, 'id'>) => void;
  onOpenQuote: (q: QuoteRow) => void;
}

interface Filter {
  actorId?: number;
  topicId?: number;
  positionId?: number;
  stance?: Stance;
  kind?: AnnotationKind;
  tag?: string;
  articleId?: number;
  from?: string;
  to?: string;
}

type SortKey = 'date' | 'article' | 'speaker' | 'kind' | 'text';

const KEY: Record<SortKey, (q: QuoteRow) => string> = {
  date: (q) => q.article.publishedAt ?? '',
  article: (q) => q.article.title.toLowerCase(),
  speaker: (q) => q.speaker?.name.toLowerCase() ?? '\uffff',
  kind: (q) => q.kind,
  text: (q) => q.text.toLowerCase(),
};

const EXPORTS: { format: QuoteExportFormat; label: string }[] = [
  { format: 'csv', label: 'Quotes (CSV)' },
  { format: 'jsonld', label: 'Annotations (W3C JSON-LD)' },
  { format: 'graphml', label: 'Network (GraphML)' },
  { format: 'network-csv', label: 'Network (CSV)' },
];

export function QuotesView({ actors, topics, toast, onOpenQuote }: Props) {
  const [filter, setFilter] = useState<Filter>({});
  const [rows, setRows] = useState<QuoteRow[] | null>(null);
  const [articles, setArticles] = useState<{ id: number; title: string }[]>([]);
  const [tags, setTags] = useState<string[]>([]);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'date', desc: true });
  const fail = (e: unknown) => toast({ kind: 'error', text: (e as Error).message });

  useEffect(() => {
    call('quotes.list', filter).then(setRows).catch(fail);
  }, [filter]);

  useEffect(() => {
    call('quotes.list', {})
      .then((all) => {
        setArticles([...new Map(all.map((q) => [q.article.id, { id: q.article.id, title: q.article.title }])).values()]);
        setTags([...new Set(all.flatMap((q) => q.tags))].sort((a, b) => a.localeCompare(b)));
      })
      .catch(fail);
  }, []);

  const sorted = useMemo(() => {
    if (!rows) return null;
    const k = KEY[sort.key];
    return [...rows].sort((a, b) => (sort.desc ? -1 : 1) * k(a).localeCompare(k(b)));
  }, [rows, sort]);

  const positions = topics.filter((t) => !filter.topicId || t.id === filter.topicId).flatMap((t) => t.positions);
  const set = (patch: Filter) => setFilter((f) => Object.fromEntries(Object.entries({ ...f, ...patch }).filter(([, v]) => v !== undefined && v !== '')) as Filter);
  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button class="link-button" onClick={() => setSort({ key, desc: sort.key === key ? !sort.desc : key === 'date' })}>
        {label} {sort.key === key ? (sort.desc ? '▾' : '▴') : ''}
      </button>
    </th>
  );

  return (
    <div class="wide-view">
      <div class="view-toolbar filters" data-testid="quotes-filters">
        <FilterSelect label="Speaker" anyLabel="Any speaker" value={filter.actorId} options={actors.map((a) => ({ value: a.id, label: a.name }))} onChange={(v) => set({ actorId: v || undefined })} />
        <FilterSelect
          label="Topic"
          anyLabel="Any topic"
          value={filter.topicId}
          options={topics.map((t) => ({ value: t.id, label: t.name }))}
          onChange={(v) => set({ topicId: v || undefined, positionId: undefined })}
        />
        <FilterSelect label="Position" anyLabel="Any position" value={filter.positionId} options={positions.map((p) => ({ value: p.id, label: p.claim }))} onChange={(v) => set({ positionId: v || undefined })} />
        <FilterSelect label="Stance" anyLabel="Any stance" value={filter.stance} options={plainOptions(stances)} onChange={(v) => set({ stance: v || undefined })} />
        <FilterSelect label="Kind" anyLabel="Any kind" value={filter.kind} options={plainOptions(annotationKinds)} onChange={(v) => set({ kind: v || undefined })} />
        <FilterSelect label="Tag" anyLabel="Any tag" value={filter.tag} options={tags.map((t) => ({ value: t, label: `#${t}` }))} onChange={(v) => set({ tag: v || undefined })} />
        <FilterSelect label="Article" anyLabel="Any article" value={filter.articleId} options={articles.map((a) => ({ value: a.id, label: a.title.slice(0, 60) }))} onChange={(v) => set({ articleId: v || undefined })} />
        <label>
          From <input type="date" value={filter.from ?? ''} onInput={(e) => set({ from: (e.currentTarget as HTMLInputElement).value || undefined })} />
        </label>
        <label>
          to <input type="date" value={filter.to ?? ''} onInput={(e) => set({ to: (e.currentTarget as HTMLInputElement).value || undefined })} />
        </label>
        <span class="spacer" />
        {EXPORTS.map((x) => (
          <button
            key={x.format}
            data-testid={`export-${x.format}`}
            onClick={async () => {
              try {
                const f = await call('quotes.export', { format: x.format, filter });
                download(f.filename, f.content, f.mimeType);
              } catch (e) {
                fail(e);
              }
            }}
          >
            {x.label}
          </button>
        ))}
      </div>
      {sorted === null ? (
        <p class="empty">Loading…</p>
      ) : sorted.length === 0 ? (
        <p class="empty">{Object.keys(filter).length ? 'No annotations match these filters.' : 'No annotations yet. Select a passage while reading and press Q.'}</p>
      ) : (
        <div class="table-scroll">
          <table class="quotes-table" data-testid="quotes-table">
            <thead>
              <tr>
                {header('date', 'Date')}
                {header('article', 'Article')}
                {header('speaker', 'Speaker')}
                {header('kind', 'Kind')}
                <th scope="col">Positions</th>
                {header('text', 'Text')}
                <th scope="col">Comment</th>
                <th scope="col">Tags</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((q) => (
                <tr key={q.id} data-testid="quote-row" onClick={() => onOpenQuote(q)}>
                  <td class="nowrap">{q.article.publishedAt ?? ''}</td>
                  <td>
                    {q.article.title}
                    {q.article.outlet && <div class="hint">{q.article.outlet}</div>}
                  </td>
                  <td>
                    {q.speaker?.name ?? <em class="hint">none</em>}
                    {q.speaker?.affiliations[0] && <div class="hint">{q.speaker.affiliations.map((f) => (f.role ? `${f.role}, ${f.name}` : f.name)).join('; ')}</div>}
                  </td>
                  <td>{q.kind}</td>
                  <td>
                    {q.positions.map((p) => (
                      <div key={p.id} class={`stance-${p.stance}`}>
                        <strong>{p.stance}</strong> {p.claim}
                      </div>
                    ))}
                  </td>
                  <td class="quote-text">
                    <Words kind={q.kind} text={q.text} class="words" />
                    {q.orphaned && <span class="badge">orphan</span>}
                  </td>
                  <td>{q.comment}</td>
                  <td>
                    <Tags tags={q.tags} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
