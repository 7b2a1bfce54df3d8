// Chromium writes the PDF's Title (from <title>) but no Author or Subject. pdf-lib rewrites the
// document information (and asks viewers to show the title, not the file name) without touching
// pages, links, the outline or the structure tree of a tagged PDF.
import type { PDFDocument } from 'pdf-lib';
import { AppError } from '../../errors';

export interface PdfMetadata {
  title: string;
  author?: string | null;
  subject?: string | null;
  keywords?: string[];
}

const ascii = (bytes: Uint8Array) => String.fromCharCode(...bytes);

/** True when `bytes` starts like a PDF and ends with its end-of-file marker (a truncated print does not). */
export function isCompletePdf(bytes: Uint8Array): boolean {
  if (bytes.length < 16 || ascii(bytes.subarray(0, 5)) !== '%PDF-') return false;
  return /%%EOF\s*$/.test(ascii(bytes.subarray(Math.max(0, bytes.length - 32))));
}

export async function setPdfMetadata(bytes: Uint8Array, meta: PdfMetadata, now: Date = new Date()): Promise<Uint8Array> {
  if (!isCompletePdf(bytes)) throw new AppError('internal', 'The printer returned an incomplete PDF; nothing was saved.');
  // Loaded when first needed, so commands that never print do not pay for it.
  const { PDFDocument: Pdf } = await import('pdf-lib');
  let pdf: PDFDocument;
  try {
    pdf = await Pdf.load(bytes, { updateMetadata: false });
  } catch (err) {
    throw new AppError('internal', `The printer returned a PDF that cannot be read (${(err as Error).message}); nothing was saved.`);
  }
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author?.trim()) pdf.setAuthor(meta.author.trim());
  if (meta.subject?.trim()) pdf.setSubject(meta.subject.trim());
  if (meta.keywords?.length) pdf.setKeywords(meta.keywords);
  pdf.setCreator('Verbatim');
  pdf.setModificationDate(now);
  const out = await pdf.save({ addDefaultPage: false, updateFieldAppearances: false });
  if (!isCompletePdf(out)) throw new AppError('internal', 'Writing the PDF’s metadata failed; nothing was saved.');
  return out;
}
