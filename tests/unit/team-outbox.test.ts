// The outbox of a library in a team (migrations 15 and 16): every change to a shared record names
// it, in the same transaction, whatever made the change; nothing is recorded before the library
// joins a team (joining queues everything), nor while the team's own changes are written; a
// change made while an earlier one is on its way is not cleared with it.
import { describe, expect, it } from 'vitest';
import { TeamRecordStore } from '../../main/store/team-records';
import { paste, tempLibrary } from './helpers';

describe('the team outbox', () => {
  it('names each shared record a change touches, once a library is in a team', async () => {
    const t = await tempLibrary();
    const s = t.services;
    const store = new TeamRecordStore(t.lib.db);
    const kim = s.codebook.createActor({ name: 'Kim Jung Han' });
    expect(store.outbox()).toEqual([]);

    store.setSetting('url', 'ws://127.0.0.1:1');
    store.queueAll();
    const uid = (table: string, id: number) => (t.lib.db.prepare(`SELECT uid FROM ${table} WHERE id = ?`).get(id) as { uid: string }).uid;
    expect(store.outbox()).toEqual([{ kind: 'actor', uid: uid('actors', kim.id), version: 1 }]);
    store.clearOutbox(store.outbox());

    const ministry = s.codebook.createActor({ name: 'Ministry of Labor', kind: 'organization' });
    s.codebook.updateActor(kim.id, { aliases: ['Minister Kim'], affiliations: [{ organizationId: ministry.id, role: null }] });
    const topic = s.codebook.createTopic('Wartime labor');
    const position = s.codebook.createPosition(topic.id, 'Compensation is owed');
    const duplicate = s.codebook.createPosition(topic.id, 'Compensation is due');
    const [positionUid, duplicateUid] = [uid('positions', position.id), uid('positions', duplicate.id)];
    s.codebook.mergePositions(duplicate.id, position.id);
    const article = await s.importer.import(paste('Seoul, Monday. “We will not yield,” said Kim Jung Han.'));
    const start = 'Seoul, Monday. “'.length;
    const quote = s.annotations.create({ articleId: article.id!, kind: 'quote', start, end: start + 'We will not yield'.length, speakerId: kim.id });
    const articleUid = uid('articles', article.id!);
    const outbox = () => store.outbox().map((e) => `${e.kind} ${e.uid}`).sort();
    expect(outbox()).toEqual(
      [
        `actor ${uid('actors', kim.id)}`,
        `actor ${uid('actors', ministry.id)}`,
        `topic ${uid('topics', topic.id)}`,
        `position ${positionUid}`,
        `position ${duplicateUid}`,
        `redirect position:${duplicateUid}`,
        `article ${articleUid}`,
        `annotation ${articleUid}/${uid('annotations', quote.id)}`,
      ].sort(),
    );

    // A coding names its annotation; a second change to a record bumps its entry, which an
    // acknowledgement of the first then leaves in place.
    const before = store.outbox().find((e) => e.kind === 'annotation')!;
    s.annotations.update({ id: quote.id, positions: [{ positionId: position.id, stance: 'supports' }] });
    store.clearOutbox([before]);
    expect(store.outbox().find((e) => e.kind === 'annotation')).toMatchObject({ version: before.version + 1 });

    // The team's own changes are not sent back.
    store.clearOutbox(store.outbox());
    t.lib.db.transaction(() => store.applying(() => s.codebook.createTopic('From the team')))();
    expect(store.outbox()).toEqual([]);
  });
});
