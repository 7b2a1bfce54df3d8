// A briefing as the team shares it, read from and written to the library by its uid (issue 15):
// its details as fields, and its doc in the shared form: references by uid, with no local ids
// (main/store/briefing-uids.ts), since another library numbers its records its own way.
import type Database from 'better-sqlite3';
import { Node } from 'prosemirror-model';
import { briefingSchema, briefingText, BRIEFING_SCHEMA_VERSION } from '../../shared/schema/briefing';
import { loadBriefingDoc } from '../../shared/schema/briefing-load';
import { countWords } from '../../shared/schema/text';
import { withLocalIds, withoutLocalIds, withRecordUids } from './briefing-uids';
import type { RecordUidStore } from './record-uids';

/** What travels of a briefing besides its doc; each one a register of its own. */
export interface BriefingDetails {
  title: string;
  classification: string;
  author: string;
  date: string | null;
  status: 'draft' | 'final';
  trashedAt: string | null;
}

export interface SharedBriefing {
  details: BriefingDetails;
  /** The doc of the current schema, in the shared form. */
  doc: Node;
}

interface Row {
  title: string;
  classification: string;
  author: string;
  date: string | null;
  status: 'draft' | 'final';
  doc: string;
  schema_version: number;
  text: string;
  deleted_at: string | null;
}

export class TeamBriefingStore {
  constructor(
    private readonly db: Database.Database,
    private readonly uids: RecordUidStore,
  ) {}

  /** The briefing as the team shares it; null when this library holds none of that uid. Throws FutureBriefingError for a doc a newer build wrote. */
  read(uid: string): SharedBriefing | null {
    const r = this.db.prepare<[string], Row>(`SELECT title, classification, author, date, status, doc, schema_version, text, deleted_at FROM briefings WHERE uid = ?`).get(uid);
    if (!r) return null;
    let stored: unknown = null;
    try {
      stored = JSON.parse(r.doc) as unknown;
    } catch {
      // A damaged doc column is repaired from the briefing's text, as the editor would.
    }
    const json = withoutLocalIds(loadBriefingDoc({ doc: stored, schemaVersion: r.schema_version }, r.text));
    return {
      details: { title: r.title, classification: r.classification, author: r.author, date: r.date, status: r.status, trashedAt: r.deleted_at },
      doc: Node.fromJSON(briefingSchema, json),
    };
  }

  /** The details of the briefing of that uid; null when this library holds none. */
  details(uid: string): BriefingDetails | null {
    const r = this.db.prepare<[string], Omit<Row, 'doc' | 'schema_version' | 'text'>>(`SELECT title, classification, author, date, status, deleted_at FROM briefings WHERE uid = ?`).get(uid);
    return r ? { title: r.title, classification: r.classification, author: r.author, date: r.date, status: r.status, trashedAt: r.deleted_at } : null;
  }

  /** A checked doc in this library's form (an editor's: references by local id) in the shared form. */
  shared(doc: Node): Node {
    return Node.fromJSON(briefingSchema, withoutLocalIds(withRecordUids(doc.toJSON(), this.uids)));
  }

  /** A doc in the shared form in this library's form, as JSON: what its editor reads. */
  local(doc: Node): Record<string, unknown> {
    return withLocalIds(doc.toJSON(), this.uids);
  }

  /**
   * Writes the team's copy of a briefing (`doc` checked against this build's schema), giving its
   * references this library's ids: a new briefing, or a new version of one held here, which an
   * editor open on the old version is told of when it next saves.
   */
  write(uid: string, details: BriefingDetails, doc: Node, now = new Date().toISOString()): void {
    const text = briefingText(doc);
    const json = JSON.stringify(withLocalIds(doc.toJSON(), this.uids));
    const row = { uid, ...details, doc: json, schemaVersion: BRIEFING_SCHEMA_VERSION, text, wordCount: countWords(text), now };
    const updated = this.db
      .prepare(
        `UPDATE briefings SET title = @title, classification = @classification, author = @author, date = @date, status = @status, deleted_at = @trashedAt,
           doc = @doc, schema_version = @schemaVersion, text = @text, word_count = @wordCount, version = version + 1, updated_at = @now WHERE uid = @uid`,
      )
      .run(row);
    if (updated.changes) return;
    this.db
      .prepare(
        `INSERT INTO briefings (uid, title, classification, author, date, status, deleted_at, doc, schema_version, text, word_count, created_at, updated_at)
         VALUES (@uid, @title, @classification, @author, @date, @status, @trashedAt, @doc, @schemaVersion, @text, @wordCount, @now, @now)`,
      )
      .run(row);
  }
}
