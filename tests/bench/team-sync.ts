// The team library over loopback (issue 15), on a throwaway PostgreSQL (Debian's postgresql;
// skipped with a note when it is not installed):
//   - the first sync of a 1,000-article library with its coding: the analyst who shares it, then a
//     second who joins and takes it all, beside a plain `pg_dump | psql` copy of the team's database
//     (the same data moved by PostgreSQL's own tools) as the peer;
//   - an annotation made in one library until it is in another, through one sync round each (there
//     is no live connection yet: this is the command line's path), beside an actor's rename the
//     same way (the codebook document alone), p95 of 30;
//   - the same through the app's link in each library (main/sync/team-link.ts): nobody asks for a
//     sync; the annotation is timed from its commit until the other library file holds it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { openLibrary, type Library } from '../../main/store/open';
import { createServices, type Services } from '../../main/services';
import { TeamSync } from '../../main/sync/team-sync';
import { TeamLink } from '../../main/sync/team-link';
import { startTeamServer } from '../../main/team/server';
import { MemberStore } from '../../main/team/members';
import { startCluster } from '../team/postgres';
import { generateArticles } from './corpus';
import { keystrokesBetweenRooms } from './team-room';
import { median, percentile, progress, round } from './stats';

export const TEAM_BUDGETS = { annotationToOtherLibraryP95Ms: 250 } as const;
const ARTICLES = 1_000;
const ROUNDS = 30;
const LONG_BRIEFING_PAGES = 30;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Member {
  lib: Library;
  s: Services;
  team: TeamSync;
}

const postgresTool = (name: string) => {
  const root = '/usr/lib/postgresql';
  const version = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a))[0]!;
  return path.join(root, version, 'bin', name);
};

