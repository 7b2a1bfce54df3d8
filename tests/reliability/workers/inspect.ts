// What a library file holds, for checks made where the test process cannot look (inside a mount
// namespace, as another user): whether it exists, SQLite's integrity check, and its articles.
//
//   node --import tsx tests/reliability/workers/inspect.ts LIBRARY   → one JSON line
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

const file = process.argv[2]!;
if (!fs.existsSync(file)) {
  process.stdout.write(`${JSON.stringify({ exists: false })}\n`);
} else {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const integrity = db.pragma('integrity_check', { simple: true }) as string;
  const titles = db.prepare('SELECT id, title, text FROM articles ORDER BY id').raw().all() as [number, string, string][];
  db.close();
  const sha = createHash('sha256').update(JSON.stringify(titles)).digest('hex');
  process.stdout.write(`${JSON.stringify({ exists: true, integrity, articles: titles.length, ids: titles.map((t) => t[0]), sha })}\n`);
}
