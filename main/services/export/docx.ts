// A briefing as a Word document (docx): Word's own heading styles (so the navigation pane and a
// table of contents work), real lists, tables with repeating header rows, quotes as indented styled
// paragraphs with an attribution line, and citations as footnotes. The classification line sits
// in every page's header and footer, beside "Page n of N".
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  ImageRun,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IRunOptions,
  type NumberingDefinition,
  type ParagraphChild,
} from 'docx';
import { Node } from 'prosemirror-model';
import type { Matrix } from '../../../shared/model';
import { briefingSchema, type QuoteSnapshot } from '../../../shared/schema/briefing';
import { safeHref } from '../../../shared/schema/url';
import { citedSources, classificationLine, formatDate, printedFigure, sourceParts, speakerLabel, stanceRows, type BriefingForRender, type FigureDrawings, type PageSize, type SourceMeta, type StanceCell } from '../../../shared/render';
import { figureSvg, type FigureAttrs } from '../../../shared/landscape/figure';
import { svgToPng } from './svg-png';
import { textParagraphs } from '../../../shared/render/briefing-html';

export interface DocxContext {
  matrices?: ReadonlyMap<number, Matrix | undefined>;
  figures?: FigureDrawings;
  sources?: ReadonlyMap<number, SourceMeta>;
  pageSize?: PageSize;
}

/** Twips (1/20 pt) per millimetre. */
const mm = (n: number) => Math.round((n * 1440) / 25.4);
const PAGE = { A4: { width: 11906, height: 16838 }, Letter: { width: 12240, height: 15840 } } as const;
const MARGIN = mm(20);

const SERIF = { ascii: 'Georgia', hAnsi: 'Georgia', cs: 'Georgia', eastAsia: 'Batang' };
const SANS = { ascii: 'Arial', hAnsi: 'Arial', cs: 'Arial', eastAsia: 'Malgun Gothic' };
const ACCENT = '1F3A5F';
const MUTED = '5A606B';
const RULE = 'C8CCD3';

const STANCE_FILL: Record<StanceCell['stance'], string | null> = { supports: 'E6F3E9', opposes: 'FBE8E8', neutral: 'F0F1F3', mixed: 'FFF5D6', none: null };

type Block = Paragraph | Table;

interface Marks {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  strike?: boolean;
  highlight?: boolean;
  link?: string | null;
}

class DocxWriter {
  readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  private nextFootnote = 1;
  /** The footnote holding each article's full reference, to point later citations at it. */
  private readonly firstNote = new Map<number, number>();
  private readonly sources: Map<number, SourceMeta>;
  readonly numbering: NumberingDefinition[] = [bulletDefinition()];
  private readonly orderedRefs = new Map<number, string>();
  private listInstance = 0;
  private figures = 0;

  constructor(
    doc: Node,
    private readonly ctx: DocxContext,
  ) {
    this.sources = new Map(citedSources(doc, ctx.sources).map((s) => [s.articleId, s]));
  }

  blocks(parent: Node, indent = 0): Block[] {
    const out: Block[] = [];
    parent.forEach((node) => out.push(...this.block(node, indent)));
    return out;
  }

