// Links in articles and briefings may only point to the web or to a mail address: `javascript:`,
// `data:`, `vbscript:` and relative URLs are dropped when a document is parsed.
const allowed = /^(https?:\/\/|mailto:)/i;

export function safeHref(href: string | null | undefined): string | null {
  if (!href) return null;
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so strip them first.
  // eslint-disable-next-line no-control-regex
  const cleaned = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return allowed.test(cleaned) ? cleaned : null;
}
