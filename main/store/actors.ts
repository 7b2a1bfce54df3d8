// Actors, their aliases and affiliations.
import type Database from 'better-sqlite3';
import type { Actor, ActorKind, Affiliation } from '../../shared/model';
import type { ActorName } from '../../shared/suggestion';
import { LIVE_ANNOTATION } from './live-annotations';
import { newUid } from './uid';
import { MergeRedirectStore } from './merge-redirects';

interface ActorRow {
  id: number;
  name: string;
  kind: ActorKind;
  color: string;
  notes: string | null;
  annotation_count: number;
}

export interface ActorFields {
  name: string;
  kind: ActorKind;
  color: string;
  notes: string | null;
}

/** An actor's own row, as stored. */
export interface ActorRecord {
  id: number;
  name: string;
  kind: ActorKind;
  color: string;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

interface AffiliationRow {
  actor_id: number;
  organization_id: number;
  role: string | null;
}

/** Everything a merge changed, to undo it exactly. */
export interface MergeRecord {
  source: ActorRecord;
  /** The source's global identity, which an undone merge gives back. */
  sourceUid: string;
  targetId: number;
  /** Annotations (live or trashed) that named the source as speaker. */
  annotationIds: number[];
  aliases: string[];
  /** The source's affiliations, as member and as organization. */
  affiliations: AffiliationRow[];
  /** What the merge gave the target that it did not have. */
  addedAliases: string[];
  addedAffiliations: AffiliationRow[];
}

export class ActorStore {
  constructor(private readonly db: Database.Database) {}

  /**
   * Actors' rows with how many live annotations each spoke, read from the speaker index (migration
   * 12). For the whole codebook the counts are grouped in one pass over it, not counted actor by actor.
   */
  private rows(where = '', ...params: unknown[]): ActorRow[] {
    const counts = where
      ? `(SELECT count(*) FROM annotations n INDEXED BY annotations_speaker WHERE n.speaker_id = a.id AND ${LIVE_ANNOTATION}) AS annotation_count FROM actors a`
      : `coalesce(c.n, 0) AS annotation_count FROM actors a
           LEFT JOIN (SELECT n.speaker_id, count(*) AS n FROM annotations n INDEXED BY annotations_speaker
                       WHERE n.speaker_id IS NOT NULL AND ${LIVE_ANNOTATION} GROUP BY n.speaker_id) c ON c.speaker_id = a.id`;
    return this.db.prepare<unknown[], ActorRow>(`SELECT a.id, a.name, a.kind, a.color, a.notes, ${counts} ${where} ORDER BY a.name COLLATE NOCASE`).all(...params);
  }

