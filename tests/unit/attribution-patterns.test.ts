// The attribution engine on short constructed texts, one pattern each (issue 11): what the analyst
// would mark by hand — the quote, the word that says it was said, who is named as saying it and who
// that is — must be what the engine suggests, and nothing else.
//
// Conventions (shared with the engine): offsets are UTF-16, end exclusive. A direct quote's content
// holds its quote marks; a quote split by "she said" is one suggestion from the first opening mark to
// the last closing one, with its quoted pieces as fragments. Reported speech is the reported clause alone: no cue, no source, no final
// full stop, but its "that" kept (as PolNeAR marks it, 296 times to 2 on the dev split). The speaker is the fullest name the article gives; actorId when that name (or
// the mention) is a codebook actor's name or alias.
import { describe, expect, it } from 'vitest';
import { suggestAttributions } from '../../main/attribution/engine';
import type { ActorName } from '../../shared/suggestion';
import { codebook, expected, expectWellFormed, spanOf, withoutConfidence, type Expected } from './attribution-helpers';

/** The engine's suggestions for `text` must be exactly `list` (confidence aside). */
function expectSuggestions(text: string, list: Expected[], actors: readonly ActorName[] = codebook) {
  const got = suggestAttributions(text, actors);
  expectWellFormed(text, got, actors);
  expect(withoutConfidence(got)).toEqual(expected(text, list));
}

const delgado = { name: 'Maria Delgado', actorId: 1 };
const brenner = { name: 'Tomas Brenner', actorId: 2 };
const kovac = { name: 'Ana Kovac', actorId: 3 };

