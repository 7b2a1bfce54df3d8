// Every call the renderer may make, declared once: its name, the runtime schema of its input and the
// type of its output. The main side validates every input against these schemas (the renderer is
// untrusted); the renderer's client is typed from the same table.
import { z } from 'zod';
import type { Actor, Annotation, Article, ArticleMeta, ArticleReading, ArticlePage, Briefing, BriefingMeta, BriefingRevision, ImportPreview, ImportResult, LibraryInfo, Matrix, MatrixOverview, MatrixOverviewPage, Position, QuoteFacets, QuotePage, QuoteRow, SearchHit, Topic, TeamStatus, BriefingRoomView } from './model';
import { actorKinds, annotationKinds, briefingStatuses, sourceFormats, stances } from './model';
import { briefingTemplates } from './schema/templates';
import { MAX_ANY_IMPORT_BYTES, MAX_IMPORT_BYTES, MAX_META_CHARS, MAX_QUERY_CHARS, MAX_TITLE_CHARS } from './limits';
import { cleanName, nameProblem } from './names';
import type { ArticleSuggestion } from './suggestion';
import type { FeedListing, UrlImportResult } from './feed';
import { landscapeFilter, networkQuery } from './landscape/query';
import { colSorts, rowSorts } from './matrix-order';
import type { Landscape } from './landscape/result';
import type { LandscapeShifts, LandscapeTimeline } from './landscape/time-result';

interface Call<I extends z.ZodType, O> {
  input: I;
  /** Phantom: only carries the output type. */
  output?: O;
}

function call<O>() {
  return <I extends z.ZodType>(input: I): Call<I, O> => ({ input });
}

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const roomSession = z.string().min(1).max(200);
// Format messages finish a sentence that names the field (shared/input-errors.ts): "The URL must …".
const metaText = z.string().max(MAX_META_CHARS);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
const webUrl = z.string().max(MAX_META_CHARS).regex(/^https?:\/\//i, 'must start with http:// or https://');

/**
 * A name or title someone must be able to see: surrounding white space does not count, bidi
 * overrides are removed, blank-looking and broken ones are refused (shared/names.ts).
 */
const visible = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .transform(cleanName)
    .superRefine((v, ctx) => {
      const problem = nameProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: `cannot be used: ${problem}` });
    });
const articleTitle = visible(MAX_TITLE_CHARS);
/** A briefing's title. */
const title = visible(MAX_META_CHARS);

/** Metadata the user may set at import time or edit later; null clears a field. */
export const articleMetaPatch = {
  title: articleTitle.optional(),
  outlet: metaText.nullable().optional(),
  author: metaText.nullable().optional(),
  publishedAt: isoDate.nullable().optional(),
  url: webUrl.nullable().optional(),
};

const name = visible(300);
const note = z.string().max(20_000);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #rrggbb');
const stance = z.enum(stances);
const coding = z.strictObject({ positionId: id, stance });
const tags = z.array(visible(100)).max(50);

const actorFields = {
  name: name.optional(),
  kind: z.enum(actorKinds).optional(),
  color: color.optional(),
  notes: note.nullable().optional(),
  aliases: z.array(name).max(100).optional(),
  affiliations: z.array(z.strictObject({ organizationId: id, role: z.string().max(300).nullable() })).max(50).optional(),
};

const offset = z.number().int().min(0).max(1e9);
/** An annotation's anchor as the store keeps it (see TextSelectors in model.ts). */
const storedAnchor = z.strictObject({
  start: offset,
  end: offset,
  exact: z.string().max(1_000_000),
  prefix: z.string().max(200),
  suffix: z.string().max(200),
  orphaned: z.boolean(),
  /** The words as coded while a change to them awaits review (see Annotation.changedFrom). */
  changedFrom: z.string().max(1_000_000).nullable().optional(),
});

const annotationFields = {
  kind: z.enum(annotationKinds).optional(),
  speakerId: id.nullable().optional(),
  positions: z.array(coding).max(50).optional(),
  comment: note.nullable().optional(),
  tags: tags.optional(),
};

/** A suggestion's key (`suggestionKey`): where its content starts and ends, as `start:end`. */
const suggestionKeyInput = z.string().regex(/^\d{1,10}:\d{1,10}$/, 'must be two offsets as start:end');

