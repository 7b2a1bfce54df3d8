// The app's link to its team (main/sync/team-link.ts), for real: two libraries, each with the link
// the app keeps, and nobody asking for a sync. What one analyst does reaches the other by itself
// within a second or two, and a merge there is told here; the state says online, and nothing waits
// once it has gone; a server that goes away is said to be offline with what waits, and once it is
// back what waited goes by itself;
// a partition of a few seconds (tests/team/proxy.ts) heals with every change on every copy.
import { afterEach, describe, expect, it } from 'vitest';
import { TeamLink } from '../../main/sync/team-link';
import { actorNamed, analyst, newTeam, newTeamProcess, useTeams, type Analyst } from './teams';
import { startProxy } from './proxy';

interface JsonNode {
  type: string;
  content?: JsonNode[];
  text?: string;
}
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const paragraphs = (a: Analyst, id: number) => ((a.s.briefings.get(id).doc as JsonNode).content ?? []).map((n) => (n.content ?? []).map((t) => t.text).join(''));
/** Rewrites one paragraph of a briefing, as the editor's autosave would store it. */
function editParagraph(a: Analyst, id: number, index: number, change: (text: string) => string) {
  const texts = paragraphs(a, id);
  texts[index] = change(texts[index]!);
  a.s.briefings.save(id, { type: 'doc', content: texts.map(paragraph) });
}

useTeams();

const links: TeamLink[] = [];
afterEach(async () => {
  for (const l of links.splice(0)) await l.close();
});
const link = (lib: Parameters<typeof TeamLink.start>[0]) => {
  const l = TeamLink.start(lib, { offlineMs: 1_000, roundTimeoutMs: 10_000 });
  links.push(l);
  return l;
};

