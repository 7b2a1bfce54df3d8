// Two analysts' libraries sharing one codebook through the team server, for real: separate library
// files, a throwaway PostgreSQL, Hocuspocus, and each library's TeamSync taking its rounds. What
// one codes reaches the other under the same uid; fields edited on both sides both survive; the
// same field ends the same everywhere; two records given one name offline are told apart by a
// fixed rule; a delete crosses; what waits in the outbox outlives closing the library; a wrong
// token leaves the library as it was.
import path from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../main/store/open';
import { createServices } from '../../main/services';
import { TeamSync } from '../../main/sync/team-sync';
import { actorNamed, analyst, codebook, newTeam, rounds, tempFolder, useTeams } from './teams';

useTeams();

describe('a codebook shared through the team server', () => {
  it('reaches the other analyst under the same uids, aliases, affiliations, topics and positions included', async () => {
    const team = await newTeam();
    const [kim, lee] = [await analyst(team), await analyst(team)];
    const ministry = kim.s.codebook.createActor({ name: 'Ministry of Labor', kind: 'organization' });
    kim.s.codebook.createActor({ name: 'Kim Jung Han', aliases: ['Minister Kim'], affiliations: [{ organizationId: ministry.id, role: 'minister' }] });
    const topic = kim.s.codebook.createTopic('Wartime labor');
    kim.s.codebook.createPosition(topic.id, 'Compensation is owed');
    expect(kim.team.status()).toMatchObject({ joined: true, pending: 4 });

    expect(await kim.team.sync()).toEqual({ sent: 4, received: 0, problems: [], notices: [], wanted: 0 });
    expect(kim.team.status().pending).toBe(0);
    expect(await lee.team.sync()).toMatchObject({ sent: 0, received: 4 });
    expect(codebook(lee)).toEqual(codebook(kim));
    expect(actorNamed(lee, 'Kim Jung Han')).toMatchObject({ aliases: ['Minister Kim'] });
    // Taken from the team, not made here: nothing goes back.
    expect(lee.team.status().pending).toBe(0);
  });

  it('keeps both analysts’ edits of different fields, and one value of a field both edited', async () => {
    const team = await newTeam();
    const [kim, lee] = [await analyst(team), await analyst(team)];
    const park = kim.s.codebook.createActor({ name: 'Park Envoy', notes: 'first' });
    await rounds(kim, lee);
    const theirs = actorNamed(lee, 'Park Envoy')!;
    // Offline, at the same time.
    kim.s.codebook.updateActor(park.id, { name: 'Park Seo-yeon', notes: 'Kim’s note' });
    lee.s.codebook.updateActor(theirs.id, { color: '#123456', notes: 'Lee’s note' });
    const notices = [...(await kim.team.sync()).notices, ...(await lee.team.sync()).notices, ...(await kim.team.sync()).notices];
    expect(codebook(kim)).toEqual(codebook(lee));
    const [a] = codebook(kim).actors as { name: string; color: string; notes: string }[];
    expect(a).toMatchObject({ name: 'Park Seo-yeon', color: '#123456' });
    expect(['Kim’s note', 'Lee’s note']).toContain(a!.notes);
    // Whoever's note lost is told so, once; the fields only one of them changed are nobody's loss.
    expect(notices).toEqual([`Your change to the notes of the actor “Park Seo-yeon” was superseded by a member of the team’s: it is now “${a!.notes}”.`]);
  });

  it('calls an edit superseded by what it was made without, however many rounds later that arrives, and not by an edit made having seen it', async () => {
    const team = await newTeam();
    const [kim, lee] = [await analyst(team), await analyst(team)];
    const park = kim.s.codebook.createActor({ name: 'Park Envoy', notes: 'first' });
    await rounds(kim, lee);
    const theirs = actorNamed(lee, 'Park Envoy')!;
    // Lee edits the notes on a plane; Kim edits them too, and syncs for days before Lee lands.
    lee.s.codebook.updateActor(theirs.id, { notes: 'Lee’s note from the plane' });
    kim.s.codebook.updateActor(park.id, { notes: 'Kim’s note' });
    const kimsNotices: string[] = [];
    for (let i = 0; i < 4; i++) kimsNotices.push(...(await kim.team.sync()).notices);
    const leesNotices = (await lee.team.sync()).notices;
    for (let i = 0; i < 2; i++) kimsNotices.push(...(await kim.team.sync()).notices);
    expect(codebook(kim)).toEqual(codebook(lee));
    const notes = (codebook(kim).actors as { notes: string }[])[0]!.notes;
    // One of the two lost, and only that one is told, though Lee's edit reached Kim five rounds after Kim's.
    const lost = `was superseded by a member of the team’s: it is now “${notes}”.`;
    expect([...kimsNotices, ...leesNotices]).toEqual([`Your change to the notes of the actor “Park Envoy” ${lost}`]);
    expect(notes === 'Kim’s note' ? leesNotices : kimsNotices).toHaveLength(1);

    // Now Lee, having seen Kim's notes, changes them at once: a later edit, nobody's loss.
    kim.s.codebook.updateActor(park.id, { notes: 'Kim again' });
    await rounds(kim, lee);
    expect(actorNamed(lee, 'Park Envoy')!.notes).toBe('Kim again');
    lee.s.codebook.updateActor(theirs.id, { notes: 'Lee, having read Kim' });
    await lee.team.sync();
    expect((await kim.team.sync()).notices).toEqual([]);
    expect(actorNamed(kim, 'Park Envoy')!.notes).toBe('Lee, having read Kim');
  });

  it('tells apart two records given one name offline, the same way on both copies', async () => {
    const team = await newTeam();
    const [kim, lee] = [await analyst(team), await analyst(team)];
    kim.s.codebook.createActor({ name: 'Choi Min' });
    lee.s.codebook.createActor({ name: 'Choi Min' });
    await rounds(kim, lee, kim);
    const names = (codebook(kim).actors as { uid: string; name: string }[]).map((x) => [x.uid, x.name]);
    expect(names).toEqual((codebook(lee).actors as { uid: string; name: string }[]).map((x) => [x.uid, x.name]));
    const [first, later] = names;
    expect(first![1]).toBe('Choi Min');
    expect(later![1]).toBe(`Choi Min (${later![0]!.slice(-4)})`);
  });

  it('carries a delete, and keeps what waits to be sent across closing the library', async () => {
    const team = await newTeam();
    const [kim, lee] = [await analyst(team), await analyst(team)];
    const topic = kim.s.codebook.createTopic('Export controls');
    await rounds(kim, lee);
    kim.s.codebook.deleteTopic(topic.id);
    lee.s.codebook.createTopic('Shipbuilding');
    // Lee's laptop is closed before it syncs: the change waits in the library file.
    await lee.reopen();
    expect(lee.team.status().pending).toBe(1);
    await rounds(kim, lee, kim);
    expect((codebook(kim).topics as { name: string }[]).map((t) => t.name)).toEqual(['Shipbuilding']);
    expect(codebook(lee)).toEqual(codebook(kim));
  });

  it('refuses a wrong token and an unreachable server in words, the library as it was', async () => {
    const team = await newTeam();
    const kim = await analyst(team);
    kim.s.codebook.createActor({ name: 'Unsent Actor' });
    const other = new TeamSync(kim.lib);
    other.join(team.url, 'vbt_not-a-real-token');
    await expect(other.sync(10_000)).rejects.toThrow(/refused this library: its token is wrong, revoked, or of another team/);
    other.join('ws://127.0.0.1:1', 'vbt_x');
    const t = performance.now();
    await expect(other.sync(20_000)).rejects.toThrow(/could not be reached; the library is unchanged and works offline/);
    // Said when the connection fails, not at the time limit.
    expect(performance.now() - t).toBeLessThan(10_000);
    expect(kim.team.status().pending).toBe(1);
    expect(actorNamed(kim, 'Unsent Actor')).toBeTruthy();
    expect(kim.lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('from the command line: join, status and sync', async () => {
    const { url, members } = await newTeam();
    const bin = fileURLToPath(new URL('../../bin/verbatim.js', import.meta.url));
    const dir = tempFolder();
    const db = path.join(dir, 'library.sqlite');
    // Not spawnSync: the team server runs in this process and must answer meanwhile.
    const verbatim = (...args: string[]) =>
      new Promise<{ status: number; stdout: string; stderr: string }>((resolve) =>
        execFile(process.execPath, [bin, '--db', db, ...args], { encoding: 'utf8' }, (err, stdout, stderr) => resolve({ status: err ? Number(err.code ?? 1) : 0, stdout, stderr })),
      );
    const seed = await openLibrary(db, { create: true });
    createServices(seed).codebook.createActor({ name: 'From The Terminal' });
    seed.close();
    expect((await verbatim('team', 'status')).stdout).toContain('Not in a team');
    expect(await verbatim('team', 'join', 'https://example.com', '--token', 'x')).toMatchObject({ status: 1, stderr: expect.stringContaining('is not a team server’s address') });
    const token = await members.add(`Terminal ${path.basename(dir)}`, false);
    expect(await verbatim('team', 'join', url, '--token', token)).toMatchObject({ status: 0, stdout: expect.stringContaining('1 codebook records will be shared') });
    expect(JSON.parse((await verbatim('team', 'status', '--json')).stdout)).toMatchObject({ joined: true, url, pending: 1, lastSync: null });
    expect(await verbatim('team', 'sync')).toMatchObject({ status: 0, stdout: expect.stringMatching(/^Sent 1 changed records; took \d+ from the team\.\n$/) });
    expect(JSON.parse((await verbatim('team', 'status', '--json')).stdout)).toMatchObject({ pending: 0, lastSync: expect.stringMatching(/^\d{4}-/) });
  });
});