export const quoteFilter = z.strictObject({
  articleId: id.optional(),
  actorId: id.optional(),
  topicId: id.optional(),
  positionId: id.optional(),
  stance: stance.optional(),
  kind: z.enum(annotationKinds).optional(),
  /** Only annotations carrying this tag (exactly, as typed). */
  tag: z.string().min(1).max(100).optional(),
  /** Only annotations coded by this member of the team (a team library's "coded by"). */
  codedBy: z.string().min(1).max(200).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

/** Which annotations the quotes table, the matrices' drill-down and the coding export show. */
export type QuoteFilter = z.output<typeof quoteFilter>;

/** The quotes table's sorts; `date` is the article's publication date (newest first unless `desc: false`). */
export const quoteSorts = ['date', 'article', 'speaker', 'kind', 'text'] as const;
export type QuoteSort = (typeof quoteSorts)[number];
const quoteCursor = z.strictObject({ key: z.string().max(10_000), id });
/** A page of the quotes table: the filter, a sort, and where the page starts. */
const quotePageQuery = z.strictObject({
  ...quoteFilter.shape,
  sort: z.enum(quoteSorts).optional(),
  /** Descending; left out, the sort's own direction (dates newest first, the others A to Z). */
  desc: z.boolean().optional(),
  after: quoteCursor.optional(),
  limit: z.number().int().min(1).max(500).optional(),
});
export type QuotePageQuery = z.output<typeof quotePageQuery>;

export const quoteExportFormats = ['csv', 'jsonld', 'graphml', 'network-csv'] as const;
export type QuoteExportFormat = (typeof quoteExportFormats)[number];

/** What `briefings.export` can produce. */
export const briefingExportFormats = ['pdf', 'html', 'md', 'docx'] as const;
export type BriefingExportFormat = (typeof briefingExportFormats)[number];
export const pageSizes = ['A4', 'Letter'] as const;
export type PageSizeName = (typeof pageSizes)[number];

/** An exported file, ready to download or save: its bytes as base64, so one shape carries PDF and text alike. */
export interface ExportedDocument {
  filename: string;
  mimeType: string;
  base64: string;
}

export const articleSorts = ['imported', 'published', 'title'] as const;
export type ArticleSort = (typeof articleSorts)[number];

/**
 * What the library list shows: a sort, an outlet filter, a range of publication dates (both ends
 * included, either open; undated articles are outside any range), the trash or the live articles.
 */
const articleListViewSchema = z.strictObject({
  sort: z.enum(articleSorts).optional(),
  outlet: metaText.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  trash: z.boolean().optional(),
});
const articleListView = articleListViewSchema.shape;
/** The most rows one `articles.list` call returns, and how many it returns unless told. */
export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 100;
const MAX_LIST_OFFSET = 1_000_000_000;
/** A head bigger than this is no longer a first screen. */
const MAX_READING_HEAD = 1_000_000;
const articleCursor = z.strictObject({ key: z.string().max(10_000), id });
export type ArticleListView = z.output<typeof articleListViewSchema>;

const importInput = z.strictObject({
  /** The file name (its extension picks the format) or "pasted text". */
  file: z.string().min(1).max(500),
  /** "text" for pasted or already decoded text; "base64" for a file's raw bytes. */
  encoding: z.enum(['text', 'base64']),
  // base64 grows bytes by 4/3; one more byte allowed so the service, not the schema, reports "too large".
  data: z.string().max(Math.ceil(((MAX_ANY_IMPORT_BYTES + 1) * 4) / 3) + 4),
  /** What the data is, when the caller knows (a clipboard's HTML flavour); else the file name or the paste's look decides. */
  format: z.enum(sourceFormats).optional(),
  ...articleMetaPatch,
});

/** The most files one `articles.importBatch` call stores (one write transaction). */
export const MAX_IMPORT_BATCH = 200;

/** A feed item the analyst picked, as `feeds.read` listed it. */
const feedItemInput = z.strictObject({
  title: metaText.nullable(),
  link: webUrl.nullable(),
  publishedAt: isoDate.nullable(),
  author: metaText.nullable(),
  content: z.string().max(MAX_IMPORT_BYTES + 1).nullable(),
});

export const contract = {
  'library.info': call<LibraryInfo>()(z.strictObject({})),
  /**
   * A number that changes when another process (the CLI) has written to the library since the
   * last call: cheap enough to ask every few seconds, so the library list can follow.
   */
  'library.changes': call<number>()(z.strictObject({})),
  /** Where this library stands with its team: the server, the state of the link, the changes waiting. */
  'team.status': call<TeamStatus>()(z.strictObject({})),
  /** Joins the team whose server is at `url` with this member's token (`verbatim team-server add-member` printed it); what the library holds is shared at once. */
  'team.join': call<TeamStatus>()(z.strictObject({ url: z.string().trim().min(1).max(2_000), token: z.string().trim().min(1).max(500) })),
  /** A round with the team's server now, instead of at the next beat. */
  'team.sync': call<TeamStatus>()(z.strictObject({})),
  /** Opens a briefing of a team library live with the team (co-editing); `room` is null when the library is in no team, and the editor saves as ever. */
  'team.briefing.open': call<{ room: BriefingRoomView | null }>()(z.strictObject({ id })),
  /**
   * The open editor's doc, when it changed, and its selection: answered with the doc merged with
   * the team's when it changed, and who else is here. With `wait` and nothing new, the answer waits
   * (up to ten seconds) for a change or `team.briefing.wake`.
   */
  'team.briefing.exchange': call<BriefingRoomView>()(
    z.strictObject({
      session: roomSession,
      doc: z.record(z.string(), z.unknown()).nullable().optional(),
      selection: z.strictObject({ anchor: z.number().int().min(0), head: z.number().int().min(0) }).nullable().optional(),
      wait: z.boolean().optional(),
    }),
  ),
  /** Answers the session's waiting exchange now: the editor has a change to send. */
  'team.briefing.wake': call<{ woken: boolean }>()(z.strictObject({ session: roomSession })),
  /** The editor closed the briefing. */
  'team.briefing.leave': call<{ left: boolean }>()(z.strictObject({ session: roomSession })),

  'articles.import': call<ImportResult>()(importInput),
  /**
   * Many files stored in one write transaction (the CLI's and the desktop's import of many files):
   * a result per file, in order; one that fails does not stop the others.
   */
  'articles.importBatch': call<ImportResult[]>()(z.strictObject({ files: z.array(importInput).min(1).max(MAX_IMPORT_BATCH) })),
  /** What a file would import (a news-database export's article count and headlines), read but not stored. */
  'articles.inspect': call<ImportPreview>()(importInput),
  /**
   * A web address (http or https), fetched by the main side: a page is imported like a saved page,
   * with its final address as the article's URL; a feed comes back as `status: 'feed'` with its items.
   */
  'articles.importUrl': call<UrlImportResult>()(
    z.strictObject({ url: webUrl, title: articleTitle.optional(), outlet: metaText.nullable().optional(), author: metaText.nullable().optional(), publishedAt: isoDate.nullable().optional() }),
  ),
  /** An RSS or Atom feed, from its address or its file's bytes (base64), listed item by item. */
  'feeds.read': call<FeedListing>()(
    z
      .strictObject({ url: webUrl.optional(), file: z.string().min(1).max(500).optional(), data: importInput.shape.data.optional() })
      .refine((i) => (i.url !== undefined) !== (i.file !== undefined && i.data !== undefined) && (i.file === undefined) === (i.data === undefined), {
        message: 'needs either the feed’s address (url) or its file (file and data), not both',
      }),
  ),
  /** Picked feed items: each from its full text when the feed carries it, else from its link. A result per item, in order. */
  'feeds.importItems': call<ImportResult[]>()(z.strictObject({ items: z.array(feedItemInput).min(1).max(MAX_IMPORT_BATCH) })),
  /**
   * One page of the library (keyset pagination): the first page, or the one after the cursor a
   * page returned; `offset` skips rows first (after the cursor, if any), for a scrollbar dragged
   * far ahead. `total` counts the whole list.
   */
  'articles.list': call<ArticlePage>()(z.strictObject({ ...articleListView, after: articleCursor.optional(), offset: z.number().int().min(0).max(MAX_LIST_OFFSET).optional(), limit: z.number().int().min(1).max(MAX_PAGE).optional() })),
  /** Where an article stands in a library list (0 first), or null when the list does not hold it. */
  'articles.position': call<{ index: number | null }>()(z.strictObject({ ...articleListView, id })),
  'articles.outlets': call<string[]>()(z.strictObject({})),
  'articles.get': call<Article>()(z.strictObject({ id })),
  /**
   * The article as the reader opens it: its text once and the doc's structure around it (a long
   * article's doc JSON is twice its text). With `head`, only the first blocks that reach that many
   * characters, for the first screens of a long article while the whole is on its way.
   */
  'articles.read': call<ArticleReading>()(z.strictObject({ id, head: z.number().int().min(1).max(MAX_READING_HEAD).optional() })),
  'articles.update': call<ArticleMeta>()(z.strictObject({ id, ...articleMetaPatch })),
  /** Moves an article to the trash; `articles.restore` brings it back. */
  'articles.delete': call<ArticleMeta>()(z.strictObject({ id })),
  'articles.restore': call<ArticleMeta>()(z.strictObject({ id })),
  'articles.emptyTrash': call<{ purged: number }>()(z.strictObject({})),

  /**
   * Replaces the article's text (edit-text mode) and re-anchors every annotation on it; `changed`
   * of the placed ones now quote different words and await review (`annotations.review`).
   */
  'articles.updateText': call<{ article: ArticleReading; placed: number; changed: number; orphaned: number }>()(
    z.strictObject({ id, doc: z.record(z.string(), z.unknown()) }),
  ),

  'actors.list': call<Actor[]>()(z.strictObject({})),
  'actors.create': call<Actor>()(z.strictObject({ ...actorFields, name })),
  'actors.update': call<Actor>()(z.strictObject({ id, ...actorFields })),
  /** Refused with `conflict` while annotations name the actor, unless `force` (then they lose their speaker). */
  'actors.delete': call<{ id: number; annotations: number }>()(z.strictObject({ id, force: z.boolean().optional() })),
  /** `mergeId` undoes the merge with `actors.unmerge` while the same main process runs. */
  'actors.merge': call<Actor & { mergeId: number }>()(z.strictObject({ sourceId: id, targetId: id })),
  /** Puts a merge back exactly (the merged actor with its own id, aliases, affiliations, annotations); returns that actor. */
  'actors.unmerge': call<Actor>()(z.strictObject({ mergeId: id })),

  'topics.list': call<Topic[]>()(z.strictObject({})),
  'topics.create': call<Topic>()(z.strictObject({ name, description: note.nullable().optional() })),
  'topics.update': call<Topic>()(z.strictObject({ id, name: name.optional(), description: note.nullable().optional() })),
  'topics.delete': call<{ id: number }>()(z.strictObject({ id })),
  'positions.create': call<Position>()(z.strictObject({ topicId: id, claim: name, description: note.nullable().optional() })),
  /** Renames a position, or moves it to another topic with `topicId`. */
  'positions.update': call<Position>()(z.strictObject({ id, claim: name.optional(), description: note.nullable().optional(), topicId: id.optional() })),
  'positions.delete': call<{ id: number; annotations: number }>()(z.strictObject({ id, force: z.boolean().optional() })),
  'positions.merge': call<Position>()(z.strictObject({ sourceId: id, targetId: id })),

  'annotations.list': call<Annotation[]>()(z.strictObject({ articleId: id })),
  'annotations.create': call<Annotation>()(
    z.strictObject({ articleId: id, start: z.number().int().min(0).max(1e9), end: z.number().int().min(0).max(1e9), ...annotationFields, kind: z.enum(annotationKinds) }),
  ),
  /**
   * Edits the coding; `start`/`end` re-attach it to another passage; `anchor` puts back an anchor
   * exactly as it was before (undoing a re-attach; an orphan gets its old words back).
   */
  'annotations.update': call<Annotation>()(
    z
      .strictObject({ id, ...annotationFields, start: offset.optional(), end: offset.optional(), anchor: storedAnchor.optional() })
      .refine((i) => !(i.anchor && (i.start !== undefined || i.end !== undefined)), { message: 'give either start/end or anchor, not both' }),
  ),
  /**
   * Settles a change to the words under an annotation: keep it on the new words, or keep the words
   * as coded (it becomes an orphan). Undone with `update` and the earlier `anchor`.
   */
  'annotations.review': call<Annotation>()(z.strictObject({ id, decision: z.enum(['accept-new', 'keep-old']) })),
  /** Moves the annotation to the trash (undoable with `annotations.restore`). */
  'annotations.delete': call<Annotation>()(z.strictObject({ id })),
  'annotations.restore': call<Annotation>()(z.strictObject({ id })),

  /**
   * The engine's suggested attributions for an article, in text order: those that overlap no live
   * annotation and were not rejected, at least `minConfidence` sure. Computed off the main thread
   * when the article is long, and kept until its text or the codebook changes; `tooLarge` when the
   * article is too long to finish in time (the list is then empty). An article in the trash has none.
   */
  'suggestions.list': call<{ suggestions: ArticleSuggestion[]; tooLarge: boolean }>()(
    z.strictObject({ articleId: id, minConfidence: z.number().min(0).max(1).optional() }),
  ),
  /**
   * Codes a suggestion as an ordinary annotation (quote for direct, paraphrase for the others, or
   * `kind`). The speaker is the suggested one (a new actor when the suggestion names no codebook
   * actor) unless `speakerId` (a codebook actor; null leaves it unset) or `speakerName` replaces it.
   * A name that is an actor's name or alias is that actor; otherwise a new actor is created, with the
   * mention as written ("Trump" for "Donald Trump") as an alias when it is a name. `createdActor` is
   * that new actor, for undo. Refused with `conflict` when the suggestion is gone (the text changed)
   * or its passage has been coded since.
   */
  'suggestions.accept': call<{ annotation: Annotation; createdActor: Actor | null }>()(
    z
      .strictObject({
        articleId: id,
        key: suggestionKeyInput,
        ...annotationFields,
        speakerName: name.optional(),
      })
      .refine((i) => !(i.speakerName !== undefined && i.speakerId !== undefined), { message: 'cannot name both speakerId and speakerName' }),
  ),
  /** Never suggests this passage (these words) again in this article, wherever an edit moves them. */
  'suggestions.reject': call<{ key: string }>()(z.strictObject({ articleId: id, key: suggestionKeyInput })),
  /** Takes a rejection back (undo); the key is the one the suggestion had when it was rejected, in the same text. */
  'suggestions.unreject': call<{ key: string }>()(z.strictObject({ articleId: id, key: suggestionKeyInput })),
  'quotes.list': call<QuoteRow[]>()(quoteFilter),
  /**
   * One page of the quotes table (keyset pagination: the first page, or the one after the cursor
   * a page returned), filtered and sorted by the store; `total` counts every match.
   */
  'quotes.page': call<QuotePage>()(quotePageQuery),
  /** The choices of the quotes table's article and tag filters. */
  'quotes.facets': call<QuoteFacets>()(z.strictObject({})),
  'matrix.get': call<Matrix>()(z.strictObject({ topicId: id })),
  /** Every actor × every topic, counts of codings per stance. */
  'matrix.overview': call<MatrixOverview>()(z.strictObject({})),
  /**
   * A window of the overview's actor rows (offset over a stable order: the chosen sum, the name,
   * the id), with the columns in their chosen order and the counts of the whole table.
   */
  'matrix.overviewPage': call<MatrixOverviewPage>()(
    z.strictObject({
      rowSort: z.enum(rowSorts).optional(),
      colSort: z.enum(colSorts).optional(),
      offset: z.number().int().min(0).max(MAX_LIST_OFFSET).optional(),
      limit: z.number().int().min(1).max(MAX_PAGE).optional(),
    }),
  ),
  'quotes.export': call<{ filename: string; mimeType: string; content: string }>()(
    z.strictObject({ format: z.enum(quoteExportFormats), filter: quoteFilter.optional() }),
  ),

  /**
   * One of DNA's discourse networks (two-mode actor × position, one-mode congruence or conflict)
   * over the coded quotes the filters keep, with the quotes behind each node and tie. A date range
   * leaves undated articles out; a topic without positions gives an empty network. Only the
   * strongest ties come back when there are very many (`network.hiddenTies` counts the rest).
   */
  'landscape.network': call<Landscape>()(
    networkQuery.extend({
      /** At most this many ties, the strongest (LANDSCAPE_MAX_TIES unless told). */
      maxTies: z.number().int().min(1).max(100_000).optional(),
    }),
  ),

  /**
   * Position shifts: each actor who supported a position and later opposed it (or the reverse), per
   * change of stance, with the last quote before and the first after, newest first. Neutral quotes
   * are stepped over; quotes from undated articles are left out and counted.
   */
  'landscape.shifts': call<LandscapeShifts>()(landscapeFilter),
  /**
   * The stance timeline: every coding the filters keep on its article's publication date, the actors
   * by number of quotes with their totals, the date span; undated articles left out and counted.
   */
  'landscape.timeline': call<LandscapeTimeline>()(landscapeFilter),

  'briefings.list': call<BriefingMeta[]>()(z.strictObject({ trash: z.boolean().optional() })),
  'briefings.get': call<Briefing>()(z.strictObject({ id })),
  'briefings.create': call<Briefing>()(
    z.strictObject({
      template: z.enum(briefingTemplates).optional(),
      /** Left out (or empty), the template's title. */
      title: z.union([z.literal(''), title]).optional(),
      classification: metaText.optional(),
      author: metaText.optional(),
    }),
  ),
  'briefings.update': call<BriefingMeta>()(
    z.strictObject({
      id,
      title: title.optional(),
      classification: metaText.optional(),
      author: metaText.optional(),
      date: isoDate.nullable().optional(),
      status: z.enum(briefingStatuses).optional(),
    }),
  ),
  /** Autosave. Refused with `conflict` when `baseVersion` is not the stored version. */
  'briefings.save': call<BriefingMeta>()(
    z.strictObject({ id, doc: z.record(z.string(), z.unknown()), baseVersion: z.number().int().min(0).optional() }),
  ),
  'briefings.duplicate': call<Briefing>()(z.strictObject({ id })),
  'briefings.delete': call<BriefingMeta>()(z.strictObject({ id })),
  'briefings.restore': call<BriefingMeta>()(z.strictObject({ id })),
  'briefings.revisions': call<BriefingRevision[]>()(z.strictObject({ id })),
  'briefings.revision': call<BriefingRevision & { doc: unknown }>()(z.strictObject({ revisionId: id })),
  'briefings.snapshot': call<BriefingRevision>()(z.strictObject({ id })),
  /** The briefing as a file. PDF needs a printer (Chromium); without one it fails with `unsupported`. */
  'briefings.export': call<ExportedDocument>()(z.strictObject({ id, format: z.enum(briefingExportFormats), pageSize: z.enum(pageSizes).optional() })),
  /** "Print my coding": the article with its annotations highlighted and numbered, and a note per annotation. */
  'articles.exportPdf': call<ExportedDocument>()(z.strictObject({ id, pageSize: z.enum(pageSizes).optional() })),

  'search.query': call<SearchHit[]>()(
    z.strictObject({
      query: z.string().max(MAX_QUERY_CHARS),
      limit: z.number().int().min(1).max(200).optional(),
    }),
  ),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type CallOutput<N extends CallName> = NonNullable<Contract[N]['output']>;

export const callNames = Object.keys(contract) as CallName[];

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The typed failure every transport carries back to the UI. */
export interface CallError {
  code: ErrorCode;
  message: string;
  /** For refused input: the field the message is about, so a form can show it there. */
  field?: string;
}

export type ErrorCode =
  | 'unknown_call'
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'unsupported'
  | 'too_large'
  | 'damaged'
  /** The disk is full: nothing was written. */
  | 'disk_full'
  /** The library (its file, folder or disk) cannot be written here. */
  | 'read_only'
  /** The operating system does not allow Verbatim to use the file (owner, permissions). */
  | 'permission'
  /** Another program holds the library's write lock; trying again later may work. */
  | 'busy'
  /** A web address could not be fetched: timed out, refused, not found by DNS, a redirect loop, a server error. */
  | 'unreachable'
  | 'internal';

export type CallResult<N extends CallName> = { ok: true; value: CallOutput<N> } | { ok: false; error: CallError };
