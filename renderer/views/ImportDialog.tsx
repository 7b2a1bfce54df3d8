// Import: paste text or HTML, or pick or drop files (many at once). Each item is one call, so the
// dialog can show progress and a failed file never stops the rest.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportResult } from '../../shared/model';
import { IMPORT_EXTENSIONS } from '../../shared/limits';
import { articleMetaPatch } from '../../shared/contract';
import { problemWith } from '../../shared/input-errors';
import { ApiError, call } from '../api';
import { fileToBase64, tooLarge } from '../files';
import { takePastedPage, type PastedPage } from '../paste-flavour';
import { ImportPreviews, useImportPreviews, type PreviewState } from './ImportPreviews';
import { ImportResultItem } from './ImportResultItem';
import { FEED_EXTENSIONS, isFeedFileName, type FeedListing } from '../../shared/feed';
import { FeedItems } from './FeedItems';

const PASTED = 'pasted text';
let feedKey = 0;

type MetaKey = 'title' | 'outlet' | 'publishedAt' | 'url';
type FieldErrors = Partial<Record<MetaKey, string>>;

interface Props {
  initialFiles: File[];
  /** Opened by File ▸ Import from web address…: the web address field takes the focus. */
  focusAddress?: boolean;
  onClose: () => void;
  /** Called after a run with what was imported, so the library can refresh and open the last one. */
  onImported: (results: ImportResult[]) => void;
}