describe('direct quotes', () => {
  it('finds a quote in straight marks, the comma inside the marks included', () => {
    const text = '"We will not back down," Maria Delgado said.';
    expectSuggestions(text, [{ kind: 'direct', content: '"We will not back down,"', cue: 'said', source: 'Maria Delgado', speaker: delgado }]);
  });

  it('finds a quote in curly marks, with the speaker after the verb', () => {
    const text = '“We will not back down,” said Maria Delgado.';
    expectSuggestions(text, [{ kind: 'direct', content: '“We will not back down,”', cue: 'said', source: 'Maria Delgado', speaker: delgado }]);
  });

  it('finds a quote introduced by the speaker and a colon', () => {
    const text = 'Tomas Brenner said: “If the subsidy goes, the trucks stop.”';
    expectSuggestions(text, [{ kind: 'direct', content: '“If the subsidy goes, the trucks stop.”', cue: 'said', source: 'Tomas Brenner', speaker: brenner }]);
  });

  it('keeps apostrophes (’) inside a curly quote from ending it', () => {
    const text = '“We can’t pay yesterday’s prices,” Maria Delgado said.';
    expectSuggestions(text, [{ kind: 'direct', content: '“We can’t pay yesterday’s prices,”', cue: 'said', source: 'Maria Delgado', speaker: delgado }]);
  });

  it('makes one suggestion of a quote split by “she said.” and continued', () => {
    const text = 'Maria Delgado presented the budget on Monday.\n\n“We cannot keep paying for yesterday’s prices,” she said. “The money has to go to schools.”';
    expectSuggestions(text, [
      {
        kind: 'direct',
        content: '“We cannot keep paying for yesterday’s prices,” she said. “The money has to go to schools.”',
        fragments: ['“We cannot keep paying for yesterday’s prices,”', '“The money has to go to schools.”'],
        cue: 'said',
        source: 'she',
        speaker: delgado,
      },
    ]);
  });

  it('makes one suggestion of a sentence split by “Brenner said,” and continued', () => {
    const text = 'Tomas Brenner leads the transport union.\n\n"If the subsidy goes," Brenner said, "the trucks stop."';
    expectSuggestions(text, [{ kind: 'direct', content: '"If the subsidy goes," Brenner said, "the trucks stop."', fragments: ['"If the subsidy goes,"', '"the trucks stop."'], cue: 'said', source: ['Brenner', 'goes," '], speaker: brenner }]);
  });

  it('takes “…, adding …” after a frame as a second attribution of the same speaker, not more of the first', () => {
    const text = 'Ana Kovac spoke in the capital.\n\n"We will not vote for it," Kovac said, adding that the budget "cuts too deep."\n\n"The trucks stop tomorrow," Tomas Brenner said, adding later, "and they stay stopped."';
    expectSuggestions(text, [
      { kind: 'direct', content: '"We will not vote for it,"', cue: 'said', source: ['Kovac', 'for it," '], speaker: kovac },
      { kind: 'mixed', content: 'that the budget "cuts too deep."', cue: 'adding', source: ['Kovac', 'vote for it," '], speaker: kovac },
      { kind: 'direct', content: '"The trucks stop tomorrow,"', cue: ['said', 'Brenner '], source: 'Tomas Brenner', speaker: brenner },
      { kind: 'direct', content: '"and they stay stopped."', cue: ['adding', 'Brenner said, '], source: ['Tomas Brenner', 'tomorrow," '], speaker: brenner },
    ]);
  });

  it('reads a source with a party and state in brackets before the cue, and a surname wink tags as a verb', () => {
    const text = 'The vote was close.\n\n“The budget cuts too deep,” Rep. Ana Kovac (D-Wis.) said Friday.\n\n"We will keep the trucks running," Lynch said.';
    expectSuggestions(text, [
      { kind: 'direct', content: '“The budget cuts too deep,”', cue: 'said', source: 'Rep. Ana Kovac (D-Wis.)', speaker: kovac },
      { kind: 'direct', content: '"We will keep the trucks running,"', cue: ['said', 'Lynch '], source: 'Lynch', speaker: { name: 'Lynch', actorId: null } },
    ]);
  });

  it('keeps a title holding a cue-like word with the name it belongs to, and a long appositive with a name wink reads as a verb', () => {
    const text = 'The hearing ran late.\n\n“We will not sign it,” Union press secretary Tomas Brenner said.\n\n“The plan holds,” Ana Kovac, a senior fellow at the Hoover Institution and a former minister, said of the talks.';
    expectSuggestions(text, [
      { kind: 'direct', content: '“We will not sign it,”', cue: 'said', source: 'Union press secretary Tomas Brenner', speaker: brenner },
      { kind: 'direct', content: '“The plan holds,”', cue: ['said', 'minister, '], source: 'Ana Kovac, a senior fellow at the Hoover Institution and a former minister', speaker: kovac },
    ]);
  });

  it('closes a quotation opened with a curly mark at a straight one, and the reverse (hurried typing)', () => {
    const text = 'Ana Kovac and Tomas Brenner met.\n\n“We will not sign it," Kovac said.\n\n"The trucks stop tomorrow,” Brenner said.';
    expectSuggestions(text, [
      { kind: 'direct', content: '“We will not sign it,"', cue: 'said', source: ['Kovac', 'sign it," '], speaker: kovac },
      { kind: 'direct', content: '"The trucks stop tomorrow,”', cue: ['said', 'tomorrow,” Brenner '], source: ['Brenner', 'tomorrow,” '], speaker: brenner },
    ]);
  });

  it('reads single marks as a quotation when they close before a non-letter, never an apostrophe or a mark left open', () => {
    const text = 'Ana Kovac: ‘We Will Not Sign’ the Deal.\n\nThe deal dates from the ‘90s and it’s the union’s view that nothing changed.\n\n“The talks are over,” Tomas Brenner said. ‘Not now,’ he added.';
    expectSuggestions(text, [
      { kind: 'direct', content: '‘We Will Not Sign’', cue: ':', source: 'Ana Kovac', speaker: kovac },
      { kind: 'direct', content: '“The talks are over,”', cue: 'said', source: 'Tomas Brenner', speaker: brenner },
      { kind: 'direct', content: '‘Not now,’', cue: 'added', source: ['he', 'Not now,’ '], speaker: brenner },
    ]);
  });

  it('gives a quotation after “went on to say,” / “joked,” to the sentence’s subject', () => {
    const text = 'Ana Kovac spoke for an hour.\n\nKovac then went on to say, “The budget cuts too deep.”';
    expectSuggestions(text, [{ kind: 'direct', content: '“The budget cuts too deep.”', cue: 'say', source: ['Kovac', 'spoke for an hour.\n\n'], speaker: kovac }]);
  });

  it('makes one suggestion of a quote over several paragraphs (each opens with a mark, only the last closes)', () => {
    const text = [
      'Ana Kovac spoke at a rally in the capital on Tuesday.',
      '"I have travelled to every province this year.',
      '"Families there ask for nothing but a fair price for fuel.',
      '"This budget takes that away," Kovac said.',
    ].join('\n\n');
    const quote = text.slice(text.indexOf('"I have'), text.indexOf('away,"') + 'away,"'.length);
    expectSuggestions(text, [{ kind: 'direct', content: quote, cue: 'said', source: ['Kovac', 'away," '], speaker: kovac }]);
  });

  it('makes one suggestion of a statement quoted over several paragraphs after a colon', () => {
    const text = ['Ana Kovac said in a statement:', '“The cuts will hurt rural families first.', '“We will vote against them on Friday.”'].join('\n\n');
    const quote = text.slice(text.indexOf('“The cuts'), text.length);
    expectSuggestions(text, [{ kind: 'direct', content: quote, cue: 'said', source: 'Ana Kovac', speaker: kovac }]);
  });

  it('keeps a quotation nested in a quote inside the one suggestion', () => {
    const text = 'Ana Kovac said: "Nobody in my village believes the word \'temporary\' any more."';
    expectSuggestions(text, [
      { kind: 'direct', content: '"Nobody in my village believes the word \'temporary\' any more."', cue: 'said', source: 'Ana Kovac', speaker: kovac },
    ]);
  });

  it('keeps a curly nested quotation inside the one suggestion', () => {
    const text = '“She called it ‘a temporary measure’ twice,” Ana Kovac said.';
    expectSuggestions(text, [{ kind: 'direct', content: '“She called it ‘a temporary measure’ twice,”', cue: 'said', source: 'Ana Kovac', speaker: kovac }]);
  });
});

