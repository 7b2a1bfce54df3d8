// The article's text as the engine reads it: wink-nlp's tokens (with their character offsets, part
// of speech and lemma), its sentences cut again at paragraph breaks, and the paragraphs.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

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

// Loading the model takes ~100 ms: once per process (or worker), on first use.
let nlp: ReturnType<typeof winkNLP> | null = null;
function reader() {
  nlp ??= winkNLP(model);
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

export function readText(text: string): TextModel {
  const paragraphs = paragraphsOf(text);
  const nlp = reader();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // wink's typings declare `lemma` with the addons it needs; at run time it is an ordinary its-function.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;

  // wink gives no offsets: find each token in the text from where the last one ended.
  const tokens: Token[] = [];
  const keep: number[] = new Array(values.length).fill(-1);
  let cursor = 0;
  let para = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!value.trim()) continue;
    const at = text.indexOf(value, cursor);
    // A token wink normalised (rare) cannot be placed; skipping it keeps every offset exact.
    if (at < 0 || at - cursor > 200) continue;
    cursor = at + value.length;
    while (para < paragraphs.length - 1 && at >= paragraphs[para]!.end) para++;
    keep[i] = tokens.length;
    tokens.push({ start: at, end: cursor, text: value, lower: value.toLowerCase(), pos: pos[i]!, lemma: lemmas[i] ?? value.toLowerCase(), sentence: -1 });
  }

  // wink's sentences, cut again wherever a paragraph ends inside one (headlines carry no period).
  const sentences: Sentence[] = [];
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
  sentences.forEach((s, n) => {
    for (let t = s.first; t < s.end; t++) tokens[t]!.sentence = n;
  });
  return { text, tokens, sentences, paragraphs };
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
