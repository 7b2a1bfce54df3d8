// Reported speech, sentence by sentence: "Kim said (that) …", "…, Kim said.", "…, said Kim.",
// "According to Kim, …", "…, according to Kim.", "Kim told reporters …", "Kim warned/urged/denied …".
// A paraphrase holding a quoted phrase comes out of here too (a mixed quote).
import { ADDRESSEE_VERBS, cueWeight, isCueLemma } from './cues';
import type { Deadline, Found } from './found';
import { sentenceSubject, sourceAfter, sourceBefore, type TokenRange } from './source-phrase';
import { tokenAt, type TextModel, type Token } from './text-model';
import { SpanSet } from './span-set';

const FINAL = /^[.!?;:]$/;
// A lone apostrophe token is half of a '' quotation mark.
const QUOTE_TOKEN = /^[“”"„«»「」『』']$/;


/** The article's quotations, in text order: which character is quoted, and whether a range holds a whole quotation. */
class Quotations extends SpanSet {
  private readonly sorted: ReadonlyArray<{ start: number; end: number }>;
  constructor(spans: ReadonlyArray<{ start: number; end: number }>) {
    super(spans);
    this.sorted = [...spans].sort((a, b) => a.start - b.start);
  }

  /** Whether a quotation lies wholly inside [start, end): the first one opening at or after `start` is the one to ask. */
  within(start: number, end: number): boolean {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]!.start < start) lo = mid + 1;
      else hi = mid;
    }
    const q = this.sorted[lo];
    return q !== undefined && q.end <= end;
  }
}

/** The last token of a sentence that belongs to its words (not the final stop or closing mark). */
function contentEnd(t: readonly Token[], first: number, end: number): number {
  let e = end;
  while (e > first && (FINAL.test(t[e - 1]!.text) || t[e - 1]!.text === ',')) e--;
  return e;
}

const NEW_CLAUSE = new Set(['but', 'while', 'although', 'though', 'whereas', 'yet']);

/**
 * Where what was said ends when it runs after the cue: at the sentence's end, or before ", but …",
 * ", while …" or ", and he …" — a new clause about something else.
 */
function saidUntil(t: readonly Token[], first: number, end: number): number {
  for (let k = first + 3; k < end - 1; k++) {
    if (t[k]!.text !== ',' && t[k]!.text !== ';') continue;
    const next = t[k + 1]!;
    if (t[k]!.text === ';' || NEW_CLAUSE.has(next.lower)) return k;
    if (next.lower === 'and' && (t[k + 2]?.pos === 'PRON' || t[k + 2]?.pos === 'VERB' || t[k + 2]?.pos === 'AUX')) return k;
  }
  // "… and tells the crowd …", "… but described …": the subject's next act, not what was said.
  for (let k = first + 3; k < end - 1; k++) {
    if ((t[k]!.lower === 'and' || t[k]!.lower === 'but') && t[k + 1]!.pos === 'VERB' && /(ed|s)$/.test(t[k + 1]!.lower) && isCueLemma(t[k + 1]!.lemma)) return k;
  }
  return contentEnd(t, first, end);
}

function span(t: readonly Token[], first: number, end: number) {
  return { start: t[first]!.start, end: t[end - 1]!.end };
}

export function findReported(model: TextModel, usedSpans: ReadonlyArray<{ start: number; end: number }>, quotationSpans: ReadonlyArray<{ start: number; end: number }>, deadline: Deadline): Found[] {
  const t = model.tokens;
  const used = new SpanSet(usedSpans);
  const quotations = new Quotations(quotationSpans);
  const out: Found[] = [];
  for (const sentence of model.sentences) {
    deadline.check();
    const { first, end } = sentence;
    if (end - first < 4) continue;
    // "Kovac said the cuts would stop, but she did not say when.": once one is found, the rest of
    // the sentence after everything it took may hold another.
    let from = first;
    while (end - from >= 4) {
      // "Brenner denounced … and warned of …": the next verb of the same subject.
      const inherited = out.length && from > first ? out[out.length - 1]!.source : null;
      const found = inSentence(t, from, end, used, quotations, inherited);
      if (!found) break;
      out.push(found);
      const taken = Math.max(found.content.end, found.cue?.end ?? 0, found.source ? t[found.source.end - 1]!.end : 0);
      const next = tokenAt(t, taken);
      if (next <= from) break;
      from = next;
      while (from < end && (t[from]!.pos === 'PUNCT' || t[from]!.pos === 'CCONJ')) from++;
    }
  }
  return out;
}

