// A briefing as one standalone HTML document: what the PDF printers print and what the HTML export
// saves. Pure string building over the ProseMirror doc; every piece of text is escaped, the page
// has no scripts and may load nothing (its CSP says so), and the styles are inlined.
import { Node } from 'prosemirror-model';
import type { Briefing, Matrix } from '../model';
import { briefingSchema, type QuoteSnapshot } from '../schema/briefing';
import { citationOrder } from '../schema/citations';
import { safeHref } from '../schema/url';
import { attr, escapeHtml, formatDate } from './escape';
import { inlineHtml } from './inline';
import { citedSources, sourceParts, speakerLabel, type CitedSource, type SourceMeta } from './sources';
import { stanceRows } from './stance';
import { printedFigure, type FigureDrawings } from './figure';
import { figureSvg, type FigureAttrs } from '../landscape/figure';
import { documentCss, keepTogether, type PageSize, type RenderTarget } from './styles';
import { pageFooterTemplate, pageHeaderTemplate } from './page-templates';

/** What the renderer reads of a briefing. */
export type BriefingForRender = Pick<Briefing, 'title' | 'classification' | 'author' | 'date' | 'status' | 'doc'>;

export interface BriefingRenderContext {
  /** The current actor × position matrix of every topic a stance table shows; missing = the topic is gone. */
  matrices?: ReadonlyMap<number, Matrix | undefined>;
  /** Each cited article as the library has it now; quote snapshots and cite titles fill any gap. */
  sources?: ReadonlyMap<number, SourceMeta>;
  /** Every live figure as drawn now (frozen ones carry their own picture). */
  figures?: FigureDrawings;
  /** 'print' (default) for our PDF printers, 'file' for the HTML export. */
  target?: RenderTarget;
  pageSize?: PageSize;
  /** The document language (BCP 47), for hyphenation, glyph choice and the tagged PDF. Default "en". */
  lang?: string;
}

/** The page's Content Security Policy: inline styles, nothing else. */
export const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

/** The one-line handling caveat printed at the top and bottom of every page; empty when there is none. */
export function classificationLine(briefing: Pick<Briefing, 'classification'>): string {
  return briefing.classification.replace(/\s+/g, ' ').trim();
}

/** The header and footer our printers draw on every page of a briefing. */
export function briefingPageTemplates(briefing: Pick<Briefing, 'classification' | 'title'>): { headerHtml: string; footerHtml: string } {
  const line = classificationLine(briefing);
  return { headerHtml: pageHeaderTemplate(line), footerHtml: pageFooterTemplate(line, briefing.title) };
}

export function renderBriefingHtml(briefing: BriefingForRender, ctx: BriefingRenderContext = {}): string {
  const doc = Node.fromJSON(briefingSchema, briefing.doc);
  const target = ctx.target ?? 'print';
  const sources = citedSources(doc, ctx.sources);
  const r = new BriefingRenderer(citationOrder(doc), ctx.matrices ?? new Map(), ctx.figures);
  const line = classificationLine(briefing);
  const banner = (where: 'top' | 'bottom') => (target === 'file' && line ? `<p class="classification-banner ${where}">${escapeHtml(line)}</p>\n` : '');

  const body = [
    `<header class="doc-header">\n${banner('top')}<p class="doc-kind">Briefing note</p>\n<h1 class="doc-title">${escapeHtml(briefing.title)}</h1>\n${metaLine(briefing)}</header>`,
    `<main class="doc-body">\n${r.children(doc)}</main>`,
    sources.length ? endnotes(sources) : '',
    banner('bottom'),
  ]
    .filter(Boolean)
    .join('\n');

  return page({
    lang: ctx.lang ?? 'en',
    title: briefing.title,
    author: briefing.author,
    description: line,
    css: documentCss(target, ctx.pageSize ?? 'A4', 'briefing'),
    bodyClass: 'briefing',
    body,
  });
}

