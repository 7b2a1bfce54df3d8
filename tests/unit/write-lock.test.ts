// Writes while another connection holds the library's write lock: they wait their turn on a timer,
// and past their patience are refused with `busy` in plain words, having changed nothing.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../main/errors';
import { retryWhileBusy, writeTransaction } from '../../main/store/write-lock';
import { tempLibrary } from './helpers';
import { briefingDoc, docText } from '../reliability/support';

/** Another process's connection, holding the write lock until released. */
function holdWriteLock(file: string) {
  const other = new Database(file);
  other.exec('BEGIN IMMEDIATE');
  return () => {
    other.exec('ROLLBACK');
    other.close();
  };
}

describe('the write lock', () => {
  it('a call waits while another connection writes, then goes through', async () => {
    const { lib, router, services } = await tempLibrary();
    const b = services.briefings.create({ title: 'Locked out' });
    const release = holdWriteLock(lib.path);
    // Longer than the connection's own wait (busy_timeout), so only the retry gets it through.
    setTimeout(release, 600);
    const r = await router('briefings.save', { id: b.id, doc: briefingDoc('Saved after the other writer.'), baseVersion: b.version });
    expect(r).toMatchObject({ ok: true });
    expect(docText(services.briefings.get(b.id).doc)).toBe('Saved after the other writer.');
  });

  it('past its patience, a write is refused as busy, in words, and nothing is written', async () => {
    const { lib, services } = await tempLibrary();
    const b = services.briefings.create({ title: 'Locked out' });
    const release = holdWriteLock(lib.path);
    try {
      const err = await retryWhileBusy(() => services.briefings.save(b.id, briefingDoc('Never saved.')), 300).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: 'busy', message: expect.stringMatching(/another Verbatim window or command .* Nothing was changed/) });
    } finally {
      release();
    }
    expect(services.briefings.get(b.id).version).toBe(b.version);
  });

  it('only the failure to start the transaction is retried; other errors pass straight through', async () => {
    const { lib } = await tempLibrary();
    let runs = 0;
    await expect(
      retryWhileBusy(() =>
        writeTransaction(lib.db, () => {
          runs++;
          throw new Error('a bug');
        }),
      ),
    ).rejects.toThrow('a bug');
    expect(runs).toBe(1);
  });
});
