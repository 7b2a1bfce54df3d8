// A small coded library made through the contract, as the app's own calls would make it: the sample
// article, two speakers, a topic with two positions and another topic, and one annotation of each
// kind (a quote, a paraphrase, a note without a speaker), with tags.
import { expect } from '@playwright/test';
import type { App } from './fixtures';
import { sampleText } from './fixtures';

export const KIM = 'Kim Jung Han';
export const TAKIZAKI = 'Shigeki Takizaki';
export const TOPIC_LABOR = 'Wartime labor compensation';
export const TOPIC_TRADE = 'Export controls';
export const CLAIM_SINCERITY = 'Japan must show more sincerity';
export const CLAIM_SELLOFF = 'The asset sell-off must be avoided';
export const CLAIM_CONTROLS = 'Export controls are unfair';
export const QUOTED = 'to show more sincerity to resolve the problem';
export const PARAPHRASED = "a sell-off of a Japanese company's assets seized under a South Korean court ruling on wartime labor compensation must be avoided";
export const NOTED = 'Nippon Steel\'s South Korean assets have been seized';
export const CONTROLS = 'withdraw "unfair" export controls';

interface Ids {
  articleId: number;
  kim: number;
  takizaki: number;
  labor: number;
  trade: number;
  sincerity: number;
  selloff: number;
  controls: number;
  quote: number;
  paraphrase: number;
  note: number;
  controlsQuote: number;
}

export async function codedLibrary(app: App): Promise<Ids> {
  const imported = await app.call<{ id: number }>('articles.import', { file: 'pasted text', encoding: 'text', data: sampleText(), title: 'Japan urges South Korea to resolve wartime labor row' });
  const article = await app.call<{ id: number; text: string }>('articles.get', { id: imported.id });
  const at = (words: string) => {
    const start = article.text.indexOf(words);
    expect(start, `“${words}” is in the sample`).toBeGreaterThanOrEqual(0);
    return { start, end: start + words.length };
  };
  const kim = (await app.call<{ id: number }>('actors.create', { name: KIM, aliases: ['Kim'] })).id;
  const takizaki = (await app.call<{ id: number }>('actors.create', { name: TAKIZAKI })).id;
  const labor = (await app.call<{ id: number }>('topics.create', { name: TOPIC_LABOR })).id;
  const trade = (await app.call<{ id: number }>('topics.create', { name: TOPIC_TRADE })).id;
  const sincerity = (await app.call<{ id: number }>('positions.create', { topicId: labor, claim: CLAIM_SINCERITY })).id;
  const selloff = (await app.call<{ id: number }>('positions.create', { topicId: labor, claim: CLAIM_SELLOFF })).id;
  const controls = (await app.call<{ id: number }>('positions.create', { topicId: trade, claim: CLAIM_CONTROLS })).id;
  const annotate = async (words: string, fields: Record<string, unknown>) =>
    (await app.call<{ id: number }>('annotations.create', { articleId: article.id, ...at(words), ...fields })).id;
  const quote = await annotate(QUOTED, { kind: 'quote', speakerId: kim, positions: [{ positionId: sincerity, stance: 'supports' }], tags: ['sincerity'] });
  const paraphrase = await annotate(PARAPHRASED, {
    kind: 'paraphrase',
    speakerId: takizaki,
    positions: [
      { positionId: selloff, stance: 'supports' },
      { positionId: sincerity, stance: 'opposes' },
    ],
    tags: ['assets', 'warning'],
    comment: 'Bureau chief’s warning',
  });
  const note = await annotate(NOTED, { kind: 'note', tags: ['follow-up'], comment: 'Check the liquidation timetable' });
  const controlsQuote = await annotate(CONTROLS, { kind: 'quote', speakerId: kim, positions: [{ positionId: controls, stance: 'supports' }] });
  return { articleId: article.id, kim, takizaki, labor, trade, sincerity, selloff, controls, quote, paraphrase, note, controlsQuote };
}
