// A briefing open in two editors on two laptops (main/sync/briefing-room.ts), for real: two
// libraries with the app's link, each editor's session exchanging its doc as the window does. What
// one types reaches the other while both have it open, typed at the same moment included, merged
// character by character; each sees the other's name and cursor; every change is in both
// libraries' rows and in the team's document; with the server gone an editor keeps saving, and what
// it typed reaches the other once the server is back; after the editors close, a laptop that never
// had it open receives the same briefing by the rounds.
import { afterEach, describe, expect, it } from 'vitest';
import { TeamLink } from '../../main/sync/team-link';
import type { BriefingRoomView } from '../../shared/model';
import { analyst, newTeamProcess, rawWrite, useTeams, type Analyst } from './teams';
import { briefingOf } from '../../main/sync/briefing-doc';

interface JsonNode {
  type: string;
  content?: JsonNode[];
  text?: string;
}
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const texts = (doc: unknown) => ((doc as JsonNode).content ?? []).map((n) => (n.content ?? []).map((t) => t.text).join(''));
const docOf = (...lines: string[]) => ({ type: 'doc', content: lines.map(paragraph) });
const stored = (a: Analyst, uid: string) => {
  const row = a.lib.db.prepare(`SELECT id FROM briefings WHERE uid = ?`).get(uid) as { id: number } | undefined;
  return row ? texts(a.s.briefings.get(row.id).doc) : null;
};

useTeams();

const links: TeamLink[] = [];
afterEach(async () => {
  for (const l of links.splice(0)) await l.close();
});
const link = (a: Analyst) => {
  const l = TeamLink.start(a.lib, { offlineMs: 500, roundTimeoutMs: 10_000 });
  links.push(l);
  return l;
};

/** An editor's side of a room: the doc it holds, as the window keeps it from each answer. */
class Editor {
  doc: unknown;
  view: BriefingRoomView;
  constructor(
    private readonly link: TeamLink,
    first: BriefingRoomView,
  ) {
    this.view = first;
    this.doc = first.doc;
  }
  async send(doc: unknown, selection: { anchor: number; head: number } | null = null) {
    this.doc = doc;
    return this.take(await this.link.exchange(this.view.session, { doc, selection }));
  }
  async ask() {
    return this.take(await this.link.exchange(this.view.session, {}));
  }
  private take(view: BriefingRoomView) {
    this.view = view;
    if (view.doc) this.doc = view.doc;
    return view;
  }
}

