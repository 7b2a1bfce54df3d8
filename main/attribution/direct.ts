// Direct quotations and their frames: "“…,” Kim said." / "“…,” said Kim, the minister." /
// "Kim said: “…”" / "According to Kim, “…”", split quotations ("“…,” he said. “…”") and
// quotations that continue the last speaker's with no frame of their own.
import { ADDRESSEE_VERBS, STRONG_VERBS, isCueLemma } from './cues';
import type { Deadline, Found } from './found';
import type { Quotation } from './quote-marks';
import { sentenceSubject, sourceAfter, sourceBefore, type TokenRange } from './source-phrase';
import { paragraphOf, tokenAt, type TextModel, type Token } from './text-model';

const STOP = /^[.!?;]$/;
/** Verbs that put a name on something: "what it calls “…”". */
const NAMING_VERBS = new Set(['call', 'dub', 'term', 'label', 'brand', 'describe']);
// A lone apostrophe token is half of a '' quotation mark.
const QUOTE_TOKEN = /^[“”"„«»「」『』']$/;

function isCue(t: Token, sentenceInitial = false): boolean {
  return (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'NOUN' || t.pos === 'PROPN') && isCueLemma(t.lemma) && (sentenceInitial || /^\p{Ll}/u.test(t.text));
}

/** The cue's span: auxiliaries right before the verb count ("has said"). */
function cueSpan(tokens: readonly Token[], cue: number, floor: number) {
  let s = cue;
  while (s - 1 > floor && (tokens[s - 1]!.pos === 'AUX' || tokens[s - 1]!.lower === 'also')) s--;
  return { start: tokens[s]!.start, end: tokens[cue]!.end };
}

interface Frame {
  cue: number;
  /** The quotation follows the cue with no punctuation between ("the ad claims “…”"). */
  adjacent?: boolean;
  source: TokenRange | null;
  /** Where the frame's clause ends (a split quotation resumes after it). */
  end: number;
  confidence: number;
}

/** "“…,” Kim said" or "“…,” said Kim": the frame right after the quotation. */
function frameAfter(model: TextModel, qEnd: number, limit: number, quoted: string): Frame | null {
  const t = model.tokens;
  let k = qEnd;
  // "“… over.” Kim left." — a quotation closing on a full stop ends its sentence; a frame after it
  // starts in lower case ("“… over.” he said" is a typo's worth of rare).
  const closesSentence = /\.\s*["”»」』]?$/.test(quoted);
  // "“…” ― Ana Kovac": a dash and a name sign the quotation.
  if (k < limit && /^[―—–-]$/.test(t[k]!.text) && k + 1 < limit) {
    let e = k + 1;
    while (e < limit && /^\p{Lu}/u.test(t[e]!.text) && t[e]!.pos !== 'PUNCT') e++;
    if (e > k + 1 && (e === limit || /^[.,]$/.test(t[e]!.text) || t[e]!.sentence !== t[k]!.sentence)) return { cue: k, source: { first: k + 1, end: e }, end: e, confidence: 0.7 };
  }
  while (k < limit && (t[k]!.text === ',' || t[k]!.text === '—' || t[k]!.text === '–')) k++;
  if (k >= limit) return null;
  const firstWord = k;
  // "“… over.” Kovac said." still happens: a strong speech verb right after the name.
  const tight = closesSentence && !/^\p{Ll}/u.test(t[k]!.text);
  // "said Kim" / "Kim said"; the cue within a few words of the quotation.
  let brackets = 0;
  for (let c = k; c < Math.min(limit, k + 30); c++) {
    const tok = t[c]!;
    // "Rep. Gwen Moore (D-Wis.) said": a full stop inside brackets ends no sentence.
    if (tok.text === '(') brackets++;
    else if (tok.text === ')') brackets = Math.max(0, brackets - 1);
    if ((STOP.test(tok.text) && brackets === 0) || QUOTE_TOKEN.test(tok.text)) break;
    if (!isCue(tok)) continue;
    // "White House press secretary Josh Earnest said": a cue-like word inside the name's title,
    // with the strong verb a few words on, is part of the source.
    if (c > firstWord && !STRONG_VERBS.has(tok.lemma) && strongCueAfterNames(t, c + 1, limit)) continue;
    if (tight && (c - firstWord > 3 || !STRONG_VERBS.has(tok.lemma))) return null;
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

/**
 * Where the frame's clause ends: at the sentence's end or the next quotation, or before a second
 * cue of the same speaker ("“…,” Kim said, adding that …" / "…, arguing “…”"): what follows that
 * cue is another attribution, not more of this one.
 */
/** Whether nouns and names from `from` lead straight to a strong speech verb ("secretary Josh Earnest said"). */
function strongCueAfterNames(t: readonly Token[], from: number, limit: number): boolean {
  let j = from;
  while (j < limit && j - from < 6 && (t[j]!.pos === 'NOUN' || t[j]!.pos === 'PROPN' || /^\p{Lu}\p{Ll}/u.test(t[j]!.text))) j++;
  return j > from && j < limit && isCue(t[j]!) && STRONG_VERBS.has(t[j]!.lemma);
}

function clauseEnd(t: readonly Token[], from: number, limit: number): number {
  let k = from;
  while (k < limit && !STOP.test(t[k]!.text) && !QUOTE_TOKEN.test(t[k]!.text)) {
    if (t[k]!.text === ',' && k + 1 < limit && /ing$/.test(t[k + 1]!.lower) && isCue(t[k + 1]!)) return k;
    k++;
  }
  return k < limit && STOP.test(t[k]!.text) ? k + 1 : k;
}

/** "Kim said: “…”" / "Kim told reporters on Tuesday, “…”" / "According to Kim, “…”" / "…, saying “…”". */
function frameBefore(model: TextModel, qFirst: number, floor: number, sentenceFirst: number): Frame | null {
  const t = model.tokens;
  // Between the cue and the quotation: nothing, or a short phrase ending in a colon or a comma
  // ("said in a statement:"). Anything longer makes the quotation part of a paraphrase.
  const lowest = Math.max(floor, qFirst - 9);
  const punctuated = qFirst > 0 && (t[qFirst - 1]!.text === ':' || t[qFirst - 1]!.text === ',');
  for (let k = qFirst - 1; k >= lowest; k--) {
    const tok = t[k]!;
    if (STOP.test(tok.text) || QUOTE_TOKEN.test(tok.text)) return null;
    if (tok.lower === 'according' && t[k + 1]?.lower === 'to') {
      const source = sourceAfter(t, k + 1, qFirst);
      if (!source) return null;
      return { cue: k + 1, source, end: qFirst, confidence: 0.85, adjacent: false };
    }
    const isVerbCue = isCue(tok) && tok.pos !== 'NOUN' && tok.pos !== 'PROPN';
    if (!isVerbCue) {
      if (tok.pos === 'VERB' || tok.lower === 'that') return colonFrame(model, qFirst, floor, sentenceFirst);
      continue;
    }
    const adjacent = k === qFirst - 1;
    if (!adjacent && !punctuated) return null;
    const conf = STRONG_VERBS.has(tok.lemma) ? 0.9 : 0.7;
    const source = sourceBefore(t, k, Math.max(floor, sentenceFirst) - 1);
    if (source && t[source.end]?.text !== ',') return { cue: k, source, end: qFirst, confidence: conf, adjacent };
    // "…, saying “…”": the participle's subject is the sentence's.
    if (/ing$/.test(tok.lower) && t[k - 1]?.text === ',') {
      const subject = sentenceSubject(t, sentenceFirst, k - 1);
      if (subject) return { cue: k, source: subject, end: qFirst, confidence: conf - 0.1, adjacent };
    }
    if (source) return { cue: k, source, end: qFirst, confidence: conf, adjacent };
    if (!ADDRESSEE_VERBS.has(tok.lemma)) {
      const after = sourceAfter(t, k, qFirst);
      if (after) return { cue: k, source: after, end: qFirst, confidence: 0.75, adjacent };
    }
    // "Bryne went on to say, “…”" / "He then joked, “…”": the sentence's subject speaks.
    if (punctuated && STRONG_VERBS.has(tok.lemma)) {
      const subject = sentenceSubject(t, sentenceFirst, k);
      if (subject) return { cue: k, source: subject, end: qFirst, confidence: conf - 0.2, adjacent };
    }
    return null;
  }
  return colonFrame(model, qFirst, floor, sentenceFirst);
}

/**
 * "The ministry released a statement:" / "The full text reads as follows:" — a sentence ending in
 * a colon introduces the quotation that follows; its cue may stand anywhere in it.
 */
function colonFrame(model: TextModel, qFirst: number, floor: number, sentenceFirst: number): Frame | null {
  const t = model.tokens;
  if (qFirst === 0 || t[qFirst - 1]!.text !== ':') return null;
  const first = Math.max(floor, sentenceFirst);
  for (let k = first; k < qFirst - 1; k++) {
    const tok = t[k]!;
    // "Said Brenner:" / "Continued Brenner:" put the cue first.
    if (k === first && isCueLemma(tok.lemma) && /ed$/.test(tok.lower)) {
      const after = sourceAfter(t, k, qFirst - 1);
      if (after && after.end === qFirst - 1) return { cue: k, source: after, end: qFirst, confidence: 0.7 };
    }
    if (!isCue(tok) || tok.pos === 'NOUN' || tok.pos === 'PROPN') continue;
    const source = sourceBefore(t, k, first - 1);
    if (source) return { cue: k, source, end: qFirst, confidence: 0.6 };
  }
  // "… - Lena Fischer: “…”": a name right before the colon.
  const nameStart = npBackwardNames(t, qFirst - 1, first);
  if (nameStart < qFirst - 1) return { cue: qFirst - 1, source: { first: nameStart, end: qFirst - 1 }, end: qFirst, confidence: 0.45 };
  const subject = sentenceSubject(t, first, qFirst - 1);
  return subject ? { cue: subject.end, source: subject, end: qFirst, confidence: 0.4 } : null;
}

/** Where a run of capitalised words ending just before `end` begins. */
function npBackwardNames(t: readonly Token[], end: number, floor: number): number {
  let k = end;
  while (k > floor && /^\p{Lu}/u.test(t[k - 1]!.text) && t[k - 1]!.pos !== 'PUNCT') k--;
  return k;
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
  let previous: { found: Found; paragraph: number; frameEnd: number; cue: number } | null = null;
  for (let n = 0; n < quotations.length; n++) {
    deadline.check();
    const q = quotations[n]!;
    const qFirst = tokenAt(t, q.start);
    const qEnd = tokenAt(t, q.end);
    const quoted = model.text.slice(q.start, q.end);
    // Scripts wink cannot split into words (Japanese, Chinese) leave no token to frame the quotation
    // with: it stands alone, and a codebook actor named in its sentence may be its speaker.
    if (qFirst >= t.length || t[qFirst]!.start >= q.end) {
      found.push({ content: { start: q.start, end: q.end }, cue: null, source: null, confidence: 0.4 });
      used.push({ start: q.start, end: q.end });
      continue;
    }
    const paragraph = paragraphOf(model.paragraphs, q.start);
    // A quotation over several paragraphs is framed after its last one.
    const lastParagraph = paragraphOf(model.paragraphs, Math.max(q.start, q.end - 1));
    const paraEndToken = tokenAt(t, model.paragraphs[lastParagraph]!.end);
    const paraStartToken = tokenAt(t, model.paragraphs[paragraph]!.start);
    const nextQuote = n + 1 < quotations.length ? tokenAt(t, quotations[n + 1]!.start) : t.length;
    const prevQuoteEnd = n > 0 ? tokenAt(t, quotations[n - 1]!.end) : 0;
    const size = words(quoted);
    const before = qFirst > 0 ? t[qFirst - 1]! : null;
    const startsSentence = qFirst === paraStartToken || (before !== null && (/^[.!?:]$/.test(before.text) || QUOTE_TOKEN.test(before.text)));
    const sentenceFirst = Math.max(paraStartToken, model.sentences[t[qFirst]!.sentence]?.first ?? paraStartToken);

    // A quotation inside a sentence's own words ("called the plan “a slow-motion disaster”")
    // belongs to a paraphrase: the reported-speech pass takes it as a mixed quote.
    // A frame after the quotation only when the quotation opens its clause: "whether the minister
    // “can be trusted,” 60 percent said no" is a poll question, not the minister's words.
    const opensClause = startsSentence || before === null || before.text === ',' || before.text === '—' || before.text === '(';
    const framed = opensClause ? frameAfter(model, qEnd, Math.min(paraEndToken, nextQuote), quoted) : null;
    // "Kovac continued:⏎⏎“…”": the frame may close the paragraph before.
    const colonBefore: boolean = qFirst === paraStartToken && paragraph > 0 && before?.text === ':';
    const floor: number = colonBefore ? tokenAt(t, model.paragraphs[paragraph - 1]!.start) : paraStartToken;
    const frameSentence: number = colonBefore && before ? model.sentences[before.sentence]!.first : sentenceFirst;
    const frame: Frame | null = framed ?? frameBefore(model, qFirst, Math.max(floor, prevQuoteEnd), frameSentence);
    // "“…,” he said, “…”", "“…?” Kovac asked. “…”", "“…,” Brenner said, pointing to the trucks. “…”": a
    // quotation later in the same paragraph with no frame of its own goes on with the one before,
    // and is one passage with it (as PolNeAR codes it: one content in several fragments).
    const joins = previous !== null && previous.paragraph === paragraph && (startsSentence || qFirst - previous.frameEnd <= 1) && (!frame || frame.cue === previous.cue);
    if (previous && joins) {
      const first = previous.found.content;
      previous.found.fragments = [...(previous.found.fragments ?? [first]), { start: q.start, end: q.end }];
      previous.found.content = { start: first.start, end: q.end };
      used.push({ start: q.start, end: q.end });
      previous.frameEnd = qEnd;
      continue;
    }
    // "Johnson tells “Morning Joe” that …": quoted words right after "tell" name whom it was told to.
    const addressee = frame !== null && !framed && frame.adjacent === true && ADDRESSEE_VERBS.has(t[frame.cue]!.lemma) && !/[.!?,]\s*['"”’»」』]*$/.test(quoted);
    if (frame && !addressee && (size >= 2 || startsSentence || framed)) {
      const cueTok = t[frame.cue]!;
      let end = q.end;
      // "Brenner says “the union will not bend” despite the ruling": the quoted words run on.
      if (frame.adjacent && !framed && !/[.!?]\s*['"”’»」』]*$/.test(quoted)) {
        let k = qEnd;
        while (k < paraEndToken && !STOP.test(t[k]!.text) && t[k]!.pos !== 'CCONJ') k++;
        if (k > qEnd) end = t[k - 1]!.end;
      }
      // "what it calls “the single-biggest attack”": the writer's words frame the name, a mixed quote.
      const what = !framed && frame.source && NAMING_VERBS.has(cueTok.lemma) && t[frame.source.first - 1]?.lower === 'what' ? t[frame.source.first - 1]!.start : q.start;
      const f: Found = {
        content: { start: what, end },
        cue: cueTok.lower === 'to' && t[frame.cue - 1]?.lower === 'according' ? { start: t[frame.cue - 1]!.start, end: cueTok.end } : cueSpan(t, frame.cue, qEnd - 1),
        source: frame.source,
        confidence: q.closed ? frame.confidence : frame.confidence * 0.7,
      };
      found.push(f);
      used.push({ start: Math.min(q.start, t[frame.cue]!.start), end: Math.max(end, t[Math.max(0, frame.end - 1)]?.end ?? end) });
      previous = { found: f, paragraph, frameEnd: frame.end, cue: frame.cue };
      continue;
    }
    // A quotation opening a sentence or paragraph soon after a framed one goes on with its speaker.
    if (previous && startsSentence && paragraph - previous.paragraph <= 2 && size >= 3) {
      const f: Found = { content: { start: q.start, end: q.end }, cue: null, source: null, continues: true, confidence: 0.55 };
      found.push(f);
      used.push({ start: q.start, end: q.end });
      previous = { found: f, paragraph, frameEnd: qEnd, cue: -1 };
      continue;
    }
    // « », „ “, 「」, 『』 and text in other scripts (CJK, Thai, Arabic): a quotation the English
    // frames cannot read stands alone.
    if (CJK.test(quoted) || /[「『«„]/.test(quoted[0]!) || (/\p{L}/u.test(quoted) && !/\p{Script=Latin}/u.test(quoted))) {
      found.push({ content: { start: q.start, end: q.end }, cue: null, source: null, confidence: 0.4 });
      used.push({ start: q.start, end: q.end });
      continue;
    }
    if (size >= 6 && startsSentence) {
      found.push({ content: { start: q.start, end: q.end }, cue: null, source: null, confidence: 0.3 });
      used.push({ start: q.start, end: q.end });
    }
  }
  return { found, used };
}
