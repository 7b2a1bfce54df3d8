import type { Database } from 'better-sqlite3';

/** One step of the schema. `up` runs inside the transaction that also sets `user_version`. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
  /**
   * Foreign keys are switched off while it runs (a table rebuilt by `widenTable`) and checked
   * before its transaction commits: a row left pointing nowhere undoes the whole upgrade.
   */
  foreignKeysOff?: boolean;
}
