// `articles.read`, the reader's form of an article (issue 12): the text once and the doc's
// structure around it, whole or as the first screens of a long article; stored for every article
// by migration 14, and read from the doc for a row that lacks it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Node } from 'prosemirror-model';
import { openLibrary } from '../../main/store/open';
import { articleSchema } from '../../shared/schema';
import { unpackDoc } from '../../shared/schema/packed-doc';
import type { Article, ArticleReading } from '../../shared/model';
import { fixture, paste, tempDir, tempLibrary, type TestLibrary } from './helpers';

async function ok<T>(t: TestLibrary, name: string, input: unknown): Promise<T> {
  const r = await t.router(name as never, input as never);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

/** The doc a reading form stands for; it must be the stored doc (`articles.get`). */
const docOf = (r: ArticleReading) => unpackDoc(articleSchema, r.text, r.structure).doc;

const MARKDOWN = ['# Envoys meet', '', 'Talks *resumed* on **Monday**, [said](https://example.com/x) the minister 👋.', '', '> “We will not yield,”  ', '> she said.', '', '- one', '- two'].join('\n');

describe('articles.read', () => {
  it('gives back the stored doc from the text and a structure a tenth of its size', async () => {
    const t = await tempLibrary();
    const md = await ok<{ id: number }>(t, 'articles.import', { file: 'envoys.md', encoding: 'text', data: MARKDOWN });
    const long = await ok<{ id: number }>(t, 'articles.import', paste(Array.from({ length: 2_000 }, (_, i) => `Paragraph ${i} of the talks.`).join('\n\n')));
    for (const { id } of [md, long]) {
      const stored = await ok<Article>(t, 'articles.get', { id });
      const read = await ok<ArticleReading>(t, 'articles.read', { id });
      expect(read).toMatchObject({ id, title: stored.title, text: stored.text, sourceFormat: stored.sourceFormat, complete: true });
      expect(docOf(read).eq(Node.fromJSON(articleSchema, stored.doc))).toBe(true);
    }
    const read = await ok<ArticleReading>(t, 'articles.read', { id: long.id });
    expect(JSON.stringify(read.structure).length).toBeLessThan(JSON.stringify((await ok<Article>(t, 'articles.get', { id: long.id })).doc).length / 10);
  });

  it('gives the first screens of a long article as a true prefix of the whole, and a short one whole', async () => {
    const t = await tempLibrary();
    // Characters outside the BMP before the cut: SQLite counts characters, the page UTF-16 units.
    const text = Array.from({ length: 2_000 }, (_, i) => `Paragraph ${i} 😀 of the talks.`).join('\n\n');
    const { id } = await ok<{ id: number }>(t, 'articles.import', paste(text));
    const whole = await ok<ArticleReading>(t, 'articles.read', { id });
    const head = await ok<ArticleReading>(t, 'articles.read', { id, head: 1_000 });
    expect(head.complete).toBe(false);
    expect(head.text.length).toBeGreaterThanOrEqual(1_000);
    expect(head.text.length).toBeLessThan(1_100);
    expect(whole.text.startsWith(head.text)).toBe(true);
    expect(head.structure).toEqual(whole.structure.slice(0, head.structure.length));
    // Every position of the head is the same place in the whole.
    const [h, w] = [docOf(head), docOf(whole)];
    expect(w.cut(0, h.content.size).eq(h)).toBe(true);

    const short = await ok<{ id: number }>(t, 'articles.import', { file: 'envoys.md', encoding: 'text', data: MARKDOWN });
    const all = await ok<ArticleReading>(t, 'articles.read', { id: short.id, head: 1_000 });
    expect(all).toMatchObject({ complete: true, text: (await ok<ArticleReading>(t, 'articles.read', { id: short.id })).text });
    expect((await t.router('articles.read', { id, head: 0 })).ok).toBe(false);
    expect(await t.router('articles.read', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('reads a row without a structure (written around the store) from its doc', async () => {
    const t = await tempLibrary();
    const { id } = await ok<{ id: number }>(t, 'articles.import', { file: 'envoys.md', encoding: 'text', data: MARKDOWN });
    const before = await ok<ArticleReading>(t, 'articles.read', { id });
    t.lib.db.prepare('UPDATE articles SET structure = NULL WHERE id = ?').run(id);
    expect(await ok<ArticleReading>(t, 'articles.read', { id })).toEqual(before);
    expect((await ok<ArticleReading>(t, 'articles.read', { id, head: 10 })).structure).toEqual(before.structure.slice(0, 1));
  });

  it('is stored for every article of a version-13 library by migration 14', async () => {
    const file = path.join(tempDir(), 'library.sqlite');
    fs.copyFileSync(fixture('library-v13.sqlite'), file);
    const lib = await openLibrary(file);
    try {
      const rows = lib.db.prepare<[], { doc: string; structure: string | null; text: string }>('SELECT doc, structure, text FROM articles').all();
      expect(rows.length).toBeGreaterThan(1);
      for (const r of rows) {
        expect(r.structure).not.toBeNull();
        expect(unpackDoc(articleSchema, r.text, JSON.parse(r.structure!)).doc.eq(Node.fromJSON(articleSchema, JSON.parse(r.doc)))).toBe(true);
      }
    } finally {
      lib.close();
    }
  });

  it('follows a corrected text: edit-text mode answers with the new reading form', async () => {
    const t = await tempLibrary();
    const { id } = await ok<{ id: number }>(t, 'articles.import', paste('Seoul, Monday.\n\nThe talks resumed.'));
    const doc = { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Seoul' }] }, { type: 'paragraph', content: [{ type: 'text', text: 'The talks resumed at last.' }] }] };
    const r = await ok<{ article: ArticleReading }>(t, 'articles.updateText', { id, doc });
    expect(r.article.text).toBe('Seoul\n\nThe talks resumed at last.');
    expect(docOf(r.article).eq(Node.fromJSON(articleSchema, doc))).toBe(true);
    expect(await ok<ArticleReading>(t, 'articles.read', { id })).toEqual(r.article);
  });
});
