// A briefing as Markdown (CommonMark with the GFM table, strikethrough and footnote extensions):
// quotes become blockquotes with an attribution line (inline quotes “words in quotation marks”), citations footnotes [^n] numbered like the
// PDF's, stance tables GFM tables of the current matrix, figures their SVG as a data: image (the
// file stays one file) over their caption. Underline and highlight have no Markdown form and are
// dropped (their text stays).
import { Node } from 'prosemirror-model';
import { TableMap } from 'prosemirror-tables';
import { defaultMarkdownSerializer, MarkdownSerializer, type MarkdownSerializerState } from 'prosemirror-markdown';
import type { Matrix } from '../../../shared/model';
import { briefingSchema, type QuoteSnapshot } from '../../../shared/schema/briefing';
import { citationOrder } from '../../../shared/schema/citations';
import { citedSources, classificationLine, formatDate, printedFigure, sourceParts, stanceRows, type BriefingForRender, type FigureDrawings, type SourceMeta } from '../../../shared/render';
import { figureSvg, type FigureAttrs } from '../../../shared/landscape/figure';
import { textParagraphs } from '../../../shared/render/briefing-html';

export interface MarkdownContext {
  matrices?: ReadonlyMap<number, Matrix | undefined>;
  figures?: FigureDrawings;
  sources?: ReadonlyMap<number, SourceMeta>;
}

const base = defaultMarkdownSerializer.nodes;

/** Escapes text for a GFM table cell: Markdown specials, then pipes; newlines become spaces. */
const cellText = (state: MarkdownSerializerState, text: string) => state.esc(text.replace(/\s+/g, ' ').trim()).replace(/(?<!\\)\|/g, '\\|');

function gfmTable(state: MarkdownSerializerState, node: Node, rows: string[][]) {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const [head = [], ...body] = rows;
  state.write([line(head), line(Array.from({ length: width }, () => '---')), ...body.map(line)].join('\n'));
  state.closeBlock(node);
}