export async function benchTeamSync(dir: string) {
  if (!fs.existsSync('/usr/lib/postgresql')) return { skipped: 'PostgreSQL is not installed (apt-get install postgresql)' };
  progress(`team: a ${ARTICLES}-article library shared through the team server…`);
  const cluster = await startCluster();
  const admin = new pg.Pool({ connectionString: cluster.url, max: 1 });
  await admin.query('CREATE DATABASE team');
  await admin.query('CREATE DATABASE team_copy');
  const teamUrl = cluster.url.replace(/\/[^/]*$/, '/team');
  const pool = new pg.Pool({ connectionString: teamUrl, max: 4 });
  const server = await startTeamServer({ pool });
  const members = new MemberStore(pool);
  const url = `ws://127.0.0.1:${server.port}`;
  const opened: Library[] = [];
  const member = async (name: string, options?: ConstructorParameters<typeof TeamSync>[1]): Promise<Member> => {
    const lib = await openLibrary(path.join(dir, `${name}.sqlite`), { create: true });
    opened.push(lib);
    const team = new TeamSync(lib, options);
    team.join(url, await members.add(name, false));
    return { lib, s: createServices(lib), team };
  };
  try {
    const kim = await member('kim');
    const actors = Array.from({ length: 100 }, (_, i) => kim.s.codebook.createActor({ name: `Speaker ${i}` }));
    const articleIds: number[] = [];
    for (const a of generateArticles(ARTICLES)) {
      const r = await kim.s.importer.import({ file: 'article.txt', encoding: 'text', data: a.text, title: a.title, outlet: a.outlet, publishedAt: a.publishedAt });
      const start = a.text.indexOf(' ') + 1;
      kim.s.annotations.create({ articleId: r.id!, kind: 'quote', start, end: start + 20, speakerId: actors[articleIds.length % actors.length]!.id });
      articleIds.push(r.id!);
    }
    let t = performance.now();
    const shared = await kim.team.sync(600_000);
    const shareMs = performance.now() - t;
    // Rounds until nothing is still to fetch (a few hundred articles a round), as `verbatim team sync` does.
    const lee = await member('lee');
    let rounds = 0;
    t = performance.now();
    const taken = await lee.team.catchUp(600_000, () => rounds++);
    const takeMs = performance.now() - t;
    // The same, a document at a time, as the rounds took them before they took eight at once.
    const one = await member('one', { atOnce: 1 });
    t = performance.now();
    await one.team.catchUp(600_000);
    const oneAtATimeMs = performance.now() - t;
    const count = (m: Member) => m.lib.db.prepare(`SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM annotations) AS annotations, (SELECT count(*) FROM actors) AS actors`).get();
    const libraries = { kim: count(kim), lee: count(lee), one: count(one) };
    // Once the server has stored its documents (it waits for a pause in changes).
    await new Promise((r) => setTimeout(r, 3_000));
    const teamMB = (await pool.query<{ size: string }>(`SELECT pg_database_size('team') AS size`)).rows[0]!.size;
    t = performance.now();
    execFileSync('bash', ['-c', `set -o pipefail; ${postgresTool('pg_dump')} -d ${teamUrl} | ${postgresTool('psql')} -q -d ${teamUrl}_copy`], { stdio: ['ignore', 'ignore', 'inherit'] });
    const dumpMs = performance.now() - t;

    progress(`team: ${ROUNDS} annotations and renames from one library to the other, a sync round each…`);
    const annotation: number[] = [];
    const rename: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const articleId = articleIds[i]!;
      const text = kim.s.library.read(articleId).text;
      t = performance.now();
      const start = text.indexOf(' ', 30) + 1;
      const n = kim.s.annotations.create({ articleId, kind: 'paraphrase', start, end: start + 12 });
      await kim.team.sync();
      await lee.team.sync();
      const uid = (kim.lib.db.prepare(`SELECT uid FROM annotations WHERE id = ?`).get(n.id) as { uid: string }).uid;
      if (!lee.lib.db.prepare(`SELECT 1 FROM annotations WHERE uid = ?`).get(uid)) throw new Error('the annotation did not arrive');
      annotation.push(performance.now() - t);

      t = performance.now();
      kim.s.codebook.updateActor(actors[i]!.id, { name: `Speaker ${i} renamed` });
      await kim.team.sync();
      await lee.team.sync();
      rename.push(performance.now() - t);
    }
    progress(`team: ${ROUNDS} annotations from one app to another through the app’s link (no one asking for a sync)…`);
    const live: number[] = [];
    let roomEcho: number[] = [];
    let longRoomEcho: number[] = [];
    const links = [TeamLink.start(kim.lib), TeamLink.start(lee.lib)];
    try {
      const deadline = performance.now() + 30_000;
      while (links.some((l) => l.status().state !== 'online')) {
        if (performance.now() > deadline) throw new Error('the app’s link did not come online');
        await sleep(20);
      }
      const arrived = lee.lib.db.prepare<[string], { n: number }>(`SELECT 1 AS n FROM annotations WHERE uid = ?`);
      for (let i = 0; i < ROUNDS; i++) {
        const articleId = articleIds[ROUNDS + i]!;
        const text = kim.s.library.read(articleId).text;
        const start = text.indexOf(' ', 30) + 1;
        const t0 = performance.now();
        const n = kim.s.annotations.create({ articleId, kind: 'paraphrase', start, end: start + 12 });
        const uid = (kim.lib.db.prepare(`SELECT uid FROM annotations WHERE id = ?`).get(n.id) as { uid: string }).uid;
        while (!arrived.get(uid)) {
          if (performance.now() - t0 > 30_000) throw new Error('the annotation did not arrive through the link');
          await sleep(2);
        }
        live.push(performance.now() - t0);
        // An analyst codes a quote every few seconds at most; let the rounds settle between them.
        await sleep(500);
      }
      progress('team: keystrokes in a briefing open in both apps (their rooms)…');
      roomEcho = await keystrokesBetweenRooms({ ...kim, link: links[0]! }, { ...lee, link: links[1]! });
      progress('team: the same keystrokes at the top of a 30-page briefing…');
      longRoomEcho = await keystrokesBetweenRooms({ ...kim, link: links[0]! }, { ...lee, link: links[1]! }, LONG_BRIEFING_PAGES);
    } finally {
      for (const l of links) await l.close();
    }
    const liveP95 = percentile(live, 95);
    const annotationP95 = percentile(annotation, 95);
    return {
      budgets: TEAM_BUDGETS,
      firstSync: {
        articles: ARTICLES,
        shareMs: round(shareMs),
        shared,
        joinAndTakeMs: round(takeMs),
        rounds: rounds + 1,
        oneDocumentAtATimeMs: round(oneAtATimeMs),
        taken: { ...taken, problems: taken.problems.length },
        libraries,
        teamDatabaseMB: round(Number(teamMB) / 2 ** 20, 1),
        peer: { what: 'pg_dump | psql of the team database', ms: round(dumpMs) },
        takeToPeerRatio: round(takeMs / dumpMs, 2),
      },
      annotationToOtherLibrary: { how: 'one sync round in each library, from the command line', p95Ms: round(annotationP95), medianMs: round(median(annotation)) },
      annotationThroughAppLink: { how: 'the app’s link in each library (main/sync/team-link.ts), nobody asking for a sync', p95Ms: round(liveP95), medianMs: round(median(live)), maxMs: round(Math.max(...live)) },
      keystrokeBetweenOpenBriefings: {
        how: 'one editor’s session sends its doc with one more character to its room; the other editor’s session, waiting in its room, is answered with it (main/sync/briefing-room.ts; the window’s IPC or HTTP hop left out)',
        p95Ms: round(percentile(roomEcho, 95)),
        medianMs: round(median(roomEcho)),
        maxMs: round(Math.max(...roomEcho)),
        peer: 'teamTyping.keystrokeEcho: the same keystrokes between two bare Yjs clients',
      },
      keystrokeInLongBriefing: {
        how: `the same, at the top of a briefing of ${LONG_BRIEFING_PAGES} more pages (about 500 words a page): each exchange puts the whole doc into the room's mirror and writes the whole row`,
        pages: LONG_BRIEFING_PAGES,
        p95Ms: round(percentile(longRoomEcho, 95)),
        medianMs: round(median(longRoomEcho)),
        maxMs: round(Math.max(...longRoomEcho)),
        peer: 'keystrokeBetweenOpenBriefings, a one-paragraph briefing, in the same run',
      },
      peer: { what: 'an actor’s rename the same way', p95Ms: round(percentile(rename, 95)), medianMs: round(median(rename)) },
      met: annotationP95 <= TEAM_BUDGETS.annotationToOtherLibraryP95Ms && liveP95 <= TEAM_BUDGETS.annotationToOtherLibraryP95Ms,
    };
  } finally {
    for (const lib of opened) lib.close();
    await server.close();
    await pool.end();
    await admin.end();
    cluster.stop();
  }
}

// `node --import tsx tests/bench/team-sync.ts` runs this part alone.
if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-bench-team-'));
  try {
    process.stdout.write(`${JSON.stringify(await benchTeamSync(dir), null, 2)}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
