// The codebook's records as the team library shares them (issue 15): each by its uid, as a flat set
// of fields, read from its rows and written back to them. The only place that writes SQL for the
// team's side of the library: the outbox the triggers of migration 15 fill, the flag that keeps
// the team's own changes out of it, the Yjs documents' saved state, and the team settings.
import type Database from 'better-sqlite3';
import { actorKinds } from '../../shared/model';

export type RecordKind = 'actor' | 'topic' | 'position' | 'redirect';
export const RECORD_KINDS: readonly RecordKind[] = ['topic', 'position', 'actor', 'redirect'];

/** A record's fields as the team's document holds them: strings or null; lists as sorted JSON, so equal lists compare equal. */
export type Fields = Record<string, string | null>;

export interface OutboxEntry {
  kind: RecordKind;
  uid: string;
  version: number;
}

interface Ids {
  id: number;
}

export class TeamRecordStore {
  constructor(private readonly db: Database.Database) {}

  /** The records changed here and not yet acknowledged by the team's server. */
  outbox(): OutboxEntry[] {
    return this.db.prepare<[], OutboxEntry>(`SELECT kind, uid, version FROM team_outbox`).all();
  }

  /** Clears entries the server has acknowledged, unless their record changed again since they were read. */
  clearOutbox(entries: Iterable<OutboxEntry>): void {
    const del = this.db.prepare<[string, string, number]>(`DELETE FROM team_outbox WHERE kind = ? AND uid = ? AND version = ?`);
    for (const e of entries) del.run(e.kind, e.uid, e.version);
  }