/** The HTML skeleton every export shares. */
export function page(p: { lang: string; title: string; author?: string | null; description?: string; css: string; bodyClass: string; body: string }): string {
  return [
    '<!DOCTYPE html>',
    `<html${attr('lang', p.lang)}>`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy"${attr('content', PRINT_CSP)}>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Verbatim">',
    p.author ? `<meta name="author"${attr('content', p.author)}>` : '',
    p.description ? `<meta name="description"${attr('content', p.description)}>` : '',
    `<title>${escapeHtml(p.title)}</title>`,
    `<style>${p.css}</style>`,
    '</head>',
    `<body${attr('class', p.bodyClass)}>`,
    p.body,
    '</body>',
    '</html>',
    '',
  ]
    .filter((l) => l !== '')
    .join('\n');
}

function metaLine(b: BriefingForRender): string {
  const parts: string[] = [];
  if (b.author.trim()) parts.push(`<span class="doc-author">${escapeHtml(b.author.trim())}</span>`);
  if (b.date) parts.push(`<time${attr('datetime', b.date)}>${escapeHtml(formatDate(b.date))}</time>`);
  parts.push(`<span class="status status-${b.status === 'final' ? 'final' : 'draft'}">${b.status === 'final' ? 'Final' : 'Draft'}</span>`);
  return `<p class="doc-meta">${parts.join('<span class="sep" aria-hidden="true">·</span>')}</p>\n`;
}

export function endnoteHtml(src: SourceMeta): string {
  return sourceParts(src)
    .map((p) => {
      switch (p.kind) {
        case 'title':
          return `<span class="source-title">${escapeHtml(p.text)}</span>`;
        case 'outlet':
          return `<span class="outlet">${escapeHtml(p.text)}</span>`;
        case 'url':
          return `<a class="url"${attr('href', p.text)}>${escapeHtml(p.text)}</a>`;
        default:
          return escapeHtml(p.text);
      }
    })
    .join('');
}

function endnotes(sources: CitedSource[]): string {
  const items = sources.map((s) => `<li id="note-${s.n}" value="${s.n}">${endnoteHtml(s)}</li>`).join('\n');
  return `<section class="endnotes" id="sources" aria-labelledby="sources-heading">\n<h2 id="sources-heading">Sources</h2>\n<ol>\n${items}\n</ol>\n</section>`;
}

/** Splits quoted text into paragraphs (blank lines) and lines (single newlines). */
export function textParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Inline nodes that print a citation number. */
const CITING = new Set(['cite', 'inline_quote']);

const stripQuotes = (text: string) => text.trim().replace(/^["“„«]+\s*/, '').replace(/\s*["”»]+$/, '');

class BriefingRenderer {
  private figures = 0;

  constructor(
    private readonly order: Map<number, number>,
    private readonly matrices: ReadonlyMap<number, Matrix | undefined>,
    private readonly drawings: FigureDrawings | undefined,
  ) {}

  children(node: Node): string {
    let out = '';
    node.forEach((child) => (out += this.block(child)));
    return out;
  }

  private block(node: Node): string {
    switch (node.type.name) {
      case 'paragraph': {
        const content = this.inline(node);
        return content ? `<p>${content}</p>\n` : '<p class="empty"></p>\n';
      }
      case 'heading': {
        // The title is the page's h1; the briefing's own headings sit one level below it.
        const level = Math.min(3, Math.max(1, Number(node.attrs.level) || 1)) + 1;
        return `<h${level}>${this.inline(node)}</h${level}>\n`;
      }
      case 'blockquote':
        return `<blockquote>\n${this.children(node)}</blockquote>\n`;
      case 'horizontal_rule':
        return '<hr>\n';
      case 'bullet_list':
        return `<ul>\n${this.children(node)}</ul>\n`;
      case 'ordered_list': {
        const start = Number(node.attrs.order);
        return `<ol${start !== 1 && Number.isFinite(start) ? attr('start', start) : ''}>\n${this.children(node)}</ol>\n`;
      }
      case 'list_item':
        return `<li>${this.children(node)}</li>\n`;
      case 'table':
        return this.table(node);
      case 'quote':
        return this.quote(node.attrs as QuoteSnapshot);
      case 'stance_table':
        return this.stanceTable(node.attrs.topicId as number, node.attrs.topic as string);
      case 'figure':
        return this.figure(node.attrs as FigureAttrs);
      default:
        return this.children(node);
    }
  }

