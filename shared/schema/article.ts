// The article schema: the small set of structure a news article keeps after import. Anything the
// schema does not describe is dropped by ProseMirror's DOMParser, which makes this schema the
// sanitiser for imported HTML.
import { Schema, type NodeSpec, type MarkSpec } from 'prosemirror-model';
import { link, em, strong } from './marks';
import { attr, finiteNumber, wholeNumber } from './attrs';

export const ARTICLE_SCHEMA_VERSION = 1;

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'block+' },
  paragraph: {
    content: 'inline*',
    group: 'block',
    parseDOM: [{ tag: 'p' }, { tag: 'div', priority: 10 }],
    toDOM: () => ['p', 0],
  },
  heading: {
    attrs: { level: attr(wholeNumber('A heading’s level', 1, 6), 2) },
    content: 'inline*',
    group: 'block',
    defining: true,
    parseDOM: [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, attrs: { level: Math.min(level, 4) } })),
    toDOM: (node) => [`h${node.attrs.level as number}`, 0],
  },
  blockquote: {
    content: 'block+',
    group: 'block',
    defining: true,
    parseDOM: [{ tag: 'blockquote' }],
    toDOM: () => ['blockquote', 0],
  },
  bullet_list: {
    content: 'list_item+',
    group: 'block',
    parseDOM: [{ tag: 'ul' }],
    toDOM: () => ['ul', 0],
  },
  ordered_list: {
    attrs: { order: attr(finiteNumber('A numbered list’s first number'), 1) },
    content: 'list_item+',
    group: 'block',
    parseDOM: [
      {
        tag: 'ol',
        getAttrs: (dom) => {
          const start = Number(dom.getAttribute('start') ?? 1);
          return { order: Number.isFinite(start) ? start : 1 };
        },
      },
    ],
    toDOM: (node) => (node.attrs.order === 1 ? ['ol', 0] : ['ol', { start: String(node.attrs.order) }, 0]),
  },
  list_item: {
    content: 'paragraph block*',
    defining: true,
    parseDOM: [{ tag: 'li' }],
    toDOM: () => ['li', 0],
  },
  text: { group: 'inline' },
  hard_break: {
    inline: true,
    group: 'inline',
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: () => ['br'],
  },
};

const marks: Record<string, MarkSpec> = { link, em, strong };

export const articleSchema = new Schema({ nodes, marks });
