// Inline content to HTML with properly nested marks, the way ProseMirror's DOMSerializer nests
// them: marks shared with the previous node stay open, the rest are closed and reopened.
import type { Mark, Node } from 'prosemirror-model';
import { safeHref } from '../schema/url';
import { attr } from './escape';

/** The opening and closing tags of a mark, or null to drop the mark (its text stays). */
export function markTags(mark: Mark): [string, string] | null {
  switch (mark.type.name) {
    case 'strong':
      return ['<strong>', '</strong>'];
    case 'em':
      return ['<em>', '</em>'];
    case 'underline':
      return ['<u>', '</u>'];
    case 'strike':
      return ['<s>', '</s>'];
    case 'highlight':
      return ['<mark>', '</mark>'];
    case 'link': {
      const href = safeHref(mark.attrs.href as string);
      return href ? [`<a${attr('href', href)}>`, '</a>'] : null;
    }
    default:
      return null;
  }
}

/**
 * The children of `parent` as HTML. `node(child, pos)` renders each child's own content (text or
 * leaf) without its marks; `pos` is the child's document position, given `start`, the position of
 * parent's content.
 */
export function inlineHtml(parent: Node, start: number, node: (child: Node, pos: number, index: number) => string): string {
  let out = '';
  const open: { mark: Mark; close: string }[] = [];
  parent.forEach((child, offset, index) => {
    const marks = child.marks;
    let keep = 0;
    while (keep < open.length && keep < marks.length && open[keep]!.mark.eq(marks[keep]!)) keep++;
    while (open.length > keep) out += open.pop()!.close;
    for (let i = keep; i < marks.length; i++) {
      const tags = markTags(marks[i]!);
      // A dropped mark still takes its place in the stack, so the nesting stays aligned.
      out += tags?.[0] ?? '';
      open.push({ mark: marks[i]!, close: tags?.[1] ?? '' });
    }
    out += node(child, start + offset, index);
  });
  while (open.length) out += open.pop()!.close;
  return out;
}
