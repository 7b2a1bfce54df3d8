// Exports come back from the main side as base64; the user gets them as a file (a download in a
// browser, the save dialog in the app).
import type { ExportedDocument, PageSizeName } from '../shared/contract';
import { download } from './download';

const PAGE_SIZE_KEY = 'verbatim.pageSize';

export function pageSize(): PageSizeName {
  return localStorage.getItem(PAGE_SIZE_KEY) === 'Letter' ? 'Letter' : 'A4';
}

export function setPageSize(size: PageSizeName): void {
  localStorage.setItem(PAGE_SIZE_KEY, size);
}

export function saveExport(file: ExportedDocument): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  download(file.filename, new Blob([bytes], { type: file.mimeType }));
}
