// A briefing's doc is the one thing a user can never retype: every attribute a save accepts must be
// one every view and export can read, and a doc that was stored broken anyway (by an older build,
// a hand edit, a damaged row) must still open, duplicate and export in every format.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Node } from 'prosemirror-model';
import JSZip from 'jszip';
import MarkdownIt from 'markdown-it';
import { createServices } from '../../main/services';
import { createRouter, type Router } from '../../main/router';
import { ChromiumPrinter } from '../../main/web/chromium-printer';
import { briefingSchema } from '../../shared/schema/briefing';
import type { CallName } from '../../shared/contract';
import { tempLibrary, type TestLibrary } from '../unit/helpers';

const p = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const quote = (attrs: Record<string, unknown>) => ({
  type: 'quote',
  attrs: { annotationId: 1, articleId: 1, kind: 'quote', text: 'Quoted words', speaker: 'Kim', affiliation: null, outlet: null, title: 'T', author: null, publishedAt: null, url: null, ...attrs },
});
const table = (cellAttrs: Record<string, unknown>) => ({
  type: 'table',
  content: [{ type: 'table_row', content: [{ type: 'table_cell', attrs: cellAttrs, content: [p('Cell words')] }, { type: 'table_cell', content: [p('Other cell')] }] }],
});
const doc = (...content: unknown[]) => ({ type: 'doc', content: [p('Sentinel words'), ...content] });

/** Attribute values a save must refuse: each would be stored as something no export can read. */
const badSaves: [string, unknown][] = [
  ['heading level 1e999 (Infinity once JSON is parsed)', doc({ type: 'heading', attrs: { level: Infinity }, content: [{ type: 'text', text: 'H' }] })],
  ['heading level NaN', doc({ type: 'heading', attrs: { level: NaN }, content: [{ type: 'text', text: 'H' }] })],
  ['heading level 7', doc({ type: 'heading', attrs: { level: 7 }, content: [{ type: 'text', text: 'H' }] })],
  ['heading level as text', doc({ type: 'heading', attrs: { level: '2' }, content: [{ type: 'text', text: 'H' }] })],
  ['list start 1e999', doc({ type: 'ordered_list', attrs: { order: Infinity }, content: [{ type: 'list_item', content: [p('x')] }] })],
  ['quote url a number', doc(quote({ url: 5 }))],
  ['quote url an object', doc(quote({ url: { href: 'https://a.example/' } }))],
  ['quote url an array', doc(quote({ url: ['https://a.example/'] }))],
  ['quote speaker a number', doc(quote({ speaker: 42 }))],
  ['quote speaker an object', doc(quote({ speaker: { name: 'Kim' } }))],
  ['quote speaker an array', doc(quote({ speaker: ['Kim'] }))],
  ['quote affiliation an object', doc(quote({ affiliation: {} }))],
  ['quote article id Infinity', doc(quote({ articleId: Infinity }))],
  ['actor name an object', doc({ type: 'paragraph', content: [{ type: 'actor', attrs: { actorId: 1, name: { x: 1 } } }] })],
  ['actor id 1.5', doc({ type: 'paragraph', content: [{ type: 'actor', attrs: { actorId: 1.5, name: 'Kim' } }] })],
  ['cite article id -Infinity', doc({ type: 'paragraph', content: [{ type: 'cite', attrs: { articleId: -Infinity, title: 't' } }] })],
  ['stance table topic an array', doc({ type: 'stance_table', attrs: { topicId: 1, topic: ['x'] } })],
  ['table cell spanning 1e999 columns', doc(table({ colspan: Infinity }))],
  ['table cell spanning a billion rows', doc(table({ rowspan: 1e9 }))],
  ['link href a number', doc({ type: 'paragraph', content: [{ type: 'text', text: 'l', marks: [{ type: 'link', attrs: { href: 5 } }] }] })],
  ['link href with <script>', doc({ type: 'paragraph', content: [{ type: 'text', text: 'l', marks: [{ type: 'link', attrs: { href: 'https://a.example/><script>alert(1)</script>' } }] }] })],
];

