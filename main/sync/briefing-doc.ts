// A briefing in its team document (`briefing:<uid>`): its details as registers (the `details`
// map, each field its own, as records-doc.ts keeps a record), and its doc as a Y.XmlFragment in
// y-prosemirror's shape, so two analysts typing in one briefing, offline or not, merge character by
// character. A library's edit goes in as the difference between the document's doc and the
// library's (y-prosemirror's updateYFragment, the step its editor binding takes on every
// transaction), never as a new copy of the whole doc.
//
// Old clients are refused, not allowed to drop content: the document records the highest briefing
// schema a writer used, and a library whose schema is older neither writes the document's doc
// over its own nor puts its own edits into the document (updateYFragment would delete every node
// it has no type for). The team's server refuses such a client at the door too (main/team/server.ts).
import * as Y from 'yjs';
import { updateYFragment, yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import type { Node } from 'prosemirror-model';
import { briefingSchema, BRIEFING_SCHEMA_VERSION } from '../../shared/schema/briefing';
import { repairDoc } from '../../shared/schema/repair';
import type { BriefingDetails, SharedBriefing } from '../store/team-briefings';

const DETAILS = 'details';
const CONTENT = 'content';
/** The highest briefing schema any writer of the document used. */
const SCHEMA = 'schema';

type Field = string | number | null;

const FIELDS: readonly (keyof BriefingDetails)[] = ['title', 'classification', 'author', 'date', 'status', 'trashedAt'];

const details = (doc: Y.Doc) => doc.getMap<Field>(DETAILS);

/** Puts the library's briefing into the document (inside the caller's transaction): only the fields and the characters that differ. */
export function putBriefing(doc: Y.Doc, briefing: SharedBriefing): void {
  putDetails(doc, briefing.details);
  putContent(doc, briefing.doc);
}

/** Puts the briefing's details into the document (inside the caller's transaction): only the fields that differ. */
export function putDetails(doc: Y.Doc, briefing: BriefingDetails): void {
  const map = details(doc);
  for (const key of FIELDS) if (map.get(key) !== briefing[key]) map.set(key, briefing[key]);
}

/** Puts a doc in the shared form into the document (inside the caller's transaction): only the characters and nodes that differ. */
export function putContent(doc: Y.Doc, content: Node): void {
  const map = details(doc);
  if (!((map.get(SCHEMA) as number) >= BRIEFING_SCHEMA_VERSION)) map.set(SCHEMA, BRIEFING_SCHEMA_VERSION);
  updateYFragment(doc, briefingContent(doc), content, { mapping: new Map(), isOMark: new Map() });
}

/** The briefing's doc in the document, in y-prosemirror's shape. */
export const briefingContent = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment(CONTENT);

/** Whether the document's details differ from `briefing`'s. */
export function detailsDiffer(doc: Y.Doc, briefing: BriefingDetails): boolean {
  const map = details(doc);
  return FIELDS.some((key) => (map.get(key) ?? null) !== briefing[key]);
}

/**
 * Why this build may neither read the document's doc nor write into it, in words; null when it may.
 * A newer schema's doc, or one holding a node or mark this build has no type for.
 */
export function briefingRefusal(doc: Y.Doc): string | null {
  const schema = details(doc).get(SCHEMA);
  if (typeof schema === 'number' && schema > BRIEFING_SCHEMA_VERSION) {
    return `it was written by a newer Verbatim (briefing schema ${schema}, this one reads ${BRIEFING_SCHEMA_VERSION}); update Verbatim to receive it. This library keeps its own copy, and its edits wait.`;
  }
  const unknown = unknownTypes(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(CONTENT)));
  return unknown.size ? `it holds what this Verbatim has no place for (${[...unknown].join(', ')}); update Verbatim to receive it. This library keeps its own copy, and its edits wait.` : null;
}

/**
 * The briefing the document holds, its doc checked against this build's schema (a merge that left
 * a node where it may not stand is repaired as a damaged row would be); null when the document
 * holds no briefing yet. Call `briefingRefusal` first.
 */
export function briefingOf(doc: Y.Doc): SharedBriefing | null {
  const map = details(doc);
  if (typeof map.get('title') !== 'string') return null;
  const text = (key: keyof BriefingDetails) => (typeof map.get(key) === 'string' ? (map.get(key) as string) : '');
  const optional = (key: keyof BriefingDetails) => (typeof map.get(key) === 'string' ? (map.get(key) as string) : null);
  return {
    details: {
      title: text('title') || 'Untitled briefing',
      classification: text('classification'),
      author: text('author'),
      date: optional('date'),
      status: map.get('status') === 'final' ? 'final' : 'draft',
      trashedAt: optional('trashedAt'),
    },
    doc: repairDoc(briefingSchema, yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(CONTENT))).doc as Node,
  };
}

interface JsonNode {
  type?: unknown;
  marks?: { type?: unknown }[];
  content?: JsonNode[];
}

/** The node and mark names in `json` this build's schema has no type for. */
function unknownTypes(json: JsonNode, found = new Set<string>()): Set<string> {
  if (typeof json.type === 'string' && json.type !== 'text' && !Object.hasOwn(briefingSchema.nodes, json.type)) found.add(json.type);
  for (const mark of json.marks ?? []) if (typeof mark.type === 'string' && !Object.hasOwn(briefingSchema.marks, mark.type)) found.add(mark.type);
  for (const child of json.content ?? []) unknownTypes(child, found);
  return found;
}
