// Word counts, known-actor mentions and the reader's search highlights in Japanese, Korean and
// Chinese, and for Latin names with accents in either Unicode normalisation form (issue 13).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import { articleSchema, countWords } from '../../shared/schema';
import type { Actor } from '../../shared/model';
import { buildMentions } from '../../renderer/editor/actor-mentions';
import { findTermDecorations, searchTerms } from '../../renderer/editor/search-highlight';
import { fixture, sampleArticle } from './helpers';

const read = (name: string) => fs.readFileSync(fixture(`cjk/${name}`), 'utf8');
const docOf = (...paragraphs: string[]) => articleSchema.node('doc', null, paragraphs.map((p) => articleSchema.node('paragraph', null, articleSchema.text(p))));
const actor = (id: number, name: string, aliases: string[] = []): Actor => ({ id, name, kind: 'person', aliases, affiliations: [], color: '#336699', notes: null, annotationCount: 0 });

/** The words each decoration covers, in order. */
function covered(doc: ReturnType<typeof docOf>, set: ReturnType<typeof findTermDecorations>): string[] {
  return set.find().map((d) => doc.textBetween(d.from, d.to));
}

describe('word counts', () => {
  it('counts the words of Chinese and Japanese text by segmentation, not by spaces', () => {
    // Hand counts of the first sentence of each: 韓国|政府|は|6|日|... would be one "word" by spaces.
    expect(countWords('韓国政府は解決策を発表した。')).toBeGreaterThanOrEqual(6);
    expect(countWords('韓国政府は解決策を発表した。')).toBeLessThanOrEqual(9);
    expect(countWords('韩国政府公布了解决方案')).toBeGreaterThanOrEqual(4);
    expect(countWords('韩国政府公布了解决方案')).toBeLessThanOrEqual(8);
    // Korean is spaced: a word with its particle is one word.
    expect(countWords('일본이 성의를 보여야 한다')).toBe(4);
    expect(countWords('Samsung said 반도체 수출이 늘었다')).toBe(5);
  });

  it('gives the fixture articles plausible counts (news prose: 1.5–3 characters a word in Chinese and Japanese)', () => {
    for (const name of ['ja-labor-solution.txt', 'zh-labor-talks.txt']) {
      const text = read(name);
      const chars = text.replace(/[\s\p{P}]/gu, '').length;
      const words = countWords(text);
      expect(chars / words, name).toBeGreaterThan(1.2);
      expect(chars / words, name).toBeLessThan(3);
    }
    // Korean: about one word per space-separated run (more where punctuation joins two: 서울=연합뉴스).
    const ko = read('ko-sincerity.txt');
    const spaced = ko.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    expect(countWords(ko)).toBeGreaterThanOrEqual(spaced);
    expect(countWords(ko)).toBeLessThanOrEqual(spaced * 1.1);
  });

  it('counts English as before', () => {
    expect(countWords("The court's ruling on co-operation, 2018.")).toBe(6);
    expect(countWords(sampleArticle())).toBeGreaterThan(300);
  });
});

describe('actor mentions', () => {
  const mentions = (text: string, actors: Actor[]) => {
    const state = EditorState.create({ doc: docOf(text) });
    return buildMentions(state, actors)
      .find()
      .map((d) => [state.doc.textBetween(d.from, d.to), (d.spec as unknown as { attrs?: Record<string, string> }).attrs?.['data-actor-id'] ?? (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs['data-actor-id']]);
  };

  it('finds names in kanji, kana and Hangul inside unspaced text and before particles', () => {
    const actors = [actor(1, '滝崎成樹', ['滝崎']), actor(2, '박진'), actor(3, 'ユン・ソンニョル'), actor(4, '林芳正')];
    expect(mentions('外務省の滝崎成樹アジア大洋州局長は、林芳正外相と会談した。', actors)).toEqual([
      ['滝崎成樹', '1'],
      ['林芳正', '4'],
    ]);
    expect(mentions('滝崎局長は述べた。', actors)).toEqual([['滝崎', '1']]);
    expect(mentions('박진 장관은 국회에서 말했다. 박진은 성의를 요구했다.', actors)).toEqual([
      ['박진', '2'],
      ['박진', '2'],
    ]);
    // A Korean name starts a word: not inside another one.
    expect(mentions('대박진행', actors)).toEqual([]);
    expect(mentions('ユン・ソンニョル大統領が来日した。', actors)).toEqual([['ユン・ソンニョル', '3']]);
  });

  it('finds Latin names with diacritics whether text and codebook are NFC or NFD, and keeps whole words', () => {
    const zizek = actor(5, 'Slavoj Žižek'.normalize('NFC'), ['Žižek'.normalize('NFD')]);
    const marti = actor(6, 'José Martí'.normalize('NFD'));
    const text = `${'Žižek'.normalize('NFD')} cited ${'José Martí'.normalize('NFC')}; Slavoj Žižek agreed. Zizeks is someone else.`;
    expect(mentions(text, [zizek, marti])).toEqual([
      ['Žižek'.normalize('NFD'), '5'],
      ['José Martí'.normalize('NFC'), '6'],
      ['Slavoj Žižek', '5'],
    ]);
    expect(mentions('Kim Jung Han met Kim.', [actor(7, 'Kim Jung Han', ['Kim'])])).toEqual([
      ['Kim Jung Han', '7'],
      ['Kim', '7'],
    ]);
  });
});

describe('search highlights in the reader', () => {
  it('marks CJK terms where they stand, and Korean stems before their particles', () => {
    const doc = docOf('差し押さえた資産の売却手続き、資産売却が実行されれば', '일본이 성의를 보여야 한다. 성의 있는 호응', '韩国大法院判决');
    expect(covered(doc, findTermDecorations(doc, searchTerms('資産売却')))).toEqual(['資産売却']);
    expect(covered(doc, findTermDecorations(doc, searchTerms('資産')))).toEqual(['資産', '資産']);
    expect(covered(doc, findTermDecorations(doc, searchTerms('성의')))).toEqual(['성의', '성의']);
    expect(covered(doc, findTermDecorations(doc, searchTerms('大法院')))).toEqual(['大法院']);
  });

  it('marks English words from their start to the end of the word, accents and case aside', () => {
    const doc = docOf(`The ${'Séoul'.normalize('NFD')} talks on liquidation; Liquidated assets. Café.`);
    expect(covered(doc, findTermDecorations(doc, searchTerms('liquid seoul')))).toEqual(['Séoul'.normalize('NFD'), 'liquidation', 'Liquidated']);
    expect(covered(doc, findTermDecorations(doc, searchTerms('cafe')))).toEqual(['Café']);
    expect(covered(doc, findTermDecorations(doc, searchTerms('quid')))).toEqual([]);
  });

  it('splits mixed words into the parts the index has', () => {
    expect(searchTerms('G7정상회의 "Export Controls"')).toEqual(['g7', '정상회의', 'export', 'controls']);
  });
});
