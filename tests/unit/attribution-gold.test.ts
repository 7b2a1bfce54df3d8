// The attribution engine against gold marked by hand (issue 11): the sample article with every
// attribution in it, and a constructed article covering each pattern the issue names, both in
// PolNeAR's BRAT layout and scored the way `npm run eval:attribution` scores a corpus.
//
// The gold follows PolNeAR's annotation style, not the engine's conventions, so that these figures
// mean what the dev-split figures mean: reported content keeps its "that"; a quote split by "he
// said" or running over paragraphs is one content in several fragments; where one attribution holds
// another ("…, the ministry said" around "Takizaki warned that …") only the outer one is marked;
// non-speech attributions with a clear source ("Japan's notification that …", a court "ordering")
// count too. Scoring forgives the difference in span edges (token overlap of half both ways).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { suggestAttributions } from '../../main/attribution/engine';
import type { ActorName } from '../../shared/suggestion';
import { readBrat, score } from '../eval/attribution/score';
import { codebook, expectWellFormed } from './attribution-helpers';
import { fixture } from './helpers';

const sampleCodebook: ActorName[] = [
  { id: 11, name: 'Shigeki Takizaki', aliases: [] },
  { id: 12, name: 'Kim Jung-han', aliases: ['Kim Jung Han'] },
  { id: 13, name: 'Japanese Foreign Ministry', aliases: ['Ministry of Foreign Affairs of Japan'] },
  { id: 14, name: 'Yoshihide Suga', aliases: ['Suga'] },
  { id: 15, name: 'Moon Jae-in', aliases: ['Moon Jae In'] },
  { id: 16, name: 'Lee Do-hoon', aliases: ['Lee Do Hoon'] },
];

interface Floors {
  /** F1 (percent) of contents found, any kind. */
  quotes: number;
  /** F1 of contents found with the right source. */
  quoteAndSpeaker: number;
  /** The same for direct quotes alone, where the text has any. */
  direct?: { quotes: number; quoteAndSpeaker: number };
}

const fixtures: { name: string; actors: ActorName[]; attributions: number; floors: Floors }[] = [
  // Newswire reported speech, most of it nested in "the ministry said": no direct quotes at all.
  { name: 'japan-korea-labor-row', actors: sampleCodebook, attributions: 13, floors: { quotes: 70, quoteAndSpeaker: 50 } },
  // Every pattern the issue names, each once: only the headline's "unions threaten a strike" is
  // beyond the rules, so a finished engine misses little here (one miss of the 8 direct quotes is 93).
  { name: 'attribution-cases', actors: codebook, attributions: 18, floors: { quotes: 90, quoteAndSpeaker: 85, direct: { quotes: 90, quoteAndSpeaker: 90 } } },
];

const read = (file: string) => fs.readFileSync(fixture(file), 'utf8');

describe.each(fixtures)('gold: $name', ({ name, actors, attributions, floors }) => {
  const text = read(`${name}.txt`);
  const ann = read(`${name}.ann`);

  it('every span in the gold file covers the text its line quotes (offsets in code points, as BRAT counts)', () => {
    const codePoints = Array.from(text);
    const ids = new Set<string>();
    for (const line of ann.split('\n').filter((l) => l.startsWith('T'))) {
      const [id, typeAndSpans, quoted] = line.split('\t');
      const [, spans] = /^\S+ (.*)$/.exec(typeAndSpans!)!;
      const covered = spans!.split(';').map((fragment) => {
        const [start, end] = fragment.split(' ').map(Number);
        return codePoints.slice(start, end).join('');
      });
      expect(covered.join(' '), line).toBe(quoted);
      ids.add(id!);
    }
    const events = ann.split('\n').filter((l) => l.startsWith('E'));
    expect(events).toHaveLength(attributions);
    for (const event of events) {
      const args = event.split('\t')[1]!.split(' ');
      for (const arg of args) expect(ids.has(arg.split(':')[1]!), `${event}: ${arg} is a T line`).toBe(true);
      expect(args.some((a) => a.startsWith('Content:')), `${event} has a content`).toBe(true);
    }
  });

  it('reads back as one gold attribution per E line, in UTF-16 offsets', () => {
    const gold = readBrat(ann, text);
    expect(gold).toHaveLength(attributions);
    const contents = ann
      .split('\n')
      .filter((l) => /^T\d+\tContent /.test(l))
      .map((l) => l.split('\t')[2]);
    expect(gold.map((g) => g.content.fragments.map((f) => text.slice(f.start, f.end)).join(' ')).sort()).toEqual([...contents].sort());
  });

  it(`the engine's suggestions reach F1 ≥ ${floors.quotes} for quotes and ≥ ${floors.quoteAndSpeaker} with the speaker`, () => {
    const suggestions = suggestAttributions(text, actors);
    expectWellFormed(text, suggestions, actors);
    const figures = score(text, readBrat(ann, text), suggestions);
    const report = JSON.stringify(figures);
    expect(figures.all!.quotes.f1, report).toBeGreaterThanOrEqual(floors.quotes);
    expect(figures.all!.quoteAndSpeaker.f1, report).toBeGreaterThanOrEqual(floors.quoteAndSpeaker);
    if (floors.direct) {
      expect(figures.direct!.quotes.f1, report).toBeGreaterThanOrEqual(floors.direct.quotes);
      expect(figures.direct!.quoteAndSpeaker.f1, report).toBeGreaterThanOrEqual(floors.direct.quoteAndSpeaker);
    }
  });
});
