// Every call the renderer may make, declared once: its name, the runtime schema of its input and the
// type of its output. The main side validates every input against these schemas (the renderer is
// untrusted); the renderer's client is typed from the same table.
import { z } from 'zod';
import type { Article, ArticleMeta, ImportResult, LibraryInfo, SearchHit } from './model';
import { MAX_IMPORT_BYTES, MAX_META_CHARS, MAX_QUERY_CHARS } from './limits';

interface Call<I extends z.ZodType, O> {
  input: I;
  /** Phantom: only carries the output type. */
  output?: O;
}

function call<O>() {
  return <I extends z.ZodType>(input: I): Call<I, O> => ({ input });
}

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const metaText = z.string().max(MAX_META_CHARS);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const webUrl = z.string().max(MAX_META_CHARS).regex(/^https?:\/\//i, 'expected an http(s) URL');

/** Metadata the user may set at import time or edit later; null clears a field. */
const articleMetaPatch = {
  title: metaText.min(1).optional(),
  outlet: metaText.nullable().optional(),
  author: metaText.nullable().optional(),
  publishedAt: isoDate.nullable().optional(),
  url: webUrl.nullable().optional(),
};

export const articleSorts = ['imported', 'published', 'title'] as const;
export type ArticleSort = (typeof articleSorts)[number];

export const contract = {
  'library.info': call<LibraryInfo>()(z.strictObject({})),

  'articles.import': call<ImportResult>()(
    z.strictObject({
      /** The file name (its extension picks the format) or "pasted text". */
      file: z.string().min(1).max(500),
      /** "text" for pasted or already decoded text; "base64" for a file's raw bytes. */
      encoding: z.enum(['text', 'base64']),
      // base64 grows bytes by 4/3; one more byte allowed so the service, not the schema, reports "too large".
      data: z.string().max(Math.ceil(((MAX_IMPORT_BYTES + 1) * 4) / 3) + 4),
      ...articleMetaPatch,
    }),
  ),
  'articles.list': call<ArticleMeta[]>()(
    z.strictObject({
      sort: z.enum(articleSorts).optional(),
      outlet: metaText.optional(),
      trash: z.boolean().optional(),
    }),
  ),
  'articles.outlets': call<string[]>()(z.strictObject({})),
  'articles.get': call<Article>()(z.strictObject({ id })),
  'articles.update': call<ArticleMeta>()(z.strictObject({ id, ...articleMetaPatch })),
  /** Moves an article to the trash; `articles.restore` brings it back. */
  'articles.delete': call<ArticleMeta>()(z.strictObject({ id })),
  'articles.restore': call<ArticleMeta>()(z.strictObject({ id })),
  'articles.emptyTrash': call<{ purged: number }>()(z.strictObject({})),

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
}

export type ErrorCode =
  | 'unknown_call'
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'unsupported'
  | 'too_large'
  | 'damaged'
  | 'internal';

export type CallResult<N extends CallName> = { ok: true; value: CallOutput<N> } | { ok: false; error: CallError };