describe('mixed quotes', () => {
  it('takes a paraphrase holding a quoted fragment as one mixed suggestion', () => {
    const text = 'Tomas Brenner said the plan was "a tax on workers" and would fail.';
    expectSuggestions(text, [{ kind: 'mixed', content: 'the plan was "a tax on workers" and would fail', cue: 'said', source: 'Tomas Brenner', speaker: brenner }]);
  });

  it('runs a mixed quote that ends in a fragment to the fragment’s closing mark', () => {
    const text = 'Ana Kovac said the budget was “a betrayal of the countryside.”';
    expectSuggestions(text, [{ kind: 'mixed', content: 'the budget was “a betrayal of the countryside.”', cue: 'said', source: 'Ana Kovac', speaker: kovac }]);
  });
});

describe('reported speech', () => {
  it('“X said that …”: the clause from “that”', () => {
    const text = 'Maria Delgado said that the government would cut fuel subsidies by half.';
    expectSuggestions(text, [{ kind: 'indirect', content: 'that the government would cut fuel subsidies by half', cue: 'said', source: 'Maria Delgado', speaker: delgado }]);
  });

  it('“…, X said.”: the clause before the comma', () => {
    const text = 'The cuts will take effect in January, Maria Delgado said.';
    expectSuggestions(text, [{ kind: 'indirect', content: 'The cuts will take effect in January', cue: 'said', source: 'Maria Delgado', speaker: delgado }]);
  });

  it('“According to X, …”', () => {
    const text = 'According to Tomas Brenner, the strike will begin on Monday.';
    expectSuggestions(text, [{ kind: 'indirect', content: 'the strike will begin on Monday', cue: 'According to', source: 'Tomas Brenner', speaker: brenner }]);
  });

  it('“…, according to X.”', () => {
    const text = 'The strike will begin on Monday, according to Tomas Brenner.';
    expectSuggestions(text, [{ kind: 'indirect', content: 'The strike will begin on Monday', cue: 'according to', source: 'Tomas Brenner', speaker: brenner }]);
  });

  it('“X warned that …”', () => {
    const text = 'Tomas Brenner warned that drivers would stop work within a week.';
    expectSuggestions(text, [{ kind: 'indirect', content: 'that drivers would stop work within a week', cue: 'warned', source: 'Tomas Brenner', speaker: brenner }]);
  });

  it('“X urged Y to …”: the one urged and what they are urged to do', () => {
    // As PolNeAR marks it ("urged | the union to join …", "called on | the ministry to stop …"): what was
    // urged reads as a claim only with who is to do it.
    const text = 'Tomas Brenner urged lawmakers to reject the plan.';
    expectSuggestions(text, [{ kind: 'indirect', content: 'lawmakers to reject the plan', cue: 'urged', source: 'Tomas Brenner', speaker: brenner }]);
  });

  it('“X stressed that …”', () => {
    const text = 'Ana Kovac stressed that the cuts would hurt rural families.';
    expectSuggestions(text, [{ kind: 'indirect', content: 'that the cuts would hurt rural families', cue: 'stressed', source: 'Ana Kovac', speaker: kovac }]);
  });

  it('“X denied that …”', () => {
    const text = 'Maria Delgado denied that foreign lenders had asked for the cuts.';
    expectSuggestions(text, [{ kind: 'indirect', content: 'that foreign lenders had asked for the cuts', cue: 'denied', source: 'Maria Delgado', speaker: delgado }]);
  });

  it('“X told reporters …”: the listeners are neither cue nor content', () => {
    const text = 'Maria Delgado told reporters the cuts were unavoidable.';
    expectSuggestions(text, [{ kind: 'indirect', content: 'the cuts were unavoidable', cue: 'told', source: 'Maria Delgado', speaker: delgado }]);
  });

  it('“X told MSNBC’s “Morning Joe” that …”: a quoted programme told is whom it was told to, not what was said', () => {
    const text = 'Maria Delgado told MSNBC’s “Morning Joe” on Friday that the cuts were unavoidable.';
    expectSuggestions(text, [{ kind: 'indirect', content: 'that the cuts were unavoidable', cue: 'told', source: 'Maria Delgado', speaker: delgado }]);
    const bare = 'Maria Delgado tells “Morning Joe” that “nobody” knows who did it.';
    expectSuggestions(bare, [{ kind: 'mixed', content: 'that “nobody” knows who did it', cue: 'tells', source: 'Maria Delgado', speaker: delgado }]);
  });

  it('“what X calls “…””: the writer\'s words around the name make a mixed quote', () => {
    const text = 'The union rejected what Maria Delgado calls “a fair settlement.”';
    expectSuggestions(text, [{ kind: 'mixed', content: 'what Maria Delgado calls “a fair settlement.”', cue: 'calls', source: 'Maria Delgado', speaker: delgado }]);
  });

  it('quoted words that run on take the rest of the clause, past a second quoted word', () => {
    const text = 'Maria Delgado says “the union will not bend” despite the “unfair” ruling.';
    expectSuggestions(text, [{ kind: 'direct', content: '“the union will not bend” despite the “unfair” ruling', cue: 'says', source: 'Maria Delgado', speaker: delgado }]);
  });

  it('suggests nothing in a text where nobody says anything', () => {
    expectSuggestions('Fuel prices rose by four percent in March. Trucks queued at the border for two days.', []);
  });
});

