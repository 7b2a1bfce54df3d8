// Direct quotations and their frames: "“…,” Kim said." / "“…,” said Kim, the minister." /
// "Kim said: “…”" / "According to Kim, “…”", split quotations ("“…,” he said. “…”") and
// quotations that continue the last speaker's with no frame of their own.
import { STRONG_VERBS, isCueLemma } from './cues';
import type { Deadline, Found } from './found';
import type { Quotation } from './quote-marks';
import { sourceAfter, sourceBefore, type TokenRange } from './source-phrase';
import { paragraphOf, tokenAt, type TextModel, type Token } from './text-model';

const STOP = /^[.!?;]$/;
const QUOTE_TOKEN = /^[“”"„«»「」『』]$/;

function isCue(t: Token): boolean {
  return (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'NOUN' || t.pos === 'PROPN') && isCueLemma(t.lemma) && /^\p{Ll}/u.test(t.text);
}

/** The cue's span: auxiliaries right before the verb count ("has said"). */
function cueSpan(tokens: readonly Token[], cue: number, floor: number) {
  let s = cue;
  while (s - 1 > floor && (tokens[s - 1]!.pos === 'AUX' || tokens[s - 1]!.lower === 'also')) s--;
  return { start: tokens[s]!.start, end: tokens[cue]!.end };
}

interface Frame {
  cue: number;
  source: TokenRange | null;
  /** Where the frame's clause ends (a split quotation resumes after it). */
  end: number;
  confidence: number;
}

/** "“…,” Kim said" or "“…,” said Kim": the frame right after the quotation. */
function frameAfter(model: TextModel, qEnd: number, limit: number): Frame | null {
  const t = model.tokens;
  let k = qEnd;
  while (k < limit && (t[k]!.text === ',' || t[k]!.text === '—' || t[k]!.text === '–')) k++;
  if (k >= limit) return null;
  const firstWord = k;
  // "said Kim" / "Kim said"; the cue within a few words of the quotation.
  for (let c = k; c < Math.min(limit, k + 12); c++) {
    const tok = t[c]!;
    if (STOP.test(tok.text) || QUOTE_TOKEN.test(tok.text)) break;
    if (!isCue(tok)) continue;
    if (c === firstWord) {
      const source = sourceAfter(t, c, limit);
      if (!source) continue;
      return { cue: c, source, end: clauseEnd(t, source.end, limit), confidence: STRONG_VERBS.has(tok.lemma) ? 0.95 : 0.8 };
    }
    const source = sourceBefore(t, c, firstWord - 1);
    if (source && source.first === firstWord) return { cue: c, source, end: clauseEnd(t, c + 1, limit), confidence: STRONG_VERBS.has(tok.lemma) ? 0.95 : 0.8 };
    break;
  }
  return null;
}

function clauseEnd(t: readonly Token[], from: number, limit: number): number {
  let k = from;
  while (k < limit && !STOP.test(t[k]!.text) && !QUOTE_TOKEN.test(t[k]!.text)) k++;
  return k < limit && STOP.test(t[k]!.text) ? k + 1 : k;
}

/** "Kim said: “…”" / "Kim told reporters on Tuesday, “…”" / "According to Kim, “…”". */
function frameBefore(model: TextModel, qFirst: number, floor: number): Frame | null {
  const t = model.tokens;
  let k = qFirst - 1;
  // What may stand between the cue and the quotation: a colon or comma, "that", a short phrase.
  const lowest = Math.max(floor, qFirst - 12);
  for (; k >= lowest; k--) {
    const tok = t[k]!;
    if (STOP.test(tok.text) || QUOTE_TOKEN.test(tok.text)) return null;
    if (tok.lower === 'according' && t[k + 1]?.lower === 'to') {
      const source = sourceAfter(t, k + 1, qFirst);
      if (!source) return null;
      return { cue: k + 1, source, end: qFirst, confidence: 0.85 };
    }
    if (!isCue(tok)) continue;
    if (tok.pos === 'NOUN' || tok.pos === 'PROPN') continue;
    const source = sourceBefore(t, k, floor - 1);
    if (source) return { cue: k, source, end: qFirst, confidence: STRONG_VERBS.has(tok.lemma) ? 0.9 : 0.7 };
    const after = sourceAfter(t, k, qFirst);
    if (after) return { cue: k, source: after, end: qFirst, confidence: 0.75 };
    return null;
  }
  return null;
}

function words(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

export interface DirectResult {
  found: Found[];
  /** Token ranges already spoken for (quotations and their frames), for the reported-speech pass. */
  used: Array<{ start: number; end: number }>;
}

export function findDirect(model: TextModel, quotations: readonly Quotation[], deadline: Deadline): DirectResult {
  const t = model.tokens;
  const found: Found[] = [];
  const used: Array<{ start: number; end: number }> = [];
  let previous: { found: Found; paragraph: number; frameEnd: number } | null = null;
  for (let n = 0; n < quotations.length; n++) {
    deadline.check();
    const q = quotations[n]!;
    const qFirst = tokenAt(t, q.start);
    const qEnd = tokenAt(t, q.end);
    const paragraph = paragraphOf(model.paragraphs, q.start);
    const paraEndToken = tokenAt(t, model.paragraphs[paragraph]!.end);
    const paraStartToken = tokenAt(t, model.paragraphs[paragraph]!.start);
    const nextQuote = n + 1 < quotations.length ? tokenAt(t, quotations[n + 1]!.start) : t.length;
    const prevQuoteEnd = n > 0 ? tokenAt(t, quotations[n - 1]!.end) : 0;
    const quoted = model.text.slice(q.start, q.end);
    const size = words(quoted);
    const startsSentence = qFirst === paraStartToken || (qFirst > 0 && /^[.!?:]$/.test(t[qFirst - 1]!.text)) || (qFirst > 0 && QUOTE_TOKEN.test(t[qFirst - 1]!.text));

    // A short quotation inside a sentence is a phrase someone used: the reported-speech pass takes
    // it as part of a paraphrase (a mixed quote).
    if (size < 4 && !startsSentence) continue;

    const frame = frameAfter(model, qEnd, Math.min(paraEndToken, nextQuote)) ?? frameBefore(model, qFirst, Math.max(paraStartToken, prevQuoteEnd));
    if (frame) {
      const cueTok = t[frame.cue]!;
      const f: Found = {
        content: { start: q.start, end: q.end },
        cue: cueTok.lower === 'to' && t[frame.cue - 1]?.lower === 'according' ? { start: t[frame.cue - 1]!.start, end: cueTok.end } : cueSpan(t, frame.cue, qEnd - 1),
        source: frame.source,
        confidence: q.closed ? frame.confidence : frame.confidence * 0.7,
      };
      // "“…,” he said. “…”": the second half joins the first when it has no frame of its own.
      found.push(f);
      used.push({ start: Math.min(q.start, t[frame.cue]!.start), end: Math.max(q.end, t[Math.max(0, frame.end - 1)]?.end ?? q.end) });
      previous = { found: f, paragraph, frameEnd: frame.end };
      continue;
    }
    if (previous && startsSentence) {
      const samePara = previous.paragraph === paragraph && qFirst >= previous.frameEnd && qFirst - previous.frameEnd <= 2 && previous.found.content.end <= q.start;
      if (samePara && previous.found.cue && previous.found.cue.start > previous.found.content.start) {
        previous.found.content = { start: previous.found.content.start, end: q.end };
        used.push({ start: q.start, end: q.end });
        continue;
      }
      if (paragraph - previous.paragraph <= 2 && qFirst === paraStartToken) {
        const f: Found = { content: { start: q.start, end: q.end }, cue: null, source: null, continues: true, confidence: 0.55 };
        found.push(f);
        used.push({ start: q.start, end: q.end });
        previous = { found: f, paragraph, frameEnd: qEnd };
        continue;
      }
    }
    if (CJK.test(quoted) || /[「『]/.test(quoted[0]!)) {
      const f: Found = { content: { start: q.start, end: q.end }, cue: null, source: null, confidence: 0.5 };
      found.push(f);
      used.push({ start: q.start, end: q.end });
      continue;
    }
    if (size >= 6 && startsSentence) {
      const f: Found = { content: { start: q.start, end: q.end }, cue: null, source: null, confidence: 0.3 };
      found.push(f);
      used.push({ start: q.start, end: q.end });
    }
  }
  return { found, used };
}
