// The windowed reader's two pieces of bookkeeping, without a browser: which decorations reach into
// a slice of the article (decoration-list.ts) and where each block sits (block-heights.ts).
import { describe, expect, it } from 'vitest';
import { Decoration } from 'prosemirror-view';
import { articleSchema } from '../../shared/schema';
import { DecorationList } from '../../renderer/editor/decoration-list';
import { BlockHeights } from '../../renderer/editor/block-heights';

const doc = articleSchema.node(
  'doc',
  null,
  Array.from({ length: 50 }, (_, i) => articleSchema.node('paragraph', null, articleSchema.text(`Paragraph ${i} of the talks.`))),
);

describe('decoration list', () => {
  const span = (from: number, to: number) => Decoration.inline(from, to, { class: `d${from}` });
  // Out of order, one long one reaching over many paragraphs, one inside it.
  const list = new DecorationList(doc, [span(300, 310), span(5, 12), span(40, 900), span(100, 104), span(950, 960)]);
  const ranges = (ds: Decoration[]) => ds.map((d) => [d.from, d.to]);

  it('finds what touches a range, in document order, including a long one that starts well before it', () => {
    expect(ranges(list.find(290, 320))).toEqual([
      [40, 900],
      [300, 310],
    ]);
    expect(ranges(list.find(0, 20))).toEqual([[5, 12]]);
    expect(ranges(list.find(901, 940))).toEqual([]);
    expect(ranges(list.find(900, 950))).toEqual([
      [40, 900],
      [950, 960],
    ]);
  });

  it('still finds every decoration after a whole-document view drew the list as a set', () => {
    // A short article draws the layer through asSet(); a search that opens it again reads the list.
    const fresh = new DecorationList(doc, [span(300, 310), span(5, 12), span(40, 900)]);
    fresh.asSet();
    expect(ranges(fresh.find())).toEqual([
      [5, 12],
      [40, 900],
      [300, 310],
    ]);
  });

  it('finds everything as ProseMirror’s set would', () => {
    const byStart = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]!;
    expect(ranges(list.find())).toEqual(ranges(list.asSet().find()).sort(byStart));
  });
});

describe('block heights', () => {
  // 1,000 blocks of 100 characters, 50 to a line: two lines of 20 px and a 10 px gap, 50 px each.
  const sizes = new Float64Array(1000).fill(100);

  it('places blocks by estimate, then by what was measured, and corrects the estimates of the rest', () => {
    const h = new BlockHeights(sizes, 20, 50, 10);
    expect(h.top(10)).toBe(500);
    expect(h.indexAt(525)).toBe(10);
    expect(h.indexAt(-5)).toBe(0);
    expect(h.indexAt(1e9)).toBe(999);
    // Shown, they turned out 60 px each: the rest are taken to be 60 px too.
    for (let i = 0; i < 10; i++) h.measure(i, 60);
    expect(h.top(10)).toBe(600);
    expect(h.top(1000)).toBeCloseTo(60_000);
    // A hidden reader measures 0: no measurement.
    h.measure(20, 0);
    expect(h.height(20)).toBeCloseTo(60);
  });

  it('forgets what it measured when the column changes width', () => {
    const h = new BlockHeights(sizes, 20, 50, 10);
    h.measure(0, 200);
    h.relayout(20, 100, 10);
    expect(h.height(0)).toBe(30);
  });
});
