// The codebook's records as the team library shares them (issue 15): each by its uid, as a flat set
// of fields, read from its rows and written back to them. The only place that writes SQL for the
// team's side of the library: the outbox the triggers of migration 15 fill, the flag that keeps
// the team's own changes out of it, the Yjs documents' saved state, and the team settings.
import type Database from 'better-sqlite3';
import { actorKinds, annotationKinds, sourceFormats, stances } from '../../shared/model';
import { articleSchema, countWords } from '../../shared/schema';
import { unpackDoc, type PackedBlock } from '../../shared/schema/packed-doc';

export type RecordKind = 'actor' | 'topic' | 'position' | 'redirect' | 'article' | 'annotation' | 'rejection';
/**
 * The codebook's kinds, in the order they are written: topics before their positions, and merge
 * redirects before the merged actors and positions are deleted, so their coding follows them.
 */
export const CODEBOOK_KINDS: readonly RecordKind[] = ['topic', 'redirect', 'position', 'actor'];
/** An article's document: the article before its annotations. */
export const ARTICLE_KINDS: readonly RecordKind[] = ['article', 'annotation', 'rejection'];

/** A record's fields as the team's document holds them; lists as sorted JSON, so equal lists compare equal. */
export type Fields = Record<string, string | number | null>;

const text = (v: string | number | null | undefined): string | null => (typeof v === 'string' ? v : null);
const whole = (v: string | number | null | undefined): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null);

export interface OutboxEntry<K extends string = RecordKind> {
  kind: K;
  uid: string;
  version: number;
}

interface Ids {
  id: number;
}

export class TeamRecordStore {
  /** Statements prepared once each: a first sync writes thousands of records through the same few. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  private sql<P extends unknown[] = unknown[], R = unknown>(source: string): Database.Statement<P, R> {
    let statement = this.statements.get(source);
    if (!statement) this.statements.set(source, (statement = this.db.prepare(source)));
    return statement as unknown as Database.Statement<P, R>;
  }

  /** The records changed here and not yet acknowledged by the team's server. */
  outbox(): OutboxEntry<RecordKind | 'briefing'>[] {
    return this.sql<[], OutboxEntry<RecordKind | 'briefing'>>(`SELECT kind, uid, version FROM team_outbox`).all();
  }

  /**
   * The entries that travel in one document: the codebook's kinds, or an article with its
   * annotations (keyed article/annotation, so a range of the primary key finds them).
   */
  outboxOf(document: { codebook: true } | { article: string }): OutboxEntry[] {
    if ('codebook' in document) return this.sql<[], OutboxEntry>(`SELECT kind, uid, version FROM team_outbox WHERE kind IN (${CODEBOOK_KINDS.map((k) => `'${k}'`).join(', ')})`).all();
    const uid = document.article;
    return this.sql<[string, string, string], OutboxEntry>(
      `SELECT kind, uid, version FROM team_outbox WHERE (kind = 'article' AND uid = ?) OR (kind IN ('annotation', 'rejection') AND uid > ? AND uid < ?)`,
    ).all(uid, `${uid}/`, `${uid}0`);
  }

  /** The briefing's entry, when it changed here and the team has not acknowledged it. */
  outboxOfBriefing(uid: string): OutboxEntry<'briefing'> | undefined {
    return this.sql<[string], OutboxEntry<'briefing'>>(`SELECT kind, uid, version FROM team_outbox WHERE kind = 'briefing' AND uid = ?`).get(uid);
  }

  /** The briefings changed here and not yet acknowledged. */
  outboxBriefings(): string[] {
    return this.sql<[], { uid: string }>(`SELECT uid FROM team_outbox WHERE kind = 'briefing'`)
      .all()
      .map((r) => r.uid);
  }

  /** Whether anything waits to be sent or fetched: what the app's link asks ten times a second, so no counting. */
  waiting(): boolean {
    return this.sql<[], { any: number }>(`SELECT EXISTS (SELECT 1 FROM team_outbox) OR EXISTS (SELECT 1 FROM team_wanted) AS any`).get()!.any === 1;
  }

  /** How many records wait to be acknowledged. */
  outboxCount(): number {
    return this.sql<[], { n: number }>(`SELECT count(*) AS n FROM team_outbox`).get()!.n;
  }

  /** The articles whose documents hold entries of the outbox. */
  outboxArticles(): string[] {
    return this.sql<[], { uid: string }>(`SELECT DISTINCT CASE kind WHEN 'article' THEN uid ELSE substr(uid, 1, instr(uid, '/') - 1) END AS uid FROM team_outbox WHERE kind IN ('article', 'annotation', 'rejection')`)
      .all()
      .map((r) => r.uid);
  }

