// Pasting from Word, Google Docs and web pages: keep the structure the schema knows, drop the rest.
// ProseMirror's parser already keeps only what the schema describes; this strips what would
// otherwise leak through as text (Office conditional comments, XML namespaces, <o:p> fillers),
// and rebuilds Word's lists, which Word copies as paragraphs rather than <ul>/<ol>.
import { wordListsToHtmlLists } from './paste-word-lists';

export function cleanPastedHtml(html: string): string {
  const cleaned = html
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    // Word's "downlevel-revealed" conditionals (`<![if !supportLists]>…<![endif]>`) are not
    // comments: their content is meant to show, so drop only the two markers.
    .replace(/<!\[(?:if\b[^\]]*|endif)\]>/gi, '')
    .replace(/<\/?o:p[^>]*>/gi, '')
    .replace(/<\/?(w|m|v|o):[^>]*>/gi, '')
    .replace(/<(style|script|template|xml|meta|link|title)[\s\S]*?<\/\1>/gi, '')
    .replace(/<(meta|link)[^>]*>/gi, '');
  return wordListsToHtmlLists(cleaned);
}
