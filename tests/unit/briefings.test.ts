import { describe, expect, it } from 'vitest';
import { Node } from 'prosemirror-model';
import { briefingSchema, BRIEFING_SCHEMA_VERSION } from '../../shared/schema/briefing';
import { citationOrder } from '../../shared/schema/citations';
import { migrateBriefingDoc } from '../../shared/schema/briefing-migrations';
import { BriefingService, REVISION_INTERVAL_MS } from '../../main/services/briefings';
import { BriefingStore } from '../../main/store/briefings';
import { transactionFor } from '../../main/store/write-lock';
import { tempLibrary } from './helpers';
import { codedLibrary } from './coding-helpers';
import { RecordUidStore } from '../../main/store/record-uids';

const s = briefingSchema;
const p = (text: string) => s.node('paragraph', null, text ? s.text(text) : undefined);

describe('briefings', () => {
  it('creates from the situation template, saves, and finds the text in search', async () => {
    const { services } = await tempLibrary();
    const b = services.briefings.create({ template: 'situation' });
    expect(b).toMatchObject({ title: 'Situation brief', status: 'draft', version: 1, schemaVersion: BRIEFING_SCHEMA_VERSION });
    const headings = (b.doc as { content: { type: string; content?: { text: string }[] }[] }).content.filter((n) => n.type === 'heading').map((n) => n.content![0]!.text);
    expect(headings).toEqual(['BLUF', 'Key points', 'Background', 'Actors & positions', 'Outlook']);
    const doc = s.node('doc', null, [p('Tokyo warns against liquidation of seized assets.')]);
    const meta = services.briefings.save(b.id, doc.toJSON(), b.version);
    expect(meta).toMatchObject({ version: 2, wordCount: 7 });
    expect(services.search.search('liquidation')).toMatchObject([{ kind: 'briefing', id: b.id }]);
    expect(services.briefings.get(b.id).doc).toEqual(doc.toJSON());
  });

  it('refuses a save based on an older version instead of overwriting', async () => {
    const { services, router } = await tempLibrary();
    const b = services.briefings.create({});
    services.briefings.save(b.id, s.node('doc', null, [p('first')]).toJSON(), 1);
    const stale = await router('briefings.save', { id: b.id, doc: s.node('doc', null, [p('stale')]).toJSON(), baseVersion: 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(JSON.stringify(services.briefings.get(b.id).doc)).toContain('first');
  });

  it('refuses documents the schema does not allow, and unsafe links', async () => {
    const { router, services } = await tempLibrary();
    const b = services.briefings.create({});
    expect(await router('briefings.save', { id: b.id, doc: { type: 'doc', content: [{ type: 'iframe' }] } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const link = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] };
    expect(await router('briefings.save', { id: b.id, doc: link })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('keeps an automatic revision at most every five minutes, and on demand', async () => {
    const { lib } = await tempLibrary();
    let now = new Date('2026-11-27T10:00:00Z');
    const service = new BriefingService(transactionFor(lib.db), new BriefingStore(lib.db), new RecordUidStore(lib.db), () => now);
    const b = service.create({});
    const save = (text: string) => service.save(b.id, s.node('doc', null, [p(text)]).toJSON());
    save('one');
    now = new Date(now.getTime() + 60_000);
    save('two');
    expect(service.revisions(b.id)).toHaveLength(1);
    now = new Date(now.getTime() + REVISION_INTERVAL_MS);
    save('three');
    expect(service.revisions(b.id)).toHaveLength(2);
    service.snapshot(b.id);
    const revisions = service.revisions(b.id);
    expect(revisions.map((r) => r.reason)).toEqual(['manual', 'auto', 'auto']);
    expect(JSON.stringify(service.revision(revisions.at(-1)!.id).doc)).toContain('one');
  });

  it('duplicates, trashes and restores', async () => {
    const { services } = await tempLibrary();
    const b = services.briefings.create({ template: 'situation' });
    const copy = services.briefings.duplicate(b.id);
    expect(copy.title).toBe('Situation brief (copy)');
    expect(copy.doc).toEqual(b.doc);
    services.briefings.delete(b.id);
    expect(services.briefings.list().map((x) => x.id)).toEqual([copy.id]);
    services.briefings.restore(b.id);
    expect(services.briefings.list()).toHaveLength(2);
  });

  it('numbers citations in document order, renumbering when quotes move', async () => {
    const { services, q1, q2 } = await codedLibrary();
    const rows = services.quotes.list({});
    const row = (id: number) => rows.find((r) => r.id === id)!;
    const other = await services.importer.import({ file: 'pasted text', encoding: 'text', data: 'Another story\n\nSomeone said something else entirely.' });
    const quote = (id: number) => s.nodes.quote!.create({ annotationId: id, articleId: row(id).article.id, text: row(id).text, title: row(id).article.title });
    const cite = s.nodes.cite!.create({ articleId: other.id!, title: 'Another story' });
    const doc = s.node('doc', null, [s.node('paragraph', null, [s.text('See '), cite]), quote(q1.id), quote(q2.id)]);
    expect([...citationOrder(doc)]).toEqual([
      [other.id, 1],
      [row(q1.id).article.id, 2],
    ]);
    const moved = s.node('doc', null, [quote(q1.id), s.node('paragraph', null, [s.text('See '), cite])]);
    expect([...citationOrder(moved)]).toEqual([
      [row(q1.id).article.id, 1],
      [other.id, 2],
    ]);
  });
});

describe('briefing doc migrations', () => {
  it('brings a version-1 doc (nested quote source, deep headings) up to the current schema', () => {
    const v1 = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 5 }, content: [{ type: 'text', text: 'Old heading' }] },
        {
          type: 'quote',
          attrs: {
            annotationId: 7,
            articleId: 3,
            kind: 'quote',
            text: 'to show more sincerity to resolve the problem',
            speaker: 'Kim Jung Han',
            affiliation: null,
            source: { outlet: 'Kyodo News', title: 'Japan urges', author: null, date: '2020-10-29', url: 'https://example.com/a' },
          },
        },
      ],
    };
    const migrated = migrateBriefingDoc({ schemaVersion: 1, doc: v1 });
    expect(migrated.schemaVersion).toBe(BRIEFING_SCHEMA_VERSION);
    const doc = Node.fromJSON(briefingSchema, migrated.doc);
    doc.check();
    expect(doc.child(0).attrs.level).toBe(3);
    expect(doc.child(1).attrs).toMatchObject({ outlet: 'Kyodo News', publishedAt: '2020-10-29', url: 'https://example.com/a', title: 'Japan urges' });
  });

  it('opens a stored version-1 briefing through the service', async () => {
    const { services, lib } = await tempLibrary();
    const b = services.briefings.create({});
    const v1 = { type: 'doc', content: [{ type: 'heading', attrs: { level: 6 }, content: [{ type: 'text', text: 'Deep' }] }] };
    lib.db.prepare('UPDATE briefings SET doc = ?, schema_version = 1 WHERE id = ?').run(JSON.stringify(v1), b.id);
    const opened = services.briefings.get(b.id);
    expect(opened.schemaVersion).toBe(BRIEFING_SCHEMA_VERSION);
    expect((opened.doc as { content: { attrs: { level: number } }[] }).content[0]!.attrs.level).toBe(3);
  });

  it('refuses a doc from a newer schema with a clear message', async () => {
    const { services, lib, router } = await tempLibrary();
    const b = services.briefings.create({});
    lib.db.prepare('UPDATE briefings SET schema_version = 99 WHERE id = ?').run(b.id);
    expect(await router('briefings.get', { id: b.id })).toMatchObject({ ok: false, error: { code: 'unsupported', message: expect.stringMatching(/newer Verbatim/) } });
  });
});
