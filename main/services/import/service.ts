// Import: bytes or pasted text in, one stored article (or a clear reason) out.
import type { Node } from 'prosemirror-model';
import type { ArticleStore } from '../../store/articles';
import type { CallInput } from '../../../shared/contract';
import type { ImportPreview, ImportResult, SourceFormat } from '../../../shared/model';
import { MAX_META_CHARS, maxImportBytes } from '../../../shared/limits';
import { countWords, projectText } from '../../../shared/schema';
import { packDoc } from '../../../shared/schema/packed-doc';
import { textHash as hashOf } from '../text-hash';
import { AppError } from '../../errors';
import { IMPORT_LOCK_PATIENCE_MS, retryWhileBusy, type Transaction } from '../../store/write-lock';
import { assertHasText, assertImportable, declaredHtmlCharset, decodeBytes } from './decode';
import { formatOfFile, formatOfPaste } from './format';
import { parseText } from './text';
import { readHtmlInProcess, type HtmlReader } from './html-reader';
import { readPdfInProcess, type PdfReader } from './pdf-reader';
import { parseMarkdown } from './markdown';
import { dateWarning, readDate } from './date';
import { clipTitle, titleFromText } from './title';
import { isExport, type ParsedArticle, type ParsedExport } from './parsed';
import { readDocx } from './docx';
import { readHtmlOrExport } from './batch/html';
import { exportSummary } from './export-result';
import type { Prepared, PreparedExport } from './prepared';
import { cleanLine, stripControls } from '../control-chars';
import { nameProblem } from '../../../shared/names';

export type ImportInput = CallInput<'articles.import'>;

export const PASTED = 'pasted text';

/**
 * How one format is read: from decoded text (txt, md, html: the charset is found first), or from the
 * file's bytes (binary formats, which carry their own encodings).
 */
export type FormatReader =
  | { text: (text: string) => Parsed | Promise<Parsed> }
  | { bytes: (bytes: Buffer) => Promise<Parsed> };

/** One article, or a news-database export's many (batch/). */
type Parsed = ParsedArticle | ParsedExport;

export class ImportService {
  private readonly readers: Partial<Record<SourceFormat, FormatReader>>;

  constructor(
    private readonly articles: ArticleStore,
    /** Throws `WriteLockBusy` when another process is writing. */
    private readonly transaction: Transaction,
    readHtml: HtmlReader = readHtmlInProcess,
    /** Told of each newly stored article (suggestions are computed for it in the background). */
    private readonly onImported: (id: number) => void = () => {},
    readPdf: PdfReader = readPdfInProcess,
  ) {
    this.readers = { txt: { text: parseText }, md: { text: parseMarkdown }, html: { text: readHtmlOrExport(readHtml) }, pdf: { bytes: readPdf }, docx: { bytes: readDocx } };
  }

  /** Imports one file or paste. Failures become a `failed` result, so a batch goes on past them. */
  async import(input: ImportInput): Promise<ImportResult> {
    return (await this.importBatch([input]))[0]!;
  }

  /**
   * How many articles a file holds and their titles, read exactly as `import` would read them but
   * not stored: the import dialog shows "Nexis export: 48 articles" before the analyst confirms.
   */
  async inspect(input: ImportInput): Promise<ImportPreview> {
    const p = await this.prepareOrFail(input);
    if ('status' in p) return { file: input.file, source: null, articles: 0, titles: [], problems: [], error: p.error ?? 'It could not be read.' };
    if (!('entries' in p)) return { file: input.file, source: null, articles: 1, titles: [p.row.title], problems: [] };
    const ready = p.entries.filter((e): e is Prepared => !('status' in e));
    return {
      file: input.file,
      source: p.source,
      articles: ready.length,
      titles: ready.map((e) => e.row.title),
      problems: p.entries.flatMap((e, i) => ('status' in e ? [`article ${i + 1}: ${e.error}`] : [])),
    };
  }

