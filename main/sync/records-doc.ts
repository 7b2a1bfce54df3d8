// The team's records in Yjs documents: one map per kind of record (in the codebook: actors,
// topics, positions, merge redirects; in an article's document: the article and its annotations),
// each record a map of its fields under its uid. Every field is a register of its
// own, so two analysts editing different fields of one actor both keep their edit, and the same
// field edited twice ends the same on every copy (Yjs orders concurrent writes by client). A
// deleted record stays as a tombstone (`deleted`), so an edit that crosses the delete cannot bring
// it back by accident, while an undone merge, which restores the record with its uid, can.
import * as Y from 'yjs';
import type { Fields, RecordKind } from '../store/team-records';

const MAPS: Record<RecordKind, string> = { actor: 'actors', topic: 'topics', position: 'positions', redirect: 'redirects', article: 'articles', annotation: 'annotations', rejection: 'rejections' };
const DELETED = 'deleted';

type Field = string | number | null | boolean;

const records = (doc: Y.Doc, kind: RecordKind) => doc.getMap<Y.Map<Field>>(MAPS[kind]);

/** Puts a record as the library holds it (null: deleted) into the doc, setting only the fields that differ; returns those fields. */
export function putRecord(doc: Y.Doc, kind: RecordKind, uid: string, fields: Fields | null): string[] {
  const all = records(doc, kind);
  let record = all.get(uid);
  if (!fields) {
    if (record && record.get(DELETED) !== true) record.set(DELETED, true);
    return [];
  }
  if (!record) {
    record = new Y.Map<Field>();
    all.set(uid, record);
  }
  const changed: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (record.get(key) === value) continue;
    record.set(key, value);
    changed.push(key);
  }
  if (record.get(DELETED) === true) record.set(DELETED, false);
  return changed;
}

/** A record's fields as the doc holds them; null when it is deleted there or was never shared. */
export function recordOf(doc: Y.Doc, kind: RecordKind, uid: string): Fields | null {
  const record = records(doc, kind).get(uid);
  if (!(record instanceof Y.Map) || record.get(DELETED) === true) return null;
  const fields: Fields = {};
  record.forEach((value, key) => {
    if (key !== DELETED) fields[key] = typeof value === 'string' || typeof value === 'number' ? value : null;
  });
  return fields;
}

/** Calls `changed(kind, uid)` for each record of `kinds` a transaction of another origin than `own` touched. */
export function observeRecords(doc: Y.Doc, kinds: readonly RecordKind[], isOwn: (origin: unknown) => boolean, changed: (kind: RecordKind, uid: string) => void): void {
  for (const kind of kinds) {
    records(doc, kind).observeDeep((events, transaction) => {
      if (isOwn(transaction.origin)) return;
      for (const event of events) {
        // A field of a record (the path is its uid), or records added to or removed from the kind's map.
        if (event.path.length) changed(kind, String(event.path[0]));
        else for (const uid of event.changes.keys.keys()) changed(kind, uid);
      }
    });
  }
}

/**
 * What each live actor, topic or position of the document is called in a library: its name, unless
 * a record with a smaller uid (UUIDv7: made earlier) of the same name (case aside; a position's
 * within its topic) is live too, when it carries its uid's last four characters. It follows from
 * the document alone, so every copy names records alike whatever order they arrived in.
 */
export function displayNames(doc: Y.Doc, kind: 'actor' | 'topic' | 'position'): Map<string, string> {
  const field = kind === 'position' ? 'claim' : 'name';
  const groups = new Map<string, { uid: string; name: string }[]>();
  records(doc, kind).forEach((record, uid) => {
    if (!(record instanceof Y.Map) || record.get(DELETED) === true) return;
    // A name that is not one (from a client that wrote something else) is shown as the library would name it.
    const given = record.get(field);
    const name = typeof given === 'string' && given.trim() ? given : UNNAMED[kind];
    const key = `${kind === 'position' ? `${String(record.get('topic'))}|` : ''}${name.toLowerCase()}`;
    const group = groups.get(key) ?? [];
    group.push({ uid, name });
    groups.set(key, group);
  });
  const names = new Map<string, string>();
  for (const group of groups.values()) {
    group.sort((a, b) => (a.uid < b.uid ? -1 : 1));
    group.forEach((r, i) => names.set(r.uid, i === 0 ? r.name : withUid(r.name, r.uid)));
  }
  return names;
}

const UNNAMED = { actor: 'Unnamed actor', topic: 'Unnamed topic', position: 'Unstated position' } as const;

const withUid = (name: string, uid: string) => `${name} (${uid.slice(-4)})`;

/**
 * A record as the library holds it, in the document's terms: a name the library shows with its
 * uid's characters (`displayNames`) is the document's name, not an edit of it.
 */
export function asShared(doc: Y.Doc, kind: RecordKind, uid: string, fields: Fields | null): Fields | null {
  if (!fields || (kind !== 'actor' && kind !== 'topic' && kind !== 'position')) return fields;
  const field = kind === 'position' ? 'claim' : 'name';
  const shared = records(doc, kind).get(uid)?.get(field);
  return typeof shared === 'string' && fields[field] === withUid(shared, uid) ? { ...fields, [field]: shared } : fields;
}

/** Where a field's current value was written: the Yjs item holding it, by its id; undefined when the record or field is not there. */
export function fieldWrite(doc: Y.Doc, kind: RecordKind, uid: string, field: string): Y.ID | undefined {
  const record = records(doc, kind).get(uid);
  return record instanceof Y.Map ? record._map.get(field)?.id : undefined;
}

/**
 * Whether the field's current value was written by someone who had seen the write `earlier`:
 * Yjs places each write to a map's field after the value its writer saw there (the item's
 * origin), so walking back from the current value through what each writer saw meets `earlier`
 * exactly when it was seen. A write made without seeing it (concurrently, offline) never meets it.
 */
export function writtenAfter(doc: Y.Doc, kind: RecordKind, uid: string, field: string, earlier: Y.ID): boolean {
  const record = records(doc, kind).get(uid);
  let item: Y.Item | undefined = record instanceof Y.Map ? record._map.get(field) : undefined;
  if (!item || Y.compareIDs(item.id, earlier)) return false;
  for (let seen = item.origin; seen; seen = item.origin) {
    if (Y.compareIDs(seen, earlier)) return true;
    const struct = Y.getItem(doc.store, seen);
    if (!(struct instanceof Y.Item)) return false;
    item = struct;
  }
  return false;
}
