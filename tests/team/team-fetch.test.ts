// A large team library reaching a laptop that joins it: the articles the team marked changed are
// fetched a bounded share per round (the latest changed first), while what changed here goes at
// once; what is still to fetch is kept in the library file (team_wanted), so a round cut short or a
// process that ends hands the rest to the next one, which finishes it. For real: two library files,
// a throwaway PostgreSQL, a Hocuspocus server.
import { describe, expect, it } from 'vitest';
import { TeamSync } from '../../main/sync/team-sync';
import { TeamRecordStore } from '../../main/store/team-records';
import { actorNamed, analyst, newTeam, useTeams, type Analyst } from './teams';

useTeams();

const ARTICLES = 10;
const text = (i: number) => `Report ${i}. The envoy said talks on the ${i}th draft would go on. “We are close,” the minister said on day ${i}.`;

/** Each article as the library holds it, by uid: its title, its text, its coding. */
const articles = (a: Analyst) =>
  a.lib.db
    .prepare(`SELECT a.uid, a.title, a.text, (SELECT group_concat(n.exact, '|') FROM annotations n WHERE n.article_id = a.id) AS coding FROM articles a ORDER BY a.uid`)
    .all() as { uid: string; title: string; text: string; coding: string | null }[];

describe('a large library’s first sync', () => {
  it('takes the articles in rounds, the latest changed first, sends what changed here at once, and leaves the rest to the next process', async () => {
    const team = await newTeam();
    const [kim, lee] = [await analyst(team), await analyst(team)];
    const ids: number[] = [];
    for (let i = 0; i < ARTICLES; i++) {
      const { id } = await kim.s.importer.import({ file: `report-${i}.txt`, encoding: 'text', data: text(i), title: `Report ${i}` });
      ids.push(id!);
      const start = text(i).indexOf('We are close');
      kim.s.annotations.create({ articleId: id!, kind: 'quote', start, end: start + 'We are close'.length });
    }
    await kim.team.sync();
    // A later change to one article: its mark in the index is the latest.
    kim.s.library.update(ids[3]!, { title: 'Report 3, revised' });
    await kim.team.sync();

    // Lee joins with a change of their own, and takes four articles a round.
    lee.s.codebook.createActor({ name: 'Envoy Park' });
    const first = await new TeamSync(lee.lib, { fetchPerRound: 4 }).sync();
    expect(first.wanted).toBe(ARTICLES - 4);
    expect(lee.team.status()).toMatchObject({ pending: 0, wanted: ARTICLES - 4 });
    const taken = articles(lee);
    expect(taken).toHaveLength(4);
    expect(taken.map((a) => a.title)).toContain('Report 3, revised');
    // What Lee made went in the same round, not after the rest of the library.
    await kim.team.sync();
    expect(actorNamed(kim, 'Envoy Park')).toBeDefined();

    // The process ends: a new connection and a new sync know what is still to fetch from the library file alone.
    await lee.reopen();
    expect(lee.team.status().wanted).toBe(ARTICLES - 4);
    const progress: number[] = [];
    const rest = await new TeamSync(lee.lib, { fetchPerRound: 4 }).catchUp(undefined, (wanted) => progress.push(wanted));
    expect(progress).toEqual([ARTICLES - 8]);
    expect(rest.wanted).toBe(0);
    expect(lee.team.status().wanted).toBe(0);
    expect(articles(lee)).toEqual(articles(kim));
    expect(articles(lee).every((a) => a.coding === 'We are close')).toBe(true);
    expect(lee.lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Searching finds what came in the later rounds.
    expect(lee.s.search.search('9th draft').some((h) => h.kind === 'article')).toBe(true);
  });

  it('fetches an article the analyst opens ahead of the rest still to fetch', async () => {
    const team = await newTeam();
    const [kim, lee] = [await analyst(team), await analyst(team)];
    const { id } = await kim.s.importer.import({ file: 'report-0.txt', encoding: 'text', data: text(0), title: 'Report 0' });
    await kim.team.sync();
    await lee.team.sync();
    const uid = (kim.lib.db.prepare(`SELECT uid FROM articles WHERE id = ?`).get(id) as { uid: string }).uid;
    // Kim changes the article Lee holds, then imports more: their marks are later, so they come first.
    kim.s.library.update(id!, { title: 'Report 0, revised' });
    await kim.team.sync();
    for (let i = 1; i <= 3; i++) await kim.s.importer.import({ file: `report-${i}.txt`, encoding: 'text', data: text(i), title: `Report ${i}` });
    await kim.team.sync();
    const titleHere = () => (lee.lib.db.prepare(`SELECT title FROM articles WHERE uid = ?`).get(uid) as { title: string }).title;

    const oneAtATime = new TeamSync(lee.lib, { fetchPerRound: 1 });
    await oneAtATime.sync();
    expect(titleHere()).toBe('Report 0');
    expect(lee.team.status().wanted).toBe(3);
    // Lee opens it: the next round takes it first.
    expect(oneAtATime.prefer(uid)).toBe(true);
    expect((await oneAtATime.sync()).wanted).toBe(2);
    expect(titleHere()).toBe('Report 0, revised');
    // Once taken it is not preferred again; the rest follow.
    expect(oneAtATime.prefer(uid)).toBe(false);
    expect((await oneAtATime.catchUp()).wanted).toBe(0);
  });

  it('keeps a mark that arrives while its document is being fetched, for the next round', async () => {
    const lee = await analyst(await newTeam());
    const store = new TeamRecordStore(lee.lib.db);
    store.want([['article:abc', '2026-12-01T10:00:00.000Z']]);
    const before = store.wantedVersion('article:abc')!;
    // A member's newer change is marked while the round takes the older one; even a mark whose
    // clock reads earlier (laptops' clocks differ) counts as newer.
    store.want([['article:abc', '2026-12-01T09:59:00.000Z']]);
    store.fetched('article:abc', before);
    expect(store.isWanted('article:abc')).toBe(true);
    store.fetched('article:abc', store.wantedVersion('article:abc')!);
    expect(store.wantedCount()).toBe(0);
  });
});