  /**
   * Imports many files in one write transaction (issue 12: a commit, and its fsync, per batch rather
   * than per article). Every file is read and parsed first, so one that fails is its own result
   * and never reaches the transaction; if the transaction itself fails, each article is written
   * again alone, so one bad row cannot take the others down. Either way each article is stored
   * whole or not at all, as with `import`.
   */
  async importBatch(inputs: readonly ImportInput[]): Promise<ImportResult[]> {
    const prepared: (Prepared | PreparedExport | ImportResult)[] = [];
    for (const input of inputs) prepared.push(await this.prepareOrFail(input));
    // An export's articles join the same transaction as the other files' articles, each still its
    // own row (stored whole or not at all); its result is put together again afterwards.
    const ready = prepared.flatMap((p) => ('status' in p ? [] : 'entries' in p ? p.entries.filter((e): e is Prepared => !('status' in e)) : [p]));
    let stored: ImportResult[];
    try {
      stored = await retryWhileBusy(() => this.transaction(() => ready.map((p) => this.store(p))), IMPORT_LOCK_PATIENCE_MS);
    } catch (err) {
      if (!isRowError(err) || ready.length < 2) throw err;
      stored = [];
      for (const p of ready) stored.push(await this.storeAlone(p));
    }
    const take = () => stored.shift()!;
    const results = prepared.map((p) => ('status' in p ? p : 'entries' in p ? exportSummary(p, p.entries.map((e) => ('status' in e ? e : take()))) : take()));
    for (const r of results) for (const a of r.articles ?? [r]) if (a.status === 'imported') this.onImported(a.id!);
    return results;
  }

  /** One article written in its own transaction, its failure its own result (the batch's fallback). */
  private async storeAlone(p: Prepared): Promise<ImportResult> {
    try {
      return await retryWhileBusy(() => this.transaction(() => this.store(p)), IMPORT_LOCK_PATIENCE_MS);
    } catch (err) {
      if (!isRowError(err)) throw err;
      return { file: p.file, status: 'failed', error: `It could not be stored: ${(err as Error).message}` };
    }
  }

  /** Inside a write transaction: the article, unless the same text is already in the library. */
  private store(p: Prepared): ImportResult & { id: number } {
    const existing = this.articles.findLiveByHash(p.row.textHash);
    if (existing) return { file: p.file, status: 'duplicate', id: existing.id, title: existing.title, warnings: p.warnings };
    const id = this.articles.insert(p.row);
    return { file: p.file, status: 'imported', id, title: p.row.title, ...(p.warnings.length ? { warnings: p.warnings } : {}) };
  }

  private async prepareOrFail(input: ImportInput): Promise<Prepared | PreparedExport | ImportResult> {
    try {
      return await this.prepare(input);
    } catch (err) {
      if (err instanceof AppError) return { file: input.file, status: 'failed', error: err.message };
      throw err;
    }
  }

  /** Everything slow, outside the write lock: decoding, parsing, the projection, its hash. */
  private async prepare(input: ImportInput): Promise<Prepared | PreparedExport> {
    const isPaste = input.encoding === 'text';
    const format = input.format ?? (isPaste && input.file === PASTED ? formatOfPaste(input.data) : formatOfFile(input.file));
    const reader = this.readers[format];
    if (!reader) throw new AppError('unsupported', `Verbatim cannot read ${format} files yet.`);
    let parsed: Parsed;
    let warnings: string[] = [];
    if ('bytes' in reader) {
      if (isPaste) throw new AppError('unsupported', `A ${format} file is imported as a file, not pasted.`);
      const bytes = Buffer.from(input.data, 'base64');
      assertImportable(bytes.length, maxImportBytes(format));
      parsed = await reader.bytes(bytes);
    } else {
      let text: string;
      if (isPaste) {
        const size = Buffer.byteLength(input.data, 'utf8');
        assertImportable(size);
        assertHasText(input.data);
        text = input.data;
      } else {
        const bytes = Buffer.from(input.data, 'base64');
        ({ text, warnings } = decodeBytes(bytes, format === 'html' ? declaredHtmlCharset(bytes) : null));
      }
      parsed = await reader.text(stripControls(text));
    }
    if (isExport(parsed)) return this.prepareExport(input, format, parsed, warnings);
    return this.prepareArticle(input, format, parsed, warnings);
  }

