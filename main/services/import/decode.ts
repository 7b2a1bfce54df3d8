// Turning a file's bytes into text, or into a clear reason why not. The raw bytes are never stored.
import { AppError } from '../../errors';
import { MAX_IMPORT_BYTES, formatBytes } from '../../../shared/limits';
import { canonicalLabel, decodeLossy, decodeStrict, guessLegacyEncoding } from './charset';
import { decodeUtf32, sniffUtf32, type Utf32 } from './utf32';

export interface Decoded {
  text: string;
  warnings: string[];
}

/** Checks size, emptiness and binary content; then decodes by BOM, declared charset, UTF-8, or the likeliest legacy encoding. */
export function decodeBytes(bytes: Uint8Array, declaredCharset?: string | null): Decoded {
  assertImportable(bytes.length);
  // Before the binary check: UTF-32 is mostly NUL bytes.
  const utf32 = sniffUtf32(bytes);
  if (utf32) return decodedUtf32(bytes, utf32);
  if (looksBinary(bytes)) {
    throw new AppError('unsupported', 'This looks like a binary file, not text or HTML; nothing was imported.');
  }
  const warnings: string[] = [];
  const { encoding, offset, bom } = sniffEncoding(bytes, declaredCharset);
  const body = bytes.subarray(offset);
  let text = decodeStrict(body, encoding);
  if (text === null) {
    const lossy = decodeLossy(body, encoding);
    // Pages often declare UTF-8 and are not: only a BOM is taken at its word.
    if (encoding !== 'utf-8' || bom || looksLikeDamagedUtf8(lossy)) {
      text = lossy;
      warnings.push(`The file is not valid ${encodingName(encoding)}; unreadable bytes were replaced with “\uFFFD”.`);
    } else {
      // Not UTF-8 at all: a legacy encoding, most often Windows-1252.
      const guess = guessLegacyEncoding(body);
      text = decodeLossy(body, guess.encoding);
      if (!guess.sure) {
        warnings.push(`The file is not UTF-8; it was read as ${encodingName(guess.encoding)}, the likeliest match. Check its accented letters and quotation marks.`);
      }
    }
  }
  assertHasText(text);
  return { text, warnings };
}

/**
 * UTF-8 with a few broken bytes (a truncated download, a bad copy) still has many well-formed
 * multi-byte characters; a legacy 8-bit file has next to none, since its accented letters are
 * single bytes that UTF-8 cannot read.
 */
function looksLikeDamagedUtf8(decoded: string): boolean {
  let replaced = 0;
  let wellFormed = 0;
  for (const ch of decoded) {
    if (ch === '\uFFFD') replaced++;
    else if (ch.codePointAt(0)! > 0x7f) wellFormed++;
  }
  // Legacy bytes form a valid UTF-8 pair only by rare accident ("Ü" then "“"); a real share of
  // well-formed characters means UTF-8.
  return wellFormed > 0 && wellFormed * 4 >= replaced;
}

/** "windows-1252" → "Windows-1252", "iso-8859-2" → "ISO-8859-2", "euc-kr" → "EUC-KR". */
function encodingName(label: string): string {
  return label.startsWith('windows-') ? `Windows-${label.slice(8)}` : label.toUpperCase();
}

function decodedUtf32(bytes: Uint8Array, utf32: Utf32): Decoded {
  const { text, invalid, trailing } = decodeUtf32(bytes, utf32);
  const warnings: string[] = [];
  if (invalid || trailing) warnings.push(`The file is not valid UTF-32; ${invalid + (trailing ? 1 : 0)} unreadable characters were replaced with “\uFFFD” or dropped.`);
  assertHasText(text);
  return { text, warnings };
}

/** `limit`: the format's own (a PDF's is larger: shared/limits.ts). */
export function assertImportable(size: number, limit: number = MAX_IMPORT_BYTES): void {
  if (size > limit) {
    throw new AppError('too_large', `The file is ${formatBytes(size)}; the most Verbatim imports is ${formatBytes(limit)}.`);
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

/** The encoding a BOM or a declaration names, or UTF-8 to be tried first. */
function sniffEncoding(bytes: Uint8Array, declared?: string | null): { encoding: string; offset: number; bom: boolean } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', offset: 3, bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', offset: 2, bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', offset: 2, bom: true };
  // An unknown label falls through to UTF-8 and detection.
  const label = declared ? canonicalLabel(declared) : null;
  if (label) return { encoding: label, offset: 0, bom: false };
  return { encoding: 'utf-8', offset: 0, bom: false };
}

/** `<meta charset>` or the http-equiv form, looked for in the first 2 KB as browsers do. */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1]! : null;
}
