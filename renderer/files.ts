// Reading files the analyst picked or dropped, as base64 for the contract.
import { formatBytes, maxImportBytes } from '../shared/limits';

export function tooLarge(file: File): string | null {
  const limit = maxImportBytes(file.name);
  return file.size > limit ? `The file is ${formatBytes(file.size)}; the most Verbatim imports is ${formatBytes(limit)}.` : null;
}

export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // String.fromCharCode with spread overflows the stack on large arrays; go in chunks.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
