// "Print my coding": an article with every annotation highlighted and numbered, and a numbered note
// per annotation with its speaker, affiliation, positions and stance, and comment. Annotation
// offsets count characters of the article's plain-text projection; TextIndex maps them onto the doc.
import { Node } from 'prosemirror-model';
import { annotationKinds, type Annotation, type AnnotationKind, type Article } from '../model';
import { articleSchema } from '../schema/article';
import { TextIndex } from '../text-index';
import { attr, escapeHtml, formatDate } from './escape';
import { inlineHtml } from './inline';
import { page } from './briefing-html';
import { documentCss, type PageSize, type RenderTarget } from './styles';
import { pageFooterTemplate, pageHeaderTemplate } from './page-templates';
import { safeHref } from '../schema/url';
import { annotationWords } from '../annotation-words';
import { plural } from '../plural';

export type ArticleForRender = Pick<Article, 'title' | 'outlet' | 'author' | 'publishedAt' | 'url' | 'doc'>;
export type AnnotationForRender = Pick<Annotation, 'id' | 'start' | 'end' | 'exact' | 'kind' | 'speakerId' | 'positions' | 'comment' | 'orphaned'> & { tags?: readonly string[] };

export interface ArticleRenderContext {
  /** Speakers by actor id: the name and how to describe their affiliation ("Director-General, Foreign Ministry"). */
  actors?: ReadonlyMap<number, { name: string; affiliation: string | null }>;
  /** Positions by id: the claim and its topic. */
  positions?: ReadonlyMap<number, { claim: string; topic: string }>;
  target?: RenderTarget;
  pageSize?: PageSize;
  lang?: string;
}

/** The longest stretch of an annotation's text its note repeats; the highlight shows all of it. */
const NOTE_EXCERPT_CHARS = 280;

interface Placed {
  n: number;
  ann: AnnotationForRender;
  from: number;
  to: number;
  /** The reference mark has been written. */
  done: boolean;
}

export function articlePageTemplates(article: Pick<Article, 'title'>): { headerHtml: string; footerHtml: string } {
  return { headerHtml: pageHeaderTemplate(''), footerHtml: pageFooterTemplate('', article.title) };
}

/**
 * Annotations in reading order (start, then end, then id), numbered from 1; orphans, which have no
 * place in the current text, come last.
 */
export function numberAnnotations<A extends AnnotationForRender>(annotations: readonly A[]): { n: number; ann: A }[] {
  const placed = annotations.filter((a) => !a.orphaned).sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);
  const orphans = annotations.filter((a) => a.orphaned).sort((a, b) => a.id - b.id);
  return [...placed, ...orphans].map((ann, i) => ({ n: i + 1, ann }));
}

export function renderArticleHtml(article: ArticleForRender, annotations: readonly AnnotationForRender[], ctx: ArticleRenderContext = {}): string {
  const doc = Node.fromJSON(articleSchema, article.doc);
  const index = TextIndex.of(doc);
  const numbered = numberAnnotations(annotations);
  const placed: Placed[] = numbered
    .filter(({ ann }) => !ann.orphaned)
    .map(({ n, ann }) => ({ n, ann, ...index.docRange(ann.start, ann.end), done: false }));

  const r = new ArticleRenderer(placed);
  const main = r.children(doc, 0) + r.flush(Infinity);
  const meta = [article.outlet, article.author, formatDate(article.publishedAt)].filter((s): s is string => !!s && !!s.trim()).map(escapeHtml);
  const url = safeHref(article.url);
  const count = numbered.length;
  const header =
    `<header class="doc-header">\n<p class="doc-kind">Annotated article · ${plural(count, 'annotation')}</p>\n` +
    `<h1 class="doc-title">${escapeHtml(article.title)}</h1>\n` +
    (meta.length ? `<p class="doc-meta">${meta.join('<span class="sep" aria-hidden="true">·</span>')}</p>\n` : '') +
    (url ? `<p class="doc-meta"><a${attr('href', url)}>${escapeHtml(url)}</a></p>\n` : '') +
    '</header>';
  const notes = numbered.length ? notesHtml(numbered, ctx) : '';
  const key = legend(placed);
  return page({
    lang: ctx.lang ?? 'en',
    title: article.title,
    author: article.author,
    description: article.outlet ?? undefined,
    css: documentCss(ctx.target ?? 'print', ctx.pageSize ?? 'A4', 'article'),
    bodyClass: 'article',
    body: [header, key, `<main class="doc-body">\n${main}</main>`, notes].filter(Boolean).join('\n'),
  });
}

class ArticleRenderer {
  constructor(private readonly placed: Placed[]) {}

  children(node: Node, contentStart: number): string {
    let out = '';
    node.forEach((child, offset) => (out += this.block(child, contentStart + offset)));
    return out;
  }

  private block(node: Node, pos: number): string {
    const inner = pos + 1;
    switch (node.type.name) {
      case 'paragraph': {
        const content = this.inline(node, inner);
        return content ? `<p>${content}</p>\n` : '';
      }
      case 'heading': {
        const level = Math.min(4, Math.max(1, Number(node.attrs.level) || 2)) + 1;
        return `<h${level}>${this.inline(node, inner)}</h${level}>\n`;
      }
      case 'blockquote':
        return `<blockquote>\n${this.children(node, inner)}</blockquote>\n`;
      case 'bullet_list':
        return `<ul>\n${this.children(node, inner)}</ul>\n`;
      case 'ordered_list': {
        const start = Number(node.attrs.order);
        return `<ol${start !== 1 && Number.isFinite(start) ? attr('start', start) : ''}>\n${this.children(node, inner)}</ol>\n`;
      }
      case 'list_item':
        return `<li>${this.children(node, inner)}</li>\n`;
      default:
        return this.children(node, inner);
    }
  }