/** Docs written straight into the database, past every check: what an older build or a damaged row may leave. */
const badStored: [string, string][] = [
  ['heading level null (what 1e999 became)', JSON.stringify(doc({ type: 'heading', attrs: { level: null }, content: [{ type: 'text', text: 'Heading words' }] }))],
  ['heading level 9', JSON.stringify(doc({ type: 'heading', attrs: { level: 9 }, content: [{ type: 'text', text: 'Heading words' }] }))],
  ['ordered list start null', JSON.stringify(doc({ type: 'ordered_list', attrs: { order: null }, content: [{ type: 'list_item', content: [p('Item words')] }] }))],
  ['quote speaker an object, url a number', JSON.stringify(doc(quote({ speaker: { name: 'Kim' }, url: 5, text: 'Quoted words' })))],
  ['quote speaker an array, affiliation a number', JSON.stringify(doc(quote({ speaker: ['Kim'], affiliation: 3 })))],
  ['quote url javascript:', JSON.stringify(doc(quote({ url: 'javascript:alert(1)' })))],
  ['quote text missing', JSON.stringify(doc({ type: 'quote', attrs: { annotationId: 1, articleId: 1, speaker: 'Kim' } }))],
  ['actor name a number, id text', JSON.stringify(doc({ type: 'paragraph', content: [{ type: 'text', text: 'Actor ' }, { type: 'actor', attrs: { actorId: 'x', name: 7 } }] }))],
  ['cite article id null', JSON.stringify(doc({ type: 'paragraph', content: [{ type: 'text', text: 'Cited ' }, { type: 'cite', attrs: { articleId: null } }] }))],
  ['stance table topic id text', JSON.stringify(doc({ type: 'stance_table', attrs: { topicId: 'abc', topic: 'Trade' } }))],
  ['table cell span null and widths an object', JSON.stringify(doc(table({ colspan: null, colwidth: { a: 1 } })))],
  ['table cell spanning 5,000 rows', JSON.stringify(doc(table({ rowspan: 5000 })))],
  ['link href a number and javascript:', JSON.stringify(doc({ type: 'paragraph', content: [{ type: 'text', text: 'Link words', marks: [{ type: 'link', attrs: { href: 5 } }] }, { type: 'text', text: ' more', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }))],
  ['link whose text is its href, with <script>', JSON.stringify(doc({ type: 'paragraph', content: [{ type: 'text', text: 'https://a.example/><script>alert(1)</script>', marks: [{ type: 'link', attrs: { href: 'https://a.example/><script>alert(1)</script>' } }] }] }))],
  ['two links on one text', JSON.stringify(doc({ type: 'paragraph', content: [{ type: 'text', text: 'Twice', marks: [{ type: 'link', attrs: { href: 'https://a.example/' } }, { type: 'link', attrs: { href: 'https://b.example/' } }] }] }))],
  ['unknown mark and node types', JSON.stringify(doc({ type: 'video', content: [p('Inside unknown')] }, { type: 'paragraph', content: [{ type: 'text', text: 'Marked', marks: [{ type: 'blink' }] }] }))],
  ['text straight in the doc', JSON.stringify({ type: 'doc', content: [{ type: 'text', text: 'Sentinel words' }] })],
  ['paragraph in a paragraph', JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [p('Sentinel words')] }] })],
  ['list item starting with a list', JSON.stringify(doc({ type: 'bullet_list', content: [{ type: 'list_item', content: [{ type: 'bullet_list', content: [{ type: 'list_item', content: [p('Nested words')] }] }] }] }))],
  ['empty text node, marks not a list', JSON.stringify(doc({ type: 'paragraph', content: [{ type: 'text', text: '' }, { type: 'text', text: 'Odd marks', marks: 'strong' }] }))],
  ['an empty doc', JSON.stringify({ type: 'doc', content: [] })],
  ['null', 'null'],
  ['a string', '"Sentinel words"'],
  ['a paragraph, not a doc', JSON.stringify(p('Sentinel words'))],
  ['not JSON at all', '{"type":"doc","content":[{"type":"paragraph"'],
];

let t: TestLibrary;
let router: Router;
let printer: ChromiumPrinter;

// One Chromium for every PDF; a fresh library per test (tempLibrary closes it after each).
beforeAll(() => {
  printer = new ChromiumPrinter();
});
afterAll(async () => {
  await printer.close();
});
beforeEach(async () => {
  t = await tempLibrary();
  router = createRouter(createServices(t.lib, { printer }), { onError: () => {} });
});

async function call(name: CallName, input: unknown) {
  return router(name, input);
}

