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
const REFERENCES: Record<string, { id: string; uid: string; table: 'annotations' | 'articles' | 'actors' | 'topics' }[]> = {
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
  stance_table: [{ id: 'topicId', uid: 'topicUid', table: 'topics' }],
};

function walk(node: JsonNode, visit: (n: JsonNode) => void) {
  visit(node);
  if (Array.isArray(node.content)) for (const child of node.content) if (child && typeof child === 'object') walk(child, visit);
}

/** A live figure's query names its topic by local id (shared/landscape/query.ts); its node keeps the uid beside it. */
const figureQuery = (n: JsonNode) => (n.type === 'figure' && n.attrs?.query && typeof n.attrs.query === 'object' ? (n.attrs.query as { topicId?: unknown }) : undefined);

/** The same briefing as another library holds it: every reference's local id 0 (none), its uid kept. Changed in place. */
export function withoutLocalIds<T>(doc: T): T {
  walk(doc as JsonNode, (n) => {
    for (const ref of REFERENCES[n.type] ?? []) if (n.attrs && ref.id in n.attrs) n.attrs[ref.id] = 0;
    const query = figureQuery(n);
    if (query && 'topicId' in query) {
      const { topicId: _local, ...shared } = query;
      n.attrs!.query = shared;
    }
  });
  return doc;
}

/**
 * A briefing from another library with this library's ids for the records its references name by
 * uid: 0 for a record this library does not hold (yet). Changed in place.
 */
export function withLocalIds<T>(doc: T, store: RecordUidStore): T {
  walk(doc as JsonNode, (n) => {
    for (const ref of REFERENCES[n.type] ?? []) {
      const uid = n.attrs?.[ref.uid];
      n.attrs = { ...n.attrs, [ref.id]: (typeof uid === 'string' && store.id(ref.table, uid)) || 0 };
    }
    const query = figureQuery(n);
    const topicUid = n.attrs?.topicUid;
    // A topic this library does not hold (yet) leaves the figure drawn over every topic's coding, as one without a topic is.
    const topicId = typeof topicUid === 'string' ? store.id('topics', topicUid) : undefined;
    if (query && topicId !== undefined) n.attrs!.query = { ...query, topicId };
  });
  return doc;
}

/** `doc` (a checked briefing doc as JSON) with every reference's uid filled in; changed in place. */
export function withRecordUids<T>(doc: T, store: RecordUidStore): T {
  walk(doc as JsonNode, (n) => {
    for (const ref of REFERENCES[n.type] ?? []) {
      const id = n.attrs?.[ref.id];
      const uid = typeof id === 'number' ? store.uid(ref.table, id) : undefined;
      if (uid) n.attrs![ref.uid] = uid;
    }
    const topicId = figureQuery(n)?.topicId;
    if (typeof topicId === 'number') n.attrs!.topicUid = store.uid('topics', topicId) ?? n.attrs!.topicUid ?? null;
  });
  return doc;
}
