// Markdown, read by markdown-it and turned straight into the article schema by prosemirror-markdown:
// no DOM in between, so a long file costs little time or memory. Raw HTML inside the Markdown is
// kept as text, not interpreted: an article file has no business carrying markup.
import MarkdownIt from 'markdown-it';
import { MarkdownParser } from 'prosemirror-markdown';
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { articleSchema, safeHref } from '../../../shared/schema';
import { noMeta, type ParsedArticle } from './parsed';
import { splitFrontMatter } from './front-matter';

const md = new MarkdownIt('commonmark', { html: false });
// Inline code has no mark in the article schema: its words stay, as plain text.
md.core.ruler.push('plain_code', (state) => {
  for (const block of state.tokens) for (const t of block.children ?? []) if (t.type === 'code_inline') t.type = 'text';
});

const parser = new MarkdownParser(
  articleSchema,
  md,
  {
    blockquote: { block: 'blockquote' },
    paragraph: { block: 'paragraph' },
    list_item: { block: 'list_item' },
    bullet_list: { block: 'bullet_list' },
    ordered_list: { block: 'ordered_list', getAttrs: (tok) => ({ order: Number(tok.attrGet('start')) || 1 }) },
    heading: { block: 'heading', getAttrs: (tok) => ({ level: Math.min(4, Number(tok.tag.slice(1))) }) },
    code_block: { block: 'paragraph', noCloseToken: true },
    fence: { block: 'paragraph', noCloseToken: true },
    hr: { ignore: true, noCloseToken: true },
    image: { ignore: true, noCloseToken: true },
    hardbreak: { node: 'hard_break' },
    em: { mark: 'em' },
    strong: { mark: 'strong' },
    link: { mark: 'link', getAttrs: (tok) => ({ href: tok.attrGet('href') ?? '' }) },
  },
);

/** markdown-it refuses javascript: and friends; relative links and other schemes go too. */
function dropUnsafeLinks(doc: Node): Node {
  const link = articleSchema.marks.link!;
  const tr = new Transform(doc);
  doc.descendants((node, pos) => {
    const mark = link.isInSet(node.marks);
    if (mark && !safeHref(mark.attrs.href as string)) tr.removeMark(pos, pos + node.nodeSize, link);
  });
  return tr.doc;
}

export function parseMarkdown(source: string): ParsedArticle {
  const { body, front, warnings } = splitFrontMatter(source);
  const doc = dropUnsafeLinks(parser.parse(body));
  let h1: string | null = null;
  doc.descendants((node) => {
    if (h1 === null && node.type.name === 'heading' && node.attrs.level === 1) h1 = node.textContent.trim() || null;
    return h1 === null;
  });
  return {
    ...noMeta,
    doc,
    title: front?.title ?? h1,
    outlet: front?.outlet ?? null,
    author: front?.author ?? null,
    publishedAt: front?.date ?? null,
    url: front?.url ?? null,
    ...(warnings.length ? { warnings } : {}),
  };
}