  /** Reference marks of every annotation that ends at or before `pos` and has none yet. */
  flush(pos: number): string {
    let out = '';
    for (const p of this.placed) {
      if (!p.done && p.to <= pos) {
        p.done = true;
        out += `<sup class="ann-ref"${attr('id', `ann-ref-${p.n}`)}><a href="#ann-${p.n}">${p.n}</a></sup>`;
      }
    }
    return out;
  }

  private inline(node: Node, contentStart: number): string {
    const body = inlineHtml(node, contentStart, (child, pos) => {
      if (child.isText) return this.text(child.text!, pos);
      const leaf = child.type.name === 'hard_break' ? '<br>' : '';
      return this.flush(pos) + leaf;
    });
    return body + this.flush(contentStart + node.content.size);
  }

  /** A text node split where annotations start and end; covered pieces are highlighted. */
  private text(text: string, pos: number): string {
    const end = pos + text.length;
    const cuts = new Set<number>([pos, end]);
    for (const p of this.placed) {
      if (p.from > pos && p.from < end) cuts.add(p.from);
      if (p.to > pos && p.to < end) cuts.add(p.to);
    }
    const points = [...cuts].sort((a, b) => a - b);
    let out = '';
    for (let i = 0; i < points.length - 1; i++) {
      const a = points[i]!;
      const b = points[i + 1]!;
      out += this.flush(a);
      const piece = escapeHtml(text.slice(a - pos, b - pos));
      const active = this.placed.filter((p) => p.from <= a && p.to >= b && p.from < p.to);
      if (active.length) {
        const innermost = active.reduce((x, y) => (y.from >= x.from ? y : x));
        const cls = `ann k-${innermost.ann.kind}${active.length > 1 ? ' overlap' : ''}`;
        out += `<mark${attr('class', cls)}${attr('data-ann', active.map((p) => p.n).join(' '))}>${piece}</mark>`;
      } else {
        out += piece;
      }
    }
    return out + this.flush(end);
  }
}

const KIND_NAMES: Record<AnnotationKind, string> = { quote: 'Quote', paraphrase: 'Paraphrase', note: 'Note' };

/** What the highlight colours mean: one swatch per kind the article has, and overlaps when there are any. */
function legend(placed: Placed[]): string {
  if (!placed.length) return '';
  const kinds = annotationKinds.filter((k) => placed.some((p) => p.ann.kind === k));
  const overlaps = placed.some((a) => placed.some((b) => a !== b && a.from < b.to && b.from < a.to));
  const items = kinds.map((k) => `<span class="key k-${k}">${KIND_NAMES[k]}</span>`);
  if (overlaps) items.push('<span class="key overlap">Overlapping</span>');
  return `<p class="legend">Highlights: ${items.join(' ')} <span class="refs">Numbers refer to the notes at the end.</span></p>`;
}

function notesHtml(numbered: { n: number; ann: AnnotationForRender }[], ctx: ArticleRenderContext): string {
  const items = numbered.map(({ n, ann }) => `<li id="ann-${n}" value="${n}">${noteBody(ann, ctx)}</li>`).join('\n');
  return `<section class="endnotes" id="annotations" aria-labelledby="annotations-heading">\n<h2 id="annotations-heading">Annotations</h2>\n<ol>\n${items}\n</ol>\n</section>`;
}

function noteBody(ann: AnnotationForRender, ctx: ArticleRenderContext): string {
  const exact = ann.exact.replace(/\s+/g, ' ').trim();
  const excerpt = exact.length > NOTE_EXCERPT_CHARS ? `${exact.slice(0, NOTE_EXCERPT_CHARS).trimEnd()}…` : exact;
  const words = annotationWords(ann.kind, excerpt);
  const speaker = ann.speakerId !== null ? ctx.actors?.get(ann.speakerId) : undefined;
  const who = speaker
    ? `<span class="who">${escapeHtml(speaker.name)}</span>${speaker.affiliation ? ` (${escapeHtml(speaker.affiliation)})` : ''}`
    : ann.kind === 'note'
      ? ''
      : '<span class="who">No speaker</span>';
  const coding = [who, escapeHtml(ann.kind)].filter(Boolean);
  for (const p of ann.positions) {
    const pos = ctx.positions?.get(p.positionId);
    coding.push(`<span class="stance stance-${p.stance}">${escapeHtml(p.stance)}</span> ${pos ? `${escapeHtml(pos.claim)} <span class="topic">(${escapeHtml(pos.topic)})</span>` : `position ${p.positionId}`}`);
  }
  const tags = ann.tags?.length ? `<span class="tags">${ann.tags.map((t) => `<span class="tag">#${escapeHtml(t)}</span>`).join(' ')}</span>` : '';
  return (
    `<span class="exact">${escapeHtml(words.text)}</span>` +
    (words.label ? ` <span class="words-label">(${escapeHtml(words.label)})</span>` : '') +
    (ann.orphaned ? ' <span class="orphan">— not found in the current text</span>' : '') +
    `<span class="coding">${coding.join(' · ')}</span>` +
    (ann.comment ? `<span class="comment">${escapeHtml(ann.comment)}</span>` : '') +
    tags
  );
}
