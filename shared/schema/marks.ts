// Marks the article and briefing schemas share, parsed the same way from pasted or imported HTML.
import type { MarkSpec } from 'prosemirror-model';
import { safeHref } from './url';

/** Links only to the web or a mail address; anything else is dropped, keeping its text. */
export const link: MarkSpec = {
  attrs: { href: { validate: 'string' } },
  inclusive: false,
  parseDOM: [
    {
      tag: 'a[href]',
      getAttrs: (dom) => {
        const href = safeHref(dom.getAttribute('href'));
        return href ? { href } : false;
      },
    },
  ],
  // rel keeps a click from handing the page to the link target; the app intercepts clicks anyway.
  toDOM: (mark) => ['a', { href: safeHref(mark.attrs.href as string) ?? '#', rel: 'noopener noreferrer nofollow' }, 0],
};

export const em: MarkSpec = {
  parseDOM: [{ tag: 'i' }, { tag: 'em' }, { style: 'font-style=italic' }, { style: 'font-style=normal', clearMark: (m) => m.type.name === 'em' }],
  toDOM: () => ['em', 0],
};

export const strong: MarkSpec = {
  parseDOM: [
    { tag: 'strong' },
    // Google Docs wraps whole pastes in <b style="font-weight:normal">.
    { tag: 'b', getAttrs: (node) => node.style.fontWeight !== 'normal' && null },
    { style: 'font-weight=400', clearMark: (m) => m.type.name === 'strong' },
    { style: 'font-weight', getAttrs: (value) => /^(bold(er)?|[5-9]\d{2,})$/.test(value) && null },
  ],
  toDOM: () => ['strong', 0],
};
