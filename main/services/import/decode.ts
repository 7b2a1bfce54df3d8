// Turning a file's bytes into text, or into a clear reason why not. The raw bytes are never stored.
import { AppError } from '../../errors';
import { MAX_IMPORT_BYTES, formatBytes } from '../../../shared/limits';
import { decodeUtf32, sniffUtf32, type Utf32 } from './utf32';

export interface Decoded {
  text: string;
  warnings: string[];
}

/** Checks size, emptiness and binary content; then decodes by BOM, declared charset, or UTF-8. */
export function decodeBytes(bytes: Uint8Array, declaredCharset?: string | null): Decoded {
  assertImportable(bytes.length);
  // Before the binary check: UTF-32 is mostly NUL bytes.
  const utf32 = sniffUtf32(bytes);
  if (utf32) return decodedUtf32(bytes, utf32);
  if (looksBinary(bytes)) {
    throw new AppError('unsupported', 'This looks like a binary file, not text or HTML; nothing was imported.');
  }
  const warnings: string[] = [];
  const { encoding, offset } = sniffEncoding(bytes, declaredCharset);
  const body = bytes.subarray(offset);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    text = new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(body);
    warnings.push(`The file is not valid ${encoding.toUpperCase()}; unreadable bytes were replaced with “\uFFFD”.`);
  }
  assertHasText(text);
  return { text, warnings };
}

function decodedUtf32(bytes: Uint8Array, utf32: Utf32): Decoded {
  const { text, invalid, trailing } = decodeUtf32(bytes, utf32);
  const warnings: string[] = [];
  if (invalid || trailing) warnings.push(`The file is not valid UTF-32; ${invalid + (trailing ? 1 : 0)} unreadable characters were replaced with “\uFFFD” or dropped.`);
  assertHasText(text);
  return { text, warnings };
}

export function assertImportable(size: number): void {
  if (size > MAX_IMPORT_BYTES) {
    throw new AppError('too_large', `The file is ${formatBytes(size)}; the most Verbatim imports is ${formatBytes(MAX_IMPORT_BYTES)}.`);
  }
  if (size === 0) throw new AppError('invalid_input', 'The file is empty.');
}

export function assertHasText(text: string): void {
  if (!/[\p{L}\p{N}]/u.test(text)) throw new AppError('invalid_input', 'There is no text in it to import.');
}

/** NUL bytes, or many control characters, in the first 64 KB: what `file` and git call binary. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 65536);
  // UTF-16 text is full of NULs; let its BOM speak for it.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return control / Math.max(1, head.length) > 0.05;
}

function sniffEncoding(bytes: Uint8Array, declared?: string | null): { encoding: string; offset: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', offset: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', offset: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', offset: 2 };
  if (declared) {
    try {
      return { encoding: new TextDecoder(declared.trim().toLowerCase()).encoding, offset: 0 };
    } catch {
      // An unknown label: fall through to UTF-8, which the fatal decode will vouch for.
    }
  }
  return { encoding: 'utf-8', offset: 0 };
}

/** `<meta charset>` or the http-equiv form, looked for in the first 2 KB as browsers do. */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1]! : null;
}
