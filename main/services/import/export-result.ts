// One result for a file that held many articles, so every caller of the import (the CLI, the
// dialog, importBatch) still gets one result per file: a summary status and title, and beside it
// each article's own result.
import type { ImportResult } from '../../../shared/model';
import type { PreparedExport } from './prepared';

/**
 * The file's result from its articles' results: imported when any article went in (the failures
 * named in its warnings), a duplicate when all were already in the library, failed when none could be stored.
 */
export function exportSummary(p: PreparedExport, articles: ImportResult[]): ImportResult {
  const count = (s: ImportResult['status']) => articles.filter((a) => a.status === s).length;
  const imported = count('imported');
  const duplicates = count('duplicate');
  const failed = articles.filter((a) => a.status === 'failed');
  const title = `${p.source}: ${articles.length} article${articles.length === 1 ? '' : 's'}`;
  const problems = failed.map((a) => `${articleLabel(a)}: ${a.error ?? 'not imported'}`);
  const first = articles.find((a) => a.status === 'imported') ?? articles.find((a) => a.status === 'duplicate');
  const base = { file: p.file, title, articles, ...(first ? { id: first.id } : {}) };
  if (!imported && !duplicates) {
    return { ...base, status: 'failed', error: articles.length ? `None of its ${articles.length} articles could be imported: ${problems.join('; ')}` : `It looks like a ${p.source} but holds no article.` };
  }
  const warnings = [
    ...p.warnings,
    ...(failed.length ? [`${failed.length} of ${articles.length} articles could not be imported: ${problems.join('; ')}.`] : []),
  ];
  const status = imported ? 'imported' : 'duplicate';
  return { ...base, status, ...(warnings.length ? { warnings } : {}) };
}

/** "article 3" (from the file name the service gave it), with its headline when it had one. */
function articleLabel(a: ImportResult): string {
  const n = /› (article \d+)$/.exec(a.file)?.[1] ?? a.file;
  return a.title ? `${n} (“${a.title}”)` : n;
}
