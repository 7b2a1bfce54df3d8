import type { Migration } from './migration';
import { widenTable } from './widen-table';

// Issue 13 brings articles in from PDF, Word and RTF files. The source format is kept as the
// analyst's record of where the text came from, and version 1 pinned it with a CHECK that SQLite
// can only change by rebuilding the table.
export const sourceFormats: Migration = {
  version: 9,
  name: 'source-formats',
  foreignKeysOff: true,
  up(db) {
    widenTable(db, 'articles', "CHECK (source_format IN ('txt', 'md', 'html'))", "CHECK (source_format IN ('txt', 'md', 'html', 'pdf', 'docx', 'rtf'))");
  },
};