export function ImportDialog({ initialFiles, focusAddress, onClose, onImported }: Props) {
  const [text, setText] = useState('');
  const [pastedPage, setPastedPage] = useState<PastedPage | null>(null);
  const pageIntact = pastedPage !== null && pastedPage.text === text;
  const [meta, setMeta] = useState<Record<MetaKey, string>>({ title: '', outlet: '', publishedAt: '', url: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [files, setFiles] = useState<File[]>(initialFiles);
  const [progress, setProgress] = useState<{ done: number; total: number; current?: string } | null>(null);
  const [results, setResults] = useState<ImportResult[]>([]);
  const [dragging, setDragging] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [address, setAddress] = useState('');
  const [addressError, setAddressError] = useState<string | null>(null);
  const addressRef = useRef<HTMLInputElement>(null);
  /** Feeds found (a feed file, a feed's address), each listed for the analyst to pick items from. */
  const [feeds, setFeeds] = useState<{ key: number; feed: FeedListing }[]>([]);
  const running = progress !== null && progress.done < progress.total;
  const previews = useImportPreviews(files);

  useEffect(() => (focusAddress ? addressRef.current : textRef.current)?.focus(), [focusAddress]);

  const run = async () => {
    const jobs: { name: string; file?: File; run: () => Promise<ImportResult | null> }[] = [];
    const metaInput = {
      ...(meta.title.trim() ? { title: meta.title.trim() } : {}),
      ...(meta.outlet.trim() ? { outlet: meta.outlet.trim() } : {}),
      ...(meta.publishedAt ? { publishedAt: meta.publishedAt } : {}),
      ...(meta.url.trim() ? { url: meta.url.trim() } : {}),
    };
    // The contract's own rules, checked before anything is sent: the reason shows beside its field.
    const invalid: FieldErrors = {};
    for (const [key, value] of Object.entries(metaInput) as [MetaKey, string][]) {
      const problem = problemWith(key, articleMetaPatch[key], value);
      if (problem) invalid[key] = problem;
    }
    setFieldErrors(invalid);
    const addressProblem = address.trim() ? problemWith('url', articleMetaPatch.url, address.trim()) : null;
    setAddressError(addressProblem);
    if (Object.keys(invalid).length || addressProblem) return;
    const openFeed = (feed: FeedListing) => setFeeds((prev) => [...prev, { key: ++feedKey, feed }]);
    if (address.trim()) {
      const url = address.trim();
      const { url: _metaUrl, ...pageMeta } = metaInput;
      const only = !text.trim() && !files.length;
      // A page is imported; a feed is listed below for picking (null: nothing to report yet).
      jobs.push({
        name: url,
        run: async () => {
          const r = await call('articles.importUrl', { url, ...(only ? pageMeta : {}) });
          if (r.status !== 'feed') return r;
          openFeed(r.feed);
          return null;
        },
      });
    }
    if (text.trim()) {
      const source = pageIntact ? { data: pastedPage.html, format: 'html' as const } : { data: text };
      jobs.push({ name: PASTED, run: () => call('articles.import', { file: PASTED, encoding: 'text', ...source, ...metaInput }) });
    }
    for (const f of files) {
      jobs.push({
        name: f.name,
        file: f,
        run: async () => {
          const big = tooLarge(f);
          if (big) return { file: f.name, status: 'failed', error: big };
          if (isFeedFileName(f.name)) {
            openFeed(await call('feeds.read', { file: f.name, data: await fileToBase64(f) }));
            return null;
          }
          // Only a single file takes the typed metadata: it would be wrong on every file of a batch.
          const single = files.length === 1 && !text.trim() ? metaInput : {};
          return call('articles.import', { file: f.name, encoding: 'base64', data: await fileToBase64(f), ...single });
        },
      });
    }
    if (!jobs.length) return;
    const out: ImportResult[] = [];
    const refusedMeta: FieldErrors = {};
    const retry: File[] = [];
    let pasteFailed = false;
    let done = 0;
    let feedsFound = 0;
    setResults([]);
    setProgress({ done: 0, total: jobs.length });
    for (const job of jobs) {
      setProgress({ done, total: jobs.length, current: progressLabel(job.name, job.file && previews.get(job.file)) });
      let r: ImportResult | null;
      try {
        r = await job.run();
        if (r === null) {
          feedsFound++;
          setProgress({ done: ++done, total: jobs.length });
          continue;
        }
      } catch (e) {
        r = { file: job.name, status: 'failed', error: (e as Error).message };
        // A refused title, date or URL: said beside its field, and the file kept for another try.
        const refused = e instanceof ApiError ? e.error : null;
        if (refused?.field && refused.field in meta) {
          refusedMeta[refused.field as MetaKey] = refused.message;
          if (job.file) retry.push(job.file);
        }
      }
      if (r.status === 'failed' && !job.file && job.name === PASTED) pasteFailed = true;
      out.push(r);
      setResults([...out]);
      setProgress({ done: ++done, total: jobs.length });
    }
    if (out.length) onImported(out);
    setFieldErrors(refusedMeta);
    const addressFailed = out.some((r) => r.status === 'failed' && r.file === address.trim());
    if (!addressFailed) setAddress('');
    if (!feedsFound && out.every((r) => r.status !== 'failed' && !r.warnings?.length)) onClose();
    else {
      // What did not go in stays, so nothing typed or pasted is lost.
      if (!pasteFailed) {
        setText('');
        setPastedPage(null);
      }
      setFiles(retry);
    }
  };

  const metaField = (key: MetaKey) => ({
    value: meta[key],
    'aria-invalid': fieldErrors[key] ? true : undefined,
    'aria-describedby': fieldErrors[key] ? `import-${key}-error` : undefined,
    onInput: (e: Event) => {
      setMeta({ ...meta, [key]: (e.currentTarget as HTMLInputElement).value });
      setFieldErrors({ ...fieldErrors, [key]: undefined });
    },
  });
  const fieldError = (key: MetaKey) =>
    fieldErrors[key] && (
      <span class="field-error" id={`import-${key}-error`} data-testid={`import-${key}-error`} role="alert">
        {fieldErrors[key]}
      </span>
    );

  const addFiles = (list: FileList | null) => {
    if (list?.length) setFiles((prev) => [...prev, ...Array.from(list)]);
  };

  return (
    <div class="overlay" onMouseDown={(e) => e.target === e.currentTarget && !running && onClose()}>
      <div
        class={`dialog import-dialog ${dragging ? 'dragging' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-heading"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !running) onClose();
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void run();
        }}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          addFiles(e.dataTransfer?.files ?? null);
        }}
      >
        <h2 id="import-heading">Import articles</h2>
        <label class="field">
          <span>Paste the article’s text or HTML</span>
          <textarea
            ref={textRef}
            class="source-text"
            data-testid="import-text"
            rows={9}
            value={text}
            placeholder="Paste here… (a copied web page keeps its headings, lists and links)"
            onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
            onPaste={(e) => {
              const page = takePastedPage(e, e.currentTarget as HTMLTextAreaElement);
              if (!page) return;
              setPastedPage(page);
              setText(page.text);
            }}
          />
        </label>
        {pastedPage && text.trim() && (
          <p class="hint flavour-note" data-testid="import-flavour">
            {pageIntact ? (
              <>
                Pasted with its formatting: headings, lists and links are kept.{' '}
                <button type="button" class="link-button" onClick={() => setPastedPage(null)}>
                  Import as plain text instead
                </button>
              </>
            ) : (
              'The pasted text was edited, so it will be imported as plain text, as shown.'
            )}
          </p>
        )}
        <label class="field">
          <span>Or a web address: a page (its article is imported) or a feed (pick its items)</span>
          <input
            ref={addressRef}
            type="url"
            data-testid="import-web-url"
            placeholder="https://…"
            value={address}
            aria-invalid={addressError ? true : undefined}
            aria-describedby={addressError ? 'import-web-url-error' : undefined}
            onInput={(e) => {
              setAddress((e.currentTarget as HTMLInputElement).value);
              setAddressError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !running) void run();
            }}
          />
          {addressError && (
            <span class="field-error" id="import-web-url-error" data-testid="import-web-url-error" role="alert">
              {addressError}
            </span>
          )}
        </label>
        <div class="field-row">
          <label class="field">
            <span>Title (optional: found in the text when left empty)</span>
            <input data-testid="import-title" {...metaField('title')} />
            {fieldError('title')}
          </label>
        </div>
        <div class="field-row three">
          <label class="field">
            <span>Outlet</span>
            <input data-testid="import-outlet" {...metaField('outlet')} />
            {fieldError('outlet')}
          </label>
          <label class="field">
            <span>Published</span>
            <input type="date" data-testid="import-date" {...metaField('publishedAt')} />
            {fieldError('publishedAt')}
          </label>
          <label class="field">
            <span>URL</span>
            <input type="url" data-testid="import-url" {...metaField('url')} />
            {fieldError('url')}
          </label>
        </div>
        <div class="dropzone">
          <label class="button">
            Choose files…
            <input
              type="file"
              multiple
              class="sr-only"
              data-testid="import-file"
              accept={[...IMPORT_EXTENSIONS, ...FEED_EXTENSIONS].join(',')}
              onChange={(e) => {
                addFiles((e.currentTarget as HTMLInputElement).files);
                (e.currentTarget as HTMLInputElement).value = '';
              }}
            />
          </label>
          <span>{files.length ? `${files.length} file${files.length > 1 ? 's' : ''} ready: ${files.map((f) => f.name).join(', ')}` : `or drop ${[...IMPORT_EXTENSIONS, ...FEED_EXTENSIONS].join(' ')} files here`}</span>
        </div>
        <ImportPreviews files={files} previews={previews} />
        {progress && (
          <div class="progress">
            <progress max={progress.total} value={progress.done} />
            <span data-testid="import-progress">
              {running ? `Importing ${progress.done + 1} of ${progress.total}${progress.current ? `: ${progress.current}` : ''}…` : `Done: ${progress.total} item${progress.total > 1 ? 's' : ''}.`}
            </span>
          </div>
        )}
        {feeds.map(({ key, feed }) => (
          <FeedItems
            key={key}
            feed={feed}
            onResults={(more) => setResults((prev) => [...prev, ...more])}
            onDone={(all) => {
              setFeeds((prev) => prev.filter((f) => f.key !== key));
              if (all.length) onImported(all);
            }}
          />
        ))}
        {results.length > 0 && (
          <ul class="import-results" data-testid="import-results">
            {results.map((r, i) => (
              <ImportResultItem key={i} result={r} />
            ))}
          </ul>
        )}
        <div class="dialog-actions">
          <button onClick={onClose} disabled={running}>
            {results.length ? 'Close' : 'Cancel'}
          </button>
          <button class="primary" data-testid="import-submit" disabled={running || (!text.trim() && !files.length && !address.trim())} onClick={() => void run()}>
            Import
          </button>
        </div>
      </div>
    </div>
  );
}

/** The file being imported, with its article count when it is an export (a long wait needs a reason). */
function progressLabel(name: string, preview: PreviewState | undefined): string {
  return preview && preview !== 'reading' && preview.source ? `${name} (${preview.source}, ${preview.articles.toLocaleString('en')} articles)` : name;
}
