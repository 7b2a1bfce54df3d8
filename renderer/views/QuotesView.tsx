// Every annotation in the library as a table: filter, sort, open, export. The store filters, sorts
// and counts; the table shows a page at a time and reads the next as the analyst scrolls to it.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Actor, AnnotationKind, QuoteFacets, QuoteRow, Stance, Topic } from '../../shared/model';
import { annotationKinds, stances } from '../../shared/model';
import type { QuoteExportFormat, QuoteSort } from '../../shared/contract';
import { call } from '../api';
import { download } from '../download';
import { FilterSelect, plainOptions } from './FilterSelect';
import type { Toast } from './Toasts';
import { useQuotePages } from './quote-pages';
import { QuoteTableRow } from './QuoteTableRow';
import { MoreRows } from './MoreRows';

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
  codedBy?: string;
  articleId?: number;
  from?: string;
  to?: string;
}

/** A long list of choices in full, or (before the first page is painted) only the one chosen. */
function choices<T>(options: { value: T; label: string }[], chosen: T | undefined, all: boolean) {
  return all ? options : options.filter((o) => o.value === chosen);
}

const STANCE_OPTIONS = plainOptions(stances);
const KIND_OPTIONS = plainOptions(annotationKinds);

const EXPORTS: { format: QuoteExportFormat; label: string }[] = [
  { format: 'csv', label: 'Quotes (CSV)' },
  { format: 'jsonld', label: 'Annotations (W3C JSON-LD)' },
  { format: 'graphml', label: 'Network (GraphML)' },
  { format: 'network-csv', label: 'Network (CSV)' },
];

export function QuotesView({ actors, topics, toast, onOpenQuote }: Props) {
  const [filter, setFilter] = useState<Filter>({});
  const [facets, setFacets] = useState<QuoteFacets>({ articles: [], tags: [], coders: [] });
  const [sort, setSort] = useState<{ key: QuoteSort; desc: boolean }>({ key: 'date', desc: true });
  const fail = useCallback((e: unknown) => toast({ kind: 'error', text: (e as Error).message }), [toast]);
  // The store filters, sorts and counts; the table holds the pages read so far.
  const query = useMemo(() => ({ ...filter, sort: sort.key, desc: sort.desc }), [filter, sort]);
  const { rows, total, more, loadMore } = useQuotePages(query, fail);

  // The article and tag choices (every coded article's title) are not needed to show the first
  // page: asked for once it has arrived, so they never stand in its way.
  const firstPageShown = rows !== null;
  useEffect(() => {
    if (firstPageShown) call('quotes.facets', {}).then(setFacets).catch(fail);
  }, [firstPageShown, fail]);

  // The choices, built once per codebook: a toolbar drawn again for every page that arrives need not
  // compare 2,000 speakers. The long lists join once the first page has been painted; until then
  // they hold only what is chosen.
  const speakerOptions = useMemo(() => actors.map((a) => ({ value: a.id, label: a.name })), [actors]);
  const topicOptions = useMemo(() => topics.map((t) => ({ value: t.id, label: t.name })), [topics]);
  const positionOptions = useMemo(
    () => topics.filter((t) => !filter.topicId || t.id === filter.topicId).flatMap((t) => t.positions.map((p) => ({ value: p.id, label: p.claim }))),
    [topics, filter.topicId],
  );
  const tagOptions = useMemo(() => facets.tags.map((t) => ({ value: t, label: `#${t}` })), [facets.tags]);
  const coderOptions = useMemo(() => facets.coders.map((c) => ({ value: c, label: c })), [facets.coders]);
  const articleOptions = useMemo(() => facets.articles.map((a) => ({ value: a.id, label: a.title.slice(0, 60) })), [facets.articles]);
  const speakerChoices = useMemo(() => choices(speakerOptions, filter.actorId, firstPageShown), [firstPageShown, speakerOptions, filter.actorId]);
  const positionChoices = useMemo(() => choices(positionOptions, filter.positionId, firstPageShown), [firstPageShown, positionOptions, filter.positionId]);
  const set = (patch: Filter) => setFilter((f) => Object.fromEntries(Object.entries({ ...f, ...patch }).filter(([, v]) => v !== undefined && v !== '')) as Filter);
  const header = (key: QuoteSort, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button class="link-button" onClick={() => setSort({ key, desc: sort.key === key ? !sort.desc : key === 'date' })}>
        {label} {sort.key === key ? (sort.desc ? '▾' : '▴') : ''}
      </button>
    </th>
  );

  return (
    <div class="wide-view">
      <div class="view-toolbar filters" data-testid="quotes-filters">
        <FilterSelect label="Speaker" anyLabel="Any speaker" value={filter.actorId} options={speakerChoices} onChange={(v) => set({ actorId: v || undefined })} />
        <FilterSelect
          label="Topic"
          anyLabel="Any topic"
          value={filter.topicId}
          options={topicOptions}
          onChange={(v) => set({ topicId: v || undefined, positionId: undefined })}
        />
        <FilterSelect label="Position" anyLabel="Any position" value={filter.positionId} options={positionChoices} onChange={(v) => set({ positionId: v || undefined })} />
        <FilterSelect label="Stance" anyLabel="Any stance" value={filter.stance} options={STANCE_OPTIONS} onChange={(v) => set({ stance: v || undefined })} />
        <FilterSelect label="Kind" anyLabel="Any kind" value={filter.kind} options={KIND_OPTIONS} onChange={(v) => set({ kind: v || undefined })} />
        <FilterSelect label="Tag" anyLabel="Any tag" value={filter.tag} options={tagOptions} onChange={(v) => set({ tag: v || undefined })} />
        {/* A team library's: shown once more than one member has coded (or a choice is set). */}
        {(coderOptions.length > 1 || filter.codedBy) && (
          <FilterSelect label="Coded by" anyLabel="Anyone" value={filter.codedBy} options={coderOptions} onChange={(v) => set({ codedBy: v || undefined })} />
        )}
        <FilterSelect label="Article" anyLabel="Any article" value={filter.articleId} options={articleOptions} onChange={(v) => set({ articleId: v || undefined })} />
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
      {rows === null ? (
        <p class="empty">Loading…</p>
      ) : rows.length === 0 ? (
        <p class="empty">{Object.keys(filter).length ? 'No annotations match these filters.' : 'No annotations yet. Select a passage while reading and press Q.'}</p>
      ) : (
        <div class="table-scroll">
          <table class="quotes-table" data-testid="quotes-table" aria-rowcount={total + 1}>
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
              {rows.map((q) => (
                <QuoteTableRow key={q.id} quote={q} onOpen={onOpenQuote} />
              ))}
            </tbody>
          </table>
          <MoreRows shown={rows.length} total={total} more={more} loadMore={loadMore} unit={['annotation', 'annotations']} testid="quotes-count" />
        </div>
      )}
    </div>
  );
}
