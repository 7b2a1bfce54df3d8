// Random interleavings (fast-check): three analysts make random changes to a shared codebook and
// article (create, rename, recolour, delete and merge actors; quote, comment on, trash and restore
// annotations), each syncing at random moments. Once everyone has synced in turn, every copy holds
// the same records, and each library checks out.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyst, codebook, newTeam, useTeams, type Analyst } from './teams';

useTeams();

const TEXT = Array.from({ length: 12 }, (_, i) => `Paragraph ${i}: “We will not yield,” said the envoy.`).join('\n\n');

type Op =
  | { who: number; op: 'create'; name: number }
  | { who: number; op: 'rename' | 'recolour' | 'delete'; pick: number; name: number }
  | { who: number; op: 'merge'; pick: number; into: number }
  | { who: number; op: 'quote'; paragraph: number; speaker: number }
  | { who: number; op: 'comment' | 'trash' | 'restore'; pick: number; name: number }
  | { who: number; op: 'sync' };

const who = fc.integer({ min: 0, max: 2 });
const n = fc.nat({ max: 50 });
/** Few names, so two analysts often give two records one name offline. */
const name = fc.nat({ max: 4 });
const ops = fc.array(
  fc.oneof(
    fc.record({ who, op: fc.constant('create' as const), name }),
    fc.record({ who, op: fc.constantFrom('rename' as const, 'recolour' as const, 'delete' as const), pick: n, name }),
    fc.record({ who, op: fc.constant('merge' as const), pick: n, into: n }),
    fc.record({ who, op: fc.constant('quote' as const), paragraph: fc.nat({ max: 11 }), speaker: n }),
    fc.record({ who, op: fc.constantFrom('comment' as const, 'trash' as const, 'restore' as const), pick: n, name: n }),
    fc.record({ who, op: fc.constant('sync' as const) }),
  ),
  { minLength: 5, maxLength: 25 },
);

/** Applies one change; one the library refuses (a name taken, an actor in use) is a refusal an analyst would get, not a failure. */
async function apply(a: Analyst, articleId: number, o: Op): Promise<void> {
  const actors = a.s.codebook.listActors();
  const actor = (k: number) => actors[k % Math.max(1, actors.length)];
  const notes = a.s.annotations.list(articleId);
  const note = (k: number) => notes[k % Math.max(1, notes.length)];
  try {
    switch (o.op) {
      case 'create':
        a.s.codebook.createActor({ name: `Envoy ${o.name}` });
        return;
      case 'rename':
        if (actor(o.pick)) a.s.codebook.updateActor(actor(o.pick)!.id, { name: `Envoy ${o.name}` });
        return;
      case 'recolour':
        if (actor(o.pick)) a.s.codebook.updateActor(actor(o.pick)!.id, { color: `#0000${String(o.name).padStart(2, '0')}` });
        return;
      case 'delete':
        if (actor(o.pick)) a.s.codebook.deleteActor(actor(o.pick)!.id, true);
        return;
      case 'merge': {
        const [from, into] = [actor(o.pick), actor(o.into)];
        if (from && into && from.id !== into.id) a.s.codebook.mergeActors(from.id, into.id);
        return;
      }
      case 'quote': {
        const start = TEXT.indexOf(`Paragraph ${o.paragraph}:`);
        a.s.annotations.create({ articleId, kind: 'quote', start, end: start + `Paragraph ${o.paragraph}`.length, speakerId: actor(o.speaker)?.id ?? null });
        return;
      }
      case 'comment':
        if (note(o.pick)) a.s.annotations.update({ id: note(o.pick)!.id, comment: `note ${o.name}` });
        return;
      case 'trash':
        if (note(o.pick)) a.s.annotations.delete(note(o.pick)!.id);
        return;
      case 'restore': {
        const trashed = a.lib.db.prepare(`SELECT id FROM annotations WHERE deleted_at IS NOT NULL`).all() as { id: number }[];
        if (trashed.length) a.s.annotations.restore(trashed[o.pick % trashed.length]!.id);
        return;
      }
      case 'sync':
        await a.team.sync();
        return;
    }
  } catch (err) {
    if (!/already|in use|not found|does not exist|in the trash|conflict/i.test((err as Error).message)) throw err;
  }
}

const coding = (a: Analyst) =>
  a.lib.db
    .prepare(`SELECT n.uid, n.start, n."end", n.comment, n.deleted_at IS NOT NULL AS trashed, s.uid AS speaker FROM annotations n LEFT JOIN actors s ON s.id = n.speaker_id ORDER BY n.uid`)
    .all();

describe('random interleavings of three analysts’ changes and syncs', () => {
  it('end with every copy holding the same records', async () => {
    await fc.assert(
      fc.asyncProperty(ops, async (plan) => {
        const team = await newTeam();
        const analysts = [await analyst(team), await analyst(team), await analyst(team)];
        const { id } = await analysts[0]!.s.importer.import({ file: 'talks.txt', encoding: 'text', data: TEXT, title: 'Talks' });
        await analysts[0]!.team.sync();
        for (const a of analysts.slice(1)) await a.team.sync();
        const articleIds = analysts.map((a) => (a.lib.db.prepare(`SELECT id FROM articles`).get() as { id: number }).id);
        expect(articleIds[0]).toBe(id);
        for (const o of plan) await apply(analysts[o.who]!, articleIds[o.who]!, o);
        // Everyone in turn, twice: the first pass gathers every change on the server, the second hands them out.
        for (let pass = 0; pass < 2; pass++) for (const a of analysts) await a.team.sync();
        const [first, ...rest] = analysts.map((a) => ({ codebook: codebook(a), coding: coding(a) }));
        for (const other of rest) expect(other).toEqual(first);
        for (const a of analysts) expect(a.lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
      }),
      { numRuns: 20 },
    );
  }, 300_000);
});
