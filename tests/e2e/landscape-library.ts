// The coded library the landscape specs draw from: two articles, three speakers, one topic with two
// positions (and an empty second topic).
import { expect as pwExpect } from '@playwright/test';
import { sampleText, type App } from './fixtures';

export const KIM = 'Kim Jung Han';
export const TAKIZAKI = 'Shigeki Takizaki';
export const MINISTRY = 'South Korean Foreign Ministry';
export const TOPIC = 'Wartime labor compensation';
export const SINCERITY = 'Japan must show more sincerity';
export const CONTROLS = 'Export controls must go';
export const KIM_SINCERITY = 'to show more sincerity to resolve the problem';
export const KIM_CONTROLS = 'withdraw "unfair" export controls';
export const SECOND = [
  'Tokyo has already shown all the sincerity it owes, a Japanese official said on Tuesday.',
  'Shigeki Takizaki said Japan has done enough and owes no further apology.',
  'The South Korean Foreign Ministry said Tokyo must still show sincerity to the victims.',
  'Takizaki added that the export controls should be lifted as soon as possible.',
].join('\n\n');
export const TAK_SINCERITY = 'Japan has done enough and owes no further apology';
export const MINISTRY_SINCERITY = 'Tokyo must still show sincerity to the victims';
export const TAK_CONTROLS = 'the export controls should be lifted as soon as possible';

/**
 * Two articles, three speakers: Kim and the ministry agree that Japan must show sincerity, Takizaki
 * opposes it (conflict with both); Kim and Takizaki agree the export controls must go.
 */
export async function codeTwoArticles(app: App) {
  const first = await app.call<{ id: number }>('articles.import', { file: 'pasted text', encoding: 'text', data: sampleText(), title: 'Japan urges South Korea to resolve wartime labor row', outlet: 'Kyodo News', publishedAt: '2020-10-29' });
  const second = await app.call<{ id: number }>('articles.import', { file: 'pasted text', encoding: 'text', data: SECOND, title: 'Tokyo says it has shown sincerity', outlet: 'Yonhap', publishedAt: '2020-11-03' });
  const kim = (await app.call<{ id: number }>('actors.create', { name: KIM, kind: 'person' })).id;
  const takizaki = (await app.call<{ id: number }>('actors.create', { name: TAKIZAKI, kind: 'person' })).id;
  const ministry = (await app.call<{ id: number }>('actors.create', { name: MINISTRY, kind: 'organization' })).id;
  const topic = (await app.call<{ id: number }>('topics.create', { name: TOPIC })).id;
  await app.call('topics.create', { name: 'Fisheries' });
  const sincerity = (await app.call<{ id: number }>('positions.create', { topicId: topic, claim: SINCERITY })).id;
  const controls = (await app.call<{ id: number }>('positions.create', { topicId: topic, claim: CONTROLS })).id;
  const code = async (articleId: number, words: string, speakerId: number, positionId: number, stance: string) => {
    const { text } = await app.call<{ text: string }>('articles.get', { id: articleId });
    const start = text.indexOf(words);
    pwExpect(start, `“${words}” is in article ${articleId}`).toBeGreaterThanOrEqual(0);
    return (await app.call<{ id: number }>('annotations.create', { articleId, start, end: start + words.length, kind: 'quote', speakerId, positions: [{ positionId, stance }] })).id;
  };
  await code(first.id, KIM_SINCERITY, kim, sincerity, 'supports');
  await code(first.id, KIM_CONTROLS, kim, controls, 'supports');
  const takQuote = await code(second.id, TAK_SINCERITY, takizaki, sincerity, 'opposes');
  await code(second.id, MINISTRY_SINCERITY, ministry, sincerity, 'supports');
  await code(second.id, TAK_CONTROLS, takizaki, controls, 'supports');
  return { takQuote, first: first.id, takizaki, sincerity, code };
}