  private hydrate(rows: ActorRow[]): Actor[] {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const marks = ids.map(() => '?').join(',');
    const aliases = new Map<number, string[]>();
    for (const a of this.db.prepare<number[], { actor_id: number; alias: string }>(`SELECT actor_id, alias FROM actor_aliases WHERE actor_id IN (${marks}) ORDER BY alias COLLATE NOCASE`).all(...ids)) {
      aliases.set(a.actor_id, [...(aliases.get(a.actor_id) ?? []), a.alias]);
    }
    const affiliations = new Map<number, Affiliation[]>();
    for (const a of this.db
      .prepare<number[], { actor_id: number; organization_id: number; name: string; role: string | null }>(
        `SELECT f.actor_id, f.organization_id, o.name, f.role FROM affiliations f JOIN actors o ON o.id = f.organization_id
          WHERE f.actor_id IN (${marks}) ORDER BY o.name COLLATE NOCASE`,
      )
      .all(...ids)) {
      affiliations.set(a.actor_id, [...(affiliations.get(a.actor_id) ?? []), { organizationId: a.organization_id, organizationName: a.name, role: a.role }]);
    }
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      color: r.color,
      notes: r.notes,
      aliases: aliases.get(r.id) ?? [],
      affiliations: affiliations.get(r.id) ?? [],
      annotationCount: r.annotation_count,
    }));
  }

  list(): Actor[] {
    return this.hydrate(this.rows());
  }

  get(id: number): Actor | undefined {
    return this.hydrate(this.rows('WHERE a.id = ?', id))[0];
  }

  /** Every actor's name and aliases, in id order: what the attribution engine matches speakers against. */
  names(): ActorName[] {
    const aliases = new Map<number, string[]>();
    for (const a of this.db.prepare<[], { actor_id: number; alias: string }>(`SELECT actor_id, alias FROM actor_aliases ORDER BY actor_id, alias`).all()) {
      const list = aliases.get(a.actor_id);
      if (list) list.push(a.alias);
      else aliases.set(a.actor_id, [a.alias]);
    }
    return this.db
      .prepare<[], { id: number; name: string }>(`SELECT id, name FROM actors ORDER BY id`)
      .all()
      .map((r) => ({ id: r.id, name: r.name, aliases: aliases.get(r.id) ?? [] }));
  }

  /** The actor whose name or alias is exactly this (case-insensitive). */
  findByNameOrAlias(name: string): Actor | undefined {
    const row = this.db
      .prepare<[string, string], { id: number }>(
        `SELECT id FROM actors WHERE name = ? COLLATE NOCASE
         UNION SELECT actor_id FROM actor_aliases WHERE alias = ? COLLATE NOCASE LIMIT 1`,
      )
      .get(name, name);
    return row && this.get(row.id);
  }

  /** The actor named exactly this (case-insensitive), aliases aside. */
  findByName(name: string): { id: number } | undefined {
    return this.db.prepare<[string], { id: number }>(`SELECT id FROM actors WHERE name = ? COLLATE NOCASE`).get(name);
  }

  /** An actor that has this id or this name (case-insensitive): what stands in the way of putting a merged actor back. */
  findByIdOrName(id: number, name: string): { id: number; name: string } | undefined {
    return this.db.prepare<[number, string], { id: number; name: string }>(`SELECT id, name FROM actors WHERE id = ? OR name = ? COLLATE NOCASE`).get(id, name);
  }

  count(): number {
    return this.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM actors`).get()!.n;
  }

  insert(f: ActorFields, now = new Date().toISOString()): number {
    return Number(
      this.db.prepare(`INSERT INTO actors (uid, name, kind, color, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(newUid(), f.name, f.kind, f.color, f.notes, now, now)
        .lastInsertRowid,
    );
  }

  update(id: number, f: Partial<ActorFields>, now = new Date().toISOString()): void {
    const cols = Object.keys(f).filter((k) => f[k as keyof ActorFields] !== undefined) as (keyof ActorFields)[];
    if (!cols.length) return;
    this.db.prepare(`UPDATE actors SET ${cols.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`).run({ ...f, id, now });
  }

  setAliases(id: number, aliases: string[]): void {
    this.db.prepare(`DELETE FROM actor_aliases WHERE actor_id = ?`).run(id);
    const add = this.db.prepare(`INSERT OR IGNORE INTO actor_aliases (actor_id, alias) VALUES (?, ?)`);
    for (const a of aliases) add.run(id, a);
  }

  setAffiliations(id: number, affiliations: { organizationId: number; role: string | null }[]): void {
    this.db.prepare(`DELETE FROM affiliations WHERE actor_id = ?`).run(id);
    const add = this.db.prepare(`INSERT OR REPLACE INTO affiliations (actor_id, organization_id, role) VALUES (?, ?, ?)`);
    for (const a of affiliations) add.run(id, a.organizationId, a.role);
  }

  /** Every annotation (live, trashed or on trashed articles) naming the actor: what a delete would touch. */
  usage(id: number): number {
    return this.db.prepare<[number], { n: number }>(`SELECT count(*) AS n FROM annotations WHERE speaker_id = ?`).get(id)!.n;
  }

  /** Actors affiliated with this one as their organization: deleting it ends those affiliations. */
  members(id: number): number {
    return this.db.prepare<[number], { n: number }>(`SELECT count(*) AS n FROM affiliations WHERE organization_id = ?`).get(id)!.n;
  }

  /**
   * Moves every reference from `source` to `target`, then deletes `source`. Run inside a
   * transaction. Returns what it changed, so `unmerge` can put it back exactly.
   */
  merge(sourceId: number, targetId: number): MergeRecord {
    const source = this.db.prepare<[number], ActorRecord>(`SELECT id, name, kind, color, notes, created_at, updated_at FROM actors WHERE id = ?`).get(sourceId)!;
    const record: MergeRecord = {
      source,
      sourceUid: this.db.prepare<[number], { uid: string }>(`SELECT uid FROM actors WHERE id = ?`).get(sourceId)!.uid,
      targetId,
      annotationIds: this.db.prepare<[number], { id: number }>(`SELECT id FROM annotations WHERE speaker_id = ?`).all(sourceId).map((r) => r.id),
      aliases: this.db.prepare<[number], { alias: string }>(`SELECT alias FROM actor_aliases WHERE actor_id = ?`).all(sourceId).map((r) => r.alias),
      affiliations: this.db.prepare<[number, number], AffiliationRow>(`SELECT actor_id, organization_id, role FROM affiliations WHERE actor_id = ? OR organization_id = ?`).all(sourceId, sourceId),
      addedAliases: [],
      addedAffiliations: [],
    };
    const aliasesBefore = new Set(this.db.prepare<[number], { alias: string }>(`SELECT alias FROM actor_aliases WHERE actor_id = ?`).all(targetId).map((r) => r.alias));
    const affiliationsBefore = new Set(this.affiliationKeys(targetId));

    this.db.prepare(`UPDATE annotations SET speaker_id = ? WHERE speaker_id = ?`).run(targetId, sourceId);
    this.db.prepare(`INSERT OR IGNORE INTO actor_aliases (actor_id, alias) SELECT ?, alias FROM actor_aliases WHERE actor_id = ?`).run(targetId, sourceId);
    this.db.prepare(`INSERT OR IGNORE INTO actor_aliases (actor_id, alias) VALUES (?, ?)`).run(targetId, source.name);
    // The target's own name is not an alias of itself.
    this.db.prepare(`DELETE FROM actor_aliases WHERE actor_id = ? AND alias = (SELECT name FROM actors WHERE id = ?) COLLATE NOCASE`).run(targetId, targetId);
    this.db
      .prepare(`INSERT OR IGNORE INTO affiliations (actor_id, organization_id, role) SELECT ?, organization_id, role FROM affiliations WHERE actor_id = ? AND organization_id <> ?`)
      .run(targetId, sourceId, targetId);
    // Members of the source organization become members of the target.
    this.db
      .prepare(`INSERT OR IGNORE INTO affiliations (actor_id, organization_id, role) SELECT actor_id, ?, role FROM affiliations WHERE organization_id = ? AND actor_id <> ?`)
      .run(targetId, sourceId, targetId);
    this.db.prepare(`DELETE FROM actors WHERE id = ?`).run(sourceId);
    new MergeRedirectStore(this.db).record('actor', record.sourceUid, this.db.prepare<[number], { uid: string }>(`SELECT uid FROM actors WHERE id = ?`).get(targetId)!.uid);

    record.addedAliases = this.db
      .prepare<[number], { alias: string }>(`SELECT alias FROM actor_aliases WHERE actor_id = ?`)
      .all(targetId)
      .map((r) => r.alias)
      .filter((a) => !aliasesBefore.has(a));
    record.addedAffiliations = this.db
      .prepare<[number, number], AffiliationRow>(`SELECT actor_id, organization_id, role FROM affiliations WHERE actor_id = ? OR organization_id = ?`)
      .all(targetId, targetId)
      .filter((f) => !affiliationsBefore.has(`${f.actor_id}:${f.organization_id}`));
    return record;
  }

  private affiliationKeys(actorId: number): string[] {
    return this.db
      .prepare<[number, number], AffiliationRow>(`SELECT actor_id, organization_id, role FROM affiliations WHERE actor_id = ? OR organization_id = ?`)
      .all(actorId, actorId)
      .map((f) => `${f.actor_id}:${f.organization_id}`);
  }

  /**
   * Puts a merge back: the source actor as it was (same id, name, colour, notes, dates), its
   * aliases and affiliations, and the speaker of the annotations that were its own and still name
   * the target; what the merge gave the target is taken away again. Run inside a transaction.
   */
  unmerge(r: MergeRecord): void {
    const s = r.source;
    this.db
      .prepare(`INSERT INTO actors (id, uid, name, kind, color, notes, created_at, updated_at) VALUES (@id, @uid, @name, @kind, @color, @notes, @created_at, @updated_at)`)
      .run({ ...s, uid: r.sourceUid });
    new MergeRedirectStore(this.db).remove('actor', r.sourceUid);
    const dropAlias = this.db.prepare(`DELETE FROM actor_aliases WHERE actor_id = ? AND alias = ?`);
    for (const a of r.addedAliases) dropAlias.run(r.targetId, a);
    const dropAffiliation = this.db.prepare(`DELETE FROM affiliations WHERE actor_id = ? AND organization_id = ?`);
    for (const f of r.addedAffiliations) dropAffiliation.run(f.actor_id, f.organization_id);
    const addAlias = this.db.prepare(`INSERT INTO actor_aliases (actor_id, alias) VALUES (?, ?)`);
    for (const a of r.aliases) addAlias.run(s.id, a);
    // An organization or member deleted since the merge took that affiliation with it, as a delete does.
    const addAffiliation = this.db.prepare(
      `INSERT OR IGNORE INTO affiliations (actor_id, organization_id, role)
       SELECT @actor_id, @organization_id, @role WHERE EXISTS (SELECT 1 FROM actors WHERE id = @actor_id) AND EXISTS (SELECT 1 FROM actors WHERE id = @organization_id)`,
    );
    for (const f of r.affiliations) addAffiliation.run(f);
    const back = this.db.prepare(`UPDATE annotations SET speaker_id = ? WHERE id = ? AND speaker_id = ?`);
    for (const id of r.annotationIds) back.run(s.id, id, r.targetId);
  }

  /**
   * Deletes the actor; the annotations it spoke are left without a speaker first (the database
   * refuses to delete an actor still in use). Run inside a transaction.
   */
  delete(id: number): void {
    this.db.prepare(`UPDATE annotations SET speaker_id = NULL WHERE speaker_id = ?`).run(id);
    this.db.prepare(`DELETE FROM actors WHERE id = ?`).run(id);
  }
}
