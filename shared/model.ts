// Domain types shared by the main process and the renderer. Names follow the analyst's vocabulary
// and match the database columns and the contract.
import type { PackedBlock } from './schema/packed-doc';

/** An article's metadata as listed in the library (no text, so a 10,000-article list stays small). */
export interface ArticleMeta {
  id: number;
  title: string;
  outlet: string | null;
  author: string | null;
  /** ISO date (YYYY-MM-DD) or null when unknown. */
  publishedAt: string | null;
  /**
   * The source's date as it wrote it, when it was not read as one certain day (03/04/2024 could be
   * 3 April or 4 March): kept for the analyst to settle in the article details. Null otherwise.
   */
  publishedAsWritten: string | null;
  url: string | null;
  /** ISO timestamp. */
  importedAt: string;
  updatedAt: string;
  wordCount: number;
  /** Live annotations on it (orphans included), for the library list. */
  annotationCount: number;
  /** Set when the article is in the trash. */
  deletedAt: string | null;
}

/**
 * Where a page of the library list ended: the last row's sort key (its imported time, published
 * date with '' for undated, or title, by the sort asked for) and id. The next page starts after it,
 * so rows added or removed before it do not shift what comes next.
 */
export interface ArticleCursor {
  key: string;
  id: number;
}

/** One page of the library list, and how many articles the whole list holds (counted by the store). */
export interface ArticlePage {
  items: ArticleMeta[];
  total: number;
  /** Pass as `after` for the page that follows; null on the last page. */
  next: ArticleCursor | null;
}

/** An article as the reader shows it: metadata, the ProseMirror doc and its plain-text projection. */
export interface Article extends ArticleMeta {
  doc: unknown;
  text: string;
  sourceFormat: SourceFormat;
}

/** An article's metadata and its plain text: what coding it needs (a long article's doc is twice its text). */
export interface ArticleText extends ArticleMeta {
  text: string;
}

/**
 * An article as the reader opens it (`articles.read`): the text once, and the doc's structure
 * around it, which `unpackDoc` turns back into the doc (shared/schema/packed-doc.ts).
 */
export interface ArticleReading extends ArticleText {
  structure: PackedBlock[];
  sourceFormat: SourceFormat;
  /** False for a head (`articles.read` with `head`): the first blocks only, the rest still to come. */
  complete: boolean;
}

export const sourceFormats = ['txt', 'md', 'html', 'pdf', 'docx', 'rtf'] as const;
export type SourceFormat = (typeof sourceFormats)[number];

export type ImportStatus = 'imported' | 'duplicate' | 'failed';

export interface ImportResult {
  /** The file name, or "pasted text". */
  file: string;
  status: ImportStatus;
  /** The stored article, or for a duplicate the one already in the library. */
  id?: number;
  title?: string;
  error?: string;
  /** Problems that did not stop the import, e.g. invalid UTF-8 replaced. */
  warnings?: string[];
  /**
   * For a file that holds many articles (a news-database export): each article's own result, in the
   * file's order. The file's status then sums them up: imported when any went in, duplicate when
   * all were already there, failed when none could be stored.
   */
  articles?: ImportResult[];
}

/** What a file holds, read but not stored (`articles.inspect`): shown before the analyst imports. */
export interface ImportPreview {
  file: string;
  /** "Nexis export", "Factiva export"; null for a file that is one article. */
  source: string | null;
  /** How many articles would be imported. */
  articles: number;
  titles: string[];
  /** The parts that cannot be imported, each with its reason ("article 3: no body found"). */
  problems: string[];
  /** Set when the file cannot be imported at all. */
  error?: string;
}

export type SearchKind = 'article' | 'quote' | 'note' | 'actor' | 'briefing';

export interface SearchHit {
  kind: SearchKind;
  id: number;
  title: string;
  /** Text around the match; matched terms are wrapped in SNIPPET_OPEN / SNIPPET_CLOSE. */
  snippet: string;
  /** For quotes and notes: the article they are in. */
  articleId?: number;
  /** For quotes found by their speaker's name or alias rather than their own words. */
  bySpeaker?: boolean;
}

