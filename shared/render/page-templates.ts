// The header and footer Chromium draws in every page's margins (page.pdf / printToPDF templates).
// They are separate little documents: no page styles reach them, so they carry their own font and
// size. Chromium fills elements of class `pageNumber` and `totalPages`.
import { escapeHtml } from './escape';
import { PAGE_MARGINS_MM, SANS_STACK } from './styles';

const box = (align: 'space-between' | 'center') =>
  `box-sizing:border-box;width:100%;margin:0;padding:0 ${PAGE_MARGINS_MM.right}mm 0 ${PAGE_MARGINS_MM.left}mm;display:flex;justify-content:${align};align-items:baseline;gap:8mm;font-family:${escapeHtml(SANS_STACK)};font-size:7.5pt;line-height:1.2;color:#444;-webkit-print-color-adjust:exact;`;

const classificationSpan = (classification: string) =>
  classification.trim() ? `<span style="font-weight:700;letter-spacing:0.06em;color:#111;white-space:nowrap;">${escapeHtml(classification.trim())}</span>` : '<span></span>';

/** The classification line, centred at the top of every page. */
export function pageHeaderTemplate(classification: string): string {
  return `<div style="${box('center')}">${classificationSpan(classification)}</div>`;
}

/** The classification centred at the bottom, the document's title on the left and "Page n of N" on the right. */
export function pageFooterTemplate(classification: string, title: string): string {
  const side = 'flex:1 1 0;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;';
  return (
    `<div style="${box('space-between')}">` +
    `<span style="${side}text-align:left;color:#666;">${escapeHtml(title)}</span>` +
    classificationSpan(classification) +
    `<span style="${side}text-align:right;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>` +
    `</div>`
  );
}
