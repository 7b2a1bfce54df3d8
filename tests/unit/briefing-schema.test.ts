// The briefing schema and the editor's commands, without a view: node specs survive a trip to the
// DOM and back, and the commands that embed quotes, mentions and citations do what they say.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { DOMParser as PMDOMParser, DOMSerializer, type Node } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { briefingSchema as s } from '../../shared/schema/briefing';
import { citationOrder } from '../../shared/schema/citations';
import { insertCite, insertMention, insertBlockQuote, insertQuote, freezeStanceTable, insertTable, snapshotDiffers, snapshotOf } from '../../renderer/editor/briefing/commands';
import { findMention } from '../../renderer/editor/briefing/mentions';
import type { QuoteRow } from '../../shared/model';

const quoteRow = (id: number, articleId: number, text = 'to show more sincerity to resolve the problem'): QuoteRow => ({
  id,
  kind: 'quote',
  text,
  comment: null,
  tags: [],
  orphaned: false,
  start: 0,
  end: text.length,
  prefix: '',
  suffix: '',
  createdAt: '2026-11-27T00:00:00Z',
  article: { id: articleId, title: `Article ${articleId}`, outlet: 'Kyodo News', author: null, publishedAt: '2020-10-29', url: 'https://example.com/a' },
  speaker: { id: 1, name: 'Kim Jung Han', kind: 'person', affiliations: [{ name: 'South Korean Foreign Ministry', role: 'Director-General' }] },
  positions: [],
});

const FROZEN = {
  scene: {
    width: 960,
    height: 600,
    nodes: [
      { mode: 'actor' as const, label: 'Kim Jung Han', actorKind: 'person' as const, organization: null, quotes: 2, x: 100, y: 120, r: 9, labelSide: 'right' as const, labelled: true },
      { mode: 'position' as const, label: 'Japan must show more sincerity', quotes: 1, x: 400, y: 300, r: 7, labelSide: 'left' as const, labelled: true },
    ],
    edges: [{ style: 'supports' as const, path: 'M100 120L400 300', width: 2.5 }],
  },
  source: '2 quotes from 1 article, 2020-10-29',
};

function everyNodeDoc(): Node {
  const p = (t: string) => s.node('paragraph', null, s.text(t));
  return s.node('doc', null, [
    s.node('heading', { level: 2 }, s.text('Heading')),
    s.node('paragraph', null, [
      s.text('bold', [s.marks.strong!.create()]),
      s.text(' em', [s.marks.em!.create()]),
      s.text(' u', [s.marks.underline!.create()]),
      s.text(' s', [s.marks.strike!.create()]),
      s.text(' hl', [s.marks.highlight!.create()]),
      s.text(' link', [s.marks.link!.create({ href: 'https://example.com/' })]),
      s.nodes.hard_break!.create(),
      s.nodes.actor!.create({ actorId: 1, name: 'Kim Jung Han' }),
      s.nodes.cite!.create({ articleId: 3, title: 'Article 3' }),
    ]),
    s.node('blockquote', null, [p('quoted')]),
    s.node('bullet_list', null, [s.node('list_item', null, [p('one'), s.node('ordered_list', { order: 3 }, [s.node('list_item', null, [p('nested')])])])]),
    s.nodes.horizontal_rule!.create(),
    s.nodes.quote!.create(snapshotOf(quoteRow(7, 3))),
    s.nodes.stance_table!.create({ topicId: 2, topic: 'Wartime labor compensation' }),
    s.nodes.figure!.create({ query: { type: 'conflict', topicId: 2, normalisation: 'jaccard' }, colouring: 'organization', caption: 'Who is in conflict with whom', frozen: null }),
    s.nodes.figure!.create({ query: { type: 'actor-position' }, colouring: 'kind', caption: 'Frozen', frozen: FROZEN }),
    s.node('table', null, [s.node('table_row', null, [s.node('table_header', null, [p('h')]), s.node('table_cell', null, [p('c')])])]),
  ]);
}

describe('briefing schema', () => {
  it('every node and mark survives serialisation to the DOM and parsing back', () => {
    const doc = everyNodeDoc();
    doc.check();
    const { window } = new JSDOM('<body></body>');
    const container = window.document.createElement('div');
    container.appendChild(DOMSerializer.fromSchema(s).serializeFragment(doc.content, { document: window.document }));
    const parsed = PMDOMParser.fromSchema(s).parse(container);
    // Cite and mention labels are shown differently in the DOM; their attributes must come back.
    expect(parsed.toJSON()).toEqual(doc.toJSON());
  });

  it('numbers citations by first appearance', () => {
    expect([...citationOrder(everyNodeDoc())]).toEqual([[3, 1]]);
  });
});