/** Private-use characters, so a snippet can be highlighted without ever being parsed as HTML. */
export const SNIPPET_OPEN = '\uE000';
export const SNIPPET_CLOSE = '\uE001';

export interface LibraryInfo {
  path: string;
  articleCount: number;
  trashCount: number;
  schemaVersion: number;
  backups: BackupInfo[];
  /** Opened for reading only: changes cannot be saved. */
  readOnly: boolean;
  /** What the analyst should be told at start (a daily backup that could not be taken). */
  warnings: readonly string[];
}

/** Where this library stands with its team (issue 15): `verbatim team join`, or Settings ▸ Team. */
export interface TeamStatus {
  /** The team's server this library joined; null when it is in no team. */
  url: string | null;
  /**
   * `alone`: in no team; `online`: the last round reached the server; `syncing`: a round is under
   * way; `offline`: the server could not be reached (the library works as ever, and what changed
   * waits); `refused`: the server refused this library (a revoked token, an outdated Verbatim).
   */
  state: 'alone' | 'online' | 'syncing' | 'offline' | 'refused';
  /** Changes made here the team's server has not acknowledged yet. */
  pending: number;
  /** Articles and briefings the team changed that this library has yet to fetch (many, during a large library's first sync). */
  wanted: number;
  /** When the last round with the server ended well (ISO time). */
  lastSync: string | null;
  /** Why the state is offline or refused, in words. */
  message: string | null;
  /** What the last round could not take from the team, in words (a briefing a newer Verbatim wrote). */
  problems: string[];
  /** The latest of what the team did to what this library holds (a merge, a superseded edit), each once, numbered in order. */
  notices: { id: number; text: string }[];
}

/** Another member with the same briefing open, and where their cursor is in the doc the room last sent. */
export interface BriefingPeer {
  name: string;
  /** Which of the editor's cursor colours is theirs (the same for them on every laptop). */
  colour: number;
  /** Their selection's ends, as positions in the doc; null when their cursor is in no place this doc has. */
  anchor: number | null;
  head: number | null;
}

/**
 * A briefing of a team library open in the editor, kept live with the team (main/sync/briefing-room.ts):
 * the editor's session, and what changed since it last asked.
 */
export interface BriefingRoomView {
  session: string;
  /** The briefing's doc, merged with the team's (references by this library's ids); null when nothing changed since the session last asked. */
  doc: Record<string, unknown> | null;
  /** Who else has it open. */
  peers: BriefingPeer[];
  /** `online`: changes travel as they are made; `offline`: they are kept here and go once the server answers; `refused`: see message. */
  state: 'online' | 'offline' | 'refused';
  message: string | null;
  /** The briefing's details as the library now holds them (its word count, when it changed), when the doc changed; else null. */
  meta: BriefingMeta | null;
}

export interface BackupInfo {
  path: string;
  createdAt: string;
  bytes: number;
}

// ---- The codebook: actors, topics, positions ----

export const actorKinds = ['person', 'organization', 'state', 'group', 'other'] as const;
export type ActorKind = (typeof actorKinds)[number];

export interface Affiliation {
  /** The organization (or state, group) the actor belongs to: itself an actor. */
  organizationId: number;
  organizationName: string;
  role: string | null;
}

export interface Actor {
  id: number;
  name: string;
  kind: ActorKind;
  aliases: string[];
  affiliations: Affiliation[];
  /** A CSS colour (#rrggbb) for highlights when colouring by speaker. */
  color: string;
  notes: string | null;
  /** How many live annotations name this actor as speaker. */
  annotationCount: number;
}

export interface Position {
  id: number;
  topicId: number;
  /** The claim, e.g. "Seized assets of the defendant company must not be liquidated". */
  claim: string;
  description: string | null;
  annotationCount: number;
}

export interface Topic {
  id: number;
  name: string;
  description: string | null;
  positions: Position[];
}

// ---- Annotations ----

export const annotationKinds = ['quote', 'paraphrase', 'note'] as const;
export type AnnotationKind = (typeof annotationKinds)[number];

export const stances = ['supports', 'opposes', 'neutral'] as const;
export type Stance = (typeof stances)[number];

