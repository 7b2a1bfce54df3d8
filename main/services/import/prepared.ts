// What the import service has read and parsed outside the write lock, ready for the inserts.
import type { NewArticle } from '../../store/articles';
import type { ImportResult } from '../../../shared/model';

/** An article read and parsed, ready for the one insert. */
export interface Prepared {
  file: string;
  row: NewArticle;
  warnings: string[];
}

/** A news-database export: its articles ready to insert, and those that could not be read as failed results, in the file's order. */
export interface PreparedExport {
  file: string;
  /** "Nexis export", "Factiva export". */
  source: string;
  entries: (Prepared | ImportResult)[];
  warnings: string[];
}