function inSentence(t: readonly Token[], first: number, end: number, used: SpanSet, quotations: Quotations, inherited: TokenRange | null = null): Found | null {
  // "According to Kim, …" / "…, according to Kim."
  for (let k = first; k < end - 2; k++) {
    if (t[k]!.lower !== 'according' || t[k + 1]!.lower !== 'to' || quotations.has(t[k]!.start) || used.has(t[k]!.start)) continue;
    // At the start, "According to Kim, the strike …": what follows the comma is what was said.
    const source = sourceAfter(t, k + 1, end, k !== first);
    if (!source) continue;
    const cue = span(t, k, k + 2);
    // The source is everything named between "according to" and the comma (or the sentence's end):
    // "according to early results of a survey conducted by the union for the ministry".
    if (k === first || (k === first + 1 && /^(but|and)$/.test(t[first]!.lower))) {
      let comma = source.end;
      while (comma < end && t[comma]!.text !== ',' && comma - source.end < 25) comma++;
      if (t[comma]?.text !== ',') continue;
      const c = comma + 1;
      const e = contentEnd(t, c, end);
      if (e - c < 3) continue;
      return { content: span(t, c, e), cue, source: { first: source.first, end: comma }, confidence: 0.8 };
    }
    if (t[k - 1]?.text === ',') {
      const e = contentEnd(t, first, k - 1);
      if (e - first < 3) continue;
      return { content: span(t, first, e), cue, source: { first: source.first, end: contentEnd(t, source.first, end) }, confidence: 0.8 };
    }
  }

  // "…, the ministry said." at the end of a sentence frames all of it, whatever cues stand inside.
  for (let c = end - 1; c > first + 2; c--) {
    const cue = t[c]!;
    if (cue.pos !== 'VERB' || !isCueLemma(cue.lemma) || quotations.has(cue.start) || used.has(cue.start)) continue;
    const before = sourceBefore(t, c, first);
    const tailEnd = contentEnd(t, c + 1, end);
    // The comma may sit inside a closing quote mark: 'It was a “fair offer,” Brenner said.'
    const commaBefore = (k: number) => t[k]?.text === ',' || (QUOTE_TOKEN.test(t[k]?.text ?? '') && t[k - 1]?.text === ',');
    if (before && before.first > first + 2 && commaBefore(before.first - 1) && tailIsAdverbial(t, c + 1, tailEnd, cue.lemma)) {
      const e = t[before.first - 1]!.text === ',' ? contentEnd(t, first, before.first - 1) : before.first;
      if (e - first >= 3 && !used.has(t[first]!.start)) {
        return { content: span(t, first, e), cue: cueSpan(t, c, before.end), source: before, confidence: byCue(0.8, cue.lemma) };
      }
    }
    // "Lena Fischer, a farmer, said the …" is a subject and its appositive, not "…, said X".
    if (t[c - 1]!.text === ',' && !(before && before.first === first)) {
      const after = sourceAfter(t, c, end);
      if (after && tailIsAdverbial(t, after.end, end, cue.lemma)) {
        const e = contentEnd(t, first, c - 1);
        if (e - first >= 3) return { content: span(t, first, e), cue: span(t, c, c + 1), source: after, confidence: byCue(0.75, cue.lemma) };
      }
    }
    break;
  }

  for (let c = first; c < end; c++) {
    const cue = t[c]!;
    if (cue.pos !== 'VERB' || !isCueLemma(cue.lemma) || quotations.has(cue.start) || used.has(cue.start)) continue;
    const before = sourceBefore(t, c, first);

    // "has been endorsed by", "were charged with": the passive reports nobody's words.
    if (isPassive(t, c, first)) continue;
    // "The plan, Kovac said, would hurt …": a frame set off by commas inside what was said.
    if (before && before.first > first + 1 && t[before.first - 1]!.text === ',' && t[c + 1]?.text === ',') {
      const e = contentEnd(t, first, end);
      if (e - c > 3) return { content: span(t, first, e), cue: cueSpan(t, c, before.end), source: before, confidence: byCue(0.75, cue.lemma) };
    }
    // "Kim said (on Tuesday) (that) …" / "Kim told reporters (that) …" / "Kim left, saying …"
    let subject = before;
    if (!before && inherited && c === first) subject = inherited;
    else if (/ing$/.test(cue.lower) && t[c - 1]?.text === ',') subject = sentenceSubject(t, first, c - 1);
    else if (before && !subjectOpensClause(t, first, before.first)) continue;
    if (!subject) continue;
    let c2 = c + 1;
    let sawThat = false;
    // "told “Morning Joe” on Friday that …": a quoted name right after "tell" is whom it was told to.
    const named = ADDRESSEE_VERBS.has(cue.lemma) ? quotedName(t, c + 1, end) : c + 1;
    for (let k = named; k < Math.min(end, c + 16); k++) {
      if (t[k]!.lower === 'that') {
        c2 = k;
        sawThat = true;
        break;
      }
      if (t[k]!.pos === 'VERB' || FINAL.test(t[k]!.text) || QUOTE_TOKEN.test(t[k]!.text)) break;
    }
    if (!sawThat && ADDRESSEE_VERBS.has(cue.lemma)) {
      // "told reporters the deal was dead": the addressee is not what was said.
      const object = sourceAfter(t, c, end);
      if (object) c2 = object.end;
    }
    if (t[c2]?.text === ',' || t[c2]?.text === ':') c2++;
    // "called in to a town hall", "backed off": a particle or preposition, not what was said.
    if (!sawThat && cueWeight(cue.lemma) < 0.5 && (t[c2]?.pos === 'ADP' || t[c2]?.pos === 'PART') && t[c2]!.lower !== 'about') continue;
    const e = saidUntil(t, c2, end);
    if (e - c2 < 3) continue;
    // A verb that only sometimes reports speech ("presented the budget") needs a proposition after
    // it, a clause or a quotation, not just a thing.
    if (cueWeight(cue.lemma) < 0.5 && !sawThat && !hasClause(t, c2, e)) continue;
    const mixed = quotations.within(t[c2]!.start, t[e - 1]!.end);
    return { content: span(t, c2, e), cue: cueSpan(t, c, subject.end), source: subject, confidence: byCue(0.7 + (sawThat ? 0.1 : 0) + (mixed ? 0.05 : 0), cue.lemma) };
  }
  return null;
}

