// The article's text as the engine reads it: wink-nlp's tokens (with their character offsets, part
// of speech and lemma), its sentences cut again at paragraph breaks, and the paragraphs.
import { loadOnFirstUse } from '../load-on-first-use';
import type winkNLPType from 'wink-nlp';

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** Universal POS tag (PROPN, NOUN, VERB, AUX, PUNCT, …). */
  pos: string;
  lemma: string;
  /** Index of the sentence holding it. */
  sentence: number;
}

export interface Sentence {
  /** First and one-past-last token index. */
  first: number;
  end: number;
  paragraph: number;
}

export interface Paragraph {
  start: number;
  end: number;
}

export interface TextModel {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  paragraphs: Paragraph[];
}

// wink-nlp and its model take most of a second and ~25 MB to load: once per process (or worker),
// on first use, so no other CLI command pays for them.
let nlp: ReturnType<typeof winkNLPType> | null = null;
function reader() {
  if (!nlp) {
    const winkNLP = loadOnFirstUse<typeof winkNLPType>('wink-nlp');
    nlp = winkNLP(loadOnFirstUse('wink-eng-lite-web-model'));
  }
  return nlp;
}

export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      let s = start;
      let e = i;
      while (s < e && /\s/.test(text[s]!)) s++;
      while (e > s && /\s/.test(text[e - 1]!)) e--;
      if (e > s) out.push({ start: s, end: e });
      start = i + 1;
    }
  }
  return out;
}

/**
 * Reads the text in pieces of whole paragraphs (about 20,000 characters each): wink cannot be
 * interrupted inside one call, so `checkTime` between pieces is what keeps a deadline on a
 * 100,000-paragraph article.
 */
export function readText(text: string, checkTime: () => void = () => {}): TextModel {
  const paragraphs = paragraphsOf(text);
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let p = 0;
  while (p < paragraphs.length) {
    checkTime();
    const from = p;
    while (p < paragraphs.length && (p === from || paragraphs[p]!.end - paragraphs[from]!.start < 20_000)) p++;
    readPiece(text, paragraphs[from]!.start, paragraphs[p - 1]!.end, paragraphs, tokens, sentences);
  }
  sentences.forEach((s, n) => {
    for (let t = s.first; t < s.end; t++) tokens[t]!.sentence = n;
  });
  return { text, tokens, sentences, paragraphs };
}

function readPiece(text: string, start: number, end: number, paragraphs: readonly Paragraph[], tokens: Token[], sentences: Sentence[]) {
  const nlp = reader();
  const its = nlp.its;
  const piece = text.slice(start, end);
  // wink's tokeniser slows with the square of a word's length: a 100,000-letter "word" takes half a
  // minute. Past 64 characters the rest of a word is blanked for wink (same length, so every offset
  // still holds); nobody is quoted inside such a string anyway.
  const doc = nlp.readDoc(piece.replace(/\S{65,}/g, (w) => w.slice(0, 64) + ' '.repeat(w.length - 64)));
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // wink's typings declare `lemma` with the addons it needs; at run time it is an ordinary its-function.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;

  // wink gives no offsets: find each token in the text from where the last one ended.
  const keep: number[] = new Array(values.length).fill(-1);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!value.trim()) continue;
    const at = piece.indexOf(value, cursor);
    // A token wink normalised (rare) cannot be placed; skipping it keeps every offset exact.
    if (at < 0 || at - cursor > 200) continue;
    cursor = at + value.length;
    keep[i] = tokens.length;
    tokens.push({ start: start + at, end: start + cursor, text: value, lower: value.toLowerCase(), pos: pos[i]!, lemma: lemmas[i] ?? value.toLowerCase(), sentence: -1 });
  }

  // wink's sentences, cut again wherever a paragraph ends inside one (headlines carry no period).
  for (const [a, b] of spans) {
    let first = -1;
    let last = -1;
    for (let i = a; i <= b; i++) {
      if (keep[i]! < 0) continue;
      if (first < 0) first = keep[i]!;
      last = keep[i]!;
    }
    if (first < 0) continue;
    let s = first;
    for (let t = first + 1; t <= last + 1; t++) {
      if (t === last + 1 || paragraphOf(paragraphs, tokens[t]!.start) !== paragraphOf(paragraphs, tokens[t - 1]!.start)) {
        sentences.push({ first: s, end: t, paragraph: paragraphOf(paragraphs, tokens[s]!.start) });
        s = t;
      }
    }
  }
}

/** The paragraph holding offset `at` (binary search). */
export function paragraphOf(paragraphs: readonly Paragraph[], at: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paragraphs[mid]!.start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The first token starting at or after `offset`. */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