describe('the app’s link to its team', () => {
  it('carries what one analyst does to the other without anyone asking, and says offline, then online again, as the server goes and comes back', async () => {
    const team = await newTeamProcess();
    const [kim, lee] = [await analyst(team), await analyst(team)];
    const [kimLink, leeLink] = [link(kim.lib), link(lee.lib)];
    await expect.poll(() => [kimLink.status().state, leeLink.status().state], { timeout: 15_000 }).toEqual(['online', 'online']);

    // An actor, and an article with a quote: both on the other laptop, by themselves.
    const t = performance.now();
    kim.s.codebook.createActor({ name: 'Ambassador Quillfeather' });
    await expect.poll(() => actorNamed(lee, 'Ambassador Quillfeather'), { timeout: 10_000, interval: 20 }).toBeTruthy();
    const took = performance.now() - t;
    const article = await lee.s.importer.import({ file: 'seoul.txt', encoding: 'text', data: 'Seoul, Monday. “We will not yield,” said the minister.', title: 'Envoys meet' });
    lee.s.annotations.create({ articleId: article.id!, kind: 'quote', start: 16, end: 32 });
    await expect.poll(() => kim.lib.db.prepare(`SELECT count(*) AS n FROM annotations`).get(), { timeout: 10_000, interval: 20 }).toEqual({ n: 1 });
    await expect.poll(() => [kimLink.status().pending, leeLink.status().pending], { timeout: 10_000 }).toEqual([0, 0]);
    // Live, not at the next scheduled round (every 10 s).
    expect(took).toBeLessThan(5_000);

    // Kim merges an actor Lee holds: Lee's window is told, once.
    const duplicate = kim.s.codebook.createActor({ name: 'Amb. Quillfeather' });
    await expect.poll(() => actorNamed(lee, 'Amb. Quillfeather'), { timeout: 10_000, interval: 20 }).toBeTruthy();
    kim.s.codebook.mergeActors(duplicate.id, actorNamed(kim, 'Ambassador Quillfeather')!.id);
    await expect.poll(() => leeLink.status().notices.map((n) => n.text), { timeout: 10_000 }).toEqual(['A member of the team merged the actor “Amb. Quillfeather” into “Ambassador Quillfeather”; its coding follows it.']);

    // The server goes away: offline, with what waits, and the library works as ever.
    team.kill();
    kim.s.codebook.createActor({ name: 'Minister Vantablack' });
    await expect.poll(() => kimLink.status(), { timeout: 20_000 }).toMatchObject({ state: 'offline', pending: 1, message: expect.stringMatching(/could not be reached|was lost/) });
    expect(actorNamed(kim, 'Minister Vantablack')).toBeTruthy();
    await team.start();
    await expect.poll(() => kimLink.status(), { timeout: 20_000 }).toMatchObject({ state: 'online', pending: 0, message: null });
    await expect.poll(() => actorNamed(lee, 'Minister Vantablack'), { timeout: 20_000 }).toBeTruthy();
    for (const a of [kim, lee]) expect(a.lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 120_000);

  it('a partition of a few seconds: both sides keep working, and once it heals every copy holds every change, a briefing typed in on both sides included', async () => {
    const team = await newTeam();
    const proxy = await startProxy(team.url);
    try {
      // Kim reaches the server through a network that will fail; Lee directly.
      const [kim, lee] = [await analyst({ ...team, url: proxy.url }), await analyst(team)];
      const briefing = kim.s.briefings.create({ title: 'Labor row' });
      kim.s.briefings.save(briefing.id, { type: 'doc', content: [paragraph('Seoul holds firm.'), paragraph('Tokyo says it was settled.')] });
      const [kimLink, leeLink] = [link(kim.lib), link(lee.lib)];
      const uid = (kim.lib.db.prepare(`SELECT uid FROM briefings WHERE id = ?`).get(briefing.id) as { uid: string }).uid;
      const leeBriefing = () => lee.lib.db.prepare(`SELECT id FROM briefings WHERE uid = ?`).get(uid) as { id: number } | undefined;
      await expect.poll(() => leeBriefing(), { timeout: 15_000 }).toBeTruthy();

      proxy.cut();
      kim.s.codebook.createActor({ name: 'Ambassador Quillfeather' });
      editParagraph(kim, briefing.id, 0, (t) => `Monday: ${t}`);
      await expect.poll(() => kimLink.status().state, { timeout: 15_000 }).toBe('offline');
      lee.s.codebook.createActor({ name: 'Minister Vantablack' });
      editParagraph(lee, leeBriefing()!.id, 1, (t) => `${t} Talks resume Friday.`);
      await new Promise((r) => setTimeout(r, 3_000));
      // Still apart, each working.
      expect(actorNamed(lee, 'Ambassador Quillfeather')).toBeUndefined();
      expect(kimLink.status().pending).toBeGreaterThan(0);

      proxy.restore();
      await expect.poll(() => [kimLink.status().state, kimLink.status().pending, leeLink.status().pending], { timeout: 30_000 }).toEqual(['online', 0, 0]);
      await expect.poll(() => [Boolean(actorNamed(lee, 'Ambassador Quillfeather')), Boolean(actorNamed(kim, 'Minister Vantablack'))], { timeout: 20_000 }).toEqual([true, true]);
      const expected = ['Monday: Seoul holds firm.', 'Tokyo says it was settled. Talks resume Friday.'];
      await expect.poll(() => [paragraphs(kim, briefing.id), paragraphs(lee, leeBriefing()!.id)], { timeout: 20_000 }).toEqual([expected, expected]);
      for (const a of [kim, lee]) expect(a.lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await proxy.close();
    }
  }, 120_000);

  it('keeps its rounds going while a briefing is typed in live: the next briefing, a long one, reaches the other laptop and nothing is left waiting', async () => {
    const team = await newTeam();
    const [kim, lee] = [await analyst(team), await analyst(team)];
    const [kimLink, leeLink] = [link(kim.lib), link(lee.lib)];
    await expect.poll(() => [kimLink.status().state, leeLink.status().state], { timeout: 15_000 }).toEqual(['online', 'online']);
    // What the top bar would have said meanwhile: a round that hangs ends at its time limit as "offline".
    const said = new Set<string>();
    const watching = setInterval(() => [kimLink, leeLink].forEach((l) => said.add(l.status().state)), 20);
    const reached = (id: number) => {
      const uid = (kim.lib.db.prepare(`SELECT uid FROM briefings WHERE id = ?`).get(id) as { uid: string }).uid;
      return () => (lee.lib.db.prepare(`SELECT id FROM briefings WHERE uid = ?`).get(uid) as { id: number } | undefined)?.id;
    };
    const first = kim.s.briefings.create({ title: 'Typed together' });
    const theirs = await expect.poll(reached(first.id), { timeout: 15_000 }).toBeTruthy().then(() => reached(first.id)()!);
    const [kimSession, leeSession] = [kimLink.openBriefing(first.id)!.session, leeLink.openBriefing(theirs)!.session];
    let text = 'Talks';
    for (let i = 0; i < 30; i++) {
      text += 'abcdef'[i % 6];
      await kimLink.exchange(kimSession, { doc: { type: 'doc', content: [paragraph(text)] } });
      await new Promise((r) => setTimeout(r, 30));
    }
    await expect.poll(async () => paragraphs(lee, theirs)[0] ?? (await leeLink.exchange(leeSession, {})) ?? '', { timeout: 10_000 }).toBe(text);
    kimLink.leave(kimSession);
    leeLink.leave(leeSession);

    const long = kim.s.briefings.create({ title: 'Thirty pages' });
    const page = Array.from({ length: 10 }, (_, i) => paragraph(`Paragraph ${i}: ${'the delegation said the talks would resume after the holiday. '.repeat(6)}`));
    kim.s.briefings.save(long.id, { type: 'doc', content: Array.from({ length: 30 }, () => page).flat() });
    await expect.poll(reached(long.id), { timeout: 15_000 }).toBeTruthy();
    await expect.poll(() => [kimLink.status().state, kimLink.status().pending, leeLink.status().pending], { timeout: 15_000 }).toEqual(['online', 0, 0]);
    clearInterval(watching);
    expect([...said].sort()).toEqual(['online', 'syncing']);
  }, 120_000);

  it('says a library in no team is alone, and refuses a round until it joins', async () => {
    const team = await newTeamProcess();
    const kim = await analyst(team);
    kim.lib.db.prepare(`DELETE FROM team_settings`).run();
    const l = link(kim.lib);
    expect(l.status()).toMatchObject({ state: 'alone', url: null, message: null });
    await expect(l.syncNow()).rejects.toThrow(/not in a team yet/);
  });
});
