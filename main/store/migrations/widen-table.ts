import type { Database } from 'better-sqlite3';

/**
 * Rewrites one constraint of a table's definition by SQLite's own recipe for schema changes
 * ALTER TABLE cannot make (https://www.sqlite.org/lang_altertable.html#otheralter): a new table
 * with the changed definition, every row copied with its id, the old table dropped, the new one
 * renamed, and the old table's indexes and triggers made again from their stored SQL. The caller
 * runs it inside a transaction with foreign keys off (`Migration.foreignKeysOff`), so dropping the
 * old table neither cascades into the rows that point at it nor breaks their references, which
 * name the table and find the new one once it has the old name.
 */
export function widenTable(db: Database, table: string, from: string, to: string): void {
  const own = db.prepare<[string], { type: string; sql: string | null }>(
    "SELECT type, sql FROM sqlite_schema WHERE tbl_name = ? AND type IN ('table', 'index', 'trigger') ORDER BY type = 'trigger'",
  );
  const rows = own.all(table);
  const definition = rows.find((r) => r.type === 'table')?.sql;
  if (!definition || !definition.includes(from)) throw new Error(`The table ${table} does not read as expected (${from} is missing); it was left as it was.`);
  // Indexes SQLite made itself (for UNIQUE and PRIMARY KEY) have no SQL and come back with the table.
  const dependents = rows.filter((r) => r.type !== 'table' && r.sql).map((r) => r.sql!);
  const next = `${table}_next`;
  db.exec(definition.replace(from, to).replace(/^CREATE TABLE\s+("?)\w+\1/i, `CREATE TABLE ${next}`));
  db.exec(`INSERT INTO ${next} SELECT * FROM ${table}`);
  db.exec(`DROP TABLE ${table}`);
  db.exec(`ALTER TABLE ${next} RENAME TO ${table}`);
  for (const sql of dependents) db.exec(sql);
}
