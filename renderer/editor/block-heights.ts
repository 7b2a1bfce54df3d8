// How tall each top-level block of a long article is on screen, for the windowed reader
// (article-window.ts): measured once a block has been shown, estimated from its length until then
// (lines of the column's width, scaled by how far the measured blocks were from their estimates).
// Heights count from one block's top to the next one's, so they include the space between blocks.

export class BlockHeights {
  private readonly measured: Float64Array;
  private prefix: Float64Array;
  private dirty = true;
  /** Measured over estimated, for the blocks measured so far: corrects every estimate at once. */
  private scale = 1;
  private measuredSum = 0;
  private estimatedSumOfMeasured = 0;

  constructor(
    /** Each block's length in document positions (its characters, near enough). */
    private readonly sizes: ArrayLike<number>,
    private lineHeight: number,
    private charsPerLine: number,
    private gap: number,
  ) {
    this.measured = new Float64Array(sizes.length).fill(NaN);
    this.prefix = new Float64Array(sizes.length + 1);
  }

  get count(): number {
    return this.sizes.length;
  }

  /** The column changed width: lines break elsewhere, so what was measured no longer holds. */
  relayout(lineHeight: number, charsPerLine: number, gap: number): void {
    this.lineHeight = lineHeight;
    this.charsPerLine = charsPerLine;
    this.gap = gap;
    this.measured.fill(NaN);
    this.scale = 1;
    this.measuredSum = 0;
    this.estimatedSumOfMeasured = 0;
    this.dirty = true;
  }

  private estimate(i: number): number {
    return Math.max(1, Math.ceil(this.sizes[i]! / this.charsPerLine)) * this.lineHeight + this.gap;
  }

  /** A block's height as shown; a height of 0 (the reader hidden) is no measurement. */
  measure(i: number, height: number): void {
    if (!(height > 0) || this.measured[i] === height) return;
    const before = this.measured[i]!;
    if (Number.isNaN(before)) this.estimatedSumOfMeasured += this.estimate(i);
    else this.measuredSum -= before;
    this.measured[i] = height;
    this.measuredSum += height;
    this.scale = this.measuredSum / this.estimatedSumOfMeasured;
    this.dirty = true;
  }

  height(i: number): number {
    const m = this.measured[i]!;
    return Number.isNaN(m) ? this.estimate(i) * this.scale : m;
  }

  private prefixes(): Float64Array {
    if (this.dirty) {
      // 100,000 additions: a fraction of a millisecond, done at most once per window change.
      let y = 0;
      for (let i = 0; i < this.sizes.length; i++) {
        this.prefix[i] = y;
        y += this.height(i);
      }
      this.prefix[this.sizes.length] = y;
      this.dirty = false;
    }
    return this.prefix;
  }

  /** The top of block i (i = count: the bottom of the last). */
  top(i: number): number {
    return this.prefixes()[i]!;
  }

  /** The block at height y (clamped to the first and last). */
  indexAt(y: number): number {
    const p = this.prefixes();
    let lo = 0;
    let hi = this.sizes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (p[mid]! <= y) lo = mid;
      else hi = mid - 1;
    }
    return Math.max(0, lo);
  }
}