  /**
   * Each article of an export, prepared alone: one that cannot be read, or holds no text, is its
   * own failed entry and the rest go on. The analyst's title would be wrong on every article, so
   * only the other fields they typed apply.
   */
  private prepareExport(input: ImportInput, format: SourceFormat, parsed: ParsedExport, warnings: string[]): PreparedExport {
    const { title: _title, ...meta } = input;
    const entries = parsed.entries.map((e, i): Prepared | ImportResult => {
      const file = `${input.file} › article ${i + 1}`;
      if (!e.ok) return { file, status: 'failed', ...(e.title ? { title: e.title } : {}), error: e.reason };
      try {
        return this.prepareArticle({ ...meta, file }, format, e.article, []);
      } catch (err) {
        if (err instanceof AppError) return { file, status: 'failed', ...(e.article.title ? { title: e.article.title } : {}), error: err.message };
        throw err;
      }
    });
    return { file: input.file, source: parsed.source, entries, warnings };
  }

  /** The row for one article: the projection, its hash, the metadata (the analyst's values first). */
  private prepareArticle(input: Omit<ImportInput, 'encoding' | 'data'>, format: SourceFormat, parsed: ParsedArticle, warnings: string[]): Prepared {
    const plain = projectText(parsed.doc);
    assertHasText(plain);
    const textHash = hashOf(plain);

    // A date the user gave wins; otherwise the source's, read as one day or kept as written (./date.ts).
    const date = input.publishedAt !== undefined ? null : readDate(parsed.publishedAt === null ? null : cleanLine(parsed.publishedAt));
    const dateProblem = date && dateWarning(date);
    warnings = [...warnings, ...(parsed.warnings ?? []), ...(dateProblem ? [dateProblem] : [])];
    const fields = {
      title: visibleOrNull(clipTitle(cleanTitle(input.title ?? parsed.title))) ?? visibleOrNull(titleFromText(plain)) ?? 'Untitled article',
      outlet: pick(input.outlet, parsed.outlet),
      author: pick(input.author, parsed.author),
      publishedAt: date ? (date.kind === 'day' ? date.date : null) : (input.publishedAt ?? null),
      publishedAsWritten: date && (date.kind === 'ambiguous' || date.kind === 'unreadable') ? clip(date.text) : null,
      url: cleanUrl(input.url !== undefined ? input.url : parsed.url),
    };

    // Only the insert (and the full-text indexing it triggers) runs inside the write lock. Another
    // process writing makes the caller wait its turn there, without reading the file again.
    const doc = parsed.doc as Node;
    const row = { ...fields, sourceFormat: format, docJson: JSON.stringify(doc.toJSON()), structureJson: JSON.stringify(packDoc(doc)), text: plain, textHash, wordCount: countWords(plain) };
    return { file: input.file, row, warnings };
  }
}

/**
 * A failure of one row (a constraint, a value SQLite refuses), as opposed to the library's (busy,
 * full disk, read-only, damaged): only the first kind is worth retrying article by article.
 */
function isRowError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CONSTRAINT|TOOBIG|MISMATCH|RANGE|ERROR)/.test(code);
}


function clip(v: string | null | undefined): string | null {
  const t = v == null ? null : cleanLine(v);
  return t ? t.slice(0, MAX_META_CHARS) : null;
}

/** Control characters out (terminal escapes), then the title rules (clipTitle). */
function cleanTitle(v: string | null | undefined): string | null {
  return v == null ? null : cleanLine(v);
}

/** A page's own title that shows nothing (only zero-width spaces, say) is replaced, not refused. */
function visibleOrNull(title: string | null): string | null {
  return title !== null && nameProblem(title) === null ? title : null;
}

/** A URL is never cut short (it would point elsewhere), only rid of control characters. */
function cleanUrl(v: string | null): string | null {
  return v === null ? null : cleanLine(v) || null;
}

/** The user's value wins when given (null clears); otherwise what the source carried. */
function pick(user: string | null | undefined, parsed: string | null): string | null {
  return user !== undefined ? clip(user) : clip(parsed);
}
