// PDF printing in the desktop app: Electron's own Chromium, so the app needs no other browser. Each
// print gets a hidden, sandboxed window with JavaScript off, loads the standalone HTML (which may
// load nothing: its CSP says so) and calls printToPDF with the same page size, margins, header and
// footer as the Chromium printer browser mode uses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow } from 'electron';
import { PRINT_MARGINS_INCHES, type Printer, type PrintOptions } from '../services/export/printer';
import { WEB_PREFERENCES } from './security';

/** Chromium refuses URLs longer than 2 MB; bigger documents go through a private temporary file. */
const MAX_DATA_URL_CHARS = 1_900_000;

export class ElectronPrinter implements Printer {
  async print(html: string, opts: PrintOptions): Promise<Uint8Array> {
    const window = new BrowserWindow({
      show: false,
      width: 900,
      height: 1200,
      paintWhenInitiallyHidden: true,
      webPreferences: {
        ...WEB_PREFERENCES,
        // The print HTML has no scripts; nothing imported gets a chance to run while printing.
        javascript: false,
        spellcheck: false,
        navigateOnDragDrop: false,
        // In memory only: nothing of a printed briefing stays in a cache on disk.
        partition: 'verbatim-print',
      },
    });
    let tmpDir: string | null = null;
    try {
      const dataUrl = `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
      if (dataUrl.length <= MAX_DATA_URL_CHARS) {
        await window.loadURL(dataUrl);
      } else {
        tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-print-'));
        const file = path.join(tmpDir, 'document.html');
        fs.writeFileSync(file, html, { mode: 0o600 });
        await window.loadFile(file);
      }
      const pdf = await window.webContents.printToPDF({
        pageSize: opts.pageSize,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: opts.headerHtml,
        footerTemplate: opts.footerHtml,
        margins: { ...PRINT_MARGINS_INCHES },
        preferCSSPageSize: false,
        generateTaggedPDF: true,
        generateDocumentOutline: true,
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      if (!window.isDestroyed()) window.destroy();
      if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
    }
  }

  async close(): Promise<void> {
    // Every print closes its own window; nothing stays open between prints.
  }
}