  /** Clears entries the server has acknowledged, unless their record changed again since they were read. */
  clearOutbox(entries: Iterable<OutboxEntry<string>>): void {
    const del = this.sql<[string, string, number]>(`DELETE FROM team_outbox WHERE kind = ? AND uid = ? AND version = ?`);
    for (const e of entries) del.run(e.kind, e.uid, e.version);
  }

  /** Puts every record in the outbox: joining a team shares what the library already holds. */
  queueAll(): void {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO team_outbox (kind, uid)
           SELECT 'topic', uid FROM topics UNION ALL SELECT 'position', uid FROM positions
           UNION ALL SELECT 'actor', uid FROM actors UNION ALL SELECT 'redirect', kind || ':' || from_uid FROM merge_redirects
           UNION ALL SELECT 'article', uid FROM articles
           UNION ALL SELECT 'annotation', a.uid || '/' || n.uid FROM annotations n JOIN articles a ON a.id = n.article_id
           UNION ALL SELECT 'rejection', a.uid || '/' || r.words FROM suggestion_rejections r JOIN articles a ON a.id = r.article_id
           UNION ALL SELECT 'briefing', uid FROM briefings`,
      )
      .run();
  }

  /** Runs `fn` (inside the caller's transaction) with the triggers told the changes are the team's. */
  applying<T>(fn: () => T): T {
    const set = this.sql<[number]>(`UPDATE team_applying SET applying = ?`);
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
        const a = this.sql<[string], { id: number; name: string; kind: string; color: string; notes: string | null }>(`SELECT id, name, kind, color, notes FROM actors WHERE uid = ?`).get(uid);
        if (!a) return null;
        const aliases = this.sql<[number], { alias: string }>(`SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY alias`).all(a.id).map((r) => r.alias);
        const affiliations = this.db
          .prepare<[number], { organization: string; role: string | null }>(`SELECT o.uid AS organization, f.role FROM affiliations f JOIN actors o ON o.id = f.organization_id WHERE f.actor_id = ? ORDER BY o.uid`)
          .all(a.id);
        return { name: a.name, kind: a.kind, color: a.color, notes: a.notes, aliases: JSON.stringify(aliases), affiliations: JSON.stringify(affiliations) };
      }
      case 'topic': {
        const t = this.sql<[string], { name: string; description: string | null }>(`SELECT name, description FROM topics WHERE uid = ?`).get(uid);
        return t ? { name: t.name, description: t.description } : null;
      }
      case 'position': {
        const p = this.db
          .prepare<[string], { topic: string; claim: string; description: string | null }>(`SELECT t.uid AS topic, p.claim, p.description FROM positions p JOIN topics t ON t.id = p.topic_id WHERE p.uid = ?`)
          .get(uid);
        return p ? { topic: p.topic, claim: p.claim, description: p.description } : null;
      }
      case 'redirect': {
        const [kind, from] = splitKey(uid, ':');
        const r = this.sql<[string, string], { to_uid: string }>(`SELECT to_uid FROM merge_redirects WHERE kind = ? AND from_uid = ?`).get(kind, from);
        return r ? { to: r.to_uid } : null;
      }
      case 'article': {
        const a = this.db
          .prepare<[string], { title: string; outlet: string | null; author: string | null; published_at: string | null; published_as_written: string | null; url: string | null; source_format: string; text: string; structure: string | null; deleted_at: string | null }>(
            `SELECT title, outlet, author, published_at, published_as_written, url, source_format, text, structure, deleted_at FROM articles WHERE uid = ?`,
          )
          .get(uid);
        if (!a) return null;
        return { title: a.title, outlet: a.outlet, author: a.author, publishedAt: a.published_at, publishedAsWritten: a.published_as_written, url: a.url, sourceFormat: a.source_format, text: a.text, structure: a.structure, deletedAt: a.deleted_at };
      }
      case 'rejection': {
        const [articleUid, words] = splitKey(uid, '/');
        const r = this.sql<[string, string], { rejected_at: string }>(`SELECT r.rejected_at FROM suggestion_rejections r JOIN articles a ON a.id = r.article_id WHERE a.uid = ? AND r.words = ?`).get(articleUid, words);
        return r ? { words, rejectedAt: r.rejected_at } : null;
      }
      case 'annotation': {
        const [, own] = splitKey(uid, '/');
        const n = this.db
          .prepare<[string], { id: number; kind: string; speaker: string | null; start: number; end: number; exact: string; prefix: string; suffix: string; comment: string | null; tags: string; orphaned: number; changed_from: string | null; coded_by: string | null; deleted_at: string | null }>(
            `SELECT n.id, n.kind, s.uid AS speaker, n.start, n."end" AS "end", n.exact, n.prefix, n.suffix, n.comment, n.tags, n.orphaned, n.changed_from, n.coded_by, n.deleted_at
               FROM annotations n LEFT JOIN actors s ON s.id = n.speaker_id WHERE n.uid = ?`,
          )
          .get(own);
        if (!n) return null;
        const positions = this.db
          .prepare<[number], { position: string; stance: string }>(`SELECT p.uid AS position, c.stance FROM annotation_positions c JOIN positions p ON p.id = c.position_id WHERE c.annotation_id = ? ORDER BY p.uid`)
          .all(n.id);
        return { kind: n.kind, speaker: n.speaker, start: n.start, end: n.end, exact: n.exact, prefix: n.prefix, suffix: n.suffix, comment: n.comment, tags: n.tags, orphaned: n.orphaned, changedFrom: n.changed_from, codedBy: n.coded_by, deletedAt: n.deleted_at, positions: JSON.stringify(positions) };
      }
    }
  }

  /**
   * Writes a record as the team's document has it (`fields` null: deleted there). An actor, topic
   * or position is named by its uid until `settleNames` gives every such record its name: the
   * names the library keeps unique follow from the whole document, not from the order records arrived.
   */
  write(kind: RecordKind, uid: string, fields: Fields | null): void {
    const now = new Date().toISOString();
    switch (kind) {
      case 'actor': {
        const id = this.idOf('actors', uid);
        if (!fields) {
          if (id !== undefined) {
            // Merged into another actor there: its quotes here follow it. Deleted there: they keep
            // their words and lose their speaker, as a forced delete here does.
            const into = this.idOf('actors', this.redirected('actor', uid));
            this.sql(`UPDATE annotations SET speaker_id = ? WHERE speaker_id = ?`).run(into !== id ? (into ?? null) : null, id);
            this.sql(`DELETE FROM actors WHERE id = ?`).run(id);
          }
          return;
        }
        // Named for now by its uid: the names of the team's records are settled together after (settleNames).
        const name = uid;
        const kindValue = (actorKinds as readonly string[]).includes(text(fields.kind) ?? '') ? text(fields.kind)! : 'person';
        const row = { uid, name, kind: kindValue, color: text(fields.color) ?? '#888888', notes: text(fields.notes) ?? null, now };
        if (id === undefined) this.sql(`INSERT INTO actors (uid, name, kind, color, notes, created_at, updated_at) VALUES (@uid, @name, @kind, @color, @notes, @now, @now)`).run(row);
        else this.sql(`UPDATE actors SET name = @name, kind = @kind, color = @color, notes = @notes, updated_at = @now WHERE uid = @uid`).run(row);
        const actorId = this.idOf('actors', uid)!;
        this.sql(`DELETE FROM actor_aliases WHERE actor_id = ?`).run(actorId);
        const insertAlias = this.sql(`INSERT OR IGNORE INTO actor_aliases (actor_id, alias) VALUES (?, ?)`);
        for (const alias of parseList<string>(text(fields.aliases))) if (typeof alias === 'string' && alias.trim()) insertAlias.run(actorId, alias);
        return;
      }
      case 'topic': {
        const id = this.idOf('topics', uid);
        if (!fields) {
          if (id !== undefined) {
            for (const p of this.sql<[number], Ids>(`SELECT id FROM positions WHERE topic_id = ?`).all(id)) this.deletePosition(p.id);
            this.sql(`DELETE FROM topics WHERE id = ?`).run(id);
          }
          return;
        }
        const name = uid;
        const row = { uid, name, description: text(fields.description) ?? null, now };
        if (id === undefined) this.sql(`INSERT INTO topics (uid, name, description, created_at) VALUES (@uid, @name, @description, @now)`).run(row);
        else this.sql(`UPDATE topics SET name = @name, description = @description WHERE uid = @uid`).run(row);
        return;
      }
      case 'position': {
        const id = this.idOf('positions', uid);
        if (!fields) {
          if (id !== undefined) {
            // Merged into another position there: its codings here follow it.
            const into = this.idOf('positions', this.redirected('position', uid));
            if (into !== undefined && into !== id) this.sql(`INSERT OR IGNORE INTO annotation_positions (annotation_id, position_id, stance) SELECT annotation_id, ?, stance FROM annotation_positions WHERE position_id = ?`).run(into, id);
            this.deletePosition(id);
          }
          return;
        }
        const topicUid = text(fields.topic);
        const topicId = topicUid ? this.idOf('topics', topicUid) : undefined;
        if (topicId === undefined) return; // its topic was deleted meanwhile: nothing to hang it on
        const claim = uid;
        const row = { uid, topicId, claim, description: text(fields.description) ?? null, now };
        if (id === undefined) this.sql(`INSERT INTO positions (uid, topic_id, claim, description, created_at) VALUES (@uid, @topicId, @claim, @description, @now)`).run(row);
        else this.sql(`UPDATE positions SET topic_id = @topicId, claim = @claim, description = @description WHERE uid = @uid`).run(row);
        return;
      }
      case 'redirect': {
        const [merged, from] = splitKey(uid, ':');
        const to = fields ? text(fields.to) : null;
        if (!to) this.sql(`DELETE FROM merge_redirects WHERE kind = ? AND from_uid = ?`).run(merged, from);
        else this.sql(`INSERT OR REPLACE INTO merge_redirects (kind, from_uid, to_uid, merged_at) VALUES (?, ?, ?, ?)`).run(merged, from, to, now);
        return;
      }
      case 'rejection': {
        const [articleUid, words] = splitKey(uid, '/');
        const articleId = this.idOf('articles', articleUid);
        // A rejection of an article not here goes with it: there is nothing to suggest.
        if (articleId === undefined) return;
        if (!fields) this.sql(`DELETE FROM suggestion_rejections WHERE article_id = ? AND words = ?`).run(articleId, words);
        else this.sql(`INSERT OR IGNORE INTO suggestion_rejections (article_id, words, rejected_at) VALUES (?, ?, ?)`).run(articleId, words, text(fields.rejectedAt) ?? now);
        return;
      }
      case 'article':
        return this.writeArticle(uid, fields, now);
      case 'annotation':
        return this.writeAnnotation(uid, fields, now);
    }
  }

  /** An article as the team has it: its details, the trash, and its text when it is new here or was corrected there. */
  private writeArticle(uid: string, fields: Fields | null, now: string): void {
    const id = this.idOf('articles', uid);
    if (!fields) {
      // Emptying the trash wins: purged there, purged here.
      if (id !== undefined) this.sql(`DELETE FROM articles WHERE id = ?`).run(id);
      return;
    }
    const meta = {
      uid,
      title: text(fields.title) ?? 'Untitled article',
      outlet: text(fields.outlet),
      author: text(fields.author),
      publishedAt: text(fields.publishedAt),
      publishedAsWritten: text(fields.publishedAsWritten),
      url: text(fields.url),
      deletedAt: text(fields.deletedAt),
      now,
    };
    const words = text(fields.text);
    const structure = text(fields.structure);
    const current = this.sql<[string], { text: string }>(`SELECT text FROM articles WHERE uid = ?`).get(uid);
    const updateMeta = () =>
      this.sql(`UPDATE articles SET title = @title, outlet = @outlet, author = @author, published_at = @publishedAt, published_as_written = @publishedAsWritten, url = @url, deleted_at = @deletedAt, updated_at = @now WHERE uid = @uid`).run(meta);
    if (words === null || structure === null) {
      if (current) updateMeta();
      return;
    }
    const body = current?.text === words ? null : { text: words, structure, doc: JSON.stringify(unpackDoc(articleSchema, words, JSON.parse(structure) as PackedBlock[]).doc.toJSON()), wordCount: countWords(words) };
    if (!current) {
      const format = (sourceFormats as readonly string[]).includes(text(fields.sourceFormat) ?? '') ? fields.sourceFormat : 'txt';
      this.sql(
        `INSERT INTO articles (uid, title, outlet, author, published_at, published_as_written, url, imported_at, updated_at, deleted_at, source_format, doc, structure, text, text_hash, word_count)
         VALUES (@uid, @title, @outlet, @author, @publishedAt, @publishedAsWritten, @url, @now, @now, @deletedAt, @format, @doc, @structure, @text, @hash, @wordCount)`,
      ).run({ ...meta, ...body!, format, hash: uid.split('.')[0] });
      return;
    }
    updateMeta();
    if (body) this.sql(`UPDATE articles SET doc = @doc, structure = @structure, text = @text, word_count = @wordCount WHERE uid = @uid`).run({ ...body, uid });
  }

  /**
   * An annotation as the team has it, in its article. Its speaker and positions are followed
   * through merge redirects: coding made offline against an actor merged meanwhile lands on the
   * actor it was merged into.
   */
  private writeAnnotation(key: string, fields: Fields | null, now: string): void {
    const [articleUid, uid] = splitKey(key, '/');
    const id = this.idOf('annotations', uid);
    if (!fields) {
      if (id !== undefined) this.sql(`DELETE FROM annotations WHERE id = ?`).run(id);
      return;
    }
    const articleId = this.idOf('articles', articleUid);
    const start = whole(fields.start);
    const end = whole(fields.end);
    const kind = text(fields.kind);
    if (articleId === undefined || start === null || end === null || end <= start || !kind || !(annotationKinds as readonly string[]).includes(kind)) {
      throw new RangeError(`The team’s annotation ${uid} cannot be placed (${articleId === undefined ? 'its article is not here' : 'its range or kind is not one this library takes'}).`);
    }
    const speaker = text(fields.speaker);
    const row = {
      uid,
      articleId,
      kind,
      speakerId: speaker === null ? null : (this.idOf('actors', this.redirected('actor', speaker)) ?? null),
      start,
      end,
      exact: text(fields.exact) ?? '',
      prefix: text(fields.prefix) ?? '',
      suffix: text(fields.suffix) ?? '',
      comment: text(fields.comment),
      tags: text(fields.tags) ?? '[]',
      orphaned: fields.orphaned === 1 ? 1 : 0,
      changedFrom: text(fields.changedFrom),
      codedBy: text(fields.codedBy),
      deletedAt: text(fields.deletedAt),
      now,
    };
    if (id === undefined) {
      this.sql(
        `INSERT INTO annotations (uid, article_id, kind, speaker_id, start, "end", exact, prefix, suffix, comment, tags, orphaned, changed_from, coded_by, created_at, updated_at, deleted_at)
         VALUES (@uid, @articleId, @kind, @speakerId, @start, @end, @exact, @prefix, @suffix, @comment, @tags, @orphaned, @changedFrom, @codedBy, @now, @now, @deletedAt)`,
      ).run(row);
    } else {
      this.sql(
        `UPDATE annotations SET article_id = @articleId, kind = @kind, speaker_id = @speakerId, start = @start, "end" = @end, exact = @exact, prefix = @prefix, suffix = @suffix,
           comment = @comment, tags = @tags, orphaned = @orphaned, changed_from = @changedFrom, coded_by = @codedBy, deleted_at = @deletedAt, updated_at = @now WHERE uid = @uid`,
      ).run(row);
    }
    const annotationId = this.idOf('annotations', uid)!;
    this.sql(`DELETE FROM annotation_positions WHERE annotation_id = ?`).run(annotationId);
    const code = this.sql(`INSERT OR REPLACE INTO annotation_positions (annotation_id, position_id, stance) VALUES (?, ?, ?)`);
    for (const c of parseList<{ position?: unknown; stance?: unknown }>(text(fields.positions))) {
      const positionId = typeof c.position === 'string' ? this.idOf('positions', this.redirected('position', c.position)) : undefined;
      if (positionId !== undefined && typeof c.stance === 'string' && (stances as readonly string[]).includes(c.stance)) code.run(annotationId, positionId, c.stance);
    }
  }

  /** Where a merged actor's or position's uid went, followed through later merges. */
  private redirected(kind: 'actor' | 'position', uid: string): string {
    const next = this.sql<[string, string], { to_uid: string }>(`SELECT to_uid FROM merge_redirects WHERE kind = ? AND from_uid = ?`);
    const seen = new Set<string>();
    for (let at = uid; ; ) {
      const to = next.get(kind, at)?.to_uid;
      if (!to || seen.has(to)) return at;
      seen.add(at);
      at = to;
    }
  }

  /** An actor's affiliations, written once every actor they name is in (an organisation may arrive in the same update). */
  writeAffiliations(uid: string, fields: Fields | null): void {
    const actorId = this.idOf('actors', uid);
    if (!fields || actorId === undefined) return;
    this.sql(`DELETE FROM affiliations WHERE actor_id = ?`).run(actorId);
    const insert = this.sql(`INSERT OR IGNORE INTO affiliations (actor_id, organization_id, role) VALUES (?, ?, ?)`);
    for (const a of parseList<{ organization?: unknown; role?: unknown }>(text(fields.affiliations))) {
      const orgId = typeof a.organization === 'string' ? this.idOf('actors', a.organization) : undefined;
      if (orgId !== undefined && orgId !== actorId) insert.run(actorId, orgId, typeof a.role === 'string' ? a.role : null);
    }
  }

  documentState(name: string): Uint8Array | null {
    const r = this.sql<[string], { state: Buffer }>(`SELECT state FROM team_documents WHERE name = ?`).get(name);
    return r ? new Uint8Array(r.state) : null;
  }

  saveDocumentState(name: string, state: Uint8Array): void {
    this.sql(`INSERT INTO team_documents (name, state) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET state = excluded.state`).run(name, Buffer.from(state));
  }

  /** Names documents the team marked changed, to be fetched (migration 18's team_wanted); a newer mark replaces an older. */
  want(documents: Iterable<readonly [document: string, markedAt: string]>): void {
    const statement = this.sql(`INSERT INTO team_wanted (document, marked_at) VALUES (?, ?) ON CONFLICT (document) DO UPDATE SET marked_at = max(marked_at, excluded.marked_at), version = version + 1`);
    for (const [document, markedAt] of documents) statement.run(document, markedAt);
  }

  /** Up to `limit` of the documents still to fetch, the latest marked first: what the desk is working on now arrives first. */
  wanted(limit: number): string[] {
    return this.sql<[number], { document: string }>(`SELECT document FROM team_wanted ORDER BY marked_at DESC, document LIMIT ?`)
      .all(limit)
      .map((r) => r.document);
  }

  isWanted(document: string): boolean {
    return this.wantedVersion(document) !== undefined;
  }

  /** Which mark of a document still to fetch this is (undefined: not wanted), for `fetched`. */
  wantedVersion(document: string): number | undefined {
    return this.sql<[string], { version: number }>(`SELECT version FROM team_wanted WHERE document = ?`).get(document)?.version;
  }

  wantedCount(): number {
    return this.sql<[], { n: number }>(`SELECT count(*) AS n FROM team_wanted`).get()!.n;
  }

  /**
   * A document taken: no longer wanted, if no newer mark came while it was being fetched (`version`,
   * read before its exchange began); a newer one is fetched again by the next round.
   */
  fetched(document: string, version: number): void {
    this.sql(`DELETE FROM team_wanted WHERE document = ? AND version = ?`).run(document, version);
  }

  setting(key: string): string | undefined {
    return this.sql<[string], { value: string }>(`SELECT value FROM team_settings WHERE key = ?`).get(key)?.value;
  }

  setSetting(key: string, value: string): void {
    this.sql(`INSERT INTO team_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(key, value);
  }

