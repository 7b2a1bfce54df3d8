// A stored briefing doc as the editor and every reader of it takes it: brought up to the current
// schema, and repaired if it no longer loads, so a briefing stored broken (by an older build, a
// damaged row) still opens, duplicates, exports and syncs.
import { briefingSchema } from './briefing';
import { migrateBriefingDoc, FutureBriefingError, type StoredBriefingDoc } from './briefing-migrations';
import { repairDoc } from './repair';

/** The doc as JSON of the current schema; throws FutureBriefingError for a doc a newer build wrote. */
export function loadBriefingDoc(stored: StoredBriefingDoc, text = ''): unknown {
  let doc = stored.doc;
  try {
    doc = migrateBriefingDoc(stored).doc;
  } catch (err) {
    if (err instanceof FutureBriefingError) throw err;
    // A doc too broken to migrate step by step is repaired as it is.
  }
  return repairDoc(briefingSchema, doc, text).doc.toJSON();
}
