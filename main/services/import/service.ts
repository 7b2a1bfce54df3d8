// Import: bytes or pasted text in, one stored article (or a clear reason) out.
import type { Node } from 'prosemirror-model';
import type { ArticleStore } from '../../store/articles';
import type { CallInput } from '../../../shared/contract';
import type { ImportResult, SourceFormat } from '../../../shared/model';
import { MAX_META_CHARS } from '../../../shared/limits';
import { countWords, projectText } from '../../../shared/schema';
import { textHash as hashOf } from '../text-hash';
import { AppError } from '../../errors';
import { IMPORT_LOCK_PATIENCE_MS, retryWhileBusy } from '../../store/write-lock';
import { assertHasText, assertImportable, declaredHtmlCharset, decodeBytes } from './decode';
import { formatOfFile, formatOfPaste } from './format';
import { parseText } from './text';
import { readHtmlInProcess, type HtmlReader } from './html-reader';
import { parseMarkdown } from './markdown';
import { normaliseDate } from './date';
import { clipTitle, titleFromText } from './title';
import type { ParsedArticle } from './parsed';
import { cleanLine, stripControls } from '../control-chars';
import { nameProblem } from '../../../shared/names';

export type ImportInput = CallInput<'articles.import'>;

export const PASTED = 'pasted text';

export class ImportService {
  private readonly readers: Record<SourceFormat, (text: string) => ParsedArticle | Promise<ParsedArticle>>;

  constructor(
    private readonly articles: ArticleStore,
    /** A write transaction (`writeTransaction`): throws `WriteLockBusy` when another process is writing. */
    private readonly transaction: <T>(fn: () => T) => T,
    readHtml: HtmlReader = readHtmlInProcess,
    /** Told of each newly stored article (suggestions are computed for it in the background). */
    private readonly onImported: (id: number) => void = () => {},
  ) {
    this.readers = { txt: parseText, md: parseMarkdown, html: readHtml };
  }

  /** Imports one file or paste. Failures become a `failed` result, so a batch goes on past them. */
  async import(input: ImportInput): Promise<ImportResult> {
    try {
      return await this.importOrThrow(input);
    } catch (err) {
      if (err instanceof AppError) return { file: input.file, status: 'failed', error: err.message };
      throw err;
    }
  }

  private async importOrThrow(input: ImportInput): Promise<ImportResult> {
    const isPaste = input.encoding === 'text';
    const format = input.format ?? (isPaste && input.file === PASTED ? formatOfPaste(input.data) : formatOfFile(input.file));
    let text: string;
    let warnings: string[] = [];
    if (isPaste) {
      const size = Buffer.byteLength(input.data, 'utf8');
      assertImportable(size);
      assertHasText(input.data);
      text = input.data;
    } else {
      const bytes = Buffer.from(input.data, 'base64');
      ({ text, warnings } = decodeBytes(bytes, format === 'html' ? declaredHtmlCharset(bytes) : null));
    }
    text = stripControls(text);

    const parsed = await this.readers[format](text);
    const plain = projectText(parsed.doc);
    assertHasText(plain);
    const textHash = hashOf(plain);

    const fields = {
      title: visibleOrNull(clipTitle(cleanTitle(input.title ?? parsed.title))) ?? visibleOrNull(titleFromText(plain)) ?? 'Untitled article',
      outlet: pick(input.outlet, parsed.outlet),
      author: pick(input.author, parsed.author),
      publishedAt: input.publishedAt !== undefined ? input.publishedAt : normaliseDate(parsed.publishedAt),
      url: cleanUrl(input.url !== undefined ? input.url : parsed.url),
    };

    // Everything slow happens above and here, outside the write lock: only the insert (and the
    // full-text indexing it triggers) runs inside. Another process writing makes this wait its turn
    // here, without reading the file again.
    const row = { ...fields, sourceFormat: format, docJson: JSON.stringify((parsed.doc as Node).toJSON()), text: plain, textHash, wordCount: countWords(plain) };
    const result = await retryWhileBusy(
      () =>
      this.transaction(() => {
        const existing = this.articles.findLiveByHash(textHash);
        if (existing) return { file: input.file, status: 'duplicate' as const, id: existing.id, title: existing.title, warnings };
        const id = this.articles.insert(row);
        return { file: input.file, status: 'imported' as const, id, title: fields.title, ...(warnings.length ? { warnings } : {}) };
      }),
      IMPORT_LOCK_PATIENCE_MS,
    );
    if (result.status === 'imported') this.onImported(result.id);
    return result;
  }
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