describe('briefing commands', () => {
  const stateWith = (doc: Node, pos: number) => EditorState.create({ doc, selection: TextSelection.create(doc, pos) });
  const run = (state: EditorState, cmd: (st: EditorState, d?: (tr: import('prosemirror-state').Transaction) => void) => boolean) => {
    let next = state;
    expect(cmd(state, (tr) => (next = state.apply(tr)))).toBe(true);
    return next;
  };

  it('inserts a quote in place of an empty paragraph, or splits the paragraph at the cursor', () => {
    const empty = s.node('doc', null, [s.node('paragraph')]);
    const a = run(stateWith(empty, 1), insertBlockQuote(quoteRow(7, 3)));
    expect(a.doc.child(0).type.name).toBe('quote');
    expect(a.doc.child(0).attrs).toMatchObject({ annotationId: 7, speaker: 'Kim Jung Han', affiliation: 'Director-General, South Korean Foreign Ministry', outlet: 'Kyodo News' });

    const text = s.node('doc', null, [s.node('paragraph', null, s.text('before after'))]);
    const b = run(stateWith(text, 7), insertBlockQuote(quoteRow(7, 3)));
    expect(b.doc.childCount).toBe(3);
    expect(b.doc.child(0).textContent).toBe('before');
    expect(b.doc.child(1).type.name).toBe('quote');
    expect(b.doc.child(2).textContent).toBe(' after');
  });

  it('leaves a text cursor after an inserted quote, never the quote selected (a keystroke would replace it)', () => {
    const typeAfter = (state: EditorState) => state.apply(state.tr.insertText('Next.'));
    // The only paragraph was empty: a new one follows the quote.
    const empty = run(stateWith(s.node('doc', null, [s.node('paragraph')]), 1), insertBlockQuote(quoteRow(7, 3)));
    expect(empty.selection).toBeInstanceOf(TextSelection);
    expect(typeAfter(empty).doc.toJSON().content.map((n: { type: string }) => n.type)).toEqual(['quote', 'paragraph']);
    expect(typeAfter(empty).doc.child(1).textContent).toBe('Next.');
    // At the end of a paragraph followed by a heading: typing goes in a new paragraph, not the heading.
    const doc = s.node('doc', null, [s.node('paragraph', null, s.text('before')), s.node('heading', { level: 2 }, s.text('Outlook'))]);
    const atEnd = typeAfter(run(stateWith(doc, 7), insertBlockQuote(quoteRow(7, 3))));
    expect(atEnd.doc.childCount).toBe(4);
    expect([atEnd.doc.child(1).type.name, atEnd.doc.child(2).textContent, atEnd.doc.child(3).textContent]).toEqual(['quote', 'Next.', 'Outlook']);
    // Splitting a paragraph: typing continues the rest of the sentence after the quote.
    const split = typeAfter(run(stateWith(s.node('doc', null, [s.node('paragraph', null, s.text('before after'))]), 7), insertBlockQuote(quoteRow(7, 3))));
    expect(split.doc.child(2).textContent).toBe('Next. after');
  });

  it('puts a short quote inside the sentence by default, the caret after it so the sentence goes on', () => {
    const doc = s.node('doc', null, [s.node('paragraph', null, s.text('Seoul urged Tokyo  over the row.'))]);
    const next = run(stateWith(doc, 19), insertQuote(quoteRow(7, 3)));
    const typed = next.apply(next.tr.insertText('now'));
    const para = typed.doc.child(0);
    expect(typed.doc.childCount).toBe(1);
    expect(para.child(1).type.name).toBe('inline_quote');
    expect(para.child(1).attrs).toMatchObject({ annotationId: 7, speaker: 'Kim Jung Han' });
    expect(para.child(2).text).toBe('now over the row.');
    // A long quote still goes in as a block.
    const long = run(stateWith(doc, 19), insertQuote(quoteRow(8, 3, 'x'.repeat(200))));
    expect(long.doc.child(1).type.name).toBe('quote');
  });

  it('turns "@Ki" into an actor mention', () => {
    const doc = s.node('doc', null, [s.node('paragraph', null, s.text('Ask @Ki'))]);
    const state = stateWith(doc, 8);
    const m = findMention(state)!;
    expect(m).toMatchObject({ query: 'Ki' });
    const next = run(state, insertMention(m.from, m.to, { id: 1, name: 'Kim Jung Han' }));
    expect(next.doc.child(0).child(1).type.name).toBe('actor');
    expect(next.doc.textContent).toBe('Ask  ');
    expect(findMention(stateWith(s.node('doc', null, [s.node('paragraph', null, s.text('mail me@example'))]), 16))).toBeNull();
  });

  it('cites an article inline, renumbering with the quotes', () => {
    const doc = s.node('doc', null, [s.node('paragraph', null, s.text('See ')), s.nodes.quote!.create(snapshotOf(quoteRow(7, 3)))]);
    const next = run(stateWith(doc, 5), insertCite({ id: 9, title: 'Other' }));
    expect([...citationOrder(next.doc)]).toEqual([
      [9, 1],
      [3, 2],
    ]);
  });

  it('inserts a table with the cursor in its first cell, and freezes a live stance table', () => {
    const doc = s.node('doc', null, [s.node('paragraph')]);
    const t = run(stateWith(doc, 1), insertTable(2, 1));
    expect(t.doc.child(0).type.name).toBe('table');
    expect(t.selection.$from.parent.type.name).toBe('paragraph');
    expect(t.selection.$from.node(-1).type.name).toBe('table_header');

    const live = s.node('doc', null, [s.nodes.stance_table!.create({ topicId: 2, topic: 'T' })]);
    const frozen = run(EditorState.create({ doc: live }), freezeStanceTable(0, ['Actor', 'Claim'], [['Kim Jung Han', 'supports ×1']]));
    expect(frozen.doc.child(0).type.name).toBe('table');
    expect(frozen.doc.textContent).toBe('ActorClaimKim Jung Hansupports ×1');
  });

  it('notices when an annotation changed since it was quoted', () => {
    const node = s.nodes.quote!.create(snapshotOf(quoteRow(7, 3)));
    expect(snapshotDiffers(node, snapshotOf(quoteRow(7, 3)))).toBe(false);
    expect(snapshotDiffers(node, snapshotOf(quoteRow(7, 3, 'to show sincerity')))).toBe(true);
  });
});
