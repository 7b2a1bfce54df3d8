// Every shared record's global identity, beside its local integer id (issue 15): the id stays what
// the library's joins, the contract and the briefing nodes use on this laptop; the uid is what two
// laptops will agree on when a team shares one library. Articles are named by their text (two
// analysts importing the same article hold one record); everything else by a UUIDv7, which sorts by
// creation time and needs no coordination.
import { v7 } from 'uuid';

export const newUid = (): string => v7();

/** The tables whose rows carry a uid. */
export const UID_TABLES = ['articles', 'actors', 'topics', 'positions', 'annotations', 'briefings'] as const;

/**
 * An article's uid: its text hash, unless this library already holds a record by that name (a
 * trashed copy of the same text, kept apart from the live one): then the hash with a UUIDv7.
 */
export function articleUid(textHash: string, taken: (uid: string) => boolean): string {
  return taken(textHash) ? `${textHash}.${newUid()}` : textHash;
}

/** Whether an article already holds `uid`: asked on every import, so prepared once by its caller. */
export const UID_TAKEN_SQL = `SELECT 1 FROM articles WHERE uid = ?`;