  private block(node: Node, indent: number): Block[] {
    const ind = indent ? { indent: { left: indent } } : {};
    switch (node.type.name) {
      case 'paragraph':
        return [new Paragraph({ ...ind, children: this.inline(node) })];
      case 'heading': {
        const level = Math.min(3, Math.max(1, Number(node.attrs.level) || 1));
        const heading = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][level - 1]!;
        return [new Paragraph({ heading, keepNext: true, keepLines: true, children: this.inline(node) })];
      }
      case 'blockquote':
        return this.blockquote(node, indent);
      case 'horizontal_rule':
        return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: RULE, space: 1 } }, spacing: { after: 200 }, children: [] })];
      case 'bullet_list':
      case 'ordered_list':
        return this.list(node, 0, indent);
      case 'table':
        return [this.table(node)];
      case 'quote':
        return this.quote(node.attrs as QuoteSnapshot, indent);
      case 'stance_table':
        return this.stanceTable(node.attrs.topicId as number, node.attrs.topic as string);
      case 'figure':
        return this.figure(node.attrs as FigureAttrs);
      default:
        return this.blocks(node, indent);
    }
  }

  private blockquote(node: Node, indent: number): Block[] {
    const out: Block[] = [];
    node.forEach((child) => {
      if (child.type.name === 'paragraph') out.push(new Paragraph({ style: 'VerbatimBlockquote', indent: { left: indent + mm(8) }, children: this.inline(child) }));
      else out.push(...this.block(child, indent + mm(8)));
    });
    return out;
  }

  private list(node: Node, level: number, indent: number): Block[] {
    const ordered = node.type.name === 'ordered_list';
    const reference = ordered ? this.orderedReference(Number(node.attrs.order) || 1) : 'verbatim-bullets';
    const instance = ++this.listInstance;
    const out: Block[] = [];
    node.forEach((item) => {
      let first = true;
      item.forEach((child) => {
        if (child.type.name === 'bullet_list' || child.type.name === 'ordered_list') {
          out.push(...this.list(child, Math.min(level + 1, 8), indent));
        } else if (first && child.type.name === 'paragraph') {
          out.push(new Paragraph({ numbering: { reference, level, instance }, children: this.inline(child) }));
          first = false;
        } else {
          // Further paragraphs of the item line up with its text, without a number.
          out.push(...this.block(child, indent + mm(6.35) * (level + 1)));
          first = false;
        }
      });
    });
    return out;
  }

  private orderedReference(start: number): string {
    let ref = this.orderedRefs.get(start);
    if (!ref) {
      ref = `verbatim-numbers-${start}`;
      this.orderedRefs.set(start, ref);
      this.numbering.push(numberDefinition(ref, start));
    }
    return ref;
  }

  inline(parent: Node): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    parent.forEach((child) => {
      const m: Marks = {};
      for (const mark of child.marks) {
        const name = mark.type.name;
        if (name === 'strong') m.bold = true;
        else if (name === 'em') m.italics = true;
        else if (name === 'underline') m.underline = true;
        else if (name === 'strike') m.strike = true;
        else if (name === 'highlight') m.highlight = true;
        else if (name === 'link') m.link = safeHref(mark.attrs.href as string);
      }
      switch (child.type.name) {
        case 'text':
          out.push(this.run(child.text!, m));
          break;
        case 'actor':
          out.push(this.run(child.attrs.name as string, m));
          break;
        case 'hard_break':
          out.push(new TextRun({ break: 1 }));
          break;
        case 'cite':
          out.push(this.citation(child.attrs.articleId as number));
          break;
        case 'inline_quote': {
          const q = child.attrs as QuoteSnapshot;
          const isQuote = q.kind === 'quote';
          const words = (isQuote ? q.text.trim().replace(/^["“]+|["”]+$/g, '') : q.text).replace(/\s+/g, ' ').trim();
          out.push(this.run(isQuote ? `“${words}”` : words, isQuote ? m : { ...m, italics: true }));
          out.push(this.citation(q.articleId, speakerLabel(q)));
          break;
        }
      }
    });
    return out;
  }

  private run(text: string, m: Marks): ParagraphChild {
    const opts: IRunOptions = {
      text,
      ...(m.bold ? { bold: true } : {}),
      ...(m.italics ? { italics: true } : {}),
      ...(m.underline || m.link ? { underline: {} } : {}),
      ...(m.strike ? { strike: true } : {}),
      ...(m.highlight ? { highlight: 'yellow' as const } : {}),
      ...(m.link ? { color: ACCENT } : {}),
    };
    const run = new TextRun(opts);
    return m.link ? new ExternalHyperlink({ link: m.link, children: [run] }) : run;
  }

  /**
   * A footnote for this citation: the full reference the first time, a short one pointing back after
   * that. An inline quote's footnote names its `speaker` first: the text around it does not.
   */
  citation(articleId: number, speaker?: string): FootnoteReferenceRun {
    const src = this.sources.get(articleId);
    const id = this.nextFootnote++;
    const first = this.firstNote.get(articleId);
    const who = speaker ? [new TextRun(` ${speaker}, quoted in:`)] : [];
    let children: ParagraphChild[];
    if (first === undefined || !src) {
      this.firstNote.set(articleId, id);
      children = [...who, new TextRun(' '), ...(src ? sourceRuns(src) : [new TextRun(`Article ${articleId}.`)])];
    } else {
      children = [...who, new TextRun({ text: ` ${src.outlet ? `${src.outlet}, ` : ''}“${src.title}” (see note ${first}).` })];
    }
    this.footnotes[String(id)] = { children: [new Paragraph({ children })] };
    return new FootnoteReferenceRun(id);
  }

  private quote(q: QuoteSnapshot, indent: number): Block[] {
    const isQuote = q.kind === 'quote';
    const paragraphs = textParagraphs(q.text);
    const out: Block[] = paragraphs.map((p, i) => {
      const text = `${isQuote && i === 0 ? '“' : ''}${isQuote ? p.replace(/^["“]+|["”]+$/g, '') : p}${isQuote && i === paragraphs.length - 1 ? '”' : ''}`;
      const lines = text.split('\n');
      return new Paragraph({
        style: 'VerbatimQuote',
        ...(indent ? { indent: { left: indent + mm(8) } } : {}),
        children: lines.map((line, j) => new TextRun({ text: line, ...(j > 0 ? { break: 1 } : {}), ...(isQuote ? {} : { italics: true }) })),
      });
    });
    const who: ParagraphChild[] = [new TextRun('— '), new TextRun({ text: q.speaker ?? 'Unattributed', bold: true, color: '1B1D21' })];
    if (q.affiliation) who.push(new TextRun(`, ${q.affiliation}`));
    if (!isQuote) who.push(new TextRun({ text: ` (${q.kind === 'paraphrase' ? 'paraphrased' : q.kind})`, italics: true }));
    if (this.sources.has(q.articleId)) who.push(this.citation(q.articleId));
    out.push(new Paragraph({ style: 'VerbatimAttribution', ...(indent ? { indent: { left: indent + mm(8) } } : {}), children: who }));
    return out;
  }

  private table(node: Node): Table {
    const rows: TableRow[] = [];
    let inHead = true;
    node.forEach((row) => {
      const allHeaders = row.childCount > 0 && row.content.content.every((c) => c.type.name === 'table_header');
      inHead = inHead && allHeaders && rows.length < node.childCount - 1;
      const cells: TableCell[] = [];
      row.forEach((cell) => {
        const isHeader = cell.type.name === 'table_header';
        const children = this.blocks(cell);
        cells.push(
          new TableCell({
            children: children.length ? children : [new Paragraph({ children: [] })],
            ...(Number(cell.attrs.colspan) > 1 ? { columnSpan: Number(cell.attrs.colspan) } : {}),
            ...(Number(cell.attrs.rowspan) > 1 ? { rowSpan: Number(cell.attrs.rowspan) } : {}),
            ...(isHeader ? { shading: { type: ShadingType.CLEAR, fill: 'EEF1F5', color: 'auto' } } : {}),
          }),
        );
      });
      rows.push(new TableRow({ children: cells, cantSplit: true, ...(inHead ? { tableHeader: true } : {}) }));
    });
    return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, borders: tableBorders() });
  }

  private stanceTable(topicId: number, storedTopic: string): Block[] {
    const m = this.ctx.matrices?.get(topicId);
    const caption = new Paragraph({ style: 'VerbatimCaption', keepNext: true, children: [new TextRun(`Actors & positions: ${m?.topic.name ?? storedTopic}`)] });
    if (!m) return [caption, new Paragraph({ children: [new TextRun({ text: `The topic “${storedTopic}” is no longer in the codebook.`, italics: true, color: MUTED })] })];
    if (!m.actors.length || !m.positions.length) return [caption, new Paragraph({ children: [new TextRun({ text: 'No actor has been coded on a position of this topic yet.', italics: true, color: MUTED })] })];
    const { header, rows } = stanceRows(m);
    const cell = (text: string, opts: { bold?: boolean; fill?: string | null; center?: boolean } = {}) =>
      new TableCell({
        children: [new Paragraph({ alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT, children: [new TextRun({ text, bold: !!opts.bold, font: SANS, size: 18 })] })],
        ...(opts.fill ? { shading: { type: ShadingType.CLEAR, fill: opts.fill, color: 'auto' } } : {}),
      });
    const table = new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: tableBorders(),
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h) => cell(h, { bold: true, fill: 'EEF1F5' })) }),
        ...rows.map((r) => new TableRow({ cantSplit: true, children: [cell(r.actor, { bold: true }), ...r.cells.map((c) => cell(c.label, { fill: STANCE_FILL[c.stance], center: true }))] })),
      ],
    });
    return [caption, table, new Paragraph({ children: [] })];
  }

  /**
   * A landscape picture as an image the width of the text: the SVG itself (vector, in Word 2016
   * and later) with a PNG at twice that size for the rest; the caption under it, kept together.
   */
  private figure(attrs: FigureAttrs): Block[] {
    const f = printedFigure(attrs, ++this.figures, this.ctx.figures);
    const caption = new Paragraph({
      style: 'VerbatimFigureCaption',
      children: [new TextRun({ text: f.label, bold: true }), new TextRun(` ${f.caption}`), ...(f.source ? [new TextRun({ text: ` ${f.source}`, color: MUTED })] : [])],
    });
    if (!f.drawn) return [new Paragraph({ keepNext: true, children: [new TextRun({ text: f.missing ?? '', italics: true, color: MUTED })] }), caption];
    const { svg, width, height } = figureSvg(f.drawn, attrs.colouring);
    const page = PAGE[this.ctx.pageSize ?? 'A4'];
    // Twips to pixels at 96 to the inch: 15 twips a pixel.
    const shown = Math.round((page.width - 2 * MARGIN) / 15);
    const image = new ImageRun({
      type: 'svg',
      data: Buffer.from(svg),
      fallback: { type: 'png', data: svgToPng(svg, width * 2) },
      transformation: { width: shown, height: Math.round((shown * height) / width) },
      altText: { name: f.label, title: f.caption, description: [f.caption, f.source].filter(Boolean).join(' ') },
    });
    return [new Paragraph({ keepNext: true, keepLines: true, spacing: { before: 200 }, children: [image] }), caption];
  }
}

