// A PDF's bytes into an article: pdf.js reads the text runs of each page (load.ts); each page is put
// in reading order, columns detected (columns.ts); running headers, footers and page numbers are
// dropped (running-lines.ts); lines become paragraphs and headings, hyphenated words mended
// (paragraphs.ts, hyphenation.ts); title, author and date come from the first page or the
// document's metadata (metadata.ts). A PDF without text is refused, saying whether it is a scan.
import { AppError } from '../../../errors';
import type { ParsedArticle } from '../parsed';
import { pageLines } from './columns';
import { docOf } from './doc';
import { assertLooksLikePdf, documentInfo, hasImages, openPdf, readPage } from './load';
import { collectingWarnings, damageIn } from './warnings';
import { metadataOf } from './metadata';
import { blocksOf } from './paragraphs';
import { dropRunningLines } from './running-lines';
import type { PageLines } from './types';

const NO_PAGES = 'The PDF has no pages, so there is nothing in it to import.';

export function readPdf(bytes: Uint8Array): Promise<ParsedArticle> {
  assertLooksLikePdf(bytes);
  return collectingWarnings((warnings) => read(bytes, warnings));
}

async function read(bytes: Uint8Array, warnings: string[]): Promise<ParsedArticle> {
  const pdf = await openPdf(bytes);
  try {
    if (pdf.numPages === 0) throw new AppError('invalid_input', NO_PAGES);
    const pages: PageLines[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      pages.push(pageLines(await readPage(pdf, n)));
      const damage = damageIn(warnings);
      if (damage) throw new AppError('invalid_input', `The PDF is damaged: page ${n} cannot be read whole (${damage}). Nothing was imported.`);
    }
    const lines = dropRunningLines(pages).flatMap((p) => p.lines);
    if (!lines.some((l) => /[\p{L}\p{N}]/u.test(l.text))) {
      if (await hasImages(pdf)) {
        throw new AppError(
          'unsupported',
          `This PDF has no text layer: its ${pdf.numPages === 1 ? 'page is a picture' : `${pdf.numPages} pages are pictures`}, as in a scan. Run it through text recognition (OCR) and import the result. Nothing was imported.`,
        );
      }
      throw new AppError('invalid_input', 'The PDF has no text to import: its pages are blank or hold only drawings. Nothing was imported.');
    }
    const blocks = blocksOf(lines);
    const meta = metadataOf(blocks, await documentInfo(pdf));
    return { doc: docOf(blocks), title: meta.title, author: meta.author, publishedAt: meta.publishedAt, outlet: null, url: null };
  } finally {
    await pdf.destroy().catch(() => {});
  }
}