/** After a short quoted name starting at `k` ("“Morning Joe”"), or `k` when there is none there. */
function quotedName(t: readonly Token[], from: number, end: number): number {
  let k = from;
  // "MSNBC’s “Morning Joe”"
  if (/^\p{Lu}/u.test(t[k]?.text ?? '') && /^['’]s$/.test(t[k + 1]?.text ?? '')) k += 2;
  if (!QUOTE_TOKEN.test(t[k]?.text ?? '')) return from;
  for (let j = k + 1; j < Math.min(end, k + 8); j++) {
    if (QUOTE_TOKEN.test(t[j]!.text)) return j > k + 1 && /^\p{Lu}/u.test(t[k + 1]!.text) ? j + 1 : from;
    if (FINAL.test(t[j]!.text) || t[j]!.text === ',') return from;
  }
  return from;
}

const BE = new Set(['be', 'been', 'being', 'is', 'are', 'was', 'were', 'get', 'got', 'gets']);

function isPassive(t: readonly Token[], cue: number, first: number): boolean {
  let k = cue - 1;
  while (k >= first && t[k]!.pos === 'ADV') k--;
  return k >= first && BE.has(t[k]!.lower) && /ed$/.test(t[cue]!.lower);
}

function hasClause(t: readonly Token[], first: number, end: number): boolean {
  for (let k = first; k < end; k++) if (t[k]!.pos === 'VERB' || t[k]!.pos === 'AUX' || QUOTE_TOKEN.test(t[k]!.text)) return true;
  return false;
}

/** A pattern's confidence, lowered for verbs that mark speech less often ("say" 0.87 → ×1, "support" → ×0.7). */
function byCue(base: number, lemma: string): number {
  return base * Math.min(1, 0.6 + 0.46 * cueWeight(lemma));
}

/** After "…, Kim said" only circumstances may follow: "on Tuesday", "in a statement". */
function tailIsAdverbial(t: readonly Token[], from: number, end: number, lemma = ''): boolean {
  if (end - from > 10) return false;
  // "…, Brenner, wrote a letter to the minister": an object after the verb makes it no frame; the
  // listeners after "told" do not ("…, an official told the Belgian daily Le Soir.").
  const first = t[from];
  if (first && from < end && !ADDRESSEE_VERBS.has(lemma) && ['DET', 'NOUN', 'ADJ', 'NUM'].includes(first.pos)) return false;
  for (let k = from; k < end; k++) if (t[k]!.pos === 'VERB' || t[k]!.pos === 'AUX' || t[k]!.lower === 'that' || t[k]!.lower === 'and') return false;
  return true;
}

/** The subject must start the clause: at the sentence start or after an opening phrase and comma. */
function subjectOpensClause(t: readonly Token[], first: number, subject: number): boolean {
  if (subject === first) return true;
  const prev = t[subject - 1]!;
  if (/^[,:;—–(]$/.test(prev.text) || /^(but|and|so|yet|meanwhile|still|however|instead|now|then|also)$/i.test(prev.lower)) return true;
  if (QUOTE_TOKEN.test(prev.text)) return false;
  // "On Tuesday Kim said": a short opening phrase without a verb.
  if (subject - first <= 4) {
    for (let k = first; k < subject; k++) if (t[k]!.pos === 'VERB' || t[k]!.pos === 'AUX') return false;
    return true;
  }
  return false;
}

function cueSpan(t: readonly Token[], cue: number, sourceEnd: number) {
  let s = cue;
  while (s - 1 >= sourceEnd && (t[s - 1]!.pos === 'AUX')) s--;
  return span(t, s, cue + 1);
}
