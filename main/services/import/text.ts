// Plain text. Two conventions are common: paragraphs separated by blank lines, their lines
// hard-wrapped near 70 columns (mail, `fmt`, old wire copy), or one paragraph a line (copied from a
// web page or a word processor), sometimes with a blank line after the headline only. The line
// breaks inside blank-line blocks tell them apart: wrapping breaks lines anywhere and short, a
// paragraph a line breaks them at sentence ends or long.
import { articleSchema } from '../../../shared/schema';
import { noMeta, type ParsedArticle } from './parsed';

const HEADLINE_MAX = 160;
/** No one hard-wraps text this wide: a longer line is a paragraph of its own. */
const WRAP_MAX = 100;
const SENTENCE_END = /[.!?…]["”’)\]]*$/u;

export function parseText(input: string): ParsedArticle {
  const text = input.replace(/\r\n?/g, '\n');
  const chunks = text.split(/\n[ \t]*\n+/).map((b) => b.split('\n').map((l) => l.trim()).filter(Boolean));
  const perLine = chunks.length === 1 || linesAreParagraphs(chunks);
  const paragraphs = (perLine ? chunks.flat() : chunks.map((lines) => lines.join(' '))).map((p) => p.replace(/[ \t\f\v]+/g, ' ').trim()).filter(Boolean);

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

/**
 * Whether the single line breaks inside blank-line blocks end paragraphs rather than wrap them:
 * most such breaks fall at a sentence end, or most such lines are longer than anyone wraps.
 */
function linesAreParagraphs(chunks: string[][]): boolean {
  const broken = chunks.flatMap((lines) => lines.slice(0, -1));
  if (!broken.length) return false;
  const atSentenceEnd = broken.filter((l) => SENTENCE_END.test(l)).length;
  const long = broken.filter((l) => l.length > WRAP_MAX).length;
  return atSentenceEnd / broken.length >= 0.5 || long / broken.length >= 0.5;
}