  private inline(node: Node): string {
    return inlineHtml(node, 0, (child, _pos, index) => {
      switch (child.type.name) {
        case 'text':
          return escapeHtml(child.text);
        case 'hard_break':
          return '<br>';
        case 'actor':
          return `<span class="actor"${attr('data-actor-id', child.attrs.actorId as number)}>${escapeHtml(child.attrs.name as string)}</span>`;
        case 'cite': {
          const previous = index > 0 ? node.child(index - 1) : null;
          // Two numbers side by side (a cite after a cite or after an inline quote's number) need a comma.
          const sep = previous && CITING.has(previous.type.name) ? '<sup class="cite-sep">,</sup>' : '';
          return sep + this.citeMark(child.attrs.articleId as number);
        }
        case 'inline_quote':
          return this.inlineQuote(child.attrs as QuoteSnapshot);
        default:
          return '';
      }
    });
  }

  private citeMark(articleId: number): string {
    const n = this.order.get(articleId);
    return n ? `<sup class="cite"><a href="#note-${n}">${n}</a></sup>` : '';
  }

  /** The quoted words inside the sentence, in quotation marks, the speaker on hover, then the number. */
  private inlineQuote(q: QuoteSnapshot): string {
    const isQuote = q.kind === 'quote';
    // A fragment inside a sentence: line breaks the source had would break the sentence.
    const words = escapeHtml((isQuote ? stripQuotes(q.text) : q.text).replace(/\s+/g, ' ').trim());
    const cls = isQuote ? 'inline-quote' : 'inline-quote paraphrase';
    return `<span${attr('class', cls)}${attr('data-annotation-id', q.annotationId)}${attr('title', speakerLabel(q))}>${isQuote ? `“${words}”` : words}</span>${this.citeMark(q.articleId)}`;
  }

  private quote(q: QuoteSnapshot): string {
    const isQuote = q.kind === 'quote';
    const paragraphs = textParagraphs(isQuote ? stripQuotes(q.text) : q.text);
    const lines = paragraphs.map((p, i) => {
      const open = isQuote && i === 0 ? '“' : '';
      const close = isQuote && i === paragraphs.length - 1 ? '”' : '';
      return `<p>${open}${escapeHtml(p).replace(/\n/g, '<br>')}${close}</p>`;
    });
    const who = [`<span class="speaker">${escapeHtml(q.speaker ?? 'Unattributed')}</span>`];
    if (q.affiliation) who.push(`<span class="affiliation">${escapeHtml(q.affiliation)}</span>`);
    const kind = isQuote ? '' : ` <span class="kind">(${q.kind === 'paraphrase' ? 'paraphrased' : escapeHtml(q.kind)})</span>`;
    return (
      `<figure class="quote ${isQuote ? 'direct' : 'paraphrase'}"${attr('data-annotation-id', q.annotationId)}>\n` +
      `<blockquote${attr('cite', safeHref(q.url))}>${lines.join('') || '<p></p>'}</blockquote>\n` +
      `<figcaption>— ${who.join(', ')}${kind}${this.citeMark(q.articleId)}</figcaption>\n` +
      '</figure>\n'
    );
  }

