import { Node } from 'prosemirror-model';
import type { Migration } from './migration';
import { articleSchema } from '../../../shared/schema/article';
import { packDoc } from '../../../shared/schema/packed-doc';

// The reader's form of an article (issue 12): beside the doc JSON, its structure around the text
// (shared/schema/packed-doc.ts), so opening a 100,000-paragraph article reads 0.6 MB of structure
// and the text, not 13 MB of doc JSON as well. Every article is packed here once, a page at a time
// (a statement cannot run while another one's rows are being read on the same connection).
export const articleStructure: Migration = {
  version: 14,
  name: 'article-structure',
  up(db) {
    db.exec(`ALTER TABLE articles ADD COLUMN structure TEXT`);
    const page = db.prepare<[number], { id: number; doc: string }>(`SELECT id, doc FROM articles WHERE id > ? ORDER BY id LIMIT 100`);
    const set = db.prepare<[string, number]>(`UPDATE articles SET structure = ? WHERE id = ?`);
    for (let after = 0, rows = page.all(after); rows.length; rows = page.all(after)) {
      for (const r of rows) set.run(JSON.stringify(packDoc(Node.fromJSON(articleSchema, JSON.parse(r.doc)))), r.id);
      after = rows[rows.length - 1]!.id;
    }
  },
};
