// SQL functions the schema's triggers call. Registered on every connection openLibrary makes,
// before migrations run, so a trigger never meets a function this connection does not know.
import type Database from 'better-sqlite3';
import { cjkGrams } from '../../shared/cjk';

/** The name the triggers of migration 10 use for `cjkGrams` (shared/cjk.ts). */
export const CJK_GRAMS_FUNCTION = 'verbatim_cjk_grams';

export function registerSearchFunctions(db: Database.Database): void {
  db.function(CJK_GRAMS_FUNCTION, { deterministic: true }, (text: unknown) => cjkGrams(typeof text === 'string' ? text : null));
}
