// Import: paste text or HTML, or pick or drop files (many at once). Each item is one call, so the
// dialog can show progress and a failed file never stops the rest.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportResult } from '../../shared/model';
import { IMPORT_EXTENSIONS } from '../../shared/limits';
import { call } from '../api';
import { fileToBase64, tooLarge } from '../files';
import { takePastedPage, type PastedPage } from '../paste-flavour';

const PASTED = 'pasted text';

interface Props {
  initialFiles: File[];
  onClose: () => void;
  /** Called after a run with what was imported, so the library can refresh and open the last one. */
  onImported: (results: ImportResult[]) => void;
}

export function ImportDialog({ initialFiles, onClose, onImported }: Props) {
  const [text, setText] = useState('');
  const [pastedPage, setPastedPage] = useState<PastedPage | null>(null);
  const pageIntact = pastedPage !== null && pastedPage.text === text;
  const [meta, setMeta] = useState({ title: '', outlet: '', publishedAt: '', url: '' });
  const [files, setFiles] = useState<File[]>(initialFiles);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [results, setResults] = useState<ImportResult[]>([]);
  const [dragging, setDragging] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const running = progress !== null && progress.done < progress.total;

  useEffect(() => textRef.current?.focus(), []);

  const run = async () => {
    const jobs: (() => Promise<ImportResult>)[] = [];
    const metaInput = {
      ...(meta.title.trim() ? { title: meta.title.trim() } : {}),
      ...(meta.outlet.trim() ? { outlet: meta.outlet.trim() } : {}),
      ...(meta.publishedAt ? { publishedAt: meta.publishedAt } : {}),
      ...(meta.url.trim() ? { url: meta.url.trim() } : {}),
    };
    if (text.trim()) {
      const source = pageIntact ? { data: pastedPage.html, format: 'html' as const } : { data: text };
      jobs.push(() => call('articles.import', { file: PASTED, encoding: 'text', ...source, ...metaInput }));
    }
    for (const f of files) {
      jobs.push(async () => {
        const big = tooLarge(f);
        if (big) return { file: f.name, status: 'failed', error: big };
        // Only a single file takes the typed metadata: it would be wrong on every file of a batch.
        const single = files.length === 1 && !text.trim() ? metaInput : {};
        return call('articles.import', { file: f.name, encoding: 'base64', data: await fileToBase64(f), ...single });
      });
    }
    if (!jobs.length) return;
    const out: ImportResult[] = [];
    setResults([]);
    setProgress({ done: 0, total: jobs.length });
    for (const job of jobs) {
      let r: ImportResult;
      try {
        r = await job();
      } catch (e) {
        r = { file: '?', status: 'failed', error: (e as Error).message };
      }
      out.push(r);
      setResults([...out]);
      setProgress({ done: out.length, total: jobs.length });
    }
    onImported(out);
    if (out.every((r) => r.status !== 'failed' && !r.warnings?.length)) onClose();
    else {
      setText('');
      setPastedPage(null);
      setFiles([]);
    }
  };

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
        <div class="field-row">
          <label class="field">
            <span>Title (optional: found in the text when left empty)</span>
            <input data-testid="import-title" value={meta.title} onInput={(e) => setMeta({ ...meta, title: (e.currentTarget as HTMLInputElement).value })} />
          </label>
        </div>
        <div class="field-row three">
          <label class="field">
            <span>Outlet</span>
            <input data-testid="import-outlet" value={meta.outlet} onInput={(e) => setMeta({ ...meta, outlet: (e.currentTarget as HTMLInputElement).value })} />
          </label>
          <label class="field">
            <span>Published</span>
            <input type="date" data-testid="import-date" value={meta.publishedAt} onInput={(e) => setMeta({ ...meta, publishedAt: (e.currentTarget as HTMLInputElement).value })} />
          </label>
          <label class="field">
            <span>URL</span>
            <input type="url" data-testid="import-url" value={meta.url} onInput={(e) => setMeta({ ...meta, url: (e.currentTarget as HTMLInputElement).value })} />
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
              accept={IMPORT_EXTENSIONS.join(',')}
              onChange={(e) => {
                addFiles((e.currentTarget as HTMLInputElement).files);
                (e.currentTarget as HTMLInputElement).value = '';
              }}
            />
          </label>
          <span>{files.length ? `${files.length} file${files.length > 1 ? 's' : ''} ready: ${files.map((f) => f.name).join(', ')}` : `or drop ${IMPORT_EXTENSIONS.join(' ')} files here`}</span>
        </div>
        {progress && (
          <div class="progress">
            <progress max={progress.total} value={progress.done} />
            <span data-testid="import-progress">
              {running ? `Importing ${progress.done + 1} of ${progress.total}…` : `Done: ${progress.total} item${progress.total > 1 ? 's' : ''}.`}
            </span>
          </div>
        )}
        {results.length > 0 && (
          <ul class="import-results" data-testid="import-results">
            {results.map((r, i) => (
              <li key={i} class={`result-${r.status}`} data-testid="import-result" data-status={r.status}>
                <strong>{r.file}</strong>:{' '}
                {r.status === 'imported' ? `imported as “${r.title}”` : r.status === 'duplicate' ? `already in the library as “${r.title}”` : r.error}
                {r.warnings?.map((w) => (
                  <div class="warning" key={w}>
                    {w}
                  </div>
                ))}
              </li>
            ))}
          </ul>
        )}
        <div class="dialog-actions">
          <button onClick={onClose} disabled={running}>
            {results.length ? 'Close' : 'Cancel'}
          </button>
          <button class="primary" data-testid="import-submit" disabled={running || (!text.trim() && !files.length)} onClick={() => void run()}>
            Import
          </button>
        </div>
      </div>
    </div>
  );
}
