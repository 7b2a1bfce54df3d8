// Stored briefing docs carry `schemaVersion`. A doc from an older schema is brought up to date,
// one step at a time, when it is opened; each step is a pure function on the JSON.
import { BRIEFING_SCHEMA_VERSION } from './briefing';

export interface StoredBriefingDoc {
  schemaVersion: number;
  doc: unknown;
}

type JsonNode = { type: string; attrs?: Record<string, unknown>; content?: JsonNode[]; marks?: unknown[]; text?: string };

function mapNodes(node: JsonNode, fn: (n: JsonNode) => JsonNode): JsonNode {
  const mapped = fn(node);
  return mapped.content ? { ...mapped, content: mapped.content.map((c) => mapNodes(c, fn)) } : mapped;
}

/** Step N turns a version-N doc into a version-(N+1) doc. */
const steps: Record<number, (doc: JsonNode) => JsonNode> = {
  // Version 1 kept a quote's source as one nested `source` object and allowed headings down to h6.
  // Version 2 flattens the source into plain attributes (each validated by the schema) and keeps
  // three heading levels.
  1: (doc) =>
    mapNodes(doc, (n) => {
      if (n.type === 'quote' && n.attrs && typeof n.attrs.source === 'object' && n.attrs.source) {
        const { source, ...rest } = n.attrs as { source: Record<string, unknown> } & Record<string, unknown>;
        return {
          ...n,
          attrs: {
            ...rest,
            outlet: source.outlet ?? null,
            title: source.title ?? '',
            author: source.author ?? null,
            publishedAt: source.date ?? null,
            url: source.url ?? null,
          },
        };
      }
      if (n.type === 'heading' && n.attrs && typeof n.attrs.level === 'number' && n.attrs.level > 3) return { ...n, attrs: { ...n.attrs, level: 3 } };
      return n;
    }),
};

export class FutureBriefingError extends Error {}

export function migrateBriefingDoc(stored: StoredBriefingDoc): StoredBriefingDoc {
  if (stored.schemaVersion > BRIEFING_SCHEMA_VERSION) {
    throw new FutureBriefingError(`This briefing was saved by a newer Verbatim (schema ${stored.schemaVersion}); update Verbatim to open it.`);
  }
  let doc = stored.doc as JsonNode;
  for (let v = stored.schemaVersion; v < BRIEFING_SCHEMA_VERSION; v++) {
    const step = steps[v];
    if (!step) throw new Error(`No migration from briefing schema ${v}.`);
    doc = step(doc);
  }
  return { schemaVersion: BRIEFING_SCHEMA_VERSION, doc };
}
