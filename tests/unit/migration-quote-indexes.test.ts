// Migration 12 (the quotes table's, the matrices' and the codebook counts' indexes), from the frozen
// version-11 library: through every later step, and alone from the version before it. The coding
// reads as before (the fixture's live quote and paraphrase, not its trashed note), now through the
// new indexes, and keeps doing so as annotations and articles come and go.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary, LATEST_VERSION } from '../../main/store/open';
import { migrations } from '../../main/store/migrations';
import { createServices } from '../../main/services';
import { fixture, tempDir } from './helpers';

function copyFixture(name: string): string {
  const file = path.join(tempDir(), 'library.sqlite');
  fs.copyFileSync(fixture(name), file);
  return file;
}

/** Each index's key columns, in order (an expression as `<expr>`). */
const INDEXES: Record<string, string[]> = {
  annotations_article: ['article_id', 'start', 'deleted_at', 'kind', 'speaker_id', 'tags'],
  annotations_speaker: ['speaker_id', 'deleted_at', 'article_id'],
  annotations_text: ['<expr>', 'id', 'deleted_at', 'article_id', 'kind', 'speaker_id', 'tags'],
  annotations_trashed: ['deleted_at'],
  annotation_positions_position: ['position_id', 'annotation_id', 'stance'],
};

async function checkMigrated(file: string) {
  const lib = await openLibrary(file);
  try {
    expect(lib.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    for (const [name, columns] of Object.entries(INDEXES)) {
      const keys = (lib.db.pragma(`index_xinfo(${name})`) as { cid: number; name: string | null; key: number }[]).filter((c) => c.key === 1);
      expect(keys.map((c) => (c.cid === -2 ? '<expr>' : c.name)), name).toEqual(columns);
    }
    const s = createServices(lib);
    const kim = s.codebook.listActors().find((a) => a.name === 'Kim Jung Han')!;
    const takizaki = s.codebook.listActors().find((a) => a.name === 'Shigeki Takizaki')!;
    const [topic] = s.codebook.listTopics();
    const claims = (t = topic!) => Object.fromEntries(t.positions.map((p) => [p.claim, p.annotationCount]));

    // The codebook's counts: live annotations only (the trashed note has no speaker or coding anyway).
    expect(s.codebook.listActors().map((a) => [a.name, a.annotationCount])).toEqual([
      ['Kim Jung Han', 1],
      ['Shigeki Takizaki', 1],
      ['South Korean Foreign Ministry', 0],
    ]);
    expect(claims()).toEqual({ 'Japan must show more sincerity on wartime labor': 2, 'Seized assets must not be liquidated': 1 });
    expect(s.codebook.topic(topic!.id)).toEqual(topic);

    // The table: both live annotations, in reading order by date (the paraphrase comes first in
    // the text), and each filter and sort.
    const page = s.quotes.page({});
    expect(page.total).toBe(2);
    expect(page.items.map((q) => q.kind)).toEqual(['paraphrase', 'quote']);
    const kinds = (q: Parameters<typeof s.quotes.page>[0]) => s.quotes.page(q).items.map((r) => r.kind);
    expect(kinds({ actorId: kim.id })).toEqual(['quote']);
    expect(kinds({ topicId: topic!.id, stance: 'opposes' })).toEqual(['paraphrase']);
    expect(kinds({ tag: 'sincerity' })).toEqual(['quote']);
    expect(kinds({ kind: 'note' })).toEqual([]);
    expect(kinds({ from: '2020-10-29', to: '2020-10-29' })).toEqual(['paraphrase', 'quote']);
    expect(kinds({ to: '2020-10-28' })).toEqual([]);
    expect(kinds({ sort: 'text', desc: true })).toEqual(['quote', 'paraphrase']);
    expect(kinds({ sort: 'speaker' })).toEqual(['quote', 'paraphrase']);
    expect(s.quotes.facets().tags).toEqual(['sincerity']);
    expect(s.quotes.matrix(topic!.id).cells).toHaveLength(3);

    // A new annotation counts at once; trashing its article takes every count with it.
    const article = page.items[0]!.article;
    const text = s.library.get(article.id).text;
    const start = text.indexOf('Nippon Steel');
    s.annotations.create({ articleId: article.id, kind: 'quote', start, end: start + 12, speakerId: takizaki.id, positions: [{ positionId: topic!.positions[0]!.id, stance: 'neutral' }] });
    expect(s.codebook.actor(takizaki.id).annotationCount).toBe(2);
    expect(s.quotes.page({ sort: 'kind' }).total).toBe(3);
    s.library.delete(article.id);
    expect(s.quotes.page({}).total).toBe(0);
    expect(s.codebook.listActors().map((a) => a.annotationCount)).toEqual([0, 0, 0]);
    expect(Object.values(claims(s.codebook.listTopics()[0]))).toEqual([0, 0]);
    expect(s.quotes.overview().cells).toEqual([]);
    expect(lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    lib.close();
  }
}

describe('migration 12 (indexes of the quotes table, the matrices and the codebook counts)', () => {
  it('from a version-11 library, through every later step', async () => {
    await checkMigrated(copyFixture('library-v11.sqlite'));
  });

  it('alone, one step from the version before it', async () => {
    const file = copyFixture('library-v11.sqlite');
    const before = migrations.filter((m) => m.version < 12);
    const lib = await openLibrary(file, { migrations: before });
    expect(lib.db.pragma('user_version', { simple: true })).toBe(11);
    // Version 11's own indexes, which migration 12 replaces.
    expect((lib.db.pragma('index_xinfo(annotations_speaker)') as { key: number }[]).filter((c) => c.key === 1)).toHaveLength(1);
    lib.close();
    await checkMigrated(file);
  });
});
