// Reads records' global identities (uid.ts) by their local ids, for what refers to records by id
// and must also name them globally: the quote, mention and citation nodes of a briefing. Asked on
// every save of a briefing, so each table's statement is prepared once.
import type Database from 'better-sqlite3';
import type { UID_TABLES } from './uid';

type UidTable = (typeof UID_TABLES)[number];

export class RecordUidStore {
  private readonly statements = new Map<UidTable, Database.Statement<[number], string>>();
  private readonly ids = new Map<UidTable, Database.Statement<[string], number>>();

  constructor(private readonly db: Database.Database) {}

  /** The uid of the record `id` in `table`, or undefined when it is gone for good. */
  uid(table: UidTable, id: number): string | undefined {
    let stmt = this.statements.get(table);
    if (!stmt) this.statements.set(table, (stmt = this.db.prepare<[number], string>(`SELECT uid FROM ${table} WHERE id = ?`).pluck()));
    return stmt.get(id);
  }

  /** The local id of the record named `uid` in `table`, or undefined when this library does not hold it. */
  id(table: UidTable, uid: string): number | undefined {
    let stmt = this.ids.get(table);
    if (!stmt) this.ids.set(table, (stmt = this.db.prepare<[string], number>(`SELECT id FROM ${table} WHERE uid = ?`).pluck()));
    return stmt.get(uid);
  }
}