describe('who the speaker is', () => {
  it('resolves “he” to the last named person, not to an organisation named since', () => {
    const text = 'Tomas Brenner leads the National Transport Union. He said the strike would start on Monday.';
    expectSuggestions(text, [{ kind: 'indirect', content: 'the strike would start on Monday', cue: 'said', source: 'He', speaker: brenner }]);
  });

  it('resolves “she” to the last named person it fits, passing over a man named later', () => {
    const text = 'Maria Delgado met Tomas Brenner on Monday. She said the talks had failed.';
    expectSuggestions(text, [{ kind: 'indirect', content: 'the talks had failed', cue: 'said', source: 'She', speaker: delgado }]);
  });

  it('resolves a surname to the fullest name the article gives, surname first or last', () => {
    const text =
      'Kim Jung Han met Japanese diplomats in Seoul on Thursday. Lena Fischer, a farmer, drove in from the north.\n\n' +
      'Kim said the talks were useful. Fischer said the cuts would ruin her.';
    expectSuggestions(
      text,
      [
        { kind: 'indirect', content: 'the talks were useful', cue: 'said', source: ['Kim', 'north.\n\n'], speaker: { name: 'Kim Jung Han', actorId: null } },
        { kind: 'indirect', content: 'the cuts would ruin her', cue: ['said', 'useful. Fischer '], source: ['Fischer', 'useful. '], speaker: { name: 'Lena Fischer', actorId: null } },
      ],
      [],
    );
  });

  it('keeps a title before the name in the source as written, but not in the speaker’s name', () => {
    const text = 'Opposition leader Ana Kovac stressed that the cuts would hurt rural families.';
    expectSuggestions(text, [{ kind: 'indirect', content: 'that the cuts would hurt rural families', cue: 'stressed', source: 'Opposition leader Ana Kovac', speaker: kovac }]);
  });

  it('resolves “the minister” to the person given that title', () => {
    const text = 'Finance Minister Maria Delgado presented the budget on Monday. The minister said the cuts were unavoidable.';
    expectSuggestions(text, [{ kind: 'indirect', content: 'the cuts were unavoidable', cue: 'said', source: 'The minister', speaker: delgado }]);
  });

  it('resolves “the ministry” to the organisation', () => {
    const text = 'Officials of the Finance Ministry met union leaders on Monday. The ministry said the talks would continue.';
    expectSuggestions(text, [{ kind: 'indirect', content: 'the talks would continue', cue: 'said', source: 'The ministry', speaker: { name: 'Finance Ministry', actorId: 4 } }]);
  });

  it('matches a speaker to the codebook by an alias', () => {
    const text = 'Kim Jung Han met Japanese diplomats in Seoul on Thursday. Kim said the talks were useful.';
    expectSuggestions(text, [
      { kind: 'indirect', content: 'the talks were useful', cue: 'said', source: ['Kim', 'Thursday. '], speaker: { name: 'Kim Jung Han', actorId: 7 } },
    ]);
  });

  it('matches a speaker named only by an alias', () => {
    const text = '"We will win this state," Trump said.';
    expectSuggestions(text, [{ kind: 'direct', content: '"We will win this state,"', cue: 'said', source: 'Trump', speaker: { name: 'Trump', actorId: 9 } }]);
  });

  it('proposes a speaker the codebook does not know as new (actorId null)', () => {
    const text = 'Lena Fischer said the cuts would ruin her farm.';
    expectSuggestions(text, [{ kind: 'indirect', content: 'the cuts would ruin her farm', cue: 'said', source: 'Lena Fischer', speaker: { name: 'Lena Fischer', actorId: null } }]);
  });

  it('keeps an unnamed source as written and matches it to no actor', () => {
    const text = 'The cabinet expects protests but no general strike, a senior official said.';
    const [s, ...rest] = suggestAttributions(text, codebook);
    expect(rest).toEqual([]);
    expect(s).toBeDefined();
    expect(s!.kind).toBe('indirect');
    expect(s!.content).toEqual(spanOf(text, 'The cabinet expects protests but no general strike'));
    expect(s!.cue).toEqual(spanOf(text, 'said'));
    expect(s!.source).toEqual(spanOf(text, 'a senior official'));
    expect(s!.speaker?.actorId ?? null).toBeNull();
  });
});

