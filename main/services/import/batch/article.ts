// One article of an export, from the fields the splitter found and the elements of its body, to the
// ParsedArticle every reader hands the import service: the body through the article schema's
// parser, the same sanitiser as a saved web page.
import { parser, withoutEmptyBlocks } from '../html';
import { rowText, tablesAsText } from '../tables';
import type { ExportEntry } from '../parsed';

export interface ExportFields {
  headline: string | null;
  outlet: string | null;
  author: string | null;
  /** YYYY-MM-DD, already read from the export's date line. */
  publishedAt: string | null;
  url: string | null;
}

/** An entry for the import: the article, or why it cannot be one ("no body found"). */
export function exportArticle(fields: ExportFields, body: readonly Element[]): ExportEntry {
  if (!fields.headline) return { ok: false, title: null, reason: 'no headline found' };
  if (!body.length) return { ok: false, title: fields.headline, reason: 'no body found' };
  const doc = body[0]!.ownerDocument;
  const holder = doc.createElement('div');
  for (const el of body) {
    // A row of a table the body held: its words, as the table would have become (tables.ts).
    if (el.tagName.toUpperCase() === 'TR') {
      const p = doc.createElement('p');
      p.textContent = rowText(el);
      holder.append(p);
    } else holder.append(el.cloneNode(true));
  }
  tablesAsText(holder);
  const parsed = parser.parse(holder);
  const kept = withoutEmptyBlocks(parsed);
  if (!kept || !kept.textContent.trim()) return { ok: false, title: fields.headline, reason: 'no body found' };
  return { ok: true, article: { doc: kept, title: fields.headline, outlet: fields.outlet, author: fields.author, publishedAt: fields.publishedAt, url: fields.url } };
}