describe('a briefing open on two laptops', () => {
  it('carries typing both ways as it happens, merges what both typed at once, shows who is there and where, and keeps every copy the same', async () => {
    const team = await newTeamProcess();
    const [kim, lee, max] = [await analyst(team), await analyst(team), await analyst(team)];
    const [kimLink, leeLink] = [link(kim), link(lee)];
    const briefing = kim.s.briefings.create({ title: 'Labor row' });
    kim.s.briefings.save(briefing.id, docOf('Seoul holds firm.', 'Tokyo says it was settled.'));
    const uid = (kim.lib.db.prepare(`SELECT uid FROM briefings WHERE id = ?`).get(briefing.id) as { uid: string }).uid;
    await expect.poll(() => stored(lee, uid), { timeout: 20_000 }).toEqual(['Seoul holds firm.', 'Tokyo says it was settled.']);
    await expect.poll(() => [kimLink.status().state, leeLink.status().state], { timeout: 15_000 }).toEqual(['online', 'online']);

    const leeId = (lee.lib.db.prepare(`SELECT id FROM briefings WHERE uid = ?`).get(uid) as { id: number }).id;
    const kimEditor = new Editor(kimLink, kimLink.openBriefing(briefing.id)!);
    const leeEditor = new Editor(leeLink, leeLink.openBriefing(leeId)!);
    expect(texts(kimEditor.doc)).toEqual(['Seoul holds firm.', 'Tokyo says it was settled.']);
    await expect.poll(async () => (await kimEditor.ask()).state, { timeout: 10_000 }).toBe('online');

    // Kim types; Lee's editor has it within moments, without a round.
    const t = performance.now();
    const sent = await kimEditor.send(docOf('Seoul holds firm, for now.', 'Tokyo says it was settled.'), { anchor: 25, head: 25 });
    // The window's briefing list is told the new word count.
    expect(sent.meta).toMatchObject({ id: briefing.id, wordCount: 10 });
    await expect.poll(async () => texts((await leeEditor.ask(), leeEditor.doc)), { timeout: 5_000, interval: 10 }).toEqual(['Seoul holds firm, for now.', 'Tokyo says it was settled.']);
    expect(performance.now() - t).toBeLessThan(2_000);
    // Lee sees Kim, and Kim's cursor where Kim left it.
    await expect.poll(async () => (await leeEditor.ask()).peers, { timeout: 5_000 }).toEqual([{ name: kim.name, colour: expect.any(Number), anchor: 25, head: 25 }]);
    expect((await kimEditor.ask()).peers.map((p) => p.name)).toEqual([lee.name]);

    // Both type at once, each from the doc they had: both edits stay, in both editors and both libraries.
    await Promise.all([
      kimEditor.send(docOf('Monday: Seoul holds firm, for now.', 'Tokyo says it was settled.')),
      leeEditor.send(docOf('Seoul holds firm, for now.', 'Tokyo says it was settled in 2015.')),
    ]);
    const merged = ['Monday: Seoul holds firm, for now.', 'Tokyo says it was settled in 2015.'];
    await expect.poll(async () => [texts((await kimEditor.ask(), kimEditor.doc)), texts((await leeEditor.ask(), leeEditor.doc))], { timeout: 5_000 }).toEqual([merged, merged]);
    expect([stored(kim, uid), stored(lee, uid)]).toEqual([merged, merged]);

    // A wait is answered by a change, not by its time limit.
    const waiting = leeLink.exchange(leeEditor.view.session, { wait: true });
    const asked = performance.now();
    await kimEditor.send(docOf('Monday: Seoul holds firm, for now.', 'Tokyo says it was settled in 2015.', 'Talks resume Friday.'));
    const answer = await waiting;
    expect(performance.now() - asked).toBeLessThan(3_000);
    expect(texts(answer.doc)).toEqual([...merged, 'Talks resume Friday.']);

    // A deletion alone (nothing new in the document's state vector) reaches Lee too.
    await kimEditor.send(docOf(...merged));
    await expect.poll(async () => texts((await leeEditor.ask(), leeEditor.doc)), { timeout: 5_000, interval: 10 }).toEqual(merged);

    // The server goes: Kim's editor keeps saving, into Kim's library; once it is back, Lee has it.
    team.kill();
    await expect.poll(async () => (await kimEditor.ask()).state, { timeout: 10_000 }).toBe('offline');
    const offline = [...merged, 'Talks resume Friday, in Geneva.'];
    await kimEditor.send(docOf(...offline));
    expect(stored(kim, uid)).toEqual(offline);
    await team.start();
    await expect.poll(async () => texts((await leeEditor.ask(), leeEditor.doc)), { timeout: 20_000 }).toEqual(offline);
    expect(stored(lee, uid)).toEqual(offline);

    // The editors close; what they did is acknowledged, nothing waits, and a laptop that never had
    // it open gets the same briefing from the team, as does the team's document.
    kimLink.leave(kimEditor.view.session);
    leeLink.leave(leeEditor.view.session);
    await expect.poll(() => [kimLink.status().pending, leeLink.status().pending], { timeout: 20_000 }).toEqual([0, 0]);
    await max.team.sync();
    expect(stored(max, uid)).toEqual(offline);
    let onServer: string[] = [];
    await rawWrite(team.url, await team.members.add('Auditor', true), `briefing:${uid}`, (doc) => (onServer = texts(briefingOf(doc)!.doc.toJSON())));
    expect(onServer).toEqual(offline);
    for (const a of [kim, lee, max]) expect(a.lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 120_000);

  it('refuses a doc the schema does not allow and a session that is not one, and the briefing stays as it was', async () => {
    const team = await newTeamProcess();
    const kim = await analyst(team);
    const kimLink = link(kim);
    const briefing = kim.s.briefings.create({ title: 'Labor row' });
    kim.s.briefings.save(briefing.id, docOf('Seoul holds firm.'));
    const view = kimLink.openBriefing(briefing.id)!;
    await expect(kimLink.exchange(view.session, { doc: { type: 'doc', content: [{ type: 'no_such_node' }] } })).rejects.toThrow(/not saved/);
    await expect(kimLink.exchange(`${view.session.split('|')[0]}|nobody`, {})).rejects.toThrow(/open the briefing again/);
    await expect(kimLink.exchange('nothing', {})).rejects.toThrow(/open the briefing again/);
    expect(texts(kim.s.briefings.get(briefing.id).doc)).toEqual(['Seoul holds firm.']);
    kimLink.leave(view.session);

    // A token the server refuses: the window is told, in words, and what is typed is still saved here, with no busy asking.
    kim.team.join(team.url, 'vbt_not-a-member');
    const refused = kimLink.openBriefing(briefing.id)!;
    await expect.poll(async () => (await kimLink.exchange(refused.session, {})).state, { timeout: 10_000 }).toBe('refused');
    expect((await kimLink.exchange(refused.session, {})).message).toMatch(/refused this library.*saved on this computer/);
    await kimLink.exchange(refused.session, { doc: docOf('Seoul holds firm, alone.') });
    expect(texts(kim.s.briefings.get(briefing.id).doc)).toEqual(['Seoul holds firm, alone.']);
    const asked = performance.now();
    await kimLink.exchange(refused.session, { wait: true, selection: null });
    const waited = await Promise.race([kimLink.exchange(refused.session, { wait: true }).then(() => performance.now() - asked), new Promise<number>((r) => setTimeout(() => r(Infinity), 300))]);
    expect(waited).toBe(Infinity);
  }, 60_000);
});