describe('quote marks of other languages', () => {
  /** The suggestion whose content is exactly `quote`; fails when there is none. */
  function directQuote(text: string, quote: string) {
    const got = suggestAttributions(text, codebook);
    expectWellFormed(text, got, codebook);
    const span = spanOf(text, quote);
    const s = got.find((g) => g.content.start === span.start && g.content.end === span.end);
    expect(s, `a suggestion for ${quote} among ${JSON.stringify(got.map((g) => g.content.exact))}`).toBeDefined();
    expect(s!.kind).toBe('direct');
    return s!;
  }

  it('finds a quote in 「」 in a Japanese sentence, with the known actor it names (an astral character before it)', () => {
    const text = '𠮷田大使は記者団に対し、「補助金の削減を支持する」と述べた。';
    expect(directQuote(text, '「補助金の削減を支持する」').speaker?.actorId).toBe(5);
  });

  it('finds a quote in 『』', () => {
    const text = '𠮷田大使は『合意は守られるべきだ』と語った。';
    expect(directQuote(text, '『合意は守られるべきだ』').speaker?.actorId).toBe(5);
  });

  it('finds a quote in a Korean sentence, with the known actor it names', () => {
    const text = '김정한 국장은 “대화를 계속하겠다”고 말했다.';
    expect(directQuote(text, '“대화를 계속하겠다”').speaker?.actorId).toBe(7);
  });

  it('finds a quote in « » with the speaker named in the sentence', () => {
    const text = '« Nous ne céderons pas », a déclaré Maria Delgado lundi.';
    expect(directQuote(text, '« Nous ne céderons pas »').speaker?.actorId).toBe(1);
  });

  it('finds a quote in „ “ with the speaker named in the sentence', () => {
    const text = '„Wir geben nicht nach“, sagte Maria Delgado am Montag.';
    expect(directQuote(text, '„Wir geben nicht nach“').speaker?.actorId).toBe(1);
  });

  it('finds « » quotes in an English article, with cue and source', () => {
    const text = '« Sans subvention, les camions s’arrêtent », Tomas Brenner told the Belgian daily Le Soir.';
    expectSuggestions(text, [{ kind: 'direct', content: '« Sans subvention, les camions s’arrêtent »', cue: 'told', source: 'Tomas Brenner', speaker: brenner }]);
  });
});

