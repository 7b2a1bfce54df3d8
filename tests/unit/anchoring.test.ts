import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  OffsetMap,
  PREFIX_SUFFIX_CHARS,
  checkRange,
  reanchor,
  sameWords,
  selectorsFor,
  type AnchorInput,
  type AnchorStatus,
} from '../../shared/anchoring';
import { fuzzyAnywhere } from '../bench/whole-text-matcher';

const fixture = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/japan-korea-labor-row.txt'), 'utf8');
/** The article as the projection has it: paragraphs separated by a blank line. */
const paragraphs = fixture.trim().split(/\n\n+/);
const article = paragraphs.join('\n\n');

const SINCERITY = 'to show more sincerity to resolve the problem';

/** An annotation on the `occurrence`-th (0-based) occurrence of `quote` in `text`. */
function annotate(text: string, quote: string, occurrence = 0, id = 1): AnchorInput<number> {
  let start = -1;
  for (let k = 0; k <= occurrence; k++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`“${quote}” does not occur ${occurrence + 1} time(s)`);
  return { id, ...selectorsFor(text, start, start + quote.length) };
}

/** `text` with the first occurrence of `from` (which must occur) replaced by `to`. */
function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`“${from}” is not in the text`);
  return text.replace(from, () => to);
}

/** Paragraph `from` moved to index `to` (in the list without it). */
function moveParagraph(text: string, from: number, to: number): string {
  const ps = text.split('\n\n');
  const [moved] = ps.splice(from, 1);
  ps.splice(to, 0, moved!);
  return ps.join('\n\n');
}

interface Case {
  name: string;
  /** The old text; the article unless given. */
  old?: string;
  quote: string;
  occurrence?: number;
  change: (text: string) => string;
  /** What the anchor covers in the new text, or null for an orphan. */
  expected: string | null;
  /** Which occurrence of `expected` in the new text (0-based); 0 unless given. */
  expectedOccurrence?: number;
  status: AnchorStatus | AnchorStatus[];
}

const withTypo = edit(article, 'Kim stressed', 'Kim stresed');