  private table(node: Node): string {
    const rows: Node[] = [];
    node.forEach((row) => rows.push(row));
    const isHeaderRow = (row: Node) => row.childCount > 0 && row.content.content.every((c) => c.type.name === 'table_header');
    let headRows = 0;
    while (headRows < rows.length - 1 && isHeaderRow(rows[headRows]!)) headRows++;
    const colgroup = this.colgroup(rows[0]);
    const row = (r: Node, inHead: boolean) => {
      let cells = '';
      r.forEach((cell) => {
        const tag = cell.type.name === 'table_header' ? 'th' : 'td';
        const colspan = Number(cell.attrs.colspan) || 1;
        const rowspan = Number(cell.attrs.rowspan) || 1;
        const scope = tag === 'th' ? (inHead ? 'col' : 'row') : null;
        cells += `<${tag}${attr('scope', scope)}${colspan > 1 ? attr('colspan', colspan) : ''}${rowspan > 1 ? attr('rowspan', rowspan) : ''}>${this.children(cell)}</${tag}>`;
      });
      return `<tr>${cells}</tr>\n`;
    };
    const head = rows.slice(0, headRows).map((r) => row(r, true)).join('');
    const body = rows.slice(headRows).map((r) => row(r, false)).join('');
    return `<table${attr('class', keepTogether(rows.length) || null)}>\n${colgroup}${head ? `<thead>\n${head}</thead>\n` : ''}<tbody>\n${body}</tbody>\n</table>\n`;
  }

  /** Column widths the author dragged in the editor, as proportions of the page width. */
  private colgroup(first: Node | undefined): string {
    if (!first) return '';
    const widths: (number | null)[] = [];
    first.forEach((cell) => {
      const span = Number(cell.attrs.colspan) || 1;
      const cw = cell.attrs.colwidth as number[] | null;
      for (let i = 0; i < span; i++) widths.push(cw && typeof cw[i] === 'number' && cw[i]! > 0 ? cw[i]! : null);
    });
    if (!widths.length || widths.some((w) => w === null)) return '';
    const total = widths.reduce<number>((a, w) => a + w!, 0);
    return `<colgroup>${widths.map((w) => `<col${attr('style', `width:${((w! / total) * 100).toFixed(2)}%`)}>`).join('')}</colgroup>\n`;
  }

  private stanceTable(topicId: number, storedTopic: string): string {
    const m = this.matrices.get(topicId);
    const caption = (name: string) => `<figcaption>Actors &amp; positions: ${escapeHtml(name)}</figcaption>\n`;
    if (!m) {
      return `<figure class="stance-table"${attr('data-topic-id', topicId)}>\n${caption(storedTopic)}<p class="stance-empty">The topic “${escapeHtml(storedTopic)}” is no longer in the codebook.</p>\n</figure>\n`;
    }
    if (!m.actors.length || !m.positions.length) {
      return `<figure class="stance-table"${attr('data-topic-id', topicId)}>\n${caption(m.topic.name)}<p class="stance-empty">No actor has been coded on a position of this topic yet.</p>\n</figure>\n`;
    }
    const { header, rows } = stanceRows(m);
    const head = `<thead>\n<tr>${header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr>\n</thead>\n`;
    const body = rows
      .map((r) => `<tr><th scope="row">${escapeHtml(r.actor)}</th>${r.cells.map((c) => `<td class="st-${c.stance}">${escapeHtml(c.label)}</td>`).join('')}</tr>\n`)
      .join('');
    return `<figure${attr('class', `stance-table ${keepTogether(rows.length + 1)}`.trim())}${attr('data-topic-id', topicId)}>\n${caption(m.topic.name)}<table>\n${head}<tbody>\n${body}</tbody>\n</table>\n</figure>\n`;
  }

  /** A landscape picture as inline SVG (vector in the PDF), kept on one page with its caption under it. */
  private figure(attrs: FigureAttrs): string {
    const f = printedFigure(attrs, ++this.figures, this.drawings);
    const picture = f.drawn ? `<div class="figure-picture">\n${figureSvg(f.drawn, attrs.colouring).svg}\n</div>\n` : `<p class="stance-empty">${escapeHtml(f.missing ?? '')}</p>\n`;
    const source = f.source ? ` <span class="figure-source">${escapeHtml(f.source)}</span>` : '';
    return `<figure class="landscape-figure keep-together">\n${picture}<figcaption><span class="figure-number">${escapeHtml(f.label)}</span> ${escapeHtml(f.caption)}${source}</figcaption>\n</figure>\n`;
  }
}
