// One line of the import dialog's results list. A news-database export is one line for the file,
// with its articles' own results folded beneath it (a thousand rows would bury the other files).
import type { ImportResult } from '../../shared/model';

function outcome(r: ImportResult): string {
  if (r.status === 'imported') return `imported as “${r.title}”`;
  if (r.status === 'duplicate') return `already in the library as “${r.title}”`;
  return r.title ? `“${r.title}”: ${r.error}` : (r.error ?? 'not imported');
}

export function ImportResultItem({ result: r }: { result: ImportResult }) {
  const articles = r.articles;
  const count = (s: ImportResult['status']) => articles?.filter((a) => a.status === s).length ?? 0;
  return (
    <li class={`result-${r.status}`} data-testid="import-result" data-status={r.status}>
      <strong>{r.file}</strong>:{' '}
      {articles
        ? `${r.title}: ${[`${count('imported')} imported`, count('duplicate') && `${count('duplicate')} already in the library`, count('failed') && `${count('failed')} not imported`].filter(Boolean).join(', ')}`
        : outcome(r)}
      {r.warnings?.map((w) => (
        <div class="warning" key={w}>
          {w}
        </div>
      ))}
      {articles && (
        <details class="import-articles" open={count('failed') > 0 && articles.length <= 50}>
          <summary>Each article</summary>
          <ol>
            {articles.map((a, i) => (
              <li key={i} class={`result-${a.status}`} data-testid="import-article-result" data-status={a.status}>
                {outcome(a)}
              </li>
            ))}
          </ol>
        </details>
      )}
    </li>
  );
}