const cases: Case[] = [
  // Unchanged and shifted.
  { name: 'nothing changed', quote: SINCERITY, change: (t) => t, expected: SINCERITY, status: 'exact-position' },
  {
    name: 'E2E: fix a word before the quote; the anchor still covers exactly those words',
    old: withTypo,
    quote: SINCERITY,
    change: (t) => edit(t, 'Kim stresed', 'Kim stressed'),
    expected: SINCERITY,
    status: 'mapped',
  },
  { name: 'insertion before the quote', quote: SINCERITY, change: (t) => edit(t, 'on Thursday', 'on Thursday morning, in a rare public rebuke,'), expected: SINCERITY, status: 'mapped' },
  { name: 'deletion before the quote', quote: SINCERITY, change: (t) => edit(t, ', according to the Japanese Foreign Ministry', ''), expected: SINCERITY, status: 'mapped' },
  { name: 'whole paragraph before the quote deleted', quote: SINCERITY, change: (t) => t.replace(paragraphs[2]! + '\n\n', ''), expected: SINCERITY, status: 'mapped' },
  { name: 'insertion right before the quote stays outside it', quote: SINCERITY, change: (t) => edit(t, '"to show', '"urgently to show'), expected: SINCERITY, status: 'mapped' },
  { name: 'insertion right after the quote stays outside it', quote: SINCERITY, change: (t) => edit(t, 'the problem."', 'the problem," it added.'), expected: SINCERITY, status: 'exact-position' },
  { name: 'insertion after the quote', quote: SINCERITY, change: (t) => edit(t, 'a move seen', 'a move widely seen'), expected: SINCERITY, status: 'exact-position' },
  { name: 'deletion after the quote', quote: SINCERITY, change: (t) => t.replace(paragraphs[4]! + '\n\n', ''), expected: SINCERITY, status: 'exact-position' },

  // Edited inside: the anchor covers the edited words.
  {
    name: 'insertion inside the quote',
    quote: SINCERITY,
    change: (t) => edit(t, 'show more sincerity', 'show much more sincerity'),
    expected: 'to show much more sincerity to resolve the problem',
    status: 'fuzzy-near',
  },
  {
    name: 'deletion inside the quote',
    quote: SINCERITY,
    change: (t) => edit(t, 'more sincerity', 'sincerity'),
    expected: 'to show sincerity to resolve the problem',
    status: 'fuzzy-near',
  },
  {
    name: 'typo fixed inside the quote',
    old: edit(article, 'more sincerity', 'more sincerety'),
    quote: 'to show more sincerety to resolve the problem',
    change: (t) => edit(t, 'sincerety', 'sincerity'),
    expected: SINCERITY,
    status: 'fuzzy-near',
  },
  {
    name: 'first word of the quote rewritten',
    quote: 'Relations between the two countries have slumped',
    change: (t) => edit(t, 'Relations between the two countries', 'Ties between the two countries'),
    expected: 'Ties between the two countries have slumped',
    status: 'fuzzy-near',
  },
  {
    name: 'last word of the quote rewritten',
    quote: 'Relations between the two countries have slumped',
    change: (t) => edit(t, 'countries have slumped', 'countries have sunk'),
    expected: 'Relations between the two countries have sunk',
    status: 'fuzzy-near',
  },
  {
    name: 'short quote with a word inserted (more errors than the search allows; the diff still knows)',
    quote: 'frayed bilateral relations',
    change: (t) => edit(t, 'frayed bilateral relations', 'frayed and increasingly bitter bilateral relations'),
    expected: 'frayed and increasingly bitter bilateral relations',
    status: 'fuzzy-near',
  },

  // White space.
  {
    name: 'double spaces collapsed inside the quote',
    old: edit(article, 'more sincerity to resolve', 'more  sincerity  to resolve'),
    quote: 'to show more  sincerity  to resolve the problem',
    change: (t) => edit(t, 'more  sincerity  to resolve', 'more sincerity to resolve'),
    expected: SINCERITY,
    status: 'fuzzy-near',
  },
  {
    name: 'paragraph re-wrapped with line breaks',
    quote: SINCERITY,
    change: (t) => edit(t, 'companies "to show more sincerity to resolve', 'companies\n"to show more\nsincerity to resolve'),
    expected: 'to show more\nsincerity to resolve the problem',
    status: 'fuzzy-near',
  },
  {
    name: 'blank lines and indentation changed elsewhere',
    quote: SINCERITY,
    change: (t) => t.replace(/\n\n/g, '\n\n\n').replace(/^/gm, '  '),
    expected: SINCERITY,
    status: 'mapped',
  },

  // Repeated words, moves and deletions.
  {
    name: 'a quote whose words occur twice keeps to its own occurrence',
    quote: 'liquidation process',
    occurrence: 1,
    change: (t) => edit(t, 'Nippon Steel\'s South Korean assets', 'Nippon Steel Corp.\'s South Korean assets, worth billions of won,'),
    expected: 'liquidation process',
    expectedOccurrence: 1,
    status: 'mapped',
  },
  {
    name: 'whole paragraph moved: the quote moves with it, not to the other occurrence of its words',
    quote: 'the ministry said',
    occurrence: 1,
    change: (t) => moveParagraph(t, paragraphs.length - 1, 7),
    expected: 'the ministry said',
    expectedOccurrence: 1,
    status: 'exact-quote',
  },
  {
    name: 'whole paragraph moved and edited',
    quote: 'closely cooperate bilaterally and trilaterally with the United States',
    change: (t) => edit(moveParagraph(t, paragraphs.length - 1, 3), 'closely cooperate', 'cooperate closely'),
    expected: 'cooperate closely bilaterally and trilaterally with the United States',
    status: 'fuzzy-near',
  },
  {
    name: 'quote deleted entirely: an orphan, never dropped',
    quote: 'a move seen as retaliation',
    change: (t) => t.replace(paragraphs[4]! + '\n\n', ''),
    expected: null,
    status: 'orphan',
  },
  {
    name: 'quote rewritten beyond recognition: an orphan',
    quote: 'unfair" export controls imposed on South Korea',
    change: (t) => edit(t, 'unfair" export controls imposed on South Korea', 'unjust" curbs it placed on Seoul'),
    expected: null,
    status: 'orphan',
  },
];

