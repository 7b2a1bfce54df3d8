// The message box after File ▸ Import…: what the analyst should hear about a batch. Pure, so it
// is tested under Node (tests/unit/import-summary.test.ts) without Electron.
import path from 'node:path';
import type { MessageBoxOptions } from 'electron';
import type { ImportResult } from '../../shared/model';

/** What the analyst should hear about a batch: failures, duplicates and warnings. Nothing when all went in cleanly. */
export function importSummary(results: ImportResult[]): MessageBoxOptions | null {
  const name = (r: ImportResult) => path.basename(r.file);
  const failed = results.filter((r) => r.status === 'failed');
  const duplicates = results.filter((r) => r.status === 'duplicate');
  const warned = results.filter((r) => r.status === 'imported' && r.warnings?.length);
  const imported = results.filter((r) => r.status === 'imported').length;
  if (!failed.length && !duplicates.length && !warned.length) return null;
  const message = failed.length
    ? failed.length === 1
      ? `${name(failed[0]!)} could not be imported.`
      : `${failed.length} of ${results.length} files could not be imported.`
    : `${imported} of ${results.length} ${results.length === 1 ? 'file was' : 'files were'} imported.`;
  const detail = [
    ...failed.map((r) => `${name(r)}: ${r.error ?? 'failed'}`),
    ...duplicates.map((r) => `${name(r)}: already in the library as “${r.title ?? 'an article'}”; not stored again.`),
    ...warned.map((r) => `${name(r)}: imported, but ${r.warnings!.join(' ')}`),
    ...(failed.length && imported ? ['', `${imported} ${imported === 1 ? 'file was' : 'files were'} imported.`] : []),
  ].join('\n');
  return { type: failed.length ? 'warning' : 'info', message, detail, buttons: ['OK'] };
}