function sourceRuns(src: SourceMeta): ParagraphChild[] {
  // Word has a footnote per citation, each naming its own speaker: the Sources' list of who was
  // quoted from an article would repeat them.
  return sourceParts({ ...src, speakers: [] }).map((p) =>
    p.kind === 'outlet' ? new TextRun({ text: p.text, italics: true }) : p.kind === 'url' ? new ExternalHyperlink({ link: p.text, children: [new TextRun({ text: p.text, color: ACCENT })] }) : new TextRun(p.text),
  );
}

function tableBorders() {
  const line = { style: BorderStyle.SINGLE, size: 4, color: RULE };
  return { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };
}

function bulletDefinition(): NumberingDefinition {
  const glyphs = ['•', '◦', '▪'];
  return {
    reference: 'verbatim-bullets',
    levels: Array.from({ length: 9 }, (_, level) => ({
      level,
      format: LevelFormat.BULLET,
      text: glyphs[level % 3]!,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: mm(6.35) * (level + 1), hanging: mm(6.35) } } },
    })),
  };
}

function numberDefinition(reference: string, start: number): NumberingDefinition {
  const formats = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];
  return {
    reference,
    levels: Array.from({ length: 9 }, (_, level) => ({
      level,
      format: formats[level % 3]!,
      text: `%${level + 1}.`,
      start: level === 0 ? start : 1,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: mm(6.35) * (level + 1), hanging: mm(6.35) } } },
    })),
  };
}

