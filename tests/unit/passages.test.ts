import { describe, expect, it } from 'vitest';
import { nextQuotation, paragraphs, quotations, sentences, step } from '../../renderer/editor/passages';

const text = 'Kim spoke first. He said "we want sincerity." Then he left.\n\nIt said he urged Tokyo to drop “unfair” controls, a move seen as “retaliation.”';
const words = (spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

describe('passages for keyboard selection', () => {
  it('splits sentences without running across paragraphs', () => {
    expect(words(sentences(text))).toEqual(['Kim spoke first.', 'He said "we want sincerity."', 'Then he left.', 'It said he urged Tokyo to drop “unfair” controls, a move seen as “retaliation.”']);
    expect(words(paragraphs(text))).toHaveLength(2);
  });

  it('steps forward and back, staying on the last and first at the ends', () => {
    const s = sentences(text);
    expect(words([step(s, s[0]!.end, 1)!])).toEqual(['He said "we want sincerity."']);
    expect(words([step(s, s[1]!.start, -1)!])).toEqual(['Kim spoke first.']);
    expect(step(s, text.length, 1)).toEqual(s[3]);
    expect(step(s, 0, -1)).toEqual(s[0]);
  });

  it('finds the quoted words, without the trailing full stop the house style puts inside', () => {
    const q = quotations(text);
    expect(words(q)).toEqual(['we want sincerity', 'unfair', 'retaliation']);
    const sentence = sentences(text)[1]!;
    expect(words([nextQuotation(q, 0, sentence)!])).toEqual(['we want sincerity']);
    // Pressed again on a quotation, it moves to the next one.
    expect(words([nextQuotation(q, 0, q[0]!)!])).toEqual(['unfair']);
    expect(nextQuotation(q, 0, q[2]!)).toBeNull();
  });

  it('leaves an unclosed quotation mark alone', () => {
    expect(quotations('He said "this never closes.\n\nNext "one" here.').map((s) => s)).toHaveLength(1);
  });
});
