// The article schema has no tables (an article is read, not laid out), so a table in a Word file or
// an export becomes text: a paragraph per row, its cells' words joined by " | ", in reading order.
// Without this, ProseMirror's parser ran every cell of a table together into one paragraph.
import { childElements, foldSpace } from './batch/blocks';

/** Replaces every table under `root` by one paragraph per row. Nested tables become rows of their own. */
export function tablesAsText(root: Element): void {
  const doc = root.ownerDocument;
  for (const table of Array.from(root.querySelectorAll('table')).reverse()) {
    // Innermost first (reversed document order), so a nested table is text before its row is read.
    const rows = Array.from(table.querySelectorAll(':scope > tr, :scope > thead > tr, :scope > tbody > tr, :scope > tfoot > tr'));
    const paragraphs = rows
      .map((row) => rowText(row))
      .filter(Boolean)
      .map((text) => {
        const p = doc.createElement('p');
        p.textContent = text;
        return p;
      });
    table.replaceWith(...paragraphs);
  }
}

/** One row as text: its cells' words, an empty cell skipped. */
export function rowText(row: Element): string {
  return childElements(row)
    .filter((c) => /^T[DH]$/i.test(c.tagName))
    .map((c) => foldSpace(c.textContent ?? ''))
    .filter(Boolean)
    .join(' | ');
}
