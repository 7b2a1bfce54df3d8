// Nexis Uni / LexisNexis exports (Word, or the same layout saved otherwise): articles one after
// another, each ending with a line "End of Document". An article is laid out as
//   Headline / Outlet / date line ("March 3, 2024 Sunday") / Copyright … /
//   Section: … / Length: 812 words / Byline: … / Dateline: … /
//   Body / the text … / Classification, Load-Date: …, Language: … / End of Document
// and a download may open with a cover page (user, job number, the list of documents).
import type { Block } from './blocks';
import { exportArticle } from './article';
import { exportDate } from './dates';
import type { ExportEntry, ParsedExport } from '../parsed';

const END = /^End of Document$/i;
const BODY = /^Body$/i;
/** Fields of the header, before "Body". */
const HEADER_FIELD = /^(Section|Length|Byline|Dateline|Highlight|Edition|Series|Pg\.?|Type|Source|Document-Type|Publication-Type|Journal-Code|Acc-No|Load-Date|Language):/i;
/** Lines of the header that are neither headline, outlet nor date. */
const HEADER_NOISE = /^(Copyright\b|©|\(c\)\s|User Name:|Date and Time:|Job Number:|Client\/Matter:|Search Terms?:|Search Type:|Narrowed by:|Content Type:|Documents? \(\d+\)$|Results? list|Source Information)/i;
/** Where the body ends: the trailer Nexis adds after the text. */
const TRAILER = /^(Classification$|Load-Date:|Language:|Graphic:|Notes:|Publication-Type:|Journal-Code:|Subject:|Geographic:|Industry:|Person:|Organization:|Company:|Ticker:|Document-Type:|Correction-Date:|Correction:|Entity-Code:)/i;

export const NEXIS = 'Nexis export';

/** Whether the blocks are laid out as a Nexis export: an "End of Document" line, a "Body" line and a header field. */
export function looksLikeNexis(blocks: readonly Block[]): boolean {
  let end = false;
  let body = false;
  let field = false;
  for (const b of blocks) {
    end ||= END.test(b.text);
    body ||= BODY.test(b.text);
    field ||= /^(Length|Byline|Section|Load-Date):/i.test(b.text);
    if (end && body && field) return true;
  }
  return false;
}

export function splitNexis(blocks: readonly Block[]): ParsedExport {
  const chunks: Block[][] = [[]];
  for (const b of blocks) {
    if (END.test(b.text)) chunks.push([]);
    else chunks.at(-1)!.push(b);
  }
  // What follows the last "End of Document" is an article only if it has the layout's fields;
  // otherwise it is the download's trailing matter.
  const last = chunks.at(-1)!;
  if (!last.some((b) => BODY.test(b.text) || HEADER_FIELD.test(b.text))) chunks.pop();
  return { source: NEXIS, entries: chunks.map(readArticle) };
}

function readArticle(chunk: readonly Block[]): ExportEntry {
  const bodyAt = chunk.findIndex((b) => BODY.test(b.text));
  const header = bodyAt < 0 ? chunk.filter((b) => !TRAILER.test(b.text)) : chunk.slice(0, bodyAt);
  const fields = new Map<string, string>();
  const lines: string[] = [];
  for (const b of header) {
    const field = HEADER_FIELD.exec(b.text);
    if (field) fields.set(field[1]!.toLowerCase(), b.text.slice(field[0].length).trim());
    else if (!HEADER_NOISE.test(b.text)) lines.push(b.text);
    // Fields close the headline block: a line after them is a dateline or a note, not a headline.
    if (field && bodyAt < 0) break;
  }
  const { headline, outlet, date } = headlineOutletDate(bodyAt < 0 ? lines.slice(0, 3) : lines);
  const author = fields.get('byline')?.replace(/^By\s+/i, '') || null;
  const fieldsRead = { headline, outlet, author, publishedAt: date, url: null };
  if (bodyAt < 0) return { ok: false, title: headline, reason: 'no body found (no “Body” line)' };
  const after = chunk.slice(bodyAt + 1);
  const end = after.findIndex((b) => TRAILER.test(b.text));
  return exportArticle(fieldsRead, (end < 0 ? after : after.slice(0, end)).map((b) => b.el));
}

/**
 * The header's lines end "headline, outlet, date": the date line is found by reading it, and the
 * two lines before it are the outlet and the headline (anything earlier is a cover page).
 */
function headlineOutletDate(lines: readonly string[]): { headline: string | null; outlet: string | null; date: string | null } {
  for (let i = lines.length - 1; i >= 0; i--) {
    const date = exportDate(lines[i]);
    if (!date) continue;
    if (i >= 2) return { headline: lines[i - 2]!, outlet: lines[i - 1]!, date };
    if (i === 1) return { headline: lines[0]!, outlet: null, date };
    return { headline: null, outlet: null, date };
  }
  if (lines.length >= 2) return { headline: lines.at(-2)!, outlet: lines.at(-1)!, date: null };
  return { headline: lines[0] ?? null, outlet: null, date: null };
}
