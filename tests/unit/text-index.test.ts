import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { builders } from 'prosemirror-test-builder';
import type { Mark, Node } from 'prosemirror-model';
import { articleSchema } from '../../shared/schema/article';
import { projectText } from '../../shared/schema/text';
import { TextIndex } from '../../shared/text-index';

const s = articleSchema;
// The builders are typed by an index signature; name the ones used.
type Builder = (...children: unknown[]) => Node;
type Names = 'doc' | 'paragraph' | 'heading' | 'blockquote' | 'bullet_list' | 'list_item' | 'hard_break' | 'em' | 'strong';
const { doc, paragraph: p, heading: h, blockquote, bullet_list: ul, list_item: li, hard_break: br, em, strong } = builders(s) as unknown as Record<Names, Builder>;

const between = (d: Node, from: number, to: number) => d.textBetween(from, to, '\n\n', '\n');

// ---- Random article documents ----

const markSets: readonly (readonly Mark[])[] = [
  [],
  [s.marks.em!.create()],
  [s.marks.strong!.create()],
  [s.marks.em!.create(), s.marks.strong!.create()],
  [s.marks.link!.create({ href: 'https://example.org/a' })],
];

// Newlines and surrogate pairs in text nodes too: the projection counts UTF-16 code units as ProseMirror does.
const textArb = fc.string({ unit: fc.constantFrom('a', 'b', 'Z', ' ', '.', '\n', 'é', '😀'), minLength: 1, maxLength: 8 });

const inlineArb: fc.Arbitrary<Node> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(textArb, fc.constantFrom(...markSets)).map(([t, marks]) => s.text(t, marks)) },
  { weight: 1, arbitrary: fc.constant(null).map(() => s.nodes.hard_break!.create()) },
);
const inlineContent = fc.array(inlineArb, { maxLength: 5 });

const { block: blockArb } = fc.letrec<{ block: Node; textblock: Node; listItem: Node }>((tie) => ({
  textblock: fc.oneof(
    { weight: 3, arbitrary: inlineContent.map((c) => s.nodes.paragraph!.create(null, c)) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 4 }), inlineContent).map(([level, c]) => s.nodes.heading!.create({ level }, c)) },
  ),
  listItem: fc
    .tuple(inlineContent, fc.array(tie('block'), { maxLength: 2 }))
    .map(([c, rest]) => s.nodes.list_item!.create(null, [s.nodes.paragraph!.create(null, c), ...rest])),
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('textblock'),
    fc.array(tie('block'), { minLength: 1, maxLength: 3 }).map((c) => s.nodes.blockquote!.create(null, c)),
    fc.array(tie('listItem'), { minLength: 1, maxLength: 3 }).map((c) => s.nodes.bullet_list!.create(null, c)),
    fc.array(tie('listItem'), { minLength: 1, maxLength: 3 }).map((c) => s.nodes.ordered_list!.create({ order: 3 }, c)),
  ) as fc.Arbitrary<Node>,
}));

const docArb = fc.array(blockArb, { minLength: 1, maxLength: 5 }).map((blocks) => {
  const d = s.nodes.doc!.create(null, blocks);
  d.check();
  return d;
});

/** Every position inside a textblock's content, with its offset computed independently by textBetween. */
function textPositions(d: Node): { pos: number; offset: number; block: number }[] {
  const out: { pos: number; offset: number; block: number }[] = [];
  let block = 0;
  d.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    for (let q = pos + 1; q <= pos + 1 + node.content.size; q++) out.push({ pos: q, offset: between(d, 0, q).length, block });
    block++;
    return false;
  });
  return out;
}

const runs = { numRuns: 300 };

