// The app's link to its team (main/sync/team-link.ts), for real: two libraries, each with the link
// the app keeps, and nobody asking for a sync. What one analyst does reaches the other by itself
// within a second or two; the state says online, and nothing waits once it has gone; a server that
// goes away is said to be offline with what waits, and once it is back what waited goes by itself.
import { afterEach, describe, expect, it } from 'vitest';
import { TeamLink } from '../../main/sync/team-link';
import { actorNamed, analyst, newTeamProcess, useTeams } from './teams';

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

    // The server goes away: offline, with what waits, and the library works as ever.
    team.kill();
    kim.s.codebook.createActor({ name: 'Minister Vantablack' });
    await expect.poll(() => kimLink.status(), { timeout: 20_000 }).toMatchObject({ state: 'offline', pending: 1, message: expect.stringMatching(/could not be reached|was lost/) });
    expect(actorNamed(kim, 'Minister Vantablack')).toBeTruthy();
    await team.start();
    await expect.poll(() => kimLink.status(), { timeout: 20_000 }).toMatchObject({ state: 'online', pending: 0, message: null });
    await expect.poll(() => actorNamed(lee, 'Minister Vantablack'), { timeout: 20_000 }).toBeTruthy();
    for (const a of [kim, lee]) expect(a.lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('says a library in no team is alone, and refuses a round until it joins', async () => {
    const team = await newTeamProcess();
    const kim = await analyst(team);
    kim.lib.db.prepare(`DELETE FROM team_settings`).run();
    const l = link(kim.lib);
    expect(l.status()).toMatchObject({ state: 'alone', url: null, message: null });
    await expect(l.syncNow()).rejects.toThrow(/not in a team yet/);
  });
});
