// UTF-32 text: four bytes a character, so plain Latin text is three NULs for every letter. Browsers'
// TextDecoder does not read it; without this, its BOM was taken for UTF-16's (FF FE) and the text
// imported with a NUL between every character, and without a BOM it was refused as binary.

export interface Utf32 {
  littleEndian: boolean;
  /** Bytes to skip: the BOM's four, or none. */
  offset: number;
}

/** By BOM, or without one by the NUL pattern: nearly every 4-byte unit of the first 64 KB a code point with zero high bytes. */
export function sniffUtf32(bytes: Uint8Array): Utf32 | null {
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) return { littleEndian: true, offset: 4 };
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return { littleEndian: false, offset: 4 };
  if (bytes.length < 8 || bytes.length % 4 !== 0) return null;
  const units = Math.min(bytes.length, 65536) / 4;
  let le = 0;
  let be = 0;
  for (let i = 0; i < units; i++) {
    const [a, b, c, d] = [bytes[i * 4]!, bytes[i * 4 + 1]!, bytes[i * 4 + 2]!, bytes[i * 4 + 3]!];
    // A code point below U+110000: the top byte is zero and the next at most 0x10; the low byte is set.
    if (d === 0 && c <= 0x10 && (a !== 0 || b !== 0)) le++;
    if (a === 0 && b <= 0x10 && (d !== 0 || c !== 0)) be++;
  }
  if (le >= units * 0.95) return { littleEndian: true, offset: 0 };
  if (be >= units * 0.95) return { littleEndian: false, offset: 0 };
  return null;
}

/** Decodes; a unit that is no Unicode scalar value (past U+10FFFF, or a surrogate) becomes U+FFFD. */
export function decodeUtf32(bytes: Uint8Array, { littleEndian, offset }: Utf32): { text: string; invalid: number; trailing: boolean } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = offset + Math.floor((bytes.length - offset) / 4) * 4;
  const parts: string[] = [];
  let chunk: number[] = [];
  let invalid = 0;
  for (let i = offset; i < end; i += 4) {
    let cp = view.getUint32(i, littleEndian);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      cp = 0xfffd;
      invalid++;
    }
    chunk.push(cp);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return { text: parts.join(''), invalid, trailing: end !== bytes.length };
}