async function ok<T>(name: CallName, input: unknown): Promise<T> {
  const r = await router(name, input);
  if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

describe('briefing docs', () => {
  it('a save with an attribute no export can read is refused with invalid_input, and the stored doc stays', async () => {
    const b = await ok<{ id: number; version: number }>('briefings.create', {});
    await ok('briefings.save', { id: b.id, doc: doc() });
    const before = await ok<{ version: number; doc: unknown }>('briefings.get', { id: b.id });
    const codes: Record<string, string> = {};
    for (const [name, bad] of badSaves) {
      const r = await call('briefings.save', { id: b.id, doc: bad });
      codes[name] = r.ok ? 'ok' : r.error.code;
      if (!r.ok && name.startsWith('heading level 1e999')) expect(r.error.message).toBe('The briefing was not saved: A heading’s level must be a whole number from 1 to 3, not a number too large to store.');
      if (!r.ok && name === 'quote speaker an object') expect(r.error.message).toBe('The briefing was not saved: A quote’s speaker must be text or empty, not an object.');
      if (!r.ok) expect(r.error.message, name).not.toMatch(/Expected value of type|internal/i);
    }
    const after = await ok<{ version: number; doc: unknown }>('briefings.get', { id: b.id });
    console.log(`[reliability] bad briefing saves: ${JSON.stringify({ tried: badSaves.length, refused: Object.values(codes).filter((c) => c === 'invalid_input').length })}`);
    expect(codes).toEqual(Object.fromEntries(badSaves.map(([n]) => [n, 'invalid_input'])));
    expect(after).toEqual(before);
  });

  it('a doc stored broken still opens, duplicates and exports in every format', { timeout: 120_000 }, async () => {
    const failures: string[] = [];
    for (const [name, stored] of badStored) {
      const b = await ok<{ id: number }>('briefings.create', { title: `Stored doc` });
      // What the text column holds for a doc saved normally: the fallback when the doc is unreadable.
      t.lib.db.prepare('UPDATE briefings SET doc = ?, text = ? WHERE id = ?').run(stored, 'Sentinel words', b.id);

      const got = await router('briefings.get', { id: b.id });
      if (!got.ok) {
        failures.push(`${name}: get ${got.error.code} ${got.error.message}`);
        continue;
      }
      // What the editor does with it.
      try {
        Node.fromJSON(briefingSchema, (got.value as { doc: unknown }).doc).check();
      } catch (err) {
        failures.push(`${name}: the editor cannot load it: ${(err as Error).message}`);
      }
      for (const format of ['html', 'md', 'docx', 'pdf'] as const) {
        const r = await router('briefings.export', { id: b.id, format });
        if (!r.ok) {
          failures.push(`${name}: export ${format} ${r.error.code} ${r.error.message}`);
          continue;
        }
        const bytes = Buffer.from((r.value as { base64: string }).base64, 'base64');
        if (format === 'md') {
          const rendered = new MarkdownIt({ html: true }).render(bytes.toString('utf8'));
          if (/<script|href="javascript:/i.test(rendered)) failures.push(`${name}: Markdown renders live markup: ${rendered}`);
        }
        if (format === 'html' && /<script|href="javascript:/i.test(bytes.toString('utf8'))) failures.push(`${name}: HTML has live markup`);
        if (format === 'docx') await JSZip.loadAsync(bytes);
        if (format === 'pdf' && bytes.subarray(0, 5).toString() !== '%PDF-') failures.push(`${name}: not a PDF`);
      }
      const dup = await router('briefings.duplicate', { id: b.id });
      if (!dup.ok) failures.push(`${name}: duplicate ${dup.error.code} ${dup.error.message}`);
      const snap = await router('briefings.snapshot', { id: b.id });
      if (!snap.ok) failures.push(`${name}: snapshot ${snap.error.code}`);
      else {
        const rev = await router('briefings.revision', { revisionId: (snap.value as { id: number }).id });
        if (!rev.ok) failures.push(`${name}: revision ${rev.error.code} ${rev.error.message}`);
      }
    }
    console.log(`[reliability] broken stored briefing docs: ${JSON.stringify({ docs: badStored.length, exports: badStored.length * 4, failures: failures.length })}`);
    expect(failures).toEqual([]);
  });

  it('keeps the words of a doc repaired on the way out', async () => {
    const b = await ok<{ id: number }>('briefings.create', {});
    const stored = doc({ type: 'heading', attrs: { level: null }, content: [{ type: 'text', text: 'Heading words' }] }, quote({ speaker: { name: 'Kim' }, url: 5 }));
    t.lib.db.prepare('UPDATE briefings SET doc = ? WHERE id = ?').run(JSON.stringify(stored), b.id);
    const md = Buffer.from((await ok<{ base64: string }>('briefings.export', { id: b.id, format: 'md' })).base64, 'base64').toString('utf8');
    expect(md).toContain('Sentinel words');
    expect(md).toMatch(/^## Heading words$/m);
    expect(md).toContain('Quoted words');
    // The unreadable text is gone for good; not rendered as "[object Object]".
    expect(md).not.toContain('[object Object]');

    const unreadable = await ok<{ id: number }>('briefings.create', {});
    t.lib.db.prepare('UPDATE briefings SET doc = ?, text = ? WHERE id = ?').run('{"type":"doc"', 'First paragraph\n\nSecond paragraph', unreadable.id);
    const got = await ok<{ doc: unknown }>('briefings.get', { id: unreadable.id });
    expect(Node.fromJSON(briefingSchema, got.doc).textBetween(0, Node.fromJSON(briefingSchema, got.doc).content.size, '|')).toBe('First paragraph|Second paragraph');
  });

  it('an article text edit with a heading level of 1e999 is refused too', async () => {
    const a = await ok<{ id: number }>('articles.import', { file: 'pasted text', encoding: 'text', data: 'Some article words.' });
    const r = await router('articles.updateText', { id: a.id, doc: { type: 'doc', content: [{ type: 'heading', attrs: { level: Infinity }, content: [{ type: 'text', text: 'H' }] }, p('Some article words.')] } });
    expect(r.ok ? 'ok' : r.error.code).toBe('invalid_input');
    expect(await ok<{ text: string }>('articles.get', { id: a.id })).toMatchObject({ text: 'Some article words.' });
  });
});
