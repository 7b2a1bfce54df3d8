// Running headers, footers and page numbers: the lines at the top and bottom edge of a page that
// belong to the document's furniture, not to its text. A line there is furniture when it is a page
// number ("7", "Page 7 of 30", "- 7 -", "vii"), or when the same words (numbers aside) stand at the
// same edge on at least half the pages: a report's title in the header, its classification line.
import type { PageLines } from './types';

/** The edges where furniture stands, as a share of the page's height. */
const EDGE = 0.12;
/** Only the first and last few lines of a page are looked at. */
const EDGE_LINES = 3;

// Roman numerals up to xxxix (front matter), so that words such as "mid" or "civil" are not numbers.
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:page|p\.|seite|página|pagina)?\s*(?:\d{1,4}|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))(?:\s*(?:of|\/|von|de|sur)\s*\d{1,4})?(?:\s*[-–—])?$/i;

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

/** The same line on every page reads the same once its numbers are set aside. */
function key(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

type Edge = 'top' | 'bottom';

function edgeLines(page: PageLines): { index: number; edge: Edge }[] {
  const [, bottom, , top] = page.box;
  const height = top - bottom;
  const found: { index: number; edge: Edge }[] = [];
  // Reading order may put a footer before a right column's lines: look by height, not by order.
  const byHeight = page.lines.map((l, index) => ({ l, index })).sort((a, b) => b.l.y - a.l.y);
  for (const { l, index } of byHeight.slice(0, EDGE_LINES)) if (l.y >= top - EDGE * height) found.push({ index, edge: 'top' });
  for (const { l, index } of byHeight.slice(-EDGE_LINES)) {
    if (l.y <= bottom + EDGE * height && !found.some((f) => f.index === index)) found.push({ index, edge: 'bottom' });
  }
  return found;
}

/** The pages without their running headers, footers and page numbers. */
export function dropRunningLines(pages: readonly PageLines[]): PageLines[] {
  const edges = pages.map(edgeLines);
  const counts = new Map<string, number>();
  pages.forEach((page, p) => {
    const seen = new Set<string>();
    for (const { index, edge } of edges[p]!) seen.add(`${edge}|${key(page.lines[index]!.text)}`);
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  const repeated = Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((page, p) => {
    const drop = new Set<number>();
    for (const { index, edge } of edges[p]!) {
      const text = page.lines[index]!.text;
      if (isPageNumber(text) || (counts.get(`${edge}|${key(text)}`) ?? 0) >= repeated) drop.add(index);
    }
    return { ...page, lines: page.lines.filter((_, i) => !drop.has(i)) };
  });
}
