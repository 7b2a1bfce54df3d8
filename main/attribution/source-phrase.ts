// The source's mention around a cue: the noun phrase before "said" ("The foreign minister, Kim Jung
// Han, said") or after it ("said Kim, who leads the union"), with its appositive as news writes it.
import { BETWEEN_SOURCE_AND_CUE, isCueLemma } from './cues';
import type { Token } from './text-model';

export interface TokenRange {
  first: number;
  /** One past the last token. */
  end: number;
}

const NP_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM', 'PART']);
/** Capitalised function words open sentences ("Despite", "But"); they name nobody. A capitalised
 * word wink tags otherwise ("Jolly" as an adverb) is most often a name. */
const FUNCTION_WORDS = new Set(['despite', 'but', 'and', 'or', 'however', 'meanwhile', 'still', 'also', 'although', 'though', 'while', 'when', 'after', 'before', 'since', 'because', 'if', 'as', 'in', 'on', 'at', 'for', 'with', 'from', 'by', 'to', 'of', 'yet', 'so', 'then', 'now', 'later', 'earlier', 'indeed', 'instead', 'moreover', 'furthermore', 'during', 'under', 'over', 'about', 'asked', 'when', 'where', 'why', 'how', 'what', 'there', 'here', 'it', 'this', 'that', 'these', 'those', 'not', 'no', 'yes']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'which', 'that']);
const APPOSITIVE_START = new Set(['who', 'the', 'a', 'an', 'whose', 'which', 'his', 'her', 'their', 'its', 'one', 'former', 'also']);
const CLAUSE_WORDS = new Set(['and', 'but', 'or', 'because', 'while', 'when', 'as', 'if', 'that', 'than', 'so']);

function isNpToken(t: Token): boolean {
  if (NP_POS.has(t.pos)) return !(t.pos === 'PART' && t.lower !== "'s" && t.lower !== '’s');
  // "U.S.", "Jr.", initials and hyphenated names come through as other tags now and then.
  // A capitalised "verb" is a name too ("Josh", "Lynch", "Hoover"), unless it reads as a verb
  // opening the sentence ("Speaking", "Asked", "Said Brenner").
  if (t.pos === 'VERB' && (/(ing|ed)$/.test(t.lower) || isCueLemma(t.lemma))) return false;
  return /^\p{Lu}/u.test(t.text) && t.pos !== 'PUNCT' && t.pos !== 'AUX' && !FUNCTION_WORDS.has(t.lower);
}

/**
 * A word that may stand inside a noun phrase between two of its words: "director of the FBI",
 * "Kyodo/NHK", "fact-checker", "Ana Kovac and Lena Fischer", "Rev. Tomas Brenner", "a
 * just released poll".
 */
function joinsPhrase(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j]!;
  const before = tokens[j - 1];
  const after = tokens[j + 1];
  if (!before || !after || !isNpToken(before)) return false;
  const touching = before.end === t.start && t.end === after.start;
  if (t.lower === 'of' || t.lower === 'for' || t.lower === '&') return isNpToken(after);
  if (t.text === '-' || t.text === '/') return touching && isNpToken(after);
  if (t.lower === 'and') return before.pos === 'PROPN' && after.pos === 'PROPN';
  if (t.text === '.') return before.end === t.start && /^\p{Lu}\p{Ll}{1,3}$/u.test(before.text) && /^\p{Lu}/u.test(after.text);
  if (t.pos === 'ADV') return after.pos === 'ADJ';
  return false;
}

/** The end of a noun phrase starting at `i`. */
function npForward(tokens: readonly Token[], i: number, limit: number): number {
  let j = i;
  while (j < limit) {
    const t = tokens[j]!;
    // "told reporters the cuts …": a determiner after a noun starts another noun phrase.
    if (t.pos === 'DET' && j > i && ['NOUN', 'PROPN', 'PRON'].includes(tokens[j - 1]!.pos)) break;
    if (isNpToken(t) || (j > i && j + 1 < limit && joinsPhrase(tokens, j))) {
      j++;
      continue;
    }
    break;
  }
  return j;
}

/** Where the noun phrase ending just before `end` begins. */
function npBackward(tokens: readonly Token[], end: number, limit: number): number {
  let j = end;
  while (j > limit) {
    const t = tokens[j - 1]!;
    if (isNpToken(t) || (j < end && j - 2 >= limit && joinsPhrase(tokens, j - 1))) {
      j--;
      continue;
    }
    break;
  }
  return j;
}

/**
 * The source before a cue at `cue`, starting no earlier than token `lowest`. Skips the adverbs and
 * auxiliaries between them and takes an appositive set off by commas with the name.
 */
