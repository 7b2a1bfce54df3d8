// Markdown is rendered to HTML with markdown-it and read like pasted HTML. Raw HTML inside the
// Markdown is shown as text, not interpreted: an article file has no business carrying markup.
import MarkdownIt from 'markdown-it';
import { JSDOM } from 'jsdom';
import { DOMParser as PMDOMParser } from 'prosemirror-model';
import { articleSchema } from '../../../shared/schema';
import { noMeta, type ParsedArticle } from './parsed';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
const parser = PMDOMParser.fromSchema(articleSchema);

export function parseMarkdown(source: string): ParsedArticle {
  const { body, front } = splitFrontMatter(source);
  const fragment = JSDOM.fragment(`<div>${md.render(body)}</div>`).firstElementChild!;
  const doc = parser.parse(fragment);
  const h1 = fragment.querySelector('h1')?.textContent?.trim() || null;
  return {
    ...noMeta,
    doc,
    title: front.title ?? h1,
    outlet: front.outlet ?? front.source ?? null,
    author: front.author ?? null,
    publishedAt: front.date ?? null,
    url: front.url ?? null,
  };
}

/** A leading `---` block of `key: value` lines, as note-taking tools write it. */
function splitFrontMatter(source: string): { body: string; front: Record<string, string> } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
  if (!m) return { body: source, front: {} };
  const front: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^([A-Za-z_]+)\s*:\s*(.*)$/.exec(line);
    if (kv && kv[2]!.trim()) front[kv[1]!.toLowerCase()] = kv[2]!.trim().replace(/^["']|["']$/g, '');
  }
  return { body: source.slice(m[0].length), front };
}