  /** Puts every codebook record in the outbox: joining a team shares what the library already holds. */
  queueAll(): void {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO team_outbox (kind, uid)
           SELECT 'topic', uid FROM topics UNION ALL SELECT 'position', uid FROM positions
           UNION ALL SELECT 'actor', uid FROM actors UNION ALL SELECT 'redirect', kind || ':' || from_uid FROM merge_redirects`,
      )
      .run();
  }

  /** Runs `fn` (inside the caller's transaction) with the triggers told the changes are the team's. */
  applying<T>(fn: () => T): T {
    const set = this.db.prepare<[number]>(`UPDATE team_applying SET applying = ?`);
    set.run(1);
    try {
      return fn();
    } finally {
      set.run(0);
    }
  }

  /** The record's fields, or null when the library holds no record of that uid (deleted, or never here). */
  read(kind: RecordKind, uid: string): Fields | null {
    switch (kind) {
      case 'actor': {
        const a = this.db.prepare<[string], { id: number; name: string; kind: string; color: string; notes: string | null }>(`SELECT id, name, kind, color, notes FROM actors WHERE uid = ?`).get(uid);
        if (!a) return null;
        const aliases = this.db.prepare<[number], { alias: string }>(`SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY alias`).all(a.id).map((r) => r.alias);
        const affiliations = this.db
          .prepare<[number], { organization: string; role: string | null }>(`SELECT o.uid AS organization, f.role FROM affiliations f JOIN actors o ON o.id = f.organization_id WHERE f.actor_id = ? ORDER BY o.uid`)
          .all(a.id);
        return { name: a.name, kind: a.kind, color: a.color, notes: a.notes, aliases: JSON.stringify(aliases), affiliations: JSON.stringify(affiliations) };
      }
      case 'topic': {
        const t = this.db.prepare<[string], { name: string; description: string | null }>(`SELECT name, description FROM topics WHERE uid = ?`).get(uid);
        return t ? { name: t.name, description: t.description } : null;
      }
      case 'position': {
        const p = this.db
          .prepare<[string], { topic: string; claim: string; description: string | null }>(`SELECT t.uid AS topic, p.claim, p.description FROM positions p JOIN topics t ON t.id = p.topic_id WHERE p.uid = ?`)
          .get(uid);
        return p ? { topic: p.topic, claim: p.claim, description: p.description } : null;
      }
      case 'redirect': {
        const [kind, from] = splitRedirect(uid);
        const r = this.db.prepare<[string, string], { to_uid: string }>(`SELECT to_uid FROM merge_redirects WHERE kind = ? AND from_uid = ?`).get(kind, from);
        return r ? { to: r.to_uid } : null;
      }
    }
  }

  /**
   * Writes a record as the team's document has it (`fields` null: deleted there). Names the library
   * keeps unique and two analysts gave two records offline follow one fixed rule on every copy: the
   * record with the larger uid (UUIDv7: the later made) carries its uid's last four characters.
   */
  write(kind: RecordKind, uid: string, fields: Fields | null): void {
    const now = new Date().toISOString();
    switch (kind) {
      case 'actor': {
        const id = this.idOf('actors', uid);
        if (!fields) {
          if (id !== undefined) {
            // The team deleted the actor: its quotes keep their words and lose their speaker, as a forced delete here does.
            this.db.prepare(`UPDATE annotations SET speaker_id = NULL WHERE speaker_id = ?`).run(id);
            this.db.prepare(`DELETE FROM actors WHERE id = ?`).run(id);
          }
          return;
        }
        const name = this.freeName('actors', 'name', uid, fields.name ?? 'Unnamed actor', '');
        const kindValue = fields.kind && (actorKinds as readonly string[]).includes(fields.kind) ? fields.kind : 'person';
        const row = { uid, name, kind: kindValue, color: fields.color ?? '#888888', notes: fields.notes ?? null, now };
        if (id === undefined) this.db.prepare(`INSERT INTO actors (uid, name, kind, color, notes, created_at, updated_at) VALUES (@uid, @name, @kind, @color, @notes, @now, @now)`).run(row);
        else this.db.prepare(`UPDATE actors SET name = @name, kind = @kind, color = @color, notes = @notes, updated_at = @now WHERE uid = @uid`).run(row);
        const actorId = this.idOf('actors', uid)!;
        this.db.prepare(`DELETE FROM actor_aliases WHERE actor_id = ?`).run(actorId);
        const insertAlias = this.db.prepare(`INSERT OR IGNORE INTO actor_aliases (actor_id, alias) VALUES (?, ?)`);
        for (const alias of parseList<string>(fields.aliases)) if (typeof alias === 'string' && alias.trim()) insertAlias.run(actorId, alias);
        return;
      }
      case 'topic': {
        const id = this.idOf('topics', uid);
        if (!fields) {
          if (id !== undefined) {
            for (const p of this.db.prepare<[number], Ids>(`SELECT id FROM positions WHERE topic_id = ?`).all(id)) this.deletePosition(p.id);
            this.db.prepare(`DELETE FROM topics WHERE id = ?`).run(id);
          }
          return;
        }
        const name = this.freeName('topics', 'name', uid, fields.name ?? 'Unnamed topic', '');
        const row = { uid, name, description: fields.description ?? null, now };
        if (id === undefined) this.db.prepare(`INSERT INTO topics (uid, name, description, created_at) VALUES (@uid, @name, @description, @now)`).run(row);
        else this.db.prepare(`UPDATE topics SET name = @name, description = @description WHERE uid = @uid`).run(row);
        return;
      }
      case 'position': {
        const id = this.idOf('positions', uid);
        if (!fields) {
          if (id !== undefined) this.deletePosition(id);
          return;
        }
        const topicId = fields.topic ? this.idOf('topics', fields.topic) : undefined;
        if (topicId === undefined) return; // its topic was deleted meanwhile: nothing to hang it on
        const claim = this.freeName('positions', 'claim', uid, fields.claim ?? 'Unstated position', ` AND topic_id = ${topicId}`);
        const row = { uid, topicId, claim, description: fields.description ?? null, now };
        if (id === undefined) this.db.prepare(`INSERT INTO positions (uid, topic_id, claim, description, created_at) VALUES (@uid, @topicId, @claim, @description, @now)`).run(row);
        else this.db.prepare(`UPDATE positions SET topic_id = @topicId, claim = @claim, description = @description WHERE uid = @uid`).run(row);
        return;
      }
      case 'redirect': {
        const [merged, from] = splitRedirect(uid);
        if (!fields?.to) this.db.prepare(`DELETE FROM merge_redirects WHERE kind = ? AND from_uid = ?`).run(merged, from);
        else this.db.prepare(`INSERT OR REPLACE INTO merge_redirects (kind, from_uid, to_uid, merged_at) VALUES (?, ?, ?, ?)`).run(merged, from, fields.to, now);
        return;
      }
    }
  }

  /** An actor's affiliations, written once every actor they name is in (an organisation may arrive in the same update). */
  writeAffiliations(uid: string, fields: Fields | null): void {
    const actorId = this.idOf('actors', uid);
    if (!fields || actorId === undefined) return;
    this.db.prepare(`DELETE FROM affiliations WHERE actor_id = ?`).run(actorId);
    const insert = this.db.prepare(`INSERT OR IGNORE INTO affiliations (actor_id, organization_id, role) VALUES (?, ?, ?)`);
    for (const a of parseList<{ organization?: unknown; role?: unknown }>(fields.affiliations)) {
      const orgId = typeof a.organization === 'string' ? this.idOf('actors', a.organization) : undefined;
      if (orgId !== undefined && orgId !== actorId) insert.run(actorId, orgId, typeof a.role === 'string' ? a.role : null);
    }
  }

  documentState(name: string): Uint8Array | null {
    const r = this.db.prepare<[string], { state: Buffer }>(`SELECT state FROM team_documents WHERE name = ?`).get(name);
    return r ? new Uint8Array(r.state) : null;
  }

  saveDocumentState(name: string, state: Uint8Array): void {
    this.db.prepare(`INSERT INTO team_documents (name, state) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET state = excluded.state`).run(name, Buffer.from(state));
  }

  setting(key: string): string | undefined {
    return this.db.prepare<[string], { value: string }>(`SELECT value FROM team_settings WHERE key = ?`).get(key)?.value;
  }

  setSetting(key: string, value: string): void {
    this.db.prepare(`INSERT INTO team_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(key, value);
  }

