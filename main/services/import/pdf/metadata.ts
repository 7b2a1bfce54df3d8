// Title, author and date: what the first page shows, else what the document's metadata says (the
// Info dictionary or its XMP packet). The first page wins because it is what the reader sees;
// metadata is often a producer's leftover ("Microsoft Word - draft3.docx", "untitled").
import type { Block } from './types';

export interface DocumentInfo {
  title: string | null;
  author: string | null;
  /** As written: a PDF date ("D:20240303…") or an XMP one ("2024-03-03T…"). */
  created: string | null;
}

export interface PdfMeta {
  title: string | null;
  author: string | null;
  publishedAt: string | null;
}

/** How far into the first page a byline or a date is looked for. */
const FRONT_BLOCKS = 8;
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE = new RegExp(`^(?:(?:published|dated?|updated|issued|released)\\s*:?\\s*)?(${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})\\.?$`, 'i');
const BYLINE = /^(?:by|written by|author(?:s)?\s*:)\s+(.{2,150})$/i;
/** Pieces of a front line: "By Jane Analyst · March 3, 2024". */
const SEPARATORS = /\s+[·•|—–]\s+/;
const JUNK_TITLE = /^(?:untitled|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|pptx?|pdf|indd|tex|dvi|rtf|odt))$/i;

export function metadataOf(blocks: readonly Block[], info: DocumentInfo): PdfMeta {
  const front = blocks.filter((b) => b.page === 1).slice(0, FRONT_BLOCKS);
  // The largest heading at the head of the first page (a kicker above it is smaller).
  const headings = front.filter((b) => b.kind === 'heading');
  const largest = headings.reduce<(typeof headings)[number] | null>((best, h) => (!best || h.size > best.size ? h : best), null);
  const title = largest?.text ?? usable(info.title);
  let author: string | null = null;
  let date: string | null = null;
  for (const b of front) {
    if (b.kind !== 'paragraph') continue;
    for (const piece of b.text.split(SEPARATORS)) {
      const by = BYLINE.exec(piece.trim());
      if (by && !author) author = by[1]!.trim();
      const d = DATE.exec(piece.trim());
      if (d && !date) date = d[1]!;
    }
  }
  return { title, author: author ?? usable(info.author), publishedAt: date ?? dayOf(info.created) };
}

function usable(v: string | null): string | null {
  const t = v?.replace(/\s+/g, ' ').trim();
  return t && !JUNK_TITLE.test(t) ? t : null;
}

/** The calendar day a PDF or XMP date was written on, as YYYY-MM-DD (its time zone is not applied: the day as written). */
export function dayOf(value: string | null): string | null {
  const m = value ? /^(?:D:)?(\d{4})-?(\d{2})-?(\d{2})/.exec(value.trim()) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
