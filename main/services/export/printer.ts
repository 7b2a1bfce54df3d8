// The seam between the export service and whatever turns HTML into PDF: headless Chromium through
// playwright-core in browser mode and the CLI (main/web/chromium-printer.ts), Electron's own
// Chromium in the desktop app (main/electron/printer.ts). Both print the same HTML with the same
// page size, margins, header and footer, so a PDF looks the same whichever made it.
import { PAGE_MARGINS_MM, type PageSize } from '../../../shared/render';

export type { PageSize };

export interface PrintOptions {
  pageSize: PageSize;
  /** The document title (the HTML's <title> also carries it; Chromium puts that in the PDF's Title). */
  title: string;
  /** Chromium header/footer templates: drawn in the top and bottom margins of every page. */
  headerHtml: string;
  footerHtml: string;
}

export interface Printer {
  /** A complete PDF of `html` (a standalone document that loads nothing). */
  print(html: string, opts: PrintOptions): Promise<Uint8Array>;
  /** Releases the browser behind the printer, if any; printing again starts it anew. */
  close?(): Promise<void>;
}

/** The margins both printers use, as CSS lengths. */
export const PRINT_MARGINS = {
  top: `${PAGE_MARGINS_MM.top}mm`,
  bottom: `${PAGE_MARGINS_MM.bottom}mm`,
  left: `${PAGE_MARGINS_MM.left}mm`,
  right: `${PAGE_MARGINS_MM.right}mm`,
} as const;

/** The same margins in inches, the unit Electron's printToPDF takes. */
export const PRINT_MARGINS_INCHES = {
  top: PAGE_MARGINS_MM.top / 25.4,
  bottom: PAGE_MARGINS_MM.bottom / 25.4,
  left: PAGE_MARGINS_MM.left / 25.4,
  right: PAGE_MARGINS_MM.right / 25.4,
} as const;
