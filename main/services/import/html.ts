// HTML, pasted or saved from the web. A whole page is first reduced to its article by Mozilla
// Readability; then ProseMirror's DOMParser, driven by the article schema, keeps only what the
// schema allows. Scripts never run: jsdom is created without script execution or resource loading.
import { loadOnFirstUse } from '../../load-on-first-use';
import { Readability } from '@mozilla/readability';
import { DOMParser as PMDOMParser, Fragment, type Node as PMNode } from 'prosemirror-model';
import { articleSchema } from '../../../shared/schema';
import { readHtmlMeta } from './html-meta';
import { titleWithoutOutlet } from './html-title';
import type { ParsedArticle } from './parsed';

/** The article schema's DOM parser: the sanitiser every HTML-like source goes through. */
export const parser = PMDOMParser.fromSchema(articleSchema);

/**
 * jsdom takes a third of a second to load: it is loaded on the first HTML import, not at start-up
 * of every CLI command and of the app. (`require` exists in the CommonJS bundle of the app; the
 * ESM CLI makes one.)
 */
let jsdom: { JSDOM: typeof import('jsdom').JSDOM; silent: import('jsdom').VirtualConsole } | null = null;
export function loadJsdom() {
  if (!jsdom) {
    const mod = loadOnFirstUse<typeof import('jsdom')>('jsdom');
    // Pages complain (bad CSS, odd markup); none of it is the analyst's concern.
    jsdom = { JSDOM: mod.JSDOM, silent: new mod.VirtualConsole() };
  }
  return jsdom;
}

export function parseHtml(html: string): ParsedArticle {
  const parsed = readPage(html);
  return { ...parsed, doc: withoutEmptyBlocks(parsed.doc) ?? parsed.doc };
}

function readPage(html: string): ParsedArticle {
  const { JSDOM, silent } = loadJsdom();
  const dom = new JSDOM(html, { contentType: 'text/html', virtualConsole: silent });
  const document = dom.window.document;
  try {
    const meta = readHtmlMeta(document);
    const isPage = /<(html|body|head)[\s>]/i.test(html.slice(0, 4096));
    if (isPage) {
      // Readability works on the document itself (no copy: a long page would need twice the
      // memory) and hands back its element, not HTML to parse again.
      const article = new Readability<Element>(document, { charThreshold: 200, serializer: (el) => el as Element }).parse();
      const siteName = article?.siteName?.trim() || null;
      const found = article?.content && (article.textContent?.trim().length ?? 0) > 0 ? article.content : null;
      if (found) {
        meta.title ??= article!.title?.trim() || null;
        meta.author ??= article!.byline?.trim() || null;
      }
      if (meta.title) meta.title = titleWithoutOutlet(meta.title, [meta.outlet, siteName], meta.url);
      meta.outlet ??= siteName;
      if (found) return { ...meta, doc: parser.parse(found) };
      // Nothing it recognised as an article: the whole body, parsed again from the page as it
      // came, since Readability has rearranged the parsed one.
      return { ...meta, doc: bodyOf(html) };
    }
    if (meta.title) meta.title = titleWithoutOutlet(meta.title, [meta.outlet], meta.url);
    return { ...meta, doc: parser.parse(document.body) };
  } finally {
    dom.window.close();
  }
}

/**
 * Pages wrap their text in layers of <div>s; the schema reads a <div> as a paragraph, so each
 * wrapper left an empty one behind (the article began with a blank line). An empty block carries
 * nothing in an imported article: all go, and containers left with nothing go with them.
 */
export function withoutEmptyBlocks(node: PMNode): PMNode | null {
  if (node.isTextblock) return node.textContent.trim() ? node : null;
  if (node.isLeaf || node.inlineContent) return node;
  const kept: PMNode[] = [];
  node.forEach((child) => {
    const k = withoutEmptyBlocks(child);
    if (k) kept.push(k);
  });
  const content = Fragment.from(kept);
  return kept.length && node.type.validContent(content) ? node.copy(content) : null;
}

function bodyOf(html: string) {
  const { JSDOM, silent } = loadJsdom();
  const dom = new JSDOM(html, { contentType: 'text/html', virtualConsole: silent });
  try {
    return parser.parse(dom.window.document.body);
  } finally {
    dom.window.close();
  }
}
