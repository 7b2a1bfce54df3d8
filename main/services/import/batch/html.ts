// A saved HTML file may be a Factiva (or Nexis) export rather than one page: a quick look at the raw
// markup (shared/export-markers.ts) decides whether it is worth parsing as one; if the parsed blocks do not bear it out, the
// file is read as a page after all.
import { loadJsdom } from '../html';
import type { HtmlReader } from '../html-reader';
import type { ParsedArticle, ParsedExport } from '../parsed';
import { mayBeExportHtml } from '../../../../shared/export-markers';
import { readExport } from './index';

export function readHtmlOrExport(readHtml: HtmlReader): (html: string) => Promise<ParsedArticle | ParsedExport> {
  return async (html) => {
    if (mayBeExportHtml(html)) {
      const found = exportIn(html);
      if (found) return found;
    }
    return readHtml(html);
  };
}

function exportIn(html: string): ParsedExport | null {
  const { JSDOM, silent } = loadJsdom();
  const dom = new JSDOM(html, { contentType: 'text/html', virtualConsole: silent });
  try {
    return readExport(dom.window.document.body);
  } finally {
    dom.window.close();
  }
}
