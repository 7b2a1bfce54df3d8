// Before importing: what each picked file that may be a news-database export holds ("Nexis export:
// 48 articles"), asked of main with `articles.inspect`, which reads the file exactly as the import
// will but stores nothing. Word files and HTML files with an export's markers are asked about, one
// at a time; other files are one article each and need no question.
import { useEffect, useState } from 'preact/hooks';
import type { ImportPreview } from '../../shared/model';
import { mayBeExportHtml } from '../../shared/export-markers';
import { call } from '../api';
import { fileToBase64, tooLarge } from '../files';

export type PreviewState = ImportPreview | 'reading';

/** Enough for a batch an analyst checks by eye; files past it import without a count first. */
const MAX_ASKED = 20;

async function mayBeExport(file: File): Promise<boolean> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.docx')) return true;
  if (name.endsWith('.html') || name.endsWith('.htm')) return mayBeExportHtml(await file.text());
  return false;
}

/** The previews of `files`, filled in as main answers. */
export function useImportPreviews(files: readonly File[]): ReadonlyMap<File, PreviewState> {
  const [previews, setPreviews] = useState<ReadonlyMap<File, PreviewState>>(new Map());
  useEffect(() => {
    let live = true;
    void (async () => {
      for (const file of files.slice(0, MAX_ASKED)) {
        if (!live) return;
        if (tooLarge(file) || !(await mayBeExport(file))) continue;
        setPreviews((prev) => (prev.has(file) ? prev : new Map(prev).set(file, 'reading')));
        let preview: ImportPreview;
        try {
          preview = await call('articles.inspect', { file: file.name, encoding: 'base64', data: await fileToBase64(file) });
        } catch (e) {
          preview = { file: file.name, source: null, articles: 0, titles: [], problems: [], error: (e as Error).message };
        }
        if (live) setPreviews((prev) => new Map(prev).set(file, preview));
      }
    })();
    return () => {
      live = false;
    };
  }, [files]);
  return previews;
}

/** One line per file asked about: its article count, or what is wrong with it. */
export function ImportPreviews({ files, previews }: { files: readonly File[]; previews: ReadonlyMap<File, PreviewState> }) {
  const shown = files.filter((f) => previews.has(f));
  if (!shown.length) return null;
  return (
    <ul class="import-previews" aria-live="polite">
      {shown.map((f, i) => {
        const p = previews.get(f)!;
        return (
          <li key={i} data-testid="import-file-summary" data-file={f.name}>
            <strong>{f.name}</strong>: {p === 'reading' ? 'counting its articles…' : describe(p)}
            {p !== 'reading' && p.problems.length > 0 && (
              <details class="preview-problems">
                <summary>
                  {p.problems.length} part{p.problems.length > 1 ? 's' : ''} cannot be imported
                </summary>
                <ul>
                  {p.problems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function describe(p: ImportPreview): string {
  if (p.error) return p.error;
  if (!p.source) return p.titles[0] ? `one article, “${p.titles[0]}”` : 'one article';
  return `${p.source}: ${p.articles.toLocaleString('en')} article${p.articles === 1 ? '' : 's'}`;
}
