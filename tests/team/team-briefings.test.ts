// Briefings shared through the team server, for real (tests/team/teams.ts): a briefing reaches the
// other analyst with its quotes pointing at that library's own annotations; two analysts typing in
// one briefing while apart keep every character each typed; a briefing a newer Verbatim wrote is
// refused in words and nothing of it is dropped, neither here nor in the team's copy.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { analyst, newTeam, rawWrite, rounds, type Analyst } from './teams';
import { useTeams } from './teams';

useTeams();

const TEXT = 'Seoul, Monday. “We will not yield on compensation,” said Kim Jung Han, the labor minister.\n\nTokyo answered that the matter was settled in 1965.';
const WORDS = 'We will not yield on compensation';

const uidOf = (a: Analyst, table: 'articles' | 'annotations' | 'briefings', id: number) => (a.lib.db.prepare(`SELECT uid FROM ${table} WHERE id = ?`).get(id) as { uid: string }).uid;
const idOf = (a: Analyst, table: 'articles' | 'annotations' | 'briefings', uid: string) => (a.lib.db.prepare(`SELECT id FROM ${table} WHERE uid = ?`).get(uid) as { id: number } | undefined)?.id;

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

interface JsonNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: JsonNode[];
  text?: string;
}
const paragraphs = (doc: unknown) => ((doc as JsonNode).content ?? []).filter((n) => n.type === 'paragraph').map((n) => (n.content ?? []).map((t) => t.text).join(''));

/** Kim's briefing quoting Kim's annotation, shared with Lee. */
async function sharedBriefing() {
  const team = await newTeam();
  const [kim, lee] = [await analyst(team), await analyst(team)];
  const article = await kim.s.importer.import({ file: 'seoul.txt', encoding: 'text', data: TEXT, title: 'Envoys meet', outlet: 'Yonhap' });
  const start = TEXT.indexOf(WORDS);
  const annotation = kim.s.annotations.create({ articleId: article.id!, kind: 'quote', start, end: start + WORDS.length });
  const briefing = kim.s.briefings.create({ title: 'Labor row: where things stand' });
  kim.s.briefings.save(briefing.id, {
    type: 'doc',
    content: [
      paragraph('Seoul holds firm on compensation.'),
      { type: 'quote', attrs: { annotationId: annotation.id, articleId: article.id!, kind: 'quote', text: WORDS, speaker: 'Kim Jung Han', title: 'Envoys meet', outlet: 'Yonhap' } },
      paragraph('Tokyo says it was settled.'),
    ],
  });
  await rounds(kim, lee);
  const uid = uidOf(kim, 'briefings', briefing.id);
  return { team, kim, lee, uid, kimId: briefing.id, leeId: idOf(lee, 'briefings', uid)!, annotationUid: uidOf(kim, 'annotations', annotation.id) };
}

