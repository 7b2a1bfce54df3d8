// What SQLite itself says about the open library file: its schema version, and whether another
// connection has committed since we last looked.
import type Database from 'better-sqlite3';

export class LibraryStateStore {
  constructor(private readonly db: Database.Database) {}

  /** The migrations applied (`PRAGMA user_version`). */
  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  /** SQLite's data_version: it moves when another connection commits, and costs no read. */
  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }
}
