// Pasting from Word, Google Docs and web pages: keep the structure the schema knows, drop the rest.
// ProseMirror's parser already keeps only what the schema describes; this strips what would
// otherwise leak through as text (Office conditional comments, XML namespaces, <o:p> fillers),
// rebuilds Word's lists, which Word copies as paragraphs rather than <ul>/<ol>, and turns inline
// styles into tags (see paste-styles.ts for why styles are never applied).
import { wordListsToHtmlLists } from './paste-word-lists';
import { renameStyleAttributes, stylesToTags } from './paste-styles';

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
  // Parsed, not rendered: a DOMParser document is inert, nothing loads and no script runs.
  const doc = new DOMParser().parseFromString(renameStyleAttributes(cleaned), 'text/html');
  wordListsToHtmlLists(doc);
  stylesToTags(doc);
  return doc.body.innerHTML;
}
