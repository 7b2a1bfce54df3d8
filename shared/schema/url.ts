// Links in articles and briefings may only point to the web or to a mail address: `javascript:`,
// `data:`, `vbscript:` and relative URLs are dropped when a document is parsed.
const allowed = /^(https?:\/\/|mailto:)/i;

// eslint-disable-next-line no-control-regex
const edges = /^[\u0000-\u0020\u007f-\u009f]+|[\u0000-\u0020\u007f-\u009f]+$/g;
// Control characters inside a link are refused, not stripped: browsers skip tabs and newlines in a
// scheme ("java\tscript:"), and any of them could end a Markdown or HTML attribute early. `<` and
// `>` are refused too: no real address needs them, and in a Markdown autolink they end the link and
// start markup (`<https://a.example/><script>…`).
// eslint-disable-next-line no-control-regex
const refused = /[\u0000-\u001f\u007f-\u009f<>]/;

/** The link as stored and written out, or null when it is not a safe web or mail address. Idempotent. */
export function safeHref(href: string | null | undefined): string | null {
  if (typeof href !== 'string') return null;
  const trimmed = href.replace(edges, '');
  if (!trimmed || refused.test(trimmed)) return null;
  // A space inside an address is what a browser sends as %20.
  const cleaned = trimmed.replaceAll(' ', '%20');
  return allowed.test(cleaned) ? cleaned : null;
}