  private idOf(table: 'actors' | 'topics' | 'positions', uid: string): number | undefined {
    return this.db.prepare<[string], Ids>(`SELECT id FROM ${table} WHERE uid = ?`).get(uid)?.id;
  }

  private deletePosition(id: number) {
    this.db.prepare(`DELETE FROM annotation_positions WHERE position_id = ?`).run(id);
    this.db.prepare(`DELETE FROM positions WHERE id = ?`).run(id);
  }

  /**
   * `wanted` for the record `uid`, unless another record holds it (case aside). Then the larger
   * uid of the two carries a suffix: the incoming record's, or the other's, renamed here.
   */
  private freeName(table: 'actors' | 'topics' | 'positions', column: 'name' | 'claim', uid: string, wanted: string, scope: string): string {
    const other = this.db.prepare<[string, string], { uid: string; value: string }>(`SELECT uid, ${column} AS value FROM ${table} WHERE ${column} = ? COLLATE NOCASE AND uid <> ?${scope}`).get(wanted, uid);
    if (!other) return wanted;
    if (uid > other.uid) return suffixed(wanted, uid);
    this.db.prepare(`UPDATE ${table} SET ${column} = ? WHERE uid = ?`).run(suffixed(other.value, other.uid), other.uid);
    return wanted;
  }
}

const suffixed = (name: string, uid: string) => `${name} (${uid.slice(-4)})`;

function splitRedirect(uid: string): [string, string] {
  const at = uid.indexOf(':');
  return [uid.slice(0, at), uid.slice(at + 1)];
}

function parseList<T>(json: string | null | undefined): T[] {
  try {
    const v: unknown = JSON.parse(json ?? '[]');
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}