  private idOf(table: 'actors' | 'topics' | 'positions' | 'articles' | 'annotations', uid: string): number | undefined {
    return this.sql<[string], Ids>(`SELECT id FROM ${table} WHERE uid = ?`).get(uid)?.id;
  }

  private deletePosition(id: number) {
    this.sql(`DELETE FROM annotation_positions WHERE position_id = ?`).run(id);
    this.sql(`DELETE FROM positions WHERE id = ?`).run(id);
  }

  /**
   * Gives the records their names (`names`: uid to name, unique by construction), renaming only
   * those whose name differs: first to their uid, then to their name, so no two rows ever hold
   * one name on the way.
   */
  settleNames(kind: 'actor' | 'topic' | 'position', names: ReadonlyMap<string, string>): void {
    const [table, column] = kind === 'actor' ? ['actors', 'name'] : kind === 'topic' ? ['topics', 'name'] : ['positions', 'claim'];
    const current = this.sql<[], { uid: string; value: string }>(`SELECT uid, ${column} AS value FROM ${table}`).all();
    const set = this.sql<[string, string]>(`UPDATE ${table} SET ${column} = ? WHERE uid = ?`);
    const renamed = current.filter((r) => names.has(r.uid) && names.get(r.uid) !== r.value);
    for (const r of renamed) set.run(r.uid, r.uid);
    for (const r of renamed) set.run(names.get(r.uid)!, r.uid);
  }
}

/** A key of two parts: a redirect's kind:from, an annotation's article/annotation. */
function splitKey(key: string, by: string): [string, string] {
  const at = key.indexOf(by);
  return [key.slice(0, at), key.slice(at + 1)];
}

function parseList<T>(json: string | null | undefined): T[] {
  try {
    const v: unknown = JSON.parse(json ?? '[]');
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}
