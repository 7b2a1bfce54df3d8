// The attribution engine on text nobody would write on purpose (issue 11, "Bad input"): empty,
// one word, quotes that never close, an article that is one quote, scripts it does not know, bytes
// that are not text, a text too big for its time limit. Whatever comes in: no crash, no hang (Vitest's
// time limit per test), a sensible list whose every span is inside the text and says what it covers.
import { describe, expect, it } from 'vitest';
import { SuggestTimeout, suggestAttributions } from '../../main/attribution/engine';
import { prng } from '../reliability/prng';
import { codebook, expectWellFormed, spanOf } from './attribution-helpers';

function suggest(text: string) {
  const got = suggestAttributions(text, codebook);
  expectWellFormed(text, got, codebook);
  return got;
}

/** The direct quote suggested for exactly `quote`, failing with what was found instead. */
function directQuoteIn(text: string, quote: string) {
  const span = spanOf(text, quote);
  const got = suggest(text);
  const found = got.find((s) => s.kind === 'direct' && s.content.start === span.start && s.content.end === span.end);
  expect(found, `a direct quote ${quote} among ${JSON.stringify(got.map((s) => s.content.exact))}`).toBeDefined();
  return found;
}

describe('nothing to find', () => {
  it.each([
    ['an empty text', ''],
    ['only white space', ' \n\n\t  \n'],
    ['one word', 'Hello'],
    ['a cue word alone', 'said'],
    ['a lone quote mark', '"'],
    ['two quote marks', '“”'],
  ])('%s gives an empty list', (_what, text) => {
    expect(suggest(text)).toEqual([]);
  });
});

describe('quote marks that do not pair', () => {
  it('a quote that never closes: no crash, and the speech reported after it is still found', () => {
    const text = 'Tomas Brenner said the strike would go ahead. “We will not back down, and nobody can make us';
    const got = suggest(text);
    expect(got.some((s) => s.content.exact === 'the strike would go ahead' && s.speaker?.actorId === 2)).toBe(true);
  });

  it('thousands of opening marks and nothing else', () => {
    suggest('“'.repeat(20_000));
    suggest('"'.repeat(20_001));
    suggest('«'.repeat(5_000) + '」'.repeat(5_000));
  });

  it('closing marks before opening ones', () => {
    suggest('” said Maria Delgado “ and ” then « » » « 」「 』『');
  });
});

describe('an article that is all one quote', () => {
  it('gives at most one suggestion, a direct quote of the whole text with nobody named as speaker', () => {
    const sentences = Array.from({ length: 60 }, (_, i) => `Prices rose again in week ${i + 1} and the queues grew longer at every depot.`);
    const text = `“${sentences.join(' ')}”`;
    const got = suggest(text);
    expect(got.length).toBeLessThanOrEqual(1);
    for (const s of got) {
      expect(s.kind).toBe('direct');
      expect(s.content.exact).toBe(text);
      expect(s.speaker).toBeNull();
    }
  });

  it('a quote over a hundred paragraphs that never closes', () => {
    suggest(Array.from({ length: 100 }, (_, i) => `"Paragraph ${i} of a statement that goes on, said nobody in particular`).join('\n\n'));
  });
});

describe('scripts the engine does not know', () => {
  it('finds a « » quote in Arabic text, with its right-to-left marks', () => {
    const text = '\u200Fقال الوزير «سنخفض الدعم» يوم الاثنين.\u200F';
    expect(directQuoteIn(text, '«سنخفض الدعم»')).toBeDefined();
  });

  it('finds a quote in Thai text, which has no spaces between words', () => {
    const text = 'นายกรัฐมนตรีกล่าวว่า "เราจะไม่ยอมแพ้" ในการประชุมเมื่อวันจันทร์';
    expect(directQuoteIn(text, '"เราจะไม่ยอมแพ้"')).toBeDefined();
  });

  it('counts offsets in UTF-16 after emoji, flags, skin tones and joined emoji', () => {
    // The sentence before ends on a stop: a quotation right after a word would be that word's object.
    const text = '🚚🚚 👩‍👩‍👧 🇰🇷 👍🏽 e\u0301. "We stop 🛑 now," Tomas Brenner said. 🎉';
    const found = directQuoteIn(text, '"We stop 🛑 now,"');
    expect(found?.source?.exact).toBe('Tomas Brenner');
    expect(found?.speaker?.actorId).toBe(2);
  });

  it('text of emoji and symbols only', () => {
    suggest('🚚'.repeat(2_000) + ' ' + '🇰🇷'.repeat(500) + ' ∑∫≠ ☃ ');
  });
});

describe('bytes that are not text', () => {
  it.each([1, 2, 3, 4, 5])('random characters, control codes and lone surrogates (seed %i)', (seed) => {
    const rand = prng(seed);
    const pieces = ['\u0000', '\uFFFD', '\uD800', '\uDFFF', '\u202E', '\u200B', '"', '“', '”', '「', '」', ' said ', '\n\n', ', according to '];
    let text = '';
    while (text.length < 20_000) text += rand.next() < 0.2 ? rand.pick(pieces) : String.fromCharCode(rand.int(0, 0xffff));
    suggest(text);
  });

  it('a binary file read as Latin-1', () => {
    const rand = prng(42);
    const bytes = Buffer.from(Array.from({ length: 30_000 }, () => rand.int(0, 255)));
    suggest(bytes.toString('latin1'));
  });
});

describe('size and time', () => {
  // wink-nlp's tokeniser takes time growing with the square of a word's length (35 s alone for this
  // one on the development machine), so a pasted blob must not reach it whole.
  it('a word 100,000 letters long', () => {
    suggest('a'.repeat(100_000));
  });

  it('a sentence of 20,000 cue words', () => {
    suggest('said '.repeat(20_000));
    suggest('according to, '.repeat(5_000));
  });

  it('finds every quote in a 2,000-paragraph article', () => {
    const text = Array.from({ length: 2_000 }, (_, i) => `"Depot ${i} is closed," Tomas Brenner said.`).join('\n\n');
    const got = suggest(text);
    expect(got).toHaveLength(2_000);
    expect(got.at(-1)?.content).toEqual(spanOf(text, '"Depot 1999 is closed,"'));
  });

  it('stops with SuggestTimeout, a clear message, when its deadline has already passed on a huge text', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `"Depot ${i} is closed," Tomas Brenner said on day ${i}.`).join('\n\n');
    let error: unknown;
    try {
      suggestAttributions(text, codebook, { deadline: performance.now() - 1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SuggestTimeout);
    expect((error as Error).message).toMatch(/too long/);
  });
});