export function briefingMarkdown(briefing: BriefingForRender, ctx: MarkdownContext = {}): string {
  const doc = Node.fromJSON(briefingSchema, briefing.doc);
  const order = citationOrder(doc);
  const ref = (articleId: number) => (order.has(articleId) ? `[^${order.get(articleId)}]` : '');
  let figures = 0;

  const serializer: MarkdownSerializer = new MarkdownSerializer(
    {
      ...base,
      // The title is the document's only level-1 heading; the briefing's own headings sit below it.
      heading(state, node) {
        state.write(`${state.repeat('#', Math.min(3, Number(node.attrs.level) || 1) + 1)} `);
        state.renderInline(node, false);
        state.closeBlock(node);
      },
      bullet_list(state, node) {
        state.renderList(node, '  ', () => '- ');
      },
      table(state, node) {
        const map = TableMap.get(node);
        const rows: string[][] = [];
        for (let r = 0; r < map.height; r++) {
          const row: string[] = [];
          for (let c = 0; c < map.width; c++) {
            const offset = map.map[r * map.width + c]!;
            const rect = map.findCell(offset);
            // A merged cell's text goes in its top-left slot; the slots it spans stay empty.
            if (rect.left !== c || rect.top !== r) {
              row.push('');
              continue;
            }
            const cell = node.nodeAt(offset)!;
            const md = serializer.serialize(cell, { tightLists: true }).replace(/\n+/g, ' ').trim();
            row.push(md.replace(/(?<!\\)\|/g, '\\|'));
          }
          rows.push(row);
        }
        gfmTable(state, node, rows);
      },
      quote(state, node) {
        const q = node.attrs as QuoteSnapshot;
        const isQuote = q.kind === 'quote';
        const paragraphs = textParagraphs(q.text);
        state.wrapBlock('> ', null, node, () => {
          paragraphs.forEach((p, i) => {
            const open = isQuote && i === 0 ? '“' : '';
            const close = isQuote && i === paragraphs.length - 1 ? '”' : '';
            state.write(open);
            state.text(isQuote ? p.replace(/^["“]+|["”]+$/g, '') : p, true);
            state.write(close);
            state.closeBlock(node);
          });
          const who = [`**${state.esc(q.speaker ?? 'Unattributed')}**`];
          if (q.affiliation) who.push(state.esc(q.affiliation));
          state.write(`— ${who.join(', ')}${isQuote ? '' : ` *(${q.kind === 'paraphrase' ? 'paraphrased' : state.esc(q.kind)})*`}${ref(q.articleId)}`);
        });
      },
      stance_table(state, node) {
        const m = ctx.matrices?.get(node.attrs.topicId as number);
        const topic = m?.topic.name ?? (node.attrs.topic as string);
        state.write(`**Actors & positions: ${state.esc(topic)}**`);
        state.closeBlock(node);
        if (!m) {
          state.write(`*The topic “${state.esc(node.attrs.topic as string)}” is no longer in the codebook.*`);
          state.closeBlock(node);
          return;
        }
        if (!m.actors.length || !m.positions.length) {
          state.write('*No actor has been coded on a position of this topic yet.*');
          state.closeBlock(node);
          return;
        }
        const { header, rows } = stanceRows(m);
        gfmTable(state, node, [header.map((h) => cellText(state, h)), ...rows.map((r) => [cellText(state, r.actor), ...r.cells.map((c) => cellText(state, c.label))])]);
      },
      figure(state, node) {
        const attrs = node.attrs as FigureAttrs;
        const f = printedFigure(attrs, ++figures, ctx.figures);
        if (f.drawn) state.write(`![${state.esc(`${f.label} ${f.caption}`)}](data:image/svg+xml;base64,${Buffer.from(figureSvg(f.drawn, attrs.colouring).svg).toString('base64')})`);
        else state.write(`*${state.esc(f.missing ?? '')}*`);
        state.closeBlock(node);
        state.write(`**${f.label}** ${state.esc(f.caption)}${f.source ? ` *${state.esc(f.source)}*` : ''}`);
        state.closeBlock(node);
      },
      inline_quote(state, node) {
        const q = node.attrs as QuoteSnapshot;
        const isQuote = q.kind === 'quote';
        const words = (isQuote ? q.text.trim().replace(/^["“]+|["”]+$/g, '') : q.text).replace(/\s+/g, ' ').trim();
        if (isQuote) state.write('“');
        state.text(words, true);
        state.write(`${isQuote ? '”' : ''}${ref(q.articleId)}`);
      },
      actor(state, node) {
        state.text(node.attrs.name as string, true);
      },
      cite(state, node) {
        state.write(ref(node.attrs.articleId as number));
      },
    },
    {
      ...defaultMarkdownSerializer.marks,
      // Never an autolink: prosemirror-markdown writes a link whose text is its href as `<href>`
      // with the text unescaped, so `https://a.example/><script>…` became live markup. As
      // `[text](href)` the text is escaped like all text, and the address cannot end early.
      link: {
        open: '[',
        close: (_state, mark) => `](${linkDestination(mark.attrs.href as string)})`,
        mixable: true,
      },
      strike: { open: '~~', close: '~~', mixable: true, expelEnclosingWhitespace: true },
      underline: { open: '', close: '' },
      highlight: { open: '', close: '' },
    },
    // Text in a briefing can hold anything an imported article or a name held; escaped, "<img …>"
    // stays words in every Markdown renderer instead of becoming markup.
    { escapeExtraCharacters: /[<>]/g },
  );

  const line = classificationLine(briefing);
  const meta = [briefing.author.trim(), formatDate(briefing.date), briefing.status === 'final' ? 'Final' : 'Draft'].filter(Boolean).map(esc);
  const parts: string[] = [];
  if (line) parts.push(`**${esc(line)}**`);
  parts.push(`# ${esc(briefing.title)}`, `*${meta.join(' · ')}*`);
  parts.push(serializer.serialize(doc, { tightLists: true }).trim());
  const notes = citedSources(doc, ctx.sources).map((s) => `[^${s.n}]: ${sourceMarkdown(s)}`);
  if (notes.length) parts.push(notes.join('\n'));
  if (line) parts.push(`**${esc(line)}**`);
  return `${parts.filter(Boolean).join('\n\n')}\n`;
}

/** A link target inside `( )`: what could end it or start markup is percent-encoded or escaped. */
function linkDestination(href: string): string {
  // eslint-disable-next-line no-control-regex
  return href.replace(/[\s<>\u0000-\u001f\u007f-\u009f]/g, encodeURIComponent).replace(/[()"\\]/g, '\\$&');
}

/** Escapes inline Markdown in text that is not at the start of a line. */
const esc = (s: string) => s.replace(/[\\`*_[\]<>|~]/g, '\\$&');

function sourceMarkdown(src: SourceMeta): string {
  return sourceParts(src)
    .map((p) => (p.kind === 'outlet' ? `*${esc(p.text)}*` : p.kind === 'url' ? `<${p.text.replace(/[<>\s]/g, encodeURIComponent)}>` : esc(p.text)))
    .join('');
}
