// Pasting from Word, Google Docs and web pages: keep the structure the schema knows, drop the rest.
// ProseMirror's parser already keeps only what the schema describes; this strips what would
// otherwise leak through as text (Office conditional comments, XML namespaces, <o:p> fillers).
export function cleanPastedHtml(html: string): string {
  return html
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?o:p[^>]*>/gi, '')
    .replace(/<\/?(w|m|v|o):[^>]*>/gi, '')
    .replace(/<(style|script|template|xml|meta|link|title)[\s\S]*?<\/\1>/gi, '')
    .replace(/<(meta|link)[^>]*>/gi, '');
}