describe('unbalanced quote marks', () => {
  it('a stray closing mark spoils neither the quote after it nor its speaker', () => {
    const text = 'The report” came out late on Monday.\n\n“We will fix it,” Maria Delgado said.';
    expectSuggestions(text, [{ kind: 'direct', content: '“We will fix it,”', cue: 'said', source: 'Maria Delgado', speaker: delgado }]);
  });

  it('a quote left open does not swallow the next paragraph, which opens without a mark', () => {
    const text = '“We will not back down, Maria Delgado said on Monday.\n\nThe talks resume on Friday. Tomas Brenner said the strike would go ahead.';
    const got = suggestAttributions(text, codebook);
    expectWellFormed(text, got, codebook);
    const paragraphBreak = text.indexOf('\n\n');
    for (const s of got) expect(s.content.start < paragraphBreak && s.content.end > paragraphBreak, `“${s.content.exact}” crosses the paragraph break`).toBe(false);
    expect(withoutConfidence(got).filter((s) => s.content.start > paragraphBreak)).toEqual(
      expected(text, [{ kind: 'indirect', content: 'the strike would go ahead', cue: ['said', 'Tomas Brenner '], source: 'Tomas Brenner', speaker: brenner }]),
    );
  });

  it('an inch mark in a number is not a quote', () => {
    const text = 'The plant makes 12" pipes for export. "Orders have doubled," Tomas Brenner said.';
    expectSuggestions(text, [{ kind: 'direct', content: '"Orders have doubled,"', cue: 'said', source: 'Tomas Brenner', speaker: brenner }]);
  });
});
