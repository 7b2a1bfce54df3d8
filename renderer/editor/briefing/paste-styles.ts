// Inline styles in pasted HTML, read without ever applying them. The app's CSP forbids inline
// styles, and Chromium enforces it in every document the page creates, DOMParser's included: a
// pasted `style` attribute logs a violation and leaves `element.style` empty. Google Docs wraps a
// whole paste in `<b style="font-weight:normal">`, so a `<b>` whose style cannot be read made
// everything bold. Styles are therefore renamed before the HTML is parsed, then turned into the
// tags the schema reads (strong, em, u, s), and dropped.

/** Where a pasted element's style attribute is kept, unapplied. */
export const PASTE_STYLE = 'data-paste-style';

/** Renames every `style` attribute in the markup to PASTE_STYLE, before any DOM parses it. */
export function renameStyleAttributes(html: string): string {
  return html.replace(/<[a-z][^<>]*>/gi, (tag) => tag.replace(/(\s)style(\s*=)/gi, `$1${PASTE_STYLE}$2`));
}

/** The declarations of a style attribute, property names lower-cased: "font-weight" -> "700". */
export function styleDeclarations(el: Element): Map<string, string> {
  const out = new Map<string, string>();
  for (const decl of (el.getAttribute(PASTE_STYLE) ?? '').split(';')) {
    const colon = decl.indexOf(':');
    if (colon > 0) out.set(decl.slice(0, colon).trim().toLowerCase(), decl.slice(colon + 1).trim().toLowerCase());
  }
  return out;
}

const BOLD = /^(bold|bolder|[6-9]00)$/;
const NOT_BOLD = /^(normal|lighter|[1-4]00)$/;

function wrapChildren(el: Element, tag: string): void {
  const wrapper = el.ownerDocument.createElement(tag);
  wrapper.append(...Array.from(el.childNodes));
  el.append(wrapper);
}

function unwrap(el: Element): void {
  el.replaceWith(...Array.from(el.childNodes));
}

/**
 * Turns the styles that carry meaning into tags and removes the rest: a bold weight becomes
 * <strong>, italic <em>, underline <u>, line-through <s>; a <b>/<strong> (or <i>/<em>) whose own
 * style says normal is no emphasis at all, and is unwrapped (Google Docs' outer wrapper).
 */
export function stylesToTags(doc: Document): void {
  for (const el of Array.from(doc.body.querySelectorAll(`[${PASTE_STYLE}]`))) {
    const style = styleDeclarations(el);
    el.removeAttribute(PASTE_STYLE);
    const tag = el.tagName.toLowerCase();
    const weight = style.get('font-weight') ?? '';
    const fontStyle = style.get('font-style') ?? '';
    const decoration = `${style.get('text-decoration') ?? ''} ${style.get('text-decoration-line') ?? ''}`;
    if ((tag === 'b' || tag === 'strong') && NOT_BOLD.test(weight)) {
      unwrap(el);
      continue;
    }
    if ((tag === 'i' || tag === 'em') && fontStyle === 'normal') {
      unwrap(el);
      continue;
    }
    if (BOLD.test(weight) && tag !== 'b' && tag !== 'strong') wrapChildren(el, 'strong');
    if ((fontStyle === 'italic' || fontStyle === 'oblique') && tag !== 'i' && tag !== 'em') wrapChildren(el, 'em');
    if (/\bunderline\b/.test(decoration) && tag !== 'u') wrapChildren(el, 'u');
    if (/\bline-through\b/.test(decoration) && tag !== 's') wrapChildren(el, 's');
  }
}
