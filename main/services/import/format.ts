import { AppError } from '../../errors';
import type { SourceFormat } from '../../../shared/model';
import { IMPORT_EXTENSIONS } from '../../../shared/limits';

const BY_EXTENSION: Record<string, SourceFormat> = { '.txt': 'txt', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.pdf': 'pdf', '.docx': 'docx' };

/** The format a file is imported as, from its name. */
export function formatOfFile(name: string): SourceFormat {
  const ext = /\.[^./\\]+$/.exec(name.toLowerCase())?.[0] ?? '';
  const format = BY_EXTENSION[ext];
  if (!format) {
    throw new AppError(
      'unsupported',
      `${ext ? `“${ext}” files` : 'Files without an extension'} cannot be imported; Verbatim reads ${IMPORT_EXTENSIONS.join(', ')}.`,
    );
  }
  return format;
}

/** Pasted content is HTML when it carries markup a clipboard would (a tag at the start or block tags). */
export function formatOfPaste(text: string): SourceFormat {
  const t = text.trimStart();
  if (/^<(!doctype|html|head|body|meta|div|p|article|section|h[1-6]|span|table|ul|ol|blockquote)\b/i.test(t)) return 'html';
  return 'txt';
}
