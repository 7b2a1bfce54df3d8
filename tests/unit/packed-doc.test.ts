// The reader's form of an article (shared/schema/packed-doc.ts): the doc's structure around its
// projection must give back exactly the doc, and the text index the reader maps offsets with, for
// every shape an import can produce; a structure that does not fit the text is refused.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { articleSchema as s, projectText } from '../../shared/schema';
import { packDoc, unpackDoc, unpacking, type PackedBlock } from '../../shared/schema/packed-doc';
import { TextIndex } from '../../shared/text-index';
import { parseMarkdown } from '../../main/services/import/markdown';
import { parseText } from '../../main/services/import/text';

const sample = fs.readFileSync(new URL('../fixtures/japan-korea-labor-row.txt', import.meta.url), 'utf8');

/** Packs, unpacks and checks the doc, the projection and every offset's position both ways. */
function roundTrip(doc: Node) {
  const text = projectText(doc);
  const structure = JSON.parse(JSON.stringify(packDoc(doc))) as PackedBlock[]; // as it crosses the wire
  const back = unpackDoc(s, text, structure);
  expect(back.doc.eq(doc)).toBe(true);
  const known = TextIndex.known(back.doc, text, back.segments);
  const walked = TextIndex.of(doc);
  for (let pos = 0; pos <= doc.content.size; pos++) for (const assoc of [-1, 1] as const) expect(known.offsetAt(pos, assoc)).toBe(walked.offsetAt(pos, assoc));
  for (let offset = 0; offset <= text.length; offset++) for (const assoc of [-1, 1] as const) expect(known.posAt(offset, assoc)).toBe(walked.posAt(offset, assoc));
  return structure;
}

const p = (...content: Node[]) => s.node('paragraph', null, content);
const t = (text: string, ...marks: string[]) => s.text(text, marks.map((m) => (m === 'link' ? s.mark('link', { href: 'https://example.com/a' }) : s.mark(m))));

describe('the reader’s form of an article', () => {
  it('is the text once and a number per plain paragraph', () => {
    const doc = parseText(sample).doc as Node;
    const structure = roundTrip(doc);
    expect(structure.every((b) => typeof b === 'number')).toBe(true);
    expect(JSON.stringify(structure).length).toBeLessThan(JSON.stringify(doc.toJSON()).length / 10);
  });

  it('keeps headings, lists, quotes, marks, links, hard breaks and empty paragraphs exactly', () => {
    const md = parseMarkdown(
      ['# Envoys meet', '', 'Talks *resumed* on **Monday**, [said](https://example.com/x) the minister.', '', '> “We will not yield,”  ', '> she said.', '', '1. first', '2. second', '   - nested *item*', '', '3) third'].join('\n'),
    ).doc as Node;
    roundTrip(md);
    roundTrip(s.node('doc', null, [p(), s.node('heading', { level: 3 }, [t('Title')]), p(), p(t('a'), s.node('hard_break'), s.node('hard_break'), t('b', 'em', 'link')), p()]));
    roundTrip(s.node('doc', null, [s.node('ordered_list', { order: 7 }, [s.node('list_item', null, [p(t('seventh')), s.node('blockquote', null, [p()])])])]));
  });

  it('gives back any doc the article schema allows', () => {
    const inline = fc.oneof(
      fc.record({ text: fc.string({ minLength: 1, maxLength: 6 }), marks: fc.subarray(['em', 'strong', 'link']) }).map(({ text, marks }) => t(text, ...marks)),
      fc.constant(s.node('hard_break')),
    );
    const para = fc.array(inline, { maxLength: 4 }).map((c) => p(...c));
    const { block } = fc.letrec<{ block: Node }>((tie) => ({
      block: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        para,
        fc.tuple(fc.integer({ min: 1, max: 6 }), fc.array(inline, { maxLength: 3 })).map(([level, c]) => s.node('heading', { level }, c)),
        fc.array(tie('block'), { minLength: 1, maxLength: 3 }).map((c) => s.node('blockquote', null, c)),
        fc.tuple(para, fc.array(tie('block'), { maxLength: 2 })).map(([first, rest]) => s.node('bullet_list', null, [s.node('list_item', null, [first, ...rest])])),
      ),
    }));
    fc.assert(fc.property(fc.array(block, { minLength: 1, maxLength: 5 }), (blocks) => void roundTrip(s.node('doc', null, blocks))), { numRuns: 200 });
  });

  it('is built a slice of blocks at a time, pausing between slices, to the same doc', () => {
    const doc = parseText(sample).doc as Node;
    const text = projectText(doc);
    const structure = packDoc(doc);
    const steps = unpacking(s, text, structure, 3);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(pauses).toBe(Math.floor(structure.length / 3));
    expect(step.value.doc.eq(doc)).toBe(true);
    expect(step.value.segments).toEqual(unpackDoc(s, text, structure).segments);
  });

  it('refuses a structure that does not fit its text, or names what the schema lacks', () => {
    const doc = s.node('doc', null, [p(t('one')), p(t('two'))]);
    const text = projectText(doc);
    const refused = (why: RegExp, structure: unknown, withText = text) => expect(() => unpackDoc(s, withText, structure as PackedBlock[])).toThrow(why);
    refused(/left over/, [3]);
    refused(/a run of 9/, [3, 9]);
    refused(/no "\\n\\n"/, [3, 3], 'one  two');
    refused(/no node type image/, [['image', null, []]]);
    refused(/a run of -1/, [['paragraph', null, [-1]]]);
    refused(/attributes that are not an object/, [['heading', [], [3]], 3]);
    refused(/paragraph where an inline leaf belongs/, [['paragraph', null, [['paragraph', null]]], 3]);
    // A list item must start with a paragraph: the schema's content rules hold as well.
    expect(() => unpackDoc(s, 'x', [['bullet_list', null, [['list_item', null, [['heading', { level: 2 }, [1]]]]]]])).toThrow(RangeError);
  });
});
