// Sentences and paragraphs of an article's plain-text projection, for selecting by keyboard. The
// projection joins blocks with a blank line, and a line break ends a sentence for the segmenter,
// so a sentence never runs across paragraphs.

export interface Span {
  start: number;
  end: number;
}

/** Trims white space off both ends; null when nothing is left. */
function trimmed(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

export function sentences(text: string): Span[] {
  const out: Span[] = [];
  for (const s of new Intl.Segmenter(undefined, { granularity: 'sentence' }).segment(text)) {
    const span = trimmed(text, s.index, s.index + s.segment.length);
    if (span) out.push(span);
  }
  return out;
}

export function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  const re = /\n\s*\n/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const span = trimmed(text, at, m.index);
    if (span) out.push(span);
    at = m.index + m[0].length;
  }
  const last = trimmed(text, at, text.length);
  if (last) out.push(last);
  return out;
}

/**
 * The passage after `from` (forward: the first that starts at or after it) or before it
 * (backward: the last that ends at or before it); at either end of the text, the last or first one.
 */
export function step(spans: Span[], from: number, dir: 1 | -1): Span | null {
  if (!spans.length) return null;
  if (dir === 1) return spans.find((s) => s.start >= from) ?? spans[spans.length - 1]!;
  for (let i = spans.length - 1; i >= 0; i--) if (spans[i]!.end <= from) return spans[i]!;
  return spans[0]!;
}

/** The passage that contains `offset`, or the next one. */
export function at(spans: Span[], offset: number): Span | null {
  return spans.find((s) => s.end > offset) ?? spans[spans.length - 1] ?? null;
}

// Opening mark → closing mark. Straight double quotes pair up in turn within a paragraph.
const PAIRS: Record<string, string> = { '“': '”', '„': '“', '«': '»', '「': '」', '『': '』', '"': '"' };
// Punctuation a house style puts inside the closing mark though the speaker's sentence goes on.
const TRAILING = /[.,;:]+$/;

/** The words inside quotation marks, without the marks and without a trailing full stop or comma. */
export function quotations(text: string): Span[] {
  const out: Span[] = [];
  for (const para of paragraphs(text)) {
    let i = para.start;
    while (i < para.end) {
      const close = PAIRS[text[i]!];
      if (!close) {
        i++;
        continue;
      }
      const j = text.indexOf(close, i + 1);
      if (j < 0 || j >= para.end) {
        i++;
        continue;
      }
      const inner = text.slice(i + 1, j).replace(TRAILING, '');
      const span = trimmed(text, i + 1, i + 1 + inner.length);
      if (span) out.push(span);
      i = j + 1;
    }
  }
  return out;
}

/**
 * The quotation to select: the first one starting inside or after the current selection (or after
 * `from` when nothing is selected); when the selection already is that quotation, the next one.
 */
export function nextQuotation(spans: Span[], from: number, current: Span | null): Span | null {
  const start = current ? current.start : from;
  const i = spans.findIndex((s) => s.start >= start);
  if (i < 0) return null;
  const hit = spans[i]!;
  if (current && hit.start === current.start && hit.end === current.end) return spans[i + 1] ?? null;
  return hit;
}