export async function briefingDocx(briefing: BriefingForRender, ctx: DocxContext = {}): Promise<Uint8Array> {
  const doc = Node.fromJSON(briefingSchema, briefing.doc);
  const writer = new DocxWriter(doc, ctx);
  const line = classificationLine(briefing);
  const size = PAGE[ctx.pageSize ?? 'A4'];
  const textWidth = size.width - 2 * MARGIN;

  const meta = [briefing.author.trim(), formatDate(briefing.date), briefing.status === 'final' ? 'Final' : 'Draft'].filter(Boolean).join('  ·  ');
  const titleBlock: Paragraph[] = [
    new Paragraph({ style: 'VerbatimKicker', children: [new TextRun('BRIEFING NOTE')] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(briefing.title)] }),
    new Paragraph({
      style: 'VerbatimMeta',
      border: { bottom: { style: BorderStyle.SINGLE, size: 16, color: ACCENT, space: 6 } },
      children: [new TextRun(meta)],
    }),
  ];
  const body = writer.blocks(doc);

  const header = new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: line, bold: true, font: SANS, size: 15 })] })],
  });
  const footer = new Footer({
    children: [
      new Paragraph({
        tabStops: [
          { type: TabStopType.CENTER, position: Math.round(textWidth / 2) },
          { type: TabStopType.RIGHT, position: textWidth },
        ],
        children: [
          new TextRun({ text: briefing.title.length > 48 ? `${briefing.title.slice(0, 47)}…` : briefing.title, font: SANS, size: 15, color: '666666' }),
          new TextRun({ children: [new Tab(), line], bold: true, font: SANS, size: 15 }),
          new TextRun({ children: [new Tab(), 'Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], font: SANS, size: 15 }),
        ],
      }),
    ],
  });

  const document = new Document({
    title: briefing.title,
    creator: briefing.author.trim() || 'Verbatim',
    lastModifiedBy: 'Verbatim',
    subject: line || undefined,
    description: 'Briefing note exported from Verbatim',
    footnotes: writer.footnotes,
    numbering: { config: writer.numbering },
    styles: {
      default: {
        document: { run: { font: SERIF, size: 21, color: '1B1D21' }, paragraph: { spacing: { after: 120, line: 276 } } },
        title: { run: { font: SANS, size: 40, bold: true, color: '1B1D21' }, paragraph: { spacing: { after: 80 } } },
        heading1: { run: { font: SANS, size: 27, bold: true, color: ACCENT }, paragraph: { spacing: { before: 320, after: 120 }, keepNext: true, keepLines: true, border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: RULE, space: 2 } } } },
        heading2: { run: { font: SANS, size: 23, bold: true, color: ACCENT }, paragraph: { spacing: { before: 260, after: 80 }, keepNext: true, keepLines: true } },
        heading3: { run: { font: SANS, size: 21, bold: true, color: '1B1D21' }, paragraph: { spacing: { before: 200, after: 60 }, keepNext: true, keepLines: true } },
      },
      paragraphStyles: [
        { id: 'VerbatimKicker', name: 'Kicker', basedOn: 'Normal', run: { font: SANS, size: 15, bold: true, color: MUTED, characterSpacing: 30 }, paragraph: { spacing: { after: 80 } } },
        { id: 'VerbatimMeta', name: 'Briefing meta', basedOn: 'Normal', run: { font: SANS, size: 18, color: MUTED }, paragraph: { spacing: { after: 280 } } },
        {
          id: 'VerbatimQuote',
          name: 'Embedded quote',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 22 },
          paragraph: {
            indent: { left: mm(8), right: mm(4) },
            spacing: { before: 120, after: 40 },
            keepNext: true,
            keepLines: true,
            border: { left: { style: BorderStyle.SINGLE, size: 24, color: ACCENT, space: 8 } },
            shading: { type: ShadingType.CLEAR, fill: 'F4F6F9', color: 'auto' },
          },
        },
        {
          id: 'VerbatimAttribution',
          name: 'Quote attribution',
          basedOn: 'Normal',
          next: 'Normal',
          run: { font: SANS, size: 17, color: MUTED },
          paragraph: {
            indent: { left: mm(8), right: mm(4) },
            spacing: { after: 200 },
            keepLines: true,
            border: { left: { style: BorderStyle.SINGLE, size: 24, color: ACCENT, space: 8 } },
            shading: { type: ShadingType.CLEAR, fill: 'F4F6F9', color: 'auto' },
          },
        },
        { id: 'VerbatimBlockquote', name: 'Block quotation', basedOn: 'Normal', run: { color: '30343B' }, paragraph: { border: { left: { style: BorderStyle.SINGLE, size: 12, color: RULE, space: 8 } } } },
        { id: 'VerbatimFigureCaption', name: 'Figure caption', basedOn: 'Normal', run: { font: SANS, size: 17 }, paragraph: { spacing: { before: 60, after: 240 } } },
        { id: 'VerbatimCaption', name: 'Table caption', basedOn: 'Normal', run: { font: SANS, size: 17, bold: true, color: MUTED, allCaps: true }, paragraph: { spacing: { before: 200, after: 60 } } },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: size.width, height: size.height },
            margin: { top: mm(24), bottom: mm(22), left: MARGIN, right: MARGIN, header: mm(10), footer: mm(10) },
          },
        },
        headers: { default: header },
        footers: { default: footer },
        children: [...titleBlock, ...body],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
