// The global identities of the records a briefing refers to, written into its nodes when it is
// saved: a quote names its annotation and article, a mention its actor, a citation its article,
// each by local id (what this laptop joins on) and by uid (what a shared library will join on).
// A record deleted for good keeps the uid the node already had.
import type { RecordUidStore } from './record-uids';

interface JsonNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: JsonNode[];
}

/** Which id attribute of which node names a record of which table, and where its uid goes. */
const REFERENCES: Record<string, { id: string; uid: string; table: 'annotations' | 'articles' | 'actors' }[]> = {
  quote: [
    { id: 'annotationId', uid: 'annotationUid', table: 'annotations' },
    { id: 'articleId', uid: 'articleUid', table: 'articles' },
  ],
  inline_quote: [
    { id: 'annotationId', uid: 'annotationUid', table: 'annotations' },
    { id: 'articleId', uid: 'articleUid', table: 'articles' },
  ],
  actor: [{ id: 'actorId', uid: 'actorUid', table: 'actors' }],
  cite: [{ id: 'articleId', uid: 'articleUid', table: 'articles' }],
};

function walk(node: JsonNode, visit: (n: JsonNode) => void) {
  visit(node);
  if (Array.isArray(node.content)) for (const child of node.content) if (child && typeof child === 'object') walk(child, visit);
}

/** `doc` (a checked briefing doc as JSON) with every reference's uid filled in; changed in place. */
export function withRecordUids<T>(doc: T, store: RecordUidStore): T {
  walk(doc as JsonNode, (n) => {
    for (const ref of REFERENCES[n.type] ?? []) {
      const id = n.attrs?.[ref.id];
      const uid = typeof id === 'number' ? store.uid(ref.table, id) : undefined;
      if (uid) n.attrs![ref.uid] = uid;
    }
  });
  return doc;
}