/** W3C Web Annotation TextPositionSelector + TextQuoteSelector over the article's plain-text projection. */
export interface TextSelectors {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export interface AnnotationPosition {
  positionId: number;
  stance: Stance;
}

export interface Annotation extends TextSelectors {
  id: number;
  articleId: number;
  kind: AnnotationKind;
  speakerId: number | null;
  positions: AnnotationPosition[];
  comment: string | null;
  tags: string[];
  /** True when re-anchoring could not place it in the current text; `exact` keeps what it quoted. */
  orphaned: boolean;
  /**
   * The words as coded, when an edit of the text changed the words under the annotation and the
   * analyst has not yet reviewed the change; `exact` holds the new words. Null otherwise.
   */
  changedFrom: string | null;
  /** Who coded it, in a team library: the member's name; null for coding made alone or before the library joined a team. */
  codedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One annotation with everything a table, an export or a briefing needs, denormalised. */
export interface QuoteRow {
  id: number;
  kind: AnnotationKind;
  text: string;
  comment: string | null;
  tags: string[];
  orphaned: boolean;
  start: number;
  end: number;
  prefix: string;
  suffix: string;
  createdAt: string;
  article: { id: number; title: string; outlet: string | null; author: string | null; publishedAt: string | null; url: string | null };
  speaker: { id: number; name: string; kind: ActorKind; affiliations: { name: string; role: string | null }[] } | null;
  positions: { id: number; claim: string; topicId: number; topic: string; stance: Stance }[];
}

/** Where the next page of the quotes table starts: the last row's sort key and id (see ArticleCursor). */
export interface QuoteCursor {
  key: string;
  id: number;
}

/** One page of the quotes table, and how many annotations match the filter (counted by the store). */
export interface QuotePage {
  items: QuoteRow[];
  total: number;
  /** Pass as `after` for the page that follows; null on the last page. */
  next: QuoteCursor | null;
}

/** What the quotes table's filters offer: the articles that have live annotations, and every tag in use. */
export interface QuoteFacets {
  articles: { id: number; title: string }[];
  tags: string[];
  /** Who coded the live annotations, in a team library (annotations coded before it joined name nobody). */
  coders: string[];
}

/** The actor × position landscape of one topic. */
export interface Matrix {
  topic: { id: number; name: string };
  actors: { id: number; name: string; color: string }[];
  positions: { id: number; claim: string }[];
  cells: { actorId: number; positionId: number; supports: number; opposes: number; neutral: number }[];
}

/** The whole landscape: every actor coded on any topic × every topic, counts per stance. */
export interface MatrixOverview {
  actors: { id: number; name: string; color: string }[];
  topics: { id: number; name: string }[];
  cells: { actorId: number; topicId: number; supports: number; opposes: number; neutral: number }[];
}

/**
 * A window of the overview's actor rows, in the order the analyst chose: every topic (in the
 * columns' order), the window's actors and their cells, how many actors there are in all, and the
 * largest cell of the whole table (a cell's colour is its share of it, on every page alike).
 */
export interface MatrixOverviewPage {
  topics: MatrixOverview['topics'];
  actors: MatrixOverview['actors'];
  cells: MatrixOverview['cells'];
  /** Actors coded on any position: the rows of the whole table. */
  total: number;
  /** The first row's place in the whole order. */
  offset: number;
  /** The largest cell total in the whole table (at least 1). */
  max: number;
}

// ---- Briefings ----

export const briefingStatuses = ['draft', 'final'] as const;
export type BriefingStatus = (typeof briefingStatuses)[number];

export interface BriefingMeta {
  id: number;
  title: string;
  /** The classification / handling line printed in every page's header and footer. */
  classification: string;
  author: string;
  /** YYYY-MM-DD */
  date: string | null;
  status: BriefingStatus;
  wordCount: number;
  /** Bumped on every save; a save based on an older version is refused rather than lost silently. */
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface Briefing extends BriefingMeta {
  /** ProseMirror JSON in the current briefing schema (migrated on read). */
  doc: unknown;
  schemaVersion: number;
}

export interface BriefingRevision {
  id: number;
  briefingId: number;
  title: string;
  wordCount: number;
  reason: 'auto' | 'manual' | 'restore';
  createdAt: string;
}