describe('TextIndex (properties over random article documents)', () => {
  it('projects exactly the text projectText gives', () => {
    fc.assert(
      fc.property(docArb, (d) => {
        expect(TextIndex.of(d).text).toBe(projectText(d));
      }),
      runs,
    );
  });

  it('maps every position inside a textblock to its textBetween offset, and back', () => {
    fc.assert(
      fc.property(docArb, (d) => {
        const index = TextIndex.of(d);
        for (const { pos, offset } of textPositions(d)) {
          expect(index.offsetAt(pos, -1)).toBe(offset);
          expect(index.offsetAt(pos, 1)).toBe(offset);
          expect(index.posAt(offset, -1)).toBe(pos);
          expect(index.posAt(offset, 1)).toBe(pos);
        }
      }),
      runs,
    );
  });

  it('round-trips every text offset; an offset inside a separator snaps to the block on the assoc side', () => {
    fc.assert(
      fc.property(docArb, (d) => {
        const index = TextIndex.of(d);
        const inBlock = new Set(textPositions(d).map((t) => t.offset));
        for (let o = 0; o <= index.text.length; o++) {
          if (inBlock.has(o)) {
            expect(index.offsetAt(index.posAt(o))).toBe(o);
          } else {
            // Only the middle of a '\n\n' separator has no position of its own.
            expect(index.text.slice(o - 1, o + 1)).toBe('\n\n');
            expect(index.offsetAt(index.posAt(o, -1))).toBe(o - 1);
            expect(index.offsetAt(index.posAt(o, 1))).toBe(o + 1);
          }
        }
      }),
      runs,
    );
  });

  it('snaps positions between blocks to the text before (assoc -1) or after (assoc 1)', () => {
    fc.assert(
      fc.property(docArb, (d) => {
        const index = TextIndex.of(d);
        const inside = new Set(textPositions(d).map((t) => t.pos));
        for (let q = 0; q <= d.content.size; q++) {
          if (inside.has(q)) continue;
          const back = index.offsetAt(q, -1);
          const fwd = index.offsetAt(q, 1);
          expect(back).toBeLessThanOrEqual(fwd);
          const backPos = index.posAt(back);
          const fwdPos = index.posAt(fwd);
          expect(inside.has(backPos) && inside.has(fwdPos)).toBe(true);
          // Snapping moves towards the requested side unless there is no text on that side.
          if (backPos > q) expect(between(d, 0, q)).toBe('');
          if (fwdPos < q) expect(fwd).toBe(index.text.length);
        }
      }),
      runs,
    );
  });

  it('textBetween(posAt(a), posAt(b)) is text.slice(a, b), inside one textblock and across blocks', () => {
    const check = (d: Node, a: number, b: number) => {
      const index = TextIndex.of(d);
      expect(between(d, index.posAt(a), index.posAt(b))).toBe(index.text.slice(a, b));
    };
    // Two offsets in the same textblock.
    fc.assert(
      fc.property(docArb, fc.nat(), fc.nat(), fc.nat(), (d, blockSeed, x, y) => {
        const offsets = textPositions(d);
        const block = blockSeed % (offsets[offsets.length - 1]!.block + 1);
        const mine = offsets.filter((t) => t.block === block).map((t) => t.offset);
        const a = mine[x % mine.length]!;
        const b = mine[y % mine.length]!;
        check(d, Math.min(a, b), Math.max(a, b));
      }),
      runs,
    );
    // Any two text offsets, usually in different blocks.
    fc.assert(
      fc.property(docArb, fc.nat(), fc.nat(), (d, x, y) => {
        const offsets = textPositions(d).map((t) => t.offset);
        const a = offsets[x % offsets.length]!;
        const b = offsets[y % offsets.length]!;
        check(d, Math.min(a, b), Math.max(a, b));
      }),
      runs,
    );
  });
});

describe('TextIndex (examples)', () => {
  const d = doc(
    h('Title'),
    p('One ', em('two'), br(), strong('three')),
    blockquote(p('Quoted')),
    ul(li(p('item')), li(p(), p('x'))),
  );
  const index = TextIndex.of(d);

  it('projects blocks with blank lines and hard breaks with a newline', () => {
    expect(index.text).toBe('Title\n\nOne two\nthree\n\nQuoted\n\nitem\n\n\n\nx');
    expect(index.text).toBe(projectText(d));
  });

  it('maps the start of the second paragraph', () => {
    const pos = 1 + 'Title'.length + 2; // close heading, open paragraph
    expect(index.offsetAt(pos)).toBe('Title\n\n'.length);
    expect(index.posAt('Title\n\n'.length)).toBe(pos);
  });

  it('gives the empty paragraph its own offset', () => {
    const offset = 'Title\n\nOne two\nthree\n\nQuoted\n\nitem\n\n'.length;
    const pos = index.posAt(offset);
    expect(d.resolve(pos).parent.type.name).toBe('paragraph');
    expect(d.resolve(pos).parent.content.size).toBe(0);
    expect(index.offsetAt(pos)).toBe(offset);
  });

  it('clamps out-of-range input and snaps the document edges to the text', () => {
    expect(index.offsetAt(-5)).toBe(0);
    expect(index.offsetAt(0)).toBe(0);
    expect(index.offsetAt(d.content.size)).toBe(index.text.length);
    expect(index.offsetAt(d.content.size + 9, 1)).toBe(index.text.length);
    expect(index.posAt(-1)).toBe(1);
    expect(index.posAt(index.text.length + 3)).toBe(index.posAt(index.text.length));
  });

  it('converts ranges both ways, never starting or ending on a bare separator', () => {
    const start = index.text.indexOf('two');
    const end = index.text.indexOf('Quoted') + 'Quo'.length;
    const { from, to } = index.docRange(start, end);
    expect(between(d, from, to)).toBe('two\nthree\n\nQuo');
    expect(index.textRange(from, to)).toEqual({ start, end });
    // A whole-document selection covers exactly the text.
    expect(index.textRange(0, d.content.size)).toEqual({ start: 0, end: index.text.length });
    // A range inside a separator collapses.
    const sep = index.text.indexOf('\n\nQuoted');
    const collapsed = index.docRange(sep + 1, sep + 1);
    expect(collapsed.from).toBe(collapsed.to);
  });
});
