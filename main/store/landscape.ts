// Read side of the landscape: the codings (a quote's speaker, one of its positions, the stance) that
// the networks are computed from, and the names and quotes they point at.
import type Database from 'better-sqlite3';
import type { ActorKind, AnnotationKind } from '../../shared/model';
import type { ActorLabel, Coding } from '../../shared/landscape/network';
import type { DatedCoding } from '../../shared/landscape/dated';
import { LANDSCAPE_QUOTE_CHARS, type LandscapeFilter, type LandscapeQuote } from '../../shared/landscape/result';

const CODINGS = `annotation_positions ap
  JOIN annotations n ON n.id = ap.annotation_id
  JOIN articles r ON r.id = n.article_id
  JOIN actors s ON s.id = n.speaker_id
  JOIN positions p ON p.id = ap.position_id`;
const LIVE = 'n.deleted_at IS NULL AND r.deleted_at IS NULL';

/** The WHERE of a landscape filter. A date range leaves undated articles out, as the library list does. */
function filterSql(f: LandscapeFilter): { where: string; params: Record<string, unknown> } {
  const where = [LIVE];
  const params: Record<string, unknown> = {};
  const add = (sql: string, key: keyof LandscapeFilter) => {
    if (f[key] === undefined) return;
    where.push(sql);
    params[key] = f[key];
  };
  add('p.topic_id = @topicId', 'topicId');
  add('r.published_at >= @from', 'from');
  add('r.published_at <= @to', 'to');
  add('r.outlet = @outlet', 'outlet');
  add('s.kind = @actorKind', 'actorKind');
  add('n.kind = @kind', 'kind');
  return { where: where.join(' AND '), params };
}

export class LandscapeStore {
  constructor(private readonly db: Database.Database) {}

  /** Every live coding that has a speaker and passes the filter. */
  codings(filter: LandscapeFilter): Coding[] {
    const { where, params } = filterSql(filter);
    return this.db
      .prepare<Record<string, unknown>, Coding>(
        `SELECT n.id AS quoteId, n.speaker_id AS actorId, ap.position_id AS positionId, ap.stance FROM ${CODINGS} WHERE ${where} ORDER BY n.id, ap.rowid`,
      )
      .all(params);
  }

  /**
   * The same codings with their article and its publication date (null when it has none), for the
   * stance timeline and the position shifts; undated articles stay in unless a date range is set.
   */
  datedCodings(filter: LandscapeFilter): DatedCoding[] {
    const { where, params } = filterSql(filter);
    return this.db
      .prepare<Record<string, unknown>, DatedCoding>(
        `SELECT n.id AS quoteId, n.speaker_id AS actorId, ap.position_id AS positionId, ap.stance, r.id AS articleId, nullif(r.published_at, '') AS publishedAt
           FROM ${CODINGS} WHERE ${where} ORDER BY n.id, ap.rowid`,
      )
      .all(params);
  }

  /** Whether any live quote has both a speaker and a position. */
  anyCoded(): boolean {
    return this.db.prepare<[], { any: number }>(`SELECT EXISTS (SELECT 1 FROM ${CODINGS} WHERE ${LIVE}) AS any`).get()!.any === 1;
  }

  /**
   * The actors' names and kinds, and the organisation each is coloured by: the first of its
   * organisations by name, or, for an organisation, state or group with none, itself — so a
   * ministry and its minister share a colour.
   */
  actors(ids: number[]): Map<number, ActorLabel> {
    const rows = this.db
      .prepare<[string], { id: number; name: string; kind: ActorKind; organization: string | null }>(
        `SELECT a.id, a.name, a.kind,
                coalesce((SELECT o.name FROM affiliations f JOIN actors o ON o.id = f.organization_id
                           WHERE f.actor_id = a.id ORDER BY o.name, o.id LIMIT 1),
                         CASE WHEN a.kind IN ('organization', 'state', 'group') THEN a.name END) AS organization
           FROM actors a WHERE a.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids));
    return new Map(rows.map((r) => [r.id, { name: r.name, kind: r.kind, organization: r.organization }]));
  }

  positions(ids: number[]): Map<number, { claim: string; topic: string }> {
    const rows = this.db
      .prepare<[string], { id: number; claim: string; topic: string }>(
        `SELECT p.id, p.claim, t.name AS topic FROM positions p JOIN topics t ON t.id = p.topic_id WHERE p.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids));
    return new Map(rows.map((r) => [r.id, { claim: r.claim, topic: r.topic }]));
  }

  /** The quotes with these ids, their words cut short, each with its article; codings are the caller's. */
  quotes(ids: number[]): Omit<LandscapeQuote, 'codings'>[] {
    return this.db
      .prepare<[number, string], { id: number; kind: AnnotationKind; text: string; articleId: number; articleTitle: string; outlet: string | null; publishedAt: string | null; speakerId: number }>(
        `SELECT n.id, n.kind, substr(n.exact, 1, ?) AS text, r.id AS articleId, r.title AS articleTitle, r.outlet, r.published_at AS publishedAt, n.speaker_id AS speakerId
           FROM annotations n JOIN articles r ON r.id = n.article_id WHERE n.id IN (SELECT value FROM json_each(?)) ORDER BY n.id`,
      )
      .all(LANDSCAPE_QUOTE_CHARS, JSON.stringify(ids));
  }
}

