// pdf.js (Mozilla's PDF reader, its legacy build for Node) behind one door: the file is checked
// for what pdf.js forgives (a missing header, a cut-off end), opened, and read page by page into
// plain text runs; each way a file can fail becomes an AppError that says why.
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppError } from '../../../errors';
import type { DocumentInfo } from './metadata';
import type { PageText, TextRun } from './types';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

let pdfjs: Promise<PdfJs> | null = null;
/** Loaded on the first PDF: the CLI's other commands do not pay for it. */
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** pdf.js's data files (CJK character maps, the 14 standard fonts' metrics), read from disk: nothing is fetched. */
function dataDir(name: string): string {
  const pkg = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
  return path.join(path.dirname(pkg), name) + path.sep;
}

export function assertLooksLikePdf(bytes: Uint8Array): void {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) {
    throw new AppError('invalid_input', 'This is not a PDF: it does not begin with the “%PDF-” mark every PDF file has (is it a text or web page renamed .pdf?). Nothing was imported.');
  }
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  if (!tail.includes('%%EOF')) {
    throw new AppError('invalid_input', 'The PDF is cut short: it does not end the way a PDF file ends, so part of it is missing (an unfinished download or copy?). Nothing was imported.');
  }
}

export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    // A copy: pdf.js may take the buffer over.
    data: new Uint8Array(bytes),
    cMapUrl: dataDir('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: dataDir('standard_fonts'),
    // Reading text only: no fonts built, no code generated from the file.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    // Warnings are how pdf.js says a file is damaged (warnings.ts collects them).
    verbosity: 1,
  });
  try {
    return await task.promise;
  } catch (err) {
    await task.destroy().catch(() => {});
    throw openError(err);
  }
}

function openError(err: unknown): AppError {
  const name = (err as { name?: string } | null)?.name;
  const message = (err as Error | null)?.message ?? String(err);
  if (name === 'PasswordException') {
    return new AppError('unsupported', 'The PDF is protected by a password, so its text cannot be read. Open it, save a copy without the password, and import that. Nothing was imported.');
  }
  if (name === 'InvalidPDFException') return new AppError('invalid_input', `The PDF is damaged and cannot be read (${message}). Nothing was imported.`);
  return new AppError('invalid_input', `The PDF could not be opened: ${message}. Nothing was imported.`);
}

/** A page's text runs: horizontal text only (a sideways stamp in the margin is not the article). */
export async function readPage(pdf: PdfDocument, number: number): Promise<PageText> {
  try {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const runs: TextRun[] = [];
    for (const item of content.items) {
      if (!('str' in item) || !item.str) continue;
      const [a, b, c, d, x, y] = item.transform as number[];
      if (Math.abs(b!) > 0.01 * Math.abs(a!) || Math.abs(c!) > 0.01 * Math.abs(d!) || a! <= 0) continue;
      runs.push({ text: item.str, x: x!, y: y!, width: item.width, size: Math.hypot(c!, d!) });
    }
    const [x0, y0, x1, y1] = page.view as number[];
    page.cleanup();
    return { number, box: [Math.min(x0!, x1!), Math.min(y0!, y1!), Math.max(x0!, x1!), Math.max(y0!, y1!)], runs };
  } catch (err) {
    throw new AppError('invalid_input', `The PDF is damaged: page ${number} cannot be read (${(err as Error)?.message ?? err}). Nothing was imported.`);
  }
}

/** Whether any page paints a picture: a PDF of pictures and no text is a scan. */
export async function hasImages(pdf: PdfDocument): Promise<boolean> {
  const { OPS } = await loadPdfJs();
  const painting = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat, OPS.paintInlineImageXObjectGroup]);
  for (let n = 1; n <= pdf.numPages; n++) {
    try {
      const page = await pdf.getPage(n);
      const ops = await page.getOperatorList();
      page.cleanup();
      if (ops.fnArray.some((f) => painting.has(f))) return true;
    } catch {
      // A page that cannot be drawn says nothing either way.
    }
  }
  return false;
}

export async function documentInfo(pdf: PdfDocument): Promise<DocumentInfo> {
  try {
    const { info, metadata } = await pdf.getMetadata();
    const i = info as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);
    const xmp = (key: string) => {
      const v: unknown = metadata?.get(key);
      return Array.isArray(v) ? str(v.join(', ')) : str(v);
    };
    // The Info dictionary first: tools that change a PDF's metadata (qpdf, pdf-lib) often leave a stale XMP packet behind.
    return {
      title: str(i.Title) ?? xmp('dc:title'),
      author: str(i.Author) ?? xmp('dc:creator'),
      created: str(i.CreationDate) ?? xmp('xmp:createdate'),
    };
  } catch {
    return { title: null, author: null, created: null };
  }
}
