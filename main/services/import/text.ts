// Plain text: blank lines separate paragraphs. A file with no blank lines at all has one paragraph a
// line; otherwise single newlines inside a paragraph are wrapping and become spaces.
import { articleSchema } from '../../../shared/schema';
import { noMeta, type ParsedArticle } from './parsed';

const HEADLINE_MAX = 160;

export function parseText(input: string): ParsedArticle {
  const text = input.replace(/\r\n?/g, '\n');
  const blocks = /\n[ \t]*\n/.test(text) ? text.split(/\n[ \t]*\n+/) : text.split('\n');
  const paragraphs = blocks.map((b) => b.replace(/\s*\n\s*/g, ' ').replace(/[ \t\f\v]+/g, ' ').trim()).filter(Boolean);

  // A short first line without closing punctuation reads as a headline: keep it as the article's heading.
  const first = paragraphs[0] ?? '';
  const headline = paragraphs.length > 1 && first.length <= HEADLINE_MAX && !/[.!?:;,"”’)]$/.test(first);
  const nodes = paragraphs.map((p, i) =>
    headline && i === 0
      ? articleSchema.node('heading', { level: 1 }, articleSchema.text(p))
      : articleSchema.node('paragraph', null, articleSchema.text(p)),
  );
  return { ...noMeta, doc: articleSchema.node('doc', null, nodes), title: headline ? first : null };
}
