// What every list of suggestions must satisfy whatever the text, and a compact way to write the
// suggestions a short text should give: spans are named by the words they cover, so a test reads
// like the article and the offsets are worked out (in UTF-16 units, as the engine counts them).
import { expect } from 'vitest';
import { suggestionKinds, type ActorName, type Suggestion, type SuggestionKind, type TextSpan } from '../../shared/suggestion';

/** The codebook the constructed cases match speakers against. */
export const codebook: ActorName[] = [
  { id: 1, name: 'Maria Delgado', aliases: ['Delgado', '델가도'] },
  { id: 2, name: 'Tomas Brenner', aliases: [] },
  { id: 3, name: 'Ana Kovac', aliases: [] },
  { id: 4, name: 'Finance Ministry', aliases: ['Ministry of Finance'] },
  { id: 5, name: 'Yoshida Taro', aliases: ['𠮷田', '𠮷田太郎'] },
  { id: 7, name: 'Kim Jung-han', aliases: ['Kim Jung Han', '김정한'] },
  { id: 9, name: 'Donald Trump', aliases: ['Trump', 'The Donald'] },
];

/**
 * Where `exact` is in `text`: its first occurrence, or its first one after the end of `after`'s first
 * occurrence (for words the text holds more than once). Fails loudly when absent, so a typo in a test
 * cannot pass as "not found".
 */
export function spanOf(text: string, exact: string, after?: string): TextSpan {
  let from = 0;
  if (after !== undefined) {
    const a = text.indexOf(after);
    if (a < 0) throw new Error(`test setup: “${after}” is not in the text`);
    from = a + after.length;
  }
  const start = text.indexOf(exact, from);
  if (start < 0) throw new Error(`test setup: “${exact}” is not in the text${after ? ` after “${after}”` : ''}`);
  return { start, end: start + exact.length, exact };
}

/** A span named by its words, or by its words and the words it comes after. */
export type Words = string | [exact: string, after: string];

export interface Expected {
  kind: SuggestionKind;
  content: Words;
  /** The quoted pieces of a split quotation, when the content runs over its frame. */
  fragments?: Words[];
  cue: Words | null;
  source: Words | null;
  speaker: { name: string; actorId: number | null } | null;
}

const locate = (text: string, w: Words | null) => (w === null ? null : typeof w === 'string' ? spanOf(text, w) : spanOf(text, w[0], w[1]));

/** The suggestions as the test states them, with offsets, for comparing with the engine's (confidence aside). */
export function expected(text: string, list: Expected[]): Omit<Suggestion, 'confidence'>[] {
  return list.map((e) => ({
    kind: e.kind,
    content: locate(text, e.content)!,
    ...(e.fragments ? { fragments: e.fragments.map((f) => locate(text, f)!) } : {}),
    cue: locate(text, e.cue),
    source: locate(text, e.source),
    speaker: e.speaker,
  }));
}

export function withoutConfidence(list: readonly Suggestion[]): Omit<Suggestion, 'confidence'>[] {
  return list.map(({ confidence: _confidence, ...rest }) => rest);
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** Whether an offset falls between the two halves of one character (an emoji, 𠮷). */
function splitsCharacter(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

function expectSpan(text: string, span: TextSpan, what: string) {
  expect(Number.isInteger(span.start) && Number.isInteger(span.end), `${what} offsets are integers`).toBe(true);
  expect(span.start, `${what} starts inside the text`).toBeGreaterThanOrEqual(0);
  expect(span.end, `${what} ends inside the text`).toBeLessThanOrEqual(text.length);
  expect(span.end, `${what} is not empty`).toBeGreaterThan(span.start);
  expect(span.exact, `${what}.exact is the text it covers`).toBe(text.slice(span.start, span.end));
  expect(splitsCharacter(text, span.start) || splitsCharacter(text, span.end), `${what} does not cut a character in half`).toBe(false);
}

/**
 * What holds for any text: known kinds, confidences in [0, 1], spans inside the text whose `exact`
 * is the text they cover, text order, and speakers that are either new (actorId null) or in the codebook.
 */
export function expectWellFormed(text: string, suggestions: readonly Suggestion[], actors: readonly ActorName[] = []): void {
  expect(Array.isArray(suggestions)).toBe(true);
  const ids = new Set(actors.map((a) => a.id));
  let previous = -1;
  suggestions.forEach((s, i) => {
    const what = `suggestion ${i}`;
    expect(suggestionKinds, `${what} kind`).toContain(s.kind);
    expect(Number.isFinite(s.confidence), `${what} confidence is a number`).toBe(true);
    expect(s.confidence, `${what} confidence`).toBeGreaterThanOrEqual(0);
    expect(s.confidence, `${what} confidence`).toBeLessThanOrEqual(1);
    expectSpan(text, s.content, `${what} content`);
    if (s.fragments) {
      // In order, inside the content, from its first character to its last.
      s.fragments.forEach((f, j) => expectSpan(text, f, `${what} fragment ${j}`));
      expect(s.fragments[0]!.start, `${what} first fragment opens the content`).toBe(s.content.start);
      expect(s.fragments[s.fragments.length - 1]!.end, `${what} last fragment closes the content`).toBe(s.content.end);
      for (let j = 1; j < s.fragments.length; j++) expect(s.fragments[j]!.start, `${what} fragments in order`).toBeGreaterThanOrEqual(s.fragments[j - 1]!.end);
    }
    if (s.cue) expectSpan(text, s.cue, `${what} cue`);
    if (s.source) expectSpan(text, s.source, `${what} source`);
    if (s.speaker) {
      expect(s.speaker.name.trim(), `${what} speaker has a name`).not.toBe('');
      if (s.speaker.actorId !== null) expect(ids.has(s.speaker.actorId), `${what} speaker is a codebook actor`).toBe(true);
    }
    expect(s.content.start, `${what} is in text order`).toBeGreaterThanOrEqual(previous);
    previous = s.content.start;
  });
}
