// A briefing that uses every node and mark of the briefing schema, built through the services the
// way the editor builds one: the situation template, the Kyodo article coded (Kim Jung Han's
// "to show more sincerity…" quote embedded), a second cited source, a table, a live stance table,
// Korean text and 40 paragraphs so the PDF runs over several pages.
import type { Node } from 'prosemirror-model';
import { briefingSchema as s } from '../../shared/schema/briefing';
import { snapshotOf } from '../../renderer/editor/briefing/commands';
import { templateDoc } from '../../shared/schema/templates';
import { codedLibrary, QUOTE } from './coding-helpers';
import { paste } from './helpers';

export const TITLE = 'Japan–Korea wartime labour row: situation brief';
export const CLASSIFICATION = 'RESTRICTED — FOR INTERNAL USE ONLY';
export const AUTHOR = 'A. Analyst';
export const KOREAN = '외교부 당국자는 일본 측의 성의 있는 호응을 촉구했다.';
export const SECOND_TITLE = 'Seoul weighs options as asset sale nears';

const t = (text: string, ...marks: string[]) => s.text(text, marks.map((m) => s.mark(m)));
const p = (...content: (Node | string)[]) => s.node('paragraph', null, content.map((c) => (typeof c === 'string' ? s.text(c) : c)));
const h = (level: number, text: string) => s.node('heading', { level }, s.text(text));
const li = (...blocks: Node[]) => s.node('list_item', null, blocks);
const cell = (type: 'table_cell' | 'table_header', text: string, attrs: Record<string, unknown> = {}) => s.node(type, attrs, [p(text)]);

/** Background prose, numbered so a test can find any paragraph. */
export const filler = (i: number) =>
  `Paragraph ${i}. Officials in Seoul and Tokyo continued to trade positions on the 2018 Supreme Court rulings, the seized shares of Nippon Steel and the export controls that followed; analysts expect no movement before the next round of director-general talks, and business groups on both sides urge a settlement that spares the companies involved.`;

export async function exportLibrary(paragraphs = 40) {
  const c = await codedLibrary();
  const { services: sv } = c;
  const second = await sv.importer.import(
    paste('Seoul is weighing its options as the court-ordered sale of seized assets nears, officials said on Friday. The foreign ministry said talks would continue.', {
      title: SECOND_TITLE,
      outlet: 'Yonhap',
      author: 'Lee Min-ji',
      publishedAt: '2020-11-02',
      url: 'https://en.yna.co.kr/view/example',
    }),
  );
  const quotes = sv.quotes.list({ articleId: c.articleId });
  const kim = quotes.find((q) => q.text === QUOTE)!;
  const takizaki = quotes.find((q) => q.id === c.q2.id)!;
  const article = sv.library.get(c.articleId);

  const base = templateDoc('situation');
  const sections: Node[] = [];
  base.forEach((n) => sections.push(n));
  // The template: BLUF, p, Key points, list, Background, p, Actors & positions, p, Outlook, p.
  const doc = s.node('doc', null, [
    sections[0]!,
    p(
      'Seoul wants Tokyo to move first; ',
      s.node('actor', { actorId: c.kim.id, name: 'Kim Jung Han' }),
      ' said so in Tokyo',
      s.node('cite', { articleId: c.articleId, title: article.title }),
      ', and the asset sale is near',
      s.node('cite', { articleId: second.id!, title: SECOND_TITLE }),
      s.node('cite', { articleId: c.articleId, title: article.title }),
      '.',
    ),
    sections[2]!,
    s.node('bullet_list', null, [
      li(p(t('Bold claim', 'strong'), ' and ', t('emphasis', 'em'), ' and ', t('underlined', 'underline'), ' and ', t('struck', 'strike'), ' and ', t('highlighted', 'highlight'))),
      li(p('A ', s.text('link to the ministry', [s.mark('link', { href: 'https://www.mofa.go.kr/' })]), '.'), s.node('bullet_list', null, [li(p('A nested point.'))])),
      li(p(KOREAN)),
    ]),
    sections[4]!,
    h(2, 'Timeline'),
    s.node('ordered_list', { order: 1 }, [li(p('2018: Supreme Court rulings.')), li(p('2019: export controls.')), li(p('2020: talks in Tokyo.'))]),
    s.node('blockquote', null, [p('A plain block quotation from a background paper.')]),
    s.node('horizontal_rule'),
    ...Array.from({ length: paragraphs }, (_, i) => p(filler(i + 1))),
    sections[6]!,
    s.node('quote', snapshotOf(kim)),
    s.node('quote', snapshotOf(takizaki)),
    s.node('stance_table', { topicId: c.topic.id, topic: c.topic.name }),
    h(3, 'Who said what'),
    s.node('table', null, [
      s.node('table_row', null, [cell('table_header', 'Actor'), cell('table_header', 'Statement'), cell('table_header', 'Date')]),
      s.node('table_row', null, [cell('table_cell', 'Kim Jung Han'), cell('table_cell', 'Urged Japan to show more sincerity'), cell('table_cell', '29 Oct 2020')]),
      s.node('table_row', null, [cell('table_cell', 'Shigeki Takizaki'), cell('table_cell', 'Sale of seized assets must be avoided'), cell('table_cell', '29 Oct 2020')]),
      s.node('table_row', null, [cell('table_cell', 'Both', { colspan: 2 }), cell('table_cell', 'ongoing')]),
    ]),
    sections[8]!,
    p('Expect more talks.', s.node('hard_break'), 'A second line after a hard break.'),
  ]);
  doc.check();

  const created = sv.briefings.create({ template: 'situation', title: TITLE, classification: CLASSIFICATION, author: AUTHOR });
  sv.briefings.update(created.id, { date: '2020-11-03' });
  sv.briefings.save(created.id, doc.toJSON());
  return { ...c, briefingId: created.id, secondId: second.id!, kimQuote: kim, doc };
}
