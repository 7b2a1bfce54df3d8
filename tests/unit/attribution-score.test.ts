// How `npm run eval:attribution` decides a gold quotation's kind (issue 11: direct when the content
// starts with a quote mark). Annotators sometimes start the span just inside the opening mark; the
// quotation still starts with it, so the engine's direct suggestion of it is a match, not a miss.
import { describe, expect, it } from 'vitest';
import { suggestAttributions } from '../../main/attribution/engine';
import { readBrat, score } from '../eval/attribution/score';

/** BRAT standoff for one attribution whose content is `content` and source `source` (their first places in `text`). */
function goldFor(text: string, content: string, source: string): string {
  const c = text.indexOf(content);
  const s = text.indexOf(source);
  return [`T1\tContent ${c} ${c + content.length}\t${content}`, `T2\tSource ${s} ${s + source.length}\t${source}`, 'E1\tContent:T1 Source:T2'].join('\n');
}

describe('the kind of a gold quotation', () => {
  it.each([
    ['curly marks, the span starting after “', '“We will not back down,” Maria Delgado said.', 'We will not back down,”'],
    ["two apostrophes, the span starting on the second", "''We will not back down,'' Maria Delgado said.", "'We will not back down,''"],
    ['the whole mark inside the span', '“We will not back down,” Maria Delgado said.', '“We will not back down,”'],
  ])('is direct with %s', (_what, text, content) => {
    const figures = score(text, readBrat(goldFor(text, content, 'Maria Delgado'), text), suggestAttributions(text, []));
    expect(figures.direct).toMatchObject({ gold: 1, suggested: 1, quotes: { f1: 100 }, quoteAndSpeaker: { f1: 100 } });
    expect(figures.mixed!.gold).toBe(0);
  });

  it('is mixed when the writer\'s own words come first', () => {
    const text = 'The union rejected what Maria Delgado calls “a fair settlement.”';
    const figures = score(text, readBrat(goldFor(text, 'what Maria Delgado calls “a fair settlement.”', 'Maria Delgado'), text), []);
    expect(figures.mixed!.gold).toBe(1);
    expect(figures.direct!.gold).toBe(0);
  });
});