describe('reanchor', () => {
  it.each(cases)('$name', (c) => {
    const oldText = c.old ?? article;
    const annotation = annotate(oldText, c.quote, c.occurrence);
    const newText = c.change(oldText);
    const [result, ...rest] = reanchor(oldText, newText, [annotation]);
    expect(rest).toHaveLength(0);
    expect(result!.id).toBe(annotation.id);
    expect([c.status].flat()).toContain(result!.status);
    if (c.expected === null) {
      expect(result!.selectors).toBeUndefined();
      return;
    }
    const want = annotate(newText, c.expected, c.expectedOccurrence ?? 0);
    expect(result!.selectors).toEqual(selectorsFor(newText, want.start, want.end));
  });

  it('re-anchors many annotations in one call, in input order, orphans included', () => {
    const quotes = [SINCERITY, 'a move seen as retaliation', 'the ministry said', 'extremely serious situation'];
    const annotations = quotes.map((q, i) => annotate(article, q, 0, 100 + i));
    const newText = edit(article.replace(paragraphs[4]! + '\n\n', ''), 'on Thursday', 'on Thursday afternoon');
    const results = reanchor(article, newText, annotations);
    expect(results.map((r) => r.id)).toEqual([100, 101, 102, 103]);
    expect(results.map((r) => r.status)).toEqual(['mapped', 'orphan', 'mapped', 'mapped']);
    expect(results.map((r) => r.selectors?.exact ?? null)).toEqual([SINCERITY, null, 'the ministry said', 'extremely serious situation']);
  });

  it('re-attaches an orphan when its words come back, at the occurrence nearest its old position', () => {
    // Offsets of an orphan are from an older text; only the quote and the old position as a hint count.
    const first = annotate(article, 'liquidation process', 0);
    const second = annotate(article, 'liquidation process', 1);
    const results = reanchor(article, article, [
      { ...first, orphaned: true, start: first.start + 20, end: first.end + 20 },
      { ...second, orphaned: true, start: second.start - 20, end: second.end - 20 },
    ]);
    expect(results.map((r) => r.status)).toEqual(['exact-quote', 'exact-quote']);
    expect(results.map((r) => r.selectors!.start)).toEqual([first.start, second.start]);
  });

  it('prefers the context that agrees when two occurrences are equally near', () => {
    const oldText = 'The minister said no. Then the envoy said no.';
    const annotation = annotate(oldText, 'said no', 1);
    // The stale hint sits exactly between the two occurrences.
    const hint = (oldText.indexOf('said no') + oldText.lastIndexOf('said no')) / 2;
    const [result] = reanchor(oldText, oldText, [{ ...annotation, orphaned: true, start: hint, end: hint + 7 }]);
    expect(result!.selectors!.start).toBe(oldText.lastIndexOf('said no'));
  });

  it('maps through edits in unspaced scripts too', () => {
    const sentence = '日本政府は韓国に対し、元徴用工問題の解決策を示すよう求めた。';
    const oldText = Array.from({ length: 60 }, (_, i) => `${i}番目の段落。${sentence}`).join('\n\n');
    const quote = '解決策を示すよう求めた';
    const annotation = annotate(oldText, quote, 30);
    const newText = edit(oldText, '5番目の段落。', '5番目の段落、追加された文。');
    const [result] = reanchor(oldText, newText, [annotation]);
    expect(result!.status).toBe('mapped');
    expect(result!.selectors!.start).toBe(annotation.start + '、追加された文'.length);
  });

  it('treats an annotation without words as an orphan', () => {
    const [result] = reanchor(article, article, [{ id: 1, start: 0, end: 0, exact: '', prefix: '', suffix: '' }]);
    expect(result!.status).toBe('orphan');
  });

  it('keeps a quote on its words whatever is edited outside it (property)', () => {
    const words = ['the', 'ministry', 'said', 'Seoul', 'Tokyo', 'ruling', 'court', 'labor', 'assets', 'of', 'a', 'and'];
    const textArb = fc.array(fc.constantFrom(...words), { minLength: 30, maxLength: 80 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(), fc.nat(), fc.string({ maxLength: 12 }), (text, qa, qb, at, insert) => {
        const a = qa % (text.length - 10);
        const b = a + 5 + (qb % Math.min(40, text.length - a - 5));
        fc.pre(!checkRange(text, a, b));
        // One edit (delete up to 6 characters, insert a string) entirely before or after the quote.
        const before = at % 2 === 0;
        const pos = before ? (at >> 1) % (a + 1) : b + ((at >> 1) % (text.length - b + 1));
        const del = Math.min(6, before ? a - pos : text.length - pos);
        const newText = text.slice(0, pos) + insert + text.slice(pos + del);
        // An edit that runs into the quote's first or last word changes that word: see the word-boundary properties.
        const joins = (x: string | undefined, y: string | undefined) => isWordChar(x) && isWordChar(y);
        fc.pre(!(before && pos + del === a && joins(newText[pos + insert.length - 1], text[a])));
        fc.pre(!(!before && pos === b && joins(text[b - 1], newText[pos])));
        const [r] = reanchor(text, newText, [{ id: 0, ...selectorsFor(text, a, b) }]);
        expect(['exact-position', 'mapped', 'exact-quote']).toContain(r!.status);
        expect(r!.selectors!.exact).toBe(text.slice(a, b));
      }),
      { numRuns: 300 },
    );
  });
});

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
/** Whether offset i of text lies between two letters or digits of one word. */
const cutsWord = (text: string, i: number) => isWordChar(text[i - 1]) && isWordChar(text[i]);

