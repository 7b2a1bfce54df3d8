// HTML, pasted or saved from the web. A whole page is first reduced to its article by Mozilla
// Readability; then ProseMirror's DOMParser, driven by the article schema, keeps only what the
// schema allows. Scripts never run: jsdom is created without script execution or resource loading.
import { createRequire } from 'node:module';
import { Readability } from '@mozilla/readability';
import { DOMParser as PMDOMParser } from 'prosemirror-model';
import { articleSchema } from '../../../shared/schema';
import { readHtmlMeta } from './html-meta';
import type { ParsedArticle } from './parsed';

const parser = PMDOMParser.fromSchema(articleSchema);

/**
 * jsdom takes a third of a second to load: it is loaded on the first HTML import, not at start-up
 * of every CLI command and of the app. (`require` exists in the CommonJS bundle of the app; the
 * ESM CLI makes one.)
 */
let jsdom: { JSDOM: typeof import('jsdom').JSDOM; silent: import('jsdom').VirtualConsole } | null = null;
function loadJsdom() {
  if (!jsdom) {
    const load = typeof require === 'function' ? require : createRequire(import.meta.url);
    const mod = load('jsdom') as typeof import('jsdom');
    // Pages complain (bad CSS, odd markup); none of it is the analyst's concern.
    jsdom = { JSDOM: mod.JSDOM, silent: new mod.VirtualConsole() };
  }
  return jsdom;
}

export function parseHtml(html: string): ParsedArticle {
  const { JSDOM, silent } = loadJsdom();
  const dom = new JSDOM(html, { contentType: 'text/html', virtualConsole: silent });
  const document = dom.window.document;
  try {
    const meta = readHtmlMeta(document);
    const isPage = /<(html|body|head)[\s>]/i.test(html.slice(0, 4096));
    let container: Element = document.body;
    if (isPage) {
      const reader = new Readability(document.cloneNode(true) as Document, { charThreshold: 200 });
      const article = reader.parse();
      if (article?.content && (article.textContent?.trim().length ?? 0) > 0) {
        container = JSDOM.fragment(`<div>${article.content}</div>`).firstElementChild!;
        meta.title ??= article.title?.trim() || null;
        meta.author ??= article.byline?.trim() || null;
        meta.outlet ??= article.siteName?.trim() || null;
      }
    }
    const doc = parser.parse(container);
    return { ...meta, doc };
  } finally {
    dom.window.close();
  }
}
