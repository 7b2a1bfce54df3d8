// Legacy encodings: recognising which one a file that is not UTF-8 was written in, and decoding it.
// Most such files in a newsroom are Windows-1252 or Latin-1 (Notepad, Word's plain text, old CMS
// exports); others are EUC-KR, Shift_JIS, GB18030... chardet (a port of ICU's detector) weighs the
// byte patterns, and its best guess that decodes cleanly wins. iconv-lite decodes them: Node 20's
// TextDecoder reads "windows-1252" as Latin-1, so “smart quotes” (0x93, 0x94) and € (0x80) came
// out as invisible control characters.
import { analyse } from 'chardet';
import iconv from 'iconv-lite';

export interface Guess {
  encoding: string;
  /** False when the detector was not confident: the caller warns the analyst to check the text. */
  sure: boolean;
}

/** chardet's confidence (0–100) from which its guess is taken without a warning. */
const SURE = 50;
/** What detection looks at: enough for a confident answer, cheap on a 10 MB file. */
const SAMPLE = 64 * 1024;

export function guessLegacyEncoding(bytes: Uint8Array): Guess {
  const best = analyse(bytes.subarray(0, SAMPLE))
    .map((m) => ({ encoding: canonicalLabel(m.name), confidence: m.confidence }))
    .find((m) => m.encoding && m.encoding !== 'utf-8' && decodeStrict(bytes, m.encoding) !== null);
  if (best && best.confidence >= SURE) return { encoding: best.encoding!, sure: true };
  // In doubt (a few bytes say too little), the commonest legacy encoding is the better bet when it
  // reads the bytes at all; the caller warns either way.
  if (!best || decodeStrict(bytes, 'windows-1252') !== null) return { encoding: 'windows-1252', sure: false };
  return { encoding: best.encoding!, sure: false };
}

/** The WHATWG name for a charset label ("latin1" → "windows-1252"), or null when unknown. */
export function canonicalLabel(label: string): string | null {
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return null; // an encoding the platform cannot decode (UTF-32, ISO-2022-CN...)
  }
}

/** The text, or null when the bytes are not valid in that encoding. */
export function decodeStrict(bytes: Uint8Array, encoding: string): string | null {
  if (useIconv(encoding)) {
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: false });
    return text.includes('\uFFFD') ? null : text;
  }
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The text, with “\uFFFD” where a byte could not be read. */
export function decodeLossy(bytes: Uint8Array, encoding: string): string {
  if (useIconv(encoding)) return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: false });
  return new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(bytes);
}

/** TextDecoder is right for the Unicode encodings; iconv-lite for every legacy one it knows. */
function useIconv(encoding: string): boolean {
  return !/^utf-/.test(encoding) && iconv.encodingExists(encoding);
}