export function sourceBefore(tokens: readonly Token[], cue: number, lowest: number): TokenRange | null {
  const limit = Math.max(0, lowest);
  let end = cue;
  while (end > limit && (BETWEEN_SOURCE_AND_CUE.has(tokens[end - 1]!.lower) || tokens[end - 1]!.pos === 'AUX' || (tokens[end - 1]!.pos === 'ADV' && /^[a-z]+ly$/.test(tokens[end - 1]!.text)))) end--;
  if (end <= limit) return null;
  // "Rep. Ana Kovac (D-Wis.) said": a party and state in brackets belong to the name before them.
  if (tokens[end - 1]!.text === ')') {
    let open = end - 2;
    while (open > limit && end - open < 9 && tokens[open]!.text !== '(') open--;
    if (open > limit && tokens[open]!.text === '(') {
      const start = npBackward(tokens, open, limit);
      return start < open ? { first: start, end } : null;
    }
  }
  const last = tokens[end - 1]!;
  if (PRONOUNS.has(last.lower) && (last.pos === 'PRON' || last.lower === 'who')) {
    // "Kovac, who …, said" is Kovac: take the name before the relative pronoun with it.
    if (last.lower === 'who' && end - 2 >= limit && tokens[end - 2]!.text === ',') {
      const start = npBackward(tokens, end - 2, limit);
      if (start < end - 2) return { first: start, end: end - 1 };
    }
    return { first: end - 1, end };
  }
  if (last.text === ',') {
    // "Kim Jung Han, the foreign minister, said" / "Brenner, who leads the union, said"
    let k = end - 2;
    while (k > limit && tokens[k]!.text !== ',') {
      if (/^[.!?;:“”"]$/.test(tokens[k]!.text) || end - k > 50) return null;
      k--;
    }
    if (k <= limit || tokens[k]!.text !== ',') return null;
    const opener = tokens[k + 1]!;
    const relative = opener.lower === 'who' || opener.lower === 'whose';
    // An appositive that is not a relative clause is a noun phrase: it ends on a noun.
    if (!relative && !(APPOSITIVE_START.has(opener.lower) || isNpToken(opener))) return null;
    // "Kim Jung Han, the foreign minister," or "Fischer, 69,": a noun phrase or an age, with no
    // verb of its own ("On Tuesday, Brenner went further, saying" is a clause, not an appositive).
    if (!relative && !['NOUN', 'PROPN', 'NUM', 'ADJ'].includes(tokens[end - 2]!.pos)) return null;
    // (A capitalised "verb" inside it is a name wink misread: "the Hoover Institution".)
    if (!relative && tokens.slice(k + 1, end - 1).some((x) => (x.pos === 'VERB' && !/^\p{Lu}/u.test(x.text)) || x.pos === 'AUX')) return null;
    const start = npBackward(tokens, k, limit);
    if (start === k) return null;
    return { first: start, end: end - 1 };
  }
  if (!isNpToken(last)) return null;
  const start = npBackward(tokens, end, limit);
  if (start === end) return null;
  return { first: start, end };
}

/**
 * The source after a cue at `cue` ("said Brenner, who has led the union since …"), up to `limit`. PolNeAR
 * counts the appositive as part of the source, to the end of the clause.
 */
export function sourceAfter(tokens: readonly Token[], cue: number, limit: number, appositiveToClauseEnd = true): TokenRange | null {
  const start = cue + 1;
  if (start >= limit) return null;
  const first = tokens[start]!;
  if (first.pos === 'PRON' && PRONOUNS.has(first.lower)) return { first: start, end: start + 1 };
  let end = npForward(tokens, start, limit);
  if (end === start) return null;
  // "Rep. Ana Kovac (D-Wis.)": a party and state in brackets belong to the name.
  if (end < limit && tokens[end]!.text === '(') {
    const close = tokens.findIndex((x, i) => i > end && i < Math.min(limit, end + 8) && x.text === ')');
    if (close > 0) end = close + 1;
  }
  if (appositiveToClauseEnd && end < limit && tokens[end]!.text === ',' && end + 1 < limit) {
    const next = tokens[end + 1]!;
    if (APPOSITIVE_START.has(next.lower) || (isNpToken(next) && !CLAUSE_WORDS.has(next.lower))) {
      let k = end + 1;
      while (k < limit && !/^[.!?;]$/.test(tokens[k]!.text) && !/^[“”"]$/.test(tokens[k]!.text)) k++;
      end = k;
    }
  }
  return { first: start, end };
}

/** The subject of the sentence's first verb, as the source of a participle cue later on ("…, saying"). */
/** A quotation mark as wink tokenises it (a lone apostrophe is half of a '' mark). */
const QUOTE_MARK = /^[“”"„«»「」『』']$/;

export function sentenceSubject(t: readonly Token[], first: number, before: number): TokenRange | null {
  // Words inside a quotation are what was said, never the sentence's subject: in "“We will not
  // vote,” Kovac said, adding …" the one adding is Kovac.
  let quoted = false;
  for (let k = first; k < before; k++) {
    if (QUOTE_MARK.test(t[k]!.text)) quoted = !quoted;
    if (quoted || t[k]!.pos !== 'VERB') continue;
    return sourceBefore(t, k, first - 1);
  }
  return null;
}

export function isPronoun(t: Token): boolean {
  return PRONOUNS.has(t.lower);
}
