// The team library when processes die (issue 15): kill -9 of `verbatim team sync` at several
// moments, and kill -9 of the team server with saves pending. After each, the library file checks
// out (SQLite and its search index), and once the processes are back every copy holds the same
// records: nothing committed or acknowledged is lost.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { analyst, codebook, newTeam, newTeamProcess, useTeams, type Analyst } from './teams';

useTeams();

const bin = fileURLToPath(new URL('../../bin/verbatim.js', import.meta.url));

/** Runs the CLI on a library; with `killAfterMs`, kill -9 it then. Resolves with its exit code (null when killed). */
function verbatim(file: string, args: string[], killAfterMs?: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, '--db', file, ...args]);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

/** SQLite's own check and the full-text indexes' of a library file, opened as a second process would. */
function checksOut(file: string): void {
  const db = new Database(file);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    for (const fts of ['articles_fts', 'annotations_fts', 'actors_fts']) db.prepare(`INSERT INTO ${fts} (${fts}) VALUES ('integrity-check')`).run();
  } finally {
    db.close();
  }
}

const counts = (a: Analyst) => a.lib.db.prepare(`SELECT (SELECT count(*) FROM actors) AS actors, (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM annotations) AS annotations`).get();

async function codedLibrary(a: Analyst, actors: number, quotes: number) {
  for (let i = 0; i < actors; i++) a.s.codebook.createActor({ name: `Envoy ${i}` });
  const text = Array.from({ length: quotes }, (_, i) => `Paragraph ${i}: “We will not yield,” said Envoy ${i}.`).join('\n\n');
  const { id } = await a.s.importer.import({ file: 'long.txt', encoding: 'text', data: text, title: 'Talks' });
  let at = 0;
  for (let i = 0; i < quotes; i++) {
    const start = text.indexOf('We will not yield', at);
    a.s.annotations.create({ articleId: id!, kind: 'quote', start, end: start + 'We will not yield'.length });
    at = start + 1;
  }
}

describe('the team library when processes die', () => {
  it('kill -9 of a sync at any moment loses nothing committed; the next sync completes it', async () => {
    const team = await newTeam();
    const kim = await analyst(team);
    await codedLibrary(kim, 300, 100);
    kim.lib.close();
    // Every 150 ms across the life of a sync process (starting, opening, exchanging, writing).
    for (let ms = 150; ms <= 1_800; ms += 150) {
      await verbatim(kim.file, ['team', 'sync'], ms);
      checksOut(kim.file);
    }
    const done = await verbatim(kim.file, ['team', 'sync']);
    expect(done).toMatchObject({ code: 0 });
    await kim.reopen();
    expect(kim.team.status().pending).toBe(0);

    const lee = await analyst(team);
    await lee.team.sync();
    expect(counts(lee)).toEqual({ actors: 300, articles: 1, annotations: 100 });
    expect(codebook(lee)).toEqual(codebook(kim));
    checksOut(lee.file);
  }, 120_000);

  it('kill -9 of the server: a sync under way says so, the library as it was; what the server lost is sent again', async () => {
    const team = await newTeamProcess();
    const [kim, lee] = [await analyst(team), await analyst(team)];
    await codedLibrary(kim, 50, 20);
    await kim.team.sync();
    // At once, before the server has stored its documents (it waits for a pause in changes).
    team.kill();
    await team.start();

    // A sync the server dies under.
    kim.s.codebook.createActor({ name: 'Late Envoy' });
    const underway = kim.team.sync(4_000);
    setTimeout(() => team.kill(), 50);
    // Said as the connection drops (or, had the server frozen instead, at the time limit).
    await expect(underway).rejects.toThrow(/was lost; what it had not acknowledged is sent again at the next sync|could not be reached|did not answer within 4 s; the library is unchanged and works offline|refused/);
    expect(kim.team.status().pending).toBe(1);
    checksOut(kim.file);

    await team.start();
    await kim.team.sync();
    await lee.team.sync();
    expect(counts(lee)).toEqual({ actors: 51, articles: 1, annotations: 20 });
    expect(codebook(lee)).toEqual(codebook(kim));
  }, 120_000);
});
