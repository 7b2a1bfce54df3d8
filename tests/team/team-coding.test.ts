// Articles and their coding shared through the team server, for real (tests/team/teams.ts): an
// article imported by one analyst reaches the other with its text, readable in the reader's form;
// two analysts coding the same article at once both keep their quotes; a delete against a comment
// edit keeps the edit, in the trash; coding made offline against an actor merged meanwhile lands
// on the actor it was merged into; emptying the trash wins; records a broken client wrote that do
// not fit are set aside in words while the rest go in.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Annotation, ArticleReading } from '../../shared/model';
import { analyst, newTeam, rawWrite, rounds, type Analyst } from './teams';
import { useTeams } from './teams';

useTeams();

const TEXT = 'Seoul, Monday. “We will not yield on compensation,” said Kim Jung Han, the labor minister.\n\nTokyo answered that the matter was settled in 1965.';

/** What a library holds of an article's coding, by uid, as the team shares it. */
function coding(a: Analyst, articleUid: string) {
  return a.lib.db
    .prepare(
      `SELECT n.uid, n.kind, n.start, n."end", n.exact, n.comment, n.deleted_at IS NOT NULL AS trashed, s.uid AS speaker,
              (SELECT group_concat(p.uid || '=' || c.stance) FROM annotation_positions c JOIN positions p ON p.id = c.position_id WHERE c.annotation_id = n.id) AS positions
         FROM annotations n JOIN articles a ON a.id = n.article_id LEFT JOIN actors s ON s.id = n.speaker_id WHERE a.uid = ? ORDER BY n.uid`,
    )
    .all(articleUid);
}

const uidOf = (a: Analyst, table: 'articles' | 'actors' | 'annotations', id: number) => (a.lib.db.prepare(`SELECT uid FROM ${table} WHERE id = ?`).get(id) as { uid: string }).uid;
const idOf = (a: Analyst, table: 'articles' | 'actors' | 'annotations', uid: string) => (a.lib.db.prepare(`SELECT id FROM ${table} WHERE uid = ?`).get(uid) as { id: number } | undefined)?.id;

async function sharedArticle() {
  const team = await newTeam();
  const [kim, lee] = [await analyst(team), await analyst(team)];
  const imported = await kim.s.importer.import({ file: 'seoul.txt', encoding: 'text', data: TEXT, title: 'Envoys meet', outlet: 'Yonhap' });
  const minister = kim.s.codebook.createActor({ name: 'Kim Jung Han' });
  const topic = kim.s.codebook.createTopic('Wartime labor');
  const position = kim.s.codebook.createPosition(topic.id, 'Compensation is owed');
  await rounds(kim, lee);
  return { kim, lee, articleId: imported.id!, articleUid: uidOf(kim, 'articles', imported.id!), minister, position };
}

const quote = (a: Analyst, articleId: number, words: string, extra: Partial<Parameters<Analyst['s']['annotations']['create']>[0]> = {}): Annotation => {
  const start = TEXT.indexOf(words);
  return a.s.annotations.create({ articleId, kind: 'quote', start, end: start + words.length, ...extra });
};

