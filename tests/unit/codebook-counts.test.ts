// The codebook's counts (each actor's annotations, each position's codings) from a real generated
// coded library with trash in it: grouped in one query for the whole codebook, or counted for one
// actor or topic, they agree with what the whole list of live annotations says.
import { beforeEach, describe, expect, it } from 'vitest';
import type { QuoteRow } from '../../shared/model';
import { buildCodedLibrary } from '../bench/coded-corpus';
import { tempLibrary, type TestLibrary } from './helpers';

let t: TestLibrary;
let all: QuoteRow[];

// Each test gets its own library: the helpers close it after the test.
beforeEach(async () => {
  t = await tempLibrary();
  await buildCodedLibrary(t.lib, { articles: 25, actors: 40, topics: 3, positionsPerTopic: 4, annotations: 500 }, 11);
  // Trash: single annotations, and whole articles with every annotation on them.
  t.lib.db.prepare(`UPDATE annotations SET deleted_at = '2026-01-01' WHERE id % 13 = 0`).run();
  t.lib.db.prepare(`UPDATE articles SET deleted_at = '2026-01-01' WHERE id IN (SELECT article_id FROM annotations ORDER BY id LIMIT 2)`).run();
  all = t.services.quotes.list({});
}, 60_000);

describe('codebook counts', () => {
  it('counts each actor’s live annotations, for the whole codebook and for one actor', () => {
    const actors = t.services.codebook.listActors();
    const spoken = (id: number) => all.filter((q) => q.speaker?.id === id).length;
    expect(actors.some((a) => a.annotationCount > 0) && actors.some((a) => a.annotationCount === 0)).toBe(true);
    for (const a of actors) {
      expect(a.annotationCount, a.name).toBe(spoken(a.id));
      expect(t.services.codebook.actor(a.id).annotationCount, a.name).toBe(a.annotationCount);
    }
    // Every live annotation with a speaker is counted once, under its speaker; trashed ones never.
    expect(actors.reduce((n, a) => n + a.annotationCount, 0)).toBe(all.filter((q) => q.speaker).length);
  });

  it('counts each position’s live codings, for every topic and for one topic', () => {
    const topics = t.services.codebook.listTopics();
    const coded = (id: number) => all.filter((q) => q.positions.some((p) => p.id === id)).length;
    for (const topic of topics) {
      for (const p of topic.positions) expect(p.annotationCount, p.claim).toBe(coded(p.id));
      expect(t.services.codebook.topic(topic.id)).toEqual(topic);
    }
    expect(topics.flatMap((x) => x.positions).some((p) => p.annotationCount > 0)).toBe(true);
  });

  it('lists quotes that share an article and a start in the order they were made', () => {
    const [q] = all;
    const text = t.services.library.get(q!.article.id).text;
    const again = t.services.annotations.create({ articleId: q!.article.id, kind: 'note', start: q!.start, end: q!.end, comment: 'Same words, noted again.' });
    expect(again.exact).toBe(text.slice(q!.start, q!.end));
    const list = t.services.quotes.list({}).filter((r) => r.article.id === q!.article.id && r.start === q!.start);
    expect(list.map((r) => r.id)).toEqual([...list.map((r) => r.id)].sort((a, b) => a - b));
    expect(list.map((r) => r.id)).toContain(again.id);
  });
});