describe('briefings shared through the team server', () => {
  it('a briefing reaches the other analyst, its quote pointing at the annotation in that library', async () => {
    const { kim, lee, leeId, annotationUid } = await sharedBriefing();
    expect(leeId).toBeDefined();
    const theirs = lee.s.briefings.get(leeId);
    expect(theirs.title).toBe('Labor row: where things stand');
    expect(paragraphs(theirs.doc)).toEqual(['Seoul holds firm on compensation.', 'Tokyo says it was settled.']);
    const quote = (theirs.doc as JsonNode).content!.find((n) => n.type === 'quote')!;
    // Lee's own ids: the annotation and the article as Lee's library numbers them.
    expect(quote.attrs).toMatchObject({ annotationUid, annotationId: idOf(lee, 'annotations', annotationUid), text: WORDS });
    expect(lee.lib.db.prepare(`SELECT exact FROM annotations WHERE id = ?`).get(quote.attrs!.annotationId)).toEqual({ exact: WORDS });
    // Search finds it there, and nothing is waiting on either side.
    expect(lee.s.search.search('firm').some((h) => h.kind === 'briefing' && h.id === leeId)).toBe(true);
    expect(kim.team.status().pending).toBe(0);
    expect(lee.team.status().pending).toBe(0);
  });

  it('two analysts typing in one briefing while apart keep every character each typed, and the same briefing ends on both', async () => {
    const { kim, lee, kimId, leeId } = await sharedBriefing();
    const edit = (a: Analyst, id: number, change: (texts: string[]) => string[]) => {
      const b = a.s.briefings.get(id);
      const texts = change(paragraphs(b.doc));
      const content = (b.doc as JsonNode).content!;
      let i = 0;
      a.s.briefings.save(id, { ...(b.doc as JsonNode), content: content.map((n) => (n.type === 'paragraph' ? paragraph(texts[i++]!) : n)) });
    };
    // The same sentence, at both ends, and the other paragraph by one of them; a title change.
    edit(kim, kimId, ([a, b]) => [`Monday: ${a}`, b!]);
    edit(lee, leeId, ([a, b]) => [a!.replace('compensation.', 'compensation, for now.'), `${b} Talks resume Friday.`]);
    lee.s.briefings.update(leeId, { title: 'Labor row, week 2' });
    await rounds(kim, lee, kim);
    const [mine, theirs] = [kim.s.briefings.get(kimId), lee.s.briefings.get(leeId)];
    expect(paragraphs(mine.doc)).toEqual(['Monday: Seoul holds firm on compensation, for now.', 'Tokyo says it was settled. Talks resume Friday.']);
    expect(paragraphs(theirs.doc)).toEqual(paragraphs(mine.doc));
    expect([mine.title, theirs.title]).toEqual(['Labor row, week 2', 'Labor row, week 2']);
    // The quote between them is untouched, with each library's own ids.
    expect((mine.doc as JsonNode).content!.filter((n) => n.type === 'quote')).toHaveLength(1);
    expect((theirs.doc as JsonNode).content!.filter((n) => n.type === 'quote')).toHaveLength(1);
    for (const a of [kim, lee]) expect(a.lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a live figure is drawn from the same topic in the other library, whatever that library numbers it', async () => {
    const team = await newTeam();
    const [kim, lee] = [await analyst(team), await analyst(team)];
    // Lee's library numbers its topics from another start.
    lee.s.codebook.createTopic('Lee’s own topic');
    const topic = kim.s.codebook.createTopic('Wartime labor');
    const briefing = kim.s.briefings.create({ title: 'Who stands where' });
    kim.s.briefings.save(briefing.id, { type: 'doc', content: [{ type: 'figure', attrs: { query: { type: 'actor-position', topicId: topic.id }, colouring: 'kind', caption: 'Actors on wartime labor', frozen: null } }] });
    await rounds(kim, lee);
    const theirs = lee.s.briefings.get(idOf(lee, 'briefings', uidOf(kim, 'briefings', briefing.id))!);
    const figure = (theirs.doc as JsonNode).content!.find((n) => n.type === 'figure')!;
    const leeTopic = lee.s.codebook.listTopics().find((t) => t.name === 'Wartime labor')!;
    expect(leeTopic.id).not.toBe(topic.id);
    expect(figure.attrs).toMatchObject({ query: { type: 'actor-position', topicId: leeTopic.id }, caption: 'Actors on wartime labor' });
  });

  it('trashing a briefing travels, and an edit made there meanwhile survives in the trash', async () => {
    const { kim, lee, kimId, leeId } = await sharedBriefing();
    kim.s.briefings.delete(kimId);
    lee.s.briefings.update(leeId, { classification: 'RESTRICTED' });
    await rounds(kim, lee, kim);
    for (const [a, id] of [[kim, kimId], [lee, leeId]] as const) {
      expect(a.s.briefings.list(true).map((b) => b.id)).toEqual([id]);
      expect(a.s.briefings.get(id).classification).toBe('RESTRICTED');
    }
    lee.s.briefings.restore(leeId);
    await rounds(lee, kim);
    expect(kim.s.briefings.list().map((b) => b.id)).toEqual([kimId]);
  });

  it('a briefing a newer Verbatim wrote is refused in words, and nothing of it is dropped here or in the team’s copy', async () => {
    const { team, lee, uid, leeId } = await sharedBriefing();
    const before = lee.s.briefings.get(leeId);
    // A newer build adds a node this one has no type for, and says so in the document.
    await rawWrite(team.url, await team.members.add(`Another build ${Math.random()}`, false), `briefing:${uid}`, (doc) => {
      doc.getMap('details').set('schema', 99);
      const chart = new Y.XmlElement('timeline_chart');
      chart.setAttribute('series', 'stance by month');
      doc.getXmlFragment('content').insert(0, [chart]);
    });
    await rawWrite(team.url, await team.members.add(`Another build ${Math.random()}`, false), 'library', (doc) => doc.getMap('briefings').set(`${uid}|a-newer-build`, new Date().toISOString()));
    const refused = new RegExp(`briefing ${uid}: it was written by a newer Verbatim \\(briefing schema 99.*update Verbatim`);
    expect((await lee.team.sync()).problems.join('\n')).toMatch(refused);
    expect(lee.s.briefings.get(leeId)).toEqual(before);
    // An edit made here now waits: putting it in would drop the node this build cannot read.
    lee.s.briefings.update(leeId, { title: 'Edited on an old build' });
    expect((await lee.team.sync()).problems.join('\n')).toMatch(refused);
    const after = lee.s.briefings.get(leeId);
    expect(after.doc).toEqual(before.doc);
    expect(after.title).toBe('Edited on an old build');
    expect(lee.team.status().pending).toBe(1);
    // The team's copy still holds the newer node, and not the old build's title.
    await rawWrite(team.url, await team.members.add(`Another build ${Math.random()}`, false), `briefing:${uid}`, (doc) => {
      expect(doc.getXmlFragment('content').toArray()[0]).toBeInstanceOf(Y.XmlElement);
      expect((doc.getXmlFragment('content').toArray()[0] as Y.XmlElement).nodeName).toBe('timeline_chart');
      expect(doc.getMap('details').get('title')).toBe('Labor row: where things stand');
    });
  });
});
