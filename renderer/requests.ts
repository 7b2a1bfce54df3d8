// What the window asks of a view: open this article, show that actor, start a new briefing, export
// the open one, take in a batch just imported, list the library again. The window posts a request;
// the view that serves it takes it — at once when it is on screen, or when it next mounts (the
// briefings and actors views mount on first visit, after the menu or a search hit asked for them).
// Each request is served once. This replaces the counters the window used to pass down as props,
// whose every consumer had to tell a new request from a re-render by hand.
import { createContext } from 'preact';
import { useContext, useEffect, useRef } from 'preact/hooks';
import type { ImportResult } from '../shared/model';
import type { FigureAttrs } from '../shared/landscape/figure';

export interface RequestKinds {
  'open-article': { articleId: number; terms?: string[]; annotationId?: number };
  imported: { results: ImportResult[] };
  /** The main side says the library changed under the window (the CLI imported, say). */
  'library-changed': Record<string, never>;
  'new-briefing': Record<string, never>;
  'export-pdf': Record<string, never>;
  'open-briefing': { briefingId: number };
  /** The landscape sends a picture to a briefing, to be added at its end. */
  'insert-figure': { briefingId: number; figure: FigureAttrs };
  'show-actor': { actorId: number };
}

export type RequestKind = keyof RequestKinds;
type Handler<K extends RequestKind> = (request: RequestKinds[K]) => void;

interface Server {
  handler: Handler<never>;
  /** Serves only while no other server of the kind is there ("open a briefing to export it"). */
  fallback: boolean;
}

export class Requests {
  /** Per kind, the views that serve it; the last one to start serving wins, a fallback only alone. */
  private readonly servers = new Map<RequestKind, Server[]>();
  private readonly waiting = new Map<RequestKind, unknown[]>();

  post<K extends RequestKind>(kind: K, request: RequestKinds[K]): void {
    const list = this.servers.get(kind) ?? [];
    const server = [...list].reverse().find((s) => !s.fallback) ?? list.at(-1);
    if (server) (server.handler as Handler<K>)(request);
    else this.waiting.set(kind, [...(this.waiting.get(kind) ?? []), request]);
  }

  /** Serves `kind` until the returned function is called; requests that were waiting come first. */
  serve<K extends RequestKind>(kind: K, handler: Handler<K>, fallback = false): () => void {
    const list = this.servers.get(kind) ?? [];
    const server: Server = { handler: handler as Handler<never>, fallback };
    list.push(server);
    this.servers.set(kind, list);
    const waiting = (this.waiting.get(kind) ?? []) as RequestKinds[K][];
    this.waiting.delete(kind);
    for (const request of waiting) this.post(kind, request);
    return () => {
      const at = list.indexOf(server);
      if (at >= 0) list.splice(at, 1);
    };
  }
}

export const RequestsContext = createContext(new Requests());

/**
 * Serves requests of `kind` while the component is mounted, always with its latest `handler`; a
 * `fallback` server answers only when no other one is mounted.
 */
export function useRequest<K extends RequestKind>(kind: K, handler: Handler<K>, options: { fallback?: boolean } = {}): void {
  const requests = useContext(RequestsContext);
  const latest = useRef(handler);
  latest.current = handler;
  const fallback = options.fallback ?? false;
  useEffect(() => requests.serve(kind, (r) => latest.current(r), fallback), [requests, kind, fallback]);
}