describe('articles and coding shared through the team server', () => {
  it('an imported article and its coding reach the other analyst, the article readable and coded alike', async () => {
    const { kim, lee, articleId, articleUid, minister, position } = await sharedArticle();
    const theirs = idOf(lee, 'articles', articleUid)!;
    expect(theirs).toBeDefined();
    const [mine, read] = [kim.s.library.read(articleId), lee.s.library.read(theirs)];
    expect(read).toMatchObject<Partial<ArticleReading>>({ title: 'Envoys meet', outlet: 'Yonhap', text: TEXT, structure: mine.structure, sourceFormat: 'txt' });
    expect(lee.s.library.get(theirs).doc).toEqual(kim.s.library.get(articleId).doc);
    // Search finds it there too.
    expect(lee.s.search.search('compensation').some((h) => h.kind === 'article' && h.id === theirs)).toBe(true);

    quote(kim, articleId, 'We will not yield on compensation', { speakerId: minister.id, positions: [{ positionId: position.id, stance: 'supports' }], comment: 'firm' });
    await rounds(kim, lee);
    expect(coding(lee, articleUid)).toEqual(coding(kim, articleUid));
    expect(coding(lee, articleUid)).toHaveLength(1);
    expect(lee.s.annotations.list(theirs)[0]).toMatchObject({ exact: 'We will not yield on compensation', speakerId: idOf(lee, 'actors', uidOf(kim, 'actors', minister.id)), comment: 'firm' });
  });

  it('two analysts coding the same article at once both keep their quotes; a delete against a comment edit keeps the edit, in the trash', async () => {
    const { kim, lee, articleId, articleUid } = await sharedArticle();
    const theirs = idOf(lee, 'articles', articleUid)!;
    const first = quote(kim, articleId, 'We will not yield');
    await rounds(kim, lee);
    // Offline, at the same time: a quote each, and one trashes the first while the other comments on it.
    quote(kim, articleId, 'the labor minister');
    quote(lee, theirs, 'settled in 1965');
    kim.s.annotations.delete(first.id);
    lee.s.annotations.update({ id: idOf(lee, 'annotations', uidOf(kim, 'annotations', first.id))!, comment: 'Lee’s reading' });
    await rounds(kim, lee, kim);
    const both = coding(kim, articleUid);
    expect(coding(lee, articleUid)).toEqual(both);
    expect(both).toHaveLength(3);
    expect(both.find((n) => (n as { exact: string }).exact === 'We will not yield')).toMatchObject({ trashed: 1, comment: 'Lee’s reading' });
  });

  it('coding made offline against an actor merged meanwhile lands on the actor it was merged into', async () => {
    const { kim, lee, articleUid, minister } = await sharedArticle();
    const alias = kim.s.codebook.createActor({ name: 'Minister Kim' });
    await rounds(kim, lee);
    const aliasUid = uidOf(kim, 'actors', alias.id);
    // Kim merges the duplicate; Lee, offline, quotes the minister under the duplicate's name.
    kim.s.codebook.mergeActors(alias.id, minister.id);
    const theirs = idOf(lee, 'articles', articleUid)!;
    quote(lee, theirs, 'We will not yield', { speakerId: idOf(lee, 'actors', aliasUid) });
    await kim.team.sync();
    // Lee is told, in words, as the merge arrives.
    expect((await lee.team.sync()).notices).toEqual(['A member of the team merged the actor “Minister Kim” into “Kim Jung Han”; its coding follows it.']);
    await kim.team.sync();
    const ministerUid = uidOf(kim, 'actors', minister.id);
    expect(coding(kim, articleUid)).toEqual([expect.objectContaining({ exact: 'We will not yield', speaker: ministerUid })]);
    expect(coding(lee, articleUid)).toEqual(coding(kim, articleUid));
    expect(lee.s.codebook.listActors().map((a) => a.name)).toEqual(kim.s.codebook.listActors().map((a) => a.name));
  });

  it('each annotation says who coded it, on every copy, and an edit by someone else keeps the name', async () => {
    const { kim, lee, articleId, articleUid } = await sharedArticle();
    const mine = quote(kim, articleId, 'We will not yield on compensation');
    expect(mine.codedBy).toBe(kim.name);
    await rounds(kim, lee);
    const theirs = lee.s.annotations.list(idOf(lee, 'articles', articleUid)!);
    expect(theirs.map((a) => a.codedBy)).toEqual([kim.name]);
    lee.s.annotations.update({ id: theirs[0]!.id, comment: 'Said twice that week' });
    const leeOwn = quote(lee, idOf(lee, 'articles', articleUid)!, 'Tokyo answered');
    await rounds(lee, kim);
    expect(kim.s.annotations.list(articleId).map((a) => [a.exact, a.codedBy, a.comment])).toEqual([
      ['We will not yield on compensation', kim.name, 'Said twice that week'],
      ['Tokyo answered', lee.name, null],
    ]);
    expect(leeOwn.codedBy).toBe(lee.name);
    // The quotes table (and its exports, which take its filter) can be narrowed to one coder.
    expect(kim.s.quotes.facets().coders).toEqual([kim.name, lee.name].sort());
    expect(kim.s.quotes.list({ codedBy: lee.name }).map((q) => q.text)).toEqual(['Tokyo answered']);
    expect(kim.s.quotes.list({ codedBy: kim.name }).map((q) => q.text)).toEqual(['We will not yield on compensation']);
    expect(kim.s.quotes.export('csv', { codedBy: lee.name }).content).toContain('Tokyo answered');
    expect(kim.s.quotes.export('csv', { codedBy: lee.name }).content).not.toContain('We will not yield');
    // Coding made alone, before a library joins a team, names nobody.
    expect(kim.lib.db.prepare(`SELECT count(*) AS n FROM annotations WHERE coded_by IS NULL`).get()).toEqual({ n: 0 });
  });

  it('a suggestion one analyst rejects is not suggested to the other; taking the rejection back travels too', async () => {
    const { kim, lee, articleId, articleUid } = await sharedArticle();
    const theirs = idOf(lee, 'articles', articleUid)!;
    const [first] = (await kim.s.suggestions.list(articleId)).suggestions;
    expect(first).toBeDefined();
    expect((await lee.s.suggestions.list(theirs)).suggestions.map((x) => x.content.exact)).toContain(first!.content.exact);
    await kim.s.suggestions.reject(articleId, first!.key);
    await rounds(kim, lee);
    expect((await lee.s.suggestions.list(theirs)).suggestions.map((x) => x.content.exact)).not.toContain(first!.content.exact);
    kim.s.suggestions.unreject(articleId, first!.key);
    await rounds(kim, lee);
    expect((await lee.s.suggestions.list(theirs)).suggestions.map((x) => x.content.exact)).toContain(first!.content.exact);
  });

  it('emptying the trash wins: an article purged there is purged here, with its coding', async () => {
    const { kim, lee, articleId, articleUid } = await sharedArticle();
    quote(kim, articleId, 'We will not yield');
    await rounds(kim, lee);
    kim.s.library.delete(articleId);
    kim.s.library.emptyTrash();
    await rounds(kim, lee);
    expect(idOf(lee, 'articles', articleUid)).toBeUndefined();
    expect(lee.lib.db.prepare('SELECT count(*) AS n FROM annotations').get()).toEqual({ n: 0 });
    expect(lee.lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('records from the team that do not fit', () => {
  it('are set aside in words while the rest go in, the library checking out', async () => {
    const team = await newTeam();
    const [kim, lee] = [await analyst(team), await analyst(team)];
    const { id } = await kim.s.importer.import({ file: 'seoul.txt', encoding: 'text', data: TEXT, title: 'Envoys meet' });
    const articleUid = uidOf(kim, 'articles', id!);
    await kim.team.sync();
    const token = await team.members.add('Broken Client', false);
    const bogus = 'f'.repeat(64);
    const record = (fields: Record<string, unknown>) => {
      const m = new Y.Map<unknown>();
      for (const [k, v] of Object.entries(fields)) m.set(k, v);
      return m;
    };
    await rawWrite(team.url, token, 'codebook', (doc) => doc.getMap('actors').set('0190a3b2-0000-7000-8000-00000000beef', record({ name: 12345, kind: 'dragon', color: null })));
    await rawWrite(team.url, token, `article:${articleUid}`, (doc) => {
      const annotations = doc.getMap('annotations');
      annotations.set(`${articleUid}/0190a3b2-0000-7000-8000-000000000bad`, record({ kind: 'quote', start: 50, end: 10, exact: 'backwards' }));
      annotations.set(`${articleUid}/0190a3b2-0000-7000-8000-00000000900d`, record({ kind: 'quote', start: 0, end: 5, exact: 'Seoul', prefix: '', suffix: ', Mon', tags: '[]', positions: 'not json' }));
    });
    await rawWrite(team.url, token, `article:${bogus}`, (doc) => doc.getMap('articles').set(bogus, record({ title: 'Does not fit', text: 'abc', structure: '[99]' })));
    await rawWrite(team.url, token, 'library', (doc) => doc.getMap('articles').set(`${bogus}|broken`, 'now'));

    const r = await lee.team.sync();
    expect(r.problems).toHaveLength(2);
    expect(r.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^annotation .*0bad: The team’s annotation .* cannot be placed \(its range or kind is not one this library takes\)/),
        expect.stringMatching(/^article f{64}: The article’s structure does not fit its text/),
      ]),
    );
    // The rest went in: the article and its good quote; the nameless actor named as the library would.
    expect(lee.s.annotations.list(idOf(lee, 'articles', articleUid)!).map((n) => n.exact)).toEqual(['Seoul']);
    expect(lee.s.codebook.listActors()).toEqual([expect.objectContaining({ name: 'Unnamed actor', kind: 'person' })]);
    expect(idOf(lee, 'articles', bogus)).toBeUndefined();
    expect(lee.lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