describe('re-anchoring keeps to word boundaries', () => {
  // Issue 10, item 5: "completely and finally", "finally" edited to "irreversibly" in edit-text
  // mode, became "completely and i"; putting the word back left "completely and fi".
  it('takes in the whole edited word, and gives the quote back when the word is restored', () => {
    const quote = 'completely and finally';
    const annotation = annotate(article, quote);
    const edited = edit(article, quote, 'completely and irreversibly');
    const [there] = reanchor(article, edited, [annotation]);
    expect(there!.selectors!.exact).toBe('completely and irreversibly');
    const [back] = reanchor(edited, article, [{ id: 1, ...there!.selectors! }]);
    expect(back!.selectors).toEqual(selectorsFor(article, annotation.start, annotation.end));
  });

  it.each([
    // A quote's last word replaced by a longer one: the match used to stop a few letters in.
    ['discussed frayed bilateral', 'bilateral relations', 'irreversibly relations', 'discussed frayed irreversibly'],
    ['rectification measures, Kim', 'measures, Kim urged', 'measures, completely urged', 'rectification measures, completely'],
    // Its first word replaced: the match used to start inside the new word.
    ['a delay in', 'for a delay', 'for finally delay', 'finally delay in'],
  ])('“%s” with “%s” edited to “%s” becomes “%s”, and comes back', (quote, from, to, expected) => {
    const annotation = annotate(article, quote);
    const edited = edit(article, from, to);
    const [there] = reanchor(article, edited, [annotation]);
    expect(there!.selectors!.exact).toBe(expected);
    const [back] = reanchor(edited, article, [{ id: 1, ...there!.selectors! }]);
    expect(back!.selectors!.exact).toBe(quote);
  });

  it('does not find a whole-word quote inside a longer word', () => {
    const oldText = 'Officials in Seoul will speak again tomorrow. On Monday they spoke to reporters for an hour.';
    const annotation = annotate(oldText, 'to', 1); // the first "to" is in "tomorrow"
    const newText = edit(oldText, 'spoke to reporters', 'spoke with reporters');
    const [r] = reanchor(oldText, newText, [annotation]);
    // Not the "to" of "tomorrow" nearby, but the word that replaced it (the service then flags the change).
    expect(r!.selectors!.exact).toBe('with');
  });

  it('never starts or ends a quote of whole words inside a word, whatever is edited (property)', () => {
    const words = ['the', 'ministry', 'said', 'Seoul', 'Tokyo', 'ruling', 'court', 'labor', 'assets', 'of', 'a', 'and', 'finally', 'completely'];
    const textArb = fc.array(fc.constantFrom(...words), { minLength: 30, maxLength: 80 }).map((ws) => ws.join(' '));
    const insertArb = fc.oneof(fc.constantFrom('irreversibly', 'x', 'un', 'ly', ' new words ', ''), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(), fc.nat(), fc.nat(12), insertArb, (text, qa, qb, at, del, insert) => {
        // A quote of whole words, one to six of them.
        const starts = [...text.matchAll(/\S+/g)].map((m) => m.index);
        const i = qa % (starts.length - 1);
        const j = Math.min(starts.length - 1, i + 1 + (qb % 6));
        const a = starts[i]!;
        const b = text.lastIndexOf(' ', starts[j]! - 1) === -1 ? text.length : starts[j]! - 1;
        // One edit anywhere: inside the quote, across its edges, or outside it.
        const pos = at % text.length;
        const newText = text.slice(0, pos) + insert + text.slice(Math.min(text.length, pos + del));
        fc.pre(/[\p{L}\p{N}]/u.test(newText));
        const [r] = reanchor(text, newText, [{ id: 0, ...selectorsFor(text, a, b) }]);
        if (!r!.selectors) return;
        const { start, end } = r!.selectors;
        expect(cutsWord(newText, start), `starts inside a word: “${newText.slice(start, end)}” in “${newText}”`).toBe(false);
        expect(cutsWord(newText, end), `ends inside a word: “${newText.slice(start, end)}” in “${newText}”`).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps a quote that began or ended inside a word as it was when nothing near it changed', () => {
    const oldText = 'The unilateral measures were lifted. Nothing else changed in the report that day.';
    const annotation = annotate(oldText, 'lateral measures');
    const newText = edit(oldText, 'Nothing else', 'Little else');
    const [r] = reanchor(oldText, newText, [annotation]);
    expect(r!.selectors!.exact).toBe('lateral measures');
  });
});

describe('sameWords', () => {
  it('ignores only how white space falls', () => {
    expect(sameWords('completely and\nfinally', 'completely and finally')).toBe(true);
    expect(sameWords('completely and finally', 'completely and irreversibly')).toBe(false);
    expect(sameWords('settled, finally', 'settled finally')).toBe(false);
  });
});

describe('fuzzyAnywhere (the benchmark peer)', () => {
  it('finds an edited quote anywhere in the text and orphans a deleted one', () => {
    const newText = edit(moveParagraph(article, 3, 0).replace(paragraphs[4]! + '\n\n', ''), 'more sincerity', 'much more sincerity');
    const results = fuzzyAnywhere(newText, [annotate(article, SINCERITY, 0, 1), annotate(article, 'a move seen as retaliation', 0, 2)]);
    expect(results.map((r) => r.status)).toEqual(['fuzzy-anywhere', 'orphan']);
    expect(results[0]!.selectors!.exact).toBe('to show much more sincerity to resolve the problem');
  });
});

describe('OffsetMap', () => {
  it('keeps text inserted at an edge outside the range and takes in text that replaced an edge', () => {
    const oldText = 'alpha beta gamma delta';
    const range = { start: 6, end: 16 }; // "beta gamma"
    const map = (newText: string) => {
      const r = OffsetMap.between(oldText, newText).mapRange(range.start, range.end);
      return newText.slice(r.start, r.end);
    };
    expect(map('alpha NEW beta gamma delta')).toBe('beta gamma');
    expect(map('alpha beta gamma NEW delta')).toBe('beta gamma');
    expect(map('alpha beta NEW gamma delta')).toBe('beta NEW gamma');
    expect(map('alpha zeta gamma delta')).toBe('zeta gamma');
    expect(map('delta')).toBe('');
  });
});

describe('selectorsFor', () => {
  it('reads the quote and up to PREFIX_SUFFIX_CHARS of context on either side', () => {
    const start = article.indexOf(SINCERITY);
    const s = selectorsFor(article, start, start + SINCERITY.length);
    expect(s.exact).toBe(SINCERITY);
    expect(s.prefix).toBe(article.slice(start - PREFIX_SUFFIX_CHARS, start));
    expect(s.suffix).toBe(article.slice(start + SINCERITY.length, start + SINCERITY.length + PREFIX_SUFFIX_CHARS));
    expect(s.prefix).toHaveLength(32);
    expect(s.suffix).toHaveLength(32);
  });

  it('shortens the context at the edges of the text', () => {
    expect(selectorsFor(article, 0, 5)).toEqual({ start: 0, end: 5, exact: 'Japan', prefix: '', suffix: article.slice(5, 37) });
    const end = article.length;
    expect(selectorsFor(article, end - 5, end)).toMatchObject({ exact: 'said.', suffix: '', prefix: article.slice(end - 37, end - 5) });
  });

  it('rejects a range that is not in the text', () => {
    expect(() => selectorsFor(article, -1, 3)).toThrow(RangeError);
    expect(() => selectorsFor(article, 5, 3)).toThrow(RangeError);
    expect(() => selectorsFor(article, 0, article.length + 1)).toThrow(RangeError);
    expect(() => selectorsFor(article, 0.5, 3)).toThrow(RangeError);
  });
});

describe('checkRange', () => {
  const blank = article.indexOf('\n\n');
  it.each([
    ['a quote', article.indexOf(SINCERITY), article.indexOf(SINCERITY) + SINCERITY.length, null],
    ['the whole text', 0, article.length, null],
    ['a start before the text', -1, 10, /outside/],
    ['an end after the text', 10, article.length + 1, /outside/],
    ['a start after the end', 20, 10, /after it ends/],
    ['an empty selection', 10, 10, /empty/],
    ['only the blank line between paragraphs', blank, blank + 2, /white space/],
    ['spaces only', article.indexOf(' '), article.indexOf(' ') + 1, /white space/],
    ['fractional offsets', 1.5, 4, /whole/],
    ['NaN', Number.NaN, 4, /whole/],
  ] as const)('%s', (_name, start, end, expected) => {
    const problem = checkRange(article, start, end);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});
