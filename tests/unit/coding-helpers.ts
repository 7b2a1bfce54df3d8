// Builds a coded library through the services, the way the UI does.
import { paste, sampleArticle, tempLibrary } from './helpers';

export const QUOTE = 'to show more sincerity to resolve the problem';
export const SELLOFF = "a sell-off of a Japanese company's assets seized under a South Korean court ruling on wartime labor compensation must be avoided";

export async function codedLibrary() {
  const t = await tempLibrary();
  const { services: s } = t;
  const article = await s.importer.import(paste(sampleArticle(), { outlet: 'Kyodo News', publishedAt: '2020-10-29', url: 'https://english.kyodonews.net/x' }));
  const text = s.library.get(article.id!).text;
  const ministry = s.codebook.createActor({ name: 'South Korean Foreign Ministry', kind: 'organization' });
  const kim = s.codebook.createActor({ name: 'Kim Jung Han', aliases: ['Kim'], affiliations: [{ organizationId: ministry.id, role: 'Director-General' }] });
  const takizaki = s.codebook.createActor({ name: 'Shigeki Takizaki' });
  const topic = s.codebook.createTopic('Wartime labor compensation');
  const sincerity = s.codebook.createPosition(topic.id, 'Japan must show more sincerity on wartime labor');
  const noSale = s.codebook.createPosition(topic.id, 'Seized assets of the defendant company must not be liquidated');
  const at = (phrase: string) => {
    const start = text.indexOf(phrase);
    if (start < 0) throw new Error(`not in text: ${phrase}`);
    return { start, end: start + phrase.length };
  };
  const q1 = s.annotations.create({ articleId: article.id!, kind: 'quote', ...at(QUOTE), speakerId: kim.id, positions: [{ positionId: sincerity.id, stance: 'supports' }], comment: 'Kim presses Tokyo.' });
  const q2 = s.annotations.create({ articleId: article.id!, kind: 'paraphrase', ...at(SELLOFF), speakerId: takizaki.id, positions: [{ positionId: noSale.id, stance: 'supports' }] });
  const q3 = s.annotations.create({ articleId: article.id!, kind: 'quote', ...at('withdraw "unfair" export controls'), speakerId: kim.id, positions: [{ positionId: noSale.id, stance: 'opposes' }], tags: ['export controls'] });
  return { ...t, articleId: article.id!, text, ministry, kim, takizaki, topic, sincerity, noSale, q1, q2, q3, at };
}
