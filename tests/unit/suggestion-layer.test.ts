// The suggestions layer on the reader: where its decorations fall in the document, what marks the
// current one, and that a list made for another text never draws past this one.
import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { articleSchema } from '../../shared/schema';
import { TextIndex } from '../../shared/text-index';
import type { ArticleSuggestion, TextSpan } from '../../shared/suggestion';
import { buildSuggestions, suggestionColor } from '../../renderer/editor/suggestion-layer';

const doc = articleSchema.node('doc', null, [
  articleSchema.node('paragraph', null, [articleSchema.text('Kim stressed the need "to show more sincerity."')]),
  articleSchema.node('paragraph', null, [articleSchema.text('It said he urged Tokyo to withdraw controls.')]),
]);
const state = EditorState.create({ schema: articleSchema, doc });
const text = TextIndex.of(doc).text;

const span = (words: string): TextSpan => {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`no “${words}”`);
  return { start, end: start + words.length, exact: words };
};

const direct: ArticleSuggestion = {
  key: 'direct',
  kind: 'direct',
  confidence: 0.9,
  content: span('"to show more sincerity."'),
  cue: span('stressed'),
  source: span('Kim'),
  speaker: { name: 'Kim Jung Han', actorId: 7 },
};
const reported: ArticleSuggestion = {
  key: 'reported',
  kind: 'indirect',
  confidence: 0.5,
  content: span('he urged Tokyo to withdraw controls'),
  cue: span('said'),
  source: span('It'),
  speaker: null,
};

/** Each decoration as the words it covers and its attributes. */
function drawn(suggestions: ArticleSuggestion[], currentKey: string | null) {
  const set = buildSuggestions(state, { suggestions, currentKey, speakerColors: new Map([[7, '#123456']]) });
  return set.find().map((d: Decoration) => ({
    words: state.doc.textBetween(d.from, d.to),
    attrs: (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs,
  }));
}

describe('the suggestions layer', () => {
  it('underlines each suggestion’s words, in its speaker’s colour or the neutral one, apart from annotations', () => {
    const d = drawn([direct, reported], null);
    expect(d.map((x) => x.words)).toEqual(['"to show more sincerity."', 'he urged Tokyo to withdraw controls']);
    expect(d[0]!.attrs).toMatchObject({ class: 'suggestion', 'data-testid': 'suggestion-item', 'data-suggestion-id': 'direct', style: '--sg: #123456' });
    expect(d[1]!.attrs.style).toBe('--sg: var(--suggest-neutral)');
    // Never the annotation highlight's class: the two layers look different.
    for (const x of d) expect(x.attrs.class).not.toMatch(/\bhl\b/);
  });

  it('marks the current suggestion, its speaker’s mention and its cue', () => {
    const d = drawn([direct, reported], 'direct');
    expect(d.find((x) => x.attrs['data-suggestion-id'] === 'direct')!.attrs.class).toBe('suggestion suggestion-current');
    expect(d.find((x) => x.attrs.class === 'suggestion-source')!.words).toBe('Kim');
    expect(d.find((x) => x.attrs.class === 'suggestion-cue')!.words).toBe('stressed');
    expect(d.find((x) => x.attrs['data-suggestion-id'] === 'reported')!.attrs.class).toBe('suggestion');
  });

  it('draws nothing past the end of the text (a list for a longer, older text)', () => {
    const stale: ArticleSuggestion = { ...reported, key: 'stale', content: { start: text.length - 5, end: text.length + 40, exact: 'x' } };
    expect(drawn([stale, direct], null).map((x) => x.attrs['data-suggestion-id'])).toEqual(['direct']);
  });

  it('an unmatched speaker gets the neutral colour, a matched one the actor’s', () => {
    const colors = new Map([[7, '#abcdef']]);
    expect(suggestionColor(direct, colors)).toBe('#abcdef');
    expect(suggestionColor({ ...direct, speaker: { name: 'Moon Jae In', actorId: null } }, colors)).toBe('var(--suggest-neutral)');
  });
});
