// Export: a briefing as PDF, HTML, Markdown or Word, and an article with its coding as PDF. The
// service gathers what the renderers need (the live matrices of stance tables, the cited articles
// as the library has them now), renders in memory and hands back the whole file; nothing is
// written to disk here, so a failed export leaves nothing behind.
import { Node } from 'prosemirror-model';
import type { BriefingExportFormat, ExportedDocument, PageSizeName } from '../../../shared/contract';
import type { Briefing, Matrix } from '../../../shared/model';
import { briefingSchema } from '../../../shared/schema/briefing';
import { citationOrder } from '../../../shared/schema/citations';
import {
  articlePageTemplates,
  briefingPageTemplates,
  classificationLine,
  fileSlug,
  renderArticleHtml,
  renderBriefingHtml,
  figureKey,
  type ArticleRenderContext,
  type FigureDrawings,
  type SourceMeta,
} from '../../../shared/render';
import { drawFigure, drawTimelineFigure, type FigureAttrs, type FrozenFigure } from '../../../shared/landscape/figure';
import { AppError } from '../../errors';
import type { AnnotationService } from '../annotations';
import type { BriefingService } from '../briefings';
import type { CodebookService } from '../codebook';
import type { LandscapeService } from '../landscape';
import type { LibraryService } from '../library';
import type { QuoteService } from '../quotes';
import type { Printer } from './printer';
import { setPdfMetadata } from './pdf-metadata';
import { briefingMarkdown } from './markdown';
import { briefingDocx } from './docx';

export const MIME_TYPES: Record<BriefingExportFormat, string> = {
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export const NO_PRINTER_MESSAGE =
  'No PDF printer is available: PDF export needs Chromium or Google Chrome (browser mode and the CLI) or the desktop app. HTML, Markdown and Word exports still work.';

export interface ExportDeps {
  briefings: BriefingService;
  library: LibraryService;
  annotations: AnnotationService;
  codebook: CodebookService;
  quotes: QuoteService;
  landscape: LandscapeService;
}

/** What the renderers read besides the briefing itself. */
export interface BriefingExportContext {
  matrices: Map<number, Matrix | undefined>;
  sources: Map<number, SourceMeta>;
  figures: FigureDrawings;
}

export class ExportService {
  constructor(
    private readonly deps: ExportDeps,
    private readonly printer?: Printer,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** True when PDF export can work here. */
  get canPrint(): boolean {
    return !!this.printer;
  }

  async briefing(id: number, format: BriefingExportFormat, pageSize: PageSizeName = 'A4'): Promise<ExportedDocument> {
    const briefing = this.deps.briefings.get(id);
    const ctx = this.context(briefing);
    const filename = `${fileSlug(briefing.title)}-${briefing.date ?? this.today()}.${format}`;
    const done = (bytes: Uint8Array | string): ExportedDocument => ({ filename, mimeType: MIME_TYPES[format], base64: Buffer.from(bytes).toString('base64') });
    switch (format) {
      case 'html':
        return done(renderBriefingHtml(briefing, { ...ctx, target: 'file', pageSize }));
      case 'md':
        return done(briefingMarkdown(briefing, ctx));
      case 'docx':
        return done(await briefingDocx(briefing, { ...ctx, pageSize }));
      case 'pdf': {
        const printer = this.needPrinter();
        const html = renderBriefingHtml(briefing, { ...ctx, target: 'print', pageSize });
        const pdf = await this.print(printer, html, { pageSize, title: briefing.title, ...briefingPageTemplates(briefing) });
        const line = classificationLine(briefing);
        return done(await setPdfMetadata(pdf, { title: briefing.title, author: briefing.author, subject: line ? `Briefing note · ${line}` : 'Briefing note', keywords: ['briefing', briefing.status] }, this.now()));
      }
    }
  }

  /** The article with its annotations highlighted and numbered, and a note per annotation. */
  async articlePdf(id: number, pageSize: PageSizeName = 'A4'): Promise<ExportedDocument> {
    const printer = this.needPrinter();
    const article = this.deps.library.get(id);
    const annotations = this.deps.annotations.list(id);
    const html = renderArticleHtml(article, annotations, { ...this.codingContext(), target: 'print', pageSize });
    const pdf = await this.print(printer, html, { pageSize, title: article.title, ...articlePageTemplates(article) });
    const bytes = await setPdfMetadata(pdf, { title: article.title, author: article.author, subject: `Coded article${article.outlet ? ` · ${article.outlet}` : ''}`, keywords: ['annotations'] }, this.now());
    return { filename: `${fileSlug(article.title, 'article')}-coding.pdf`, mimeType: 'application/pdf', base64: Buffer.from(bytes).toString('base64') };
  }

  /** The live matrix of every stance table, the drawing of every live figure, and the library's metadata of every cited article. */
  context(briefing: Pick<Briefing, 'doc'>): BriefingExportContext {
    const doc = Node.fromJSON(briefingSchema, briefing.doc);
    const matrices = new Map<number, Matrix | undefined>();
    const figures = new Map<string, FrozenFigure | undefined>();
    doc.descendants((node) => {
      if (node.type.name === 'stance_table') {
        const topicId = node.attrs.topicId as number;
        if (!matrices.has(topicId)) matrices.set(topicId, this.deps.quotes.findMatrix(topicId));
      }
      if (node.type.name === 'figure' && !(node.attrs as FigureAttrs).frozen) {
        const { query } = node.attrs as FigureAttrs;
        const key = figureKey(query);
        if (!figures.has(key)) figures.set(key, this.drawFigure(query));
      }
      return true;
    });
    const sources = new Map<number, SourceMeta>();
    for (const articleId of citationOrder(doc).keys()) {
      try {
        const a = this.deps.library.get(articleId);
        sources.set(articleId, { title: a.title, outlet: a.outlet, author: a.author, publishedAt: a.publishedAt, url: a.url });
      } catch (err) {
        // An article since deleted for good: the quote snapshot or the cite's title stands in.
        if (!(err instanceof AppError && err.code === 'not_found')) throw err;
      }
    }
    return { matrices, sources, figures };
  }

  /** A live figure drawn from the library as it is now; undefined when its topic was deleted. */
  private drawFigure(query: FigureAttrs['query']): FrozenFigure | undefined {
    try {
      if (query.type === 'timeline') {
        const { type: _timeline, ...filter } = query;
        return drawTimelineFigure(this.deps.landscape.timeline(filter));
      }
      return drawFigure(this.deps.landscape.network(query));
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found') return undefined;
      throw err;
    }
  }

  private codingContext(): Pick<ArticleRenderContext, 'actors' | 'positions'> {
    const actors = new Map(
      this.deps.codebook.listActors().map((a) => [a.id, { name: a.name, affiliation: a.affiliations.map((f) => (f.role ? `${f.role}, ${f.organizationName}` : f.organizationName)).join('; ') || null }]),
    );
    const positions = new Map(this.deps.codebook.listTopics().flatMap((t) => t.positions.map((p) => [p.id, { claim: p.claim, topic: t.name }] as const)));
    return { actors, positions };
  }

  private needPrinter(): Printer {
    if (!this.printer) throw new AppError('unsupported', NO_PRINTER_MESSAGE);
    return this.printer;
  }

  private async print(printer: Printer, html: string, opts: Parameters<Printer['print']>[1]): Promise<Uint8Array> {
    try {
      return await printer.print(html, opts);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('internal', `Printing the PDF failed: ${(err as Error)?.message?.split('\n')[0] ?? err}. Nothing was saved.`);
    }
  }

  private today(): string {
    return this.now().toISOString().slice(0, 10);
  }
}
