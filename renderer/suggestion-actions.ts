// Accepting and rejecting suggested attributions through the contract, each an entry in the
// session's undo history: undoing an accept trashes the annotation it made (and deletes the actor
// it created, unless the analyst has coded that actor elsewhere since); undoing a reject takes the
// rejection back.
import type { Actor, Annotation, AnnotationPosition, AnnotationKind } from '../shared/model';
import { call } from './api';
import type { UndoHistory } from './undo';

/** What the analyst may change before accepting: the kind, the speaker, and the coding. */
export interface AcceptFields {
  kind?: AnnotationKind;
  /** A codebook actor in place of the suggested speaker; null leaves the annotation without one. */
  speakerId?: number | null;
  /** A new actor in place of the suggested speaker (created with the mention as an alias). */
  speakerName?: string;
  positions?: AnnotationPosition[];
  comment?: string | null;
  tags?: string[];
}

export interface Accepted {
  annotation: Annotation;
  createdActor: Actor | null;
}

/** One accept as undo and redo see it: redo accepts again, so its ids change. */
interface AcceptRecord {
  articleId: number;
  key: string;
  fields: AcceptFields;
  result: Accepted;
}

async function acceptOnce(articleId: number, key: string, fields: AcceptFields): Promise<Accepted> {
  return call('suggestions.accept', { articleId, key, ...fields });
}

/**
 * Takes an accept back. The actor it created goes too, but only while nothing else needs it: a
 * quote coded since with that speaker, or an actor affiliated with it, keeps it in the codebook.
 */
async function undoAccept(record: AcceptRecord): Promise<void> {
  await call('annotations.delete', { id: record.result.annotation.id });
  const created = record.result.createdActor;
  if (!created) return;
  const actors = await call('actors.list', {});
  const actor = actors.find((a) => a.id === created.id);
  if (!actor) return;
  const members = actors.some((a) => a.affiliations.some((f) => f.organizationId === created.id));
  if (actor.annotationCount > 0 || members) {
    // Redo must then name the actor that stayed instead of creating it a second time.
    const { speakerName: _created, ...rest } = record.fields;
    record.fields = { ...rest, speakerId: created.id };
    record.result = { ...record.result, createdActor: null };
    return;
  }
  // The trashed annotation still names it; force only clears that reference.
  await call('actors.delete', { id: created.id, force: true });
}

async function redoAccept(record: AcceptRecord): Promise<void> {
  record.result = await acceptOnce(record.articleId, record.key, record.fields);
}

/** Accepts one suggestion and records it for undo; `after` runs after the accept, its undo and its redo. */
export async function acceptSuggestion(history: UndoHistory, articleId: number, key: string, fields: AcceptFields, after: () => Promise<void>): Promise<Accepted> {
  const record: AcceptRecord = { articleId, key, fields, result: await acceptOnce(articleId, key, fields) };
  history.push({
    label: 'accept suggestion',
    undo: () => undoAccept(record).then(after),
    redo: () => redoAccept(record).then(after),
  });
  await after();
  return record.result;
}

/**
 * Accepts several suggestions as one undoable step. A new speaker named by several of them is
 * created once: the later ones name the actor the first one made. Stops at the first refusal,
 * keeping (and recording for undo) what was accepted before it.
 */
export async function acceptSuggestions(
  history: UndoHistory,
  articleId: number,
  items: readonly { key: string; fields: AcceptFields; newSpeaker: string | null }[],
  after: () => Promise<void>,
): Promise<{ accepted: number; error: unknown }> {
  const records: AcceptRecord[] = [];
  const created = new Map<string, number>();
  let error: unknown = null;
  for (const item of items) {
    let fields = item.fields;
    const known = item.newSpeaker && created.get(item.newSpeaker.toLowerCase());
    if (known && fields.speakerId === undefined && fields.speakerName === undefined) fields = { ...fields, speakerId: known };
    try {
      const result = await acceptOnce(articleId, item.key, fields);
      records.push({ articleId, key: item.key, fields, result });
      if (result.createdActor) created.set(result.createdActor.name.toLowerCase(), result.createdActor.id);
      if (result.createdActor && item.newSpeaker) created.set(item.newSpeaker.toLowerCase(), result.createdActor.id);
    } catch (e) {
      error = e;
      break;
    }
  }
  if (records.length) {
    history.push({
      label: `accept ${records.length} suggestions`,
      undo: async () => {
        for (const r of [...records].reverse()) await undoAccept(r);
        await after();
      },
      redo: async () => {
        // An actor the batch created is created again with a new id; the later ones follow it.
        const renamed = new Map<number, number>();
        for (const r of records) {
          const before = r.result.createdActor?.id;
          const speakerId = r.fields.speakerId;
          if (speakerId !== undefined && speakerId !== null && renamed.has(speakerId)) r.fields = { ...r.fields, speakerId: renamed.get(speakerId)! };
          await redoAccept(r);
          if (before !== undefined && r.result.createdActor) renamed.set(before, r.result.createdActor.id);
        }
        await after();
      },
    });
  }
  await after();
  return { accepted: records.length, error };
}

export async function rejectSuggestion(history: UndoHistory, articleId: number, key: string, after: () => Promise<void>): Promise<void> {
  await call('suggestions.reject', { articleId, key });
  history.push({
    label: 'reject suggestion',
    undo: () => call('suggestions.unreject', { articleId, key }).then(after),
    redo: () => call('suggestions.reject', { articleId, key }).then(after),
  });
  await after();
}
