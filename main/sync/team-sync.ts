// A laptop's side of the team library (issue 15), for the codebook: the library's records into the
// team's Yjs document and back. Two copies of the document:
//
// - the library's own (`local`), saved in the library file with every change to it, the truth this
//   laptop holds of the team's, offline or not;
// - the one Hocuspocus carries (`wire`), which the server's updates reach first.
//
// An update from the team is taken in one write transaction: first the records changed here and
// still in the outbox are put into `local` (so a field edited here is an edit of its own, never
// overwritten by the team's copy of the other fields), then the update, then every record it
// touched is written to the library, and the document's state saved. A kill -9 anywhere leaves the
// outbox and the saved state as the last commit left them; the next sync picks up from there.
import * as Y from 'yjs';
import WebSocket from 'ws';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { Library } from '../store/open';
import { transactionFor, type Transaction } from '../store/write-lock';
import { RECORD_KINDS, TeamRecordStore, type OutboxEntry, type RecordKind } from '../store/team-records';
import { AppError } from '../errors';
import { CODEBOOK_DOCUMENT, observeRecords, putRecord, recordOf } from './codebook-doc';

/** Origins of the changes to `local`: made here, loaded from the library file, or come from the team. */
const HERE = Symbol('here');
const LOADED = Symbol('loaded');
const TEAM = Symbol('team');

export interface SyncOutcome {
  /** Records changed here and sent. */
  sent: number;
  /** Records the team changed and this library took. */
  received: number;
}

export class TeamSync {
  private readonly local = new Y.Doc();
  private readonly store: TeamRecordStore;
  private readonly tx: Transaction;
  private readonly touched = new Map<RecordKind, Set<string>>();
  private received = 0;
  /** Outbox entries put into the document this round, cleared once the server acknowledges them. */
  private readonly flushed = new Map<string, OutboxEntry>();

  constructor(lib: Library) {
    this.store = new TeamRecordStore(lib.db);
    this.tx = transactionFor(lib.db);
    const saved = this.store.documentState(CODEBOOK_DOCUMENT);
    if (saved) Y.applyUpdate(this.local, saved, LOADED);
    observeRecords(
      this.local,
      (origin) => origin === HERE || origin === LOADED,
      (kind, uid) => {
        const uids = this.touched.get(kind) ?? new Set<string>();
        uids.add(uid);
        this.touched.set(kind, uids);
      },
    );
  }

  /**
   * Connects this library to a team: the server's address and this member's token, and every
   * record the library already holds queued to be shared at the next sync.
   */
  join(url: string, token: string): { queued: number } {
    if (!/^wss?:\/\/[^\s/]+/i.test(url)) throw new AppError('invalid_input', `“${url.slice(0, 80)}” is not a team server’s address: it starts with wss:// (or ws:// on the same machine).`);
    if (!token.trim()) throw new AppError('invalid_input', 'A member’s token is needed: the one `verbatim team-server add-member` printed.');
    return this.tx(() => {
      this.store.setSetting('url', url);
      this.store.setSetting('token', token.trim());
      this.store.queueAll();
      return { queued: this.store.outbox().length };
    });
  }

  /** Whether the library is in a team, where, how much waits to be sent, and when it last synced. */
  status(): { joined: boolean; url: string | null; pending: number; lastSync: string | null } {
    const url = this.store.setting('url') ?? null;
    return { joined: url !== null, url, pending: this.store.outbox().length, lastSync: this.store.setting('lastSync') ?? null };
  }

  /** One round with the team's server the library joined (`syncOnce`), remembered as the last sync. */
  async sync(timeoutMs?: number): Promise<SyncOutcome> {
    const url = this.store.setting('url');
    const token = this.store.setting('token');
    if (!url || !token) throw new AppError('invalid_input', 'This library is not in a team yet: verbatim team join wss://SERVER --token TOKEN');
    const outcome = await this.syncOnce(url, token, timeoutMs);
    this.tx(() => this.store.setSetting('lastSync', new Date().toISOString()));
    return outcome;
  }

  /** Puts the outbox's records into the library's copy of the document, inside the caller's transaction. */
  private flush(): number {
    const entries = this.store.outbox();
    if (!entries.length) return 0;
    this.local.transact(() => {
      for (const e of entries) putRecord(this.local, e.kind, e.uid, this.store.read(e.kind, e.uid));
    }, HERE);
    this.store.saveDocumentState(CODEBOOK_DOCUMENT, Y.encodeStateAsUpdate(this.local));
    for (const e of entries) this.flushed.set(`${e.kind}:${e.uid}`, e);
    return entries.length;
  }

  /** Takes an update from the team (see the file's head). */
  private take(update: Uint8Array): void {
    this.tx(() => {
      this.flush();
      Y.applyUpdate(this.local, update, TEAM);
      if (!this.touched.size) return;
      this.store.applying(() => {
        // Topics before their positions; every actor before the affiliations that name them.
        for (const kind of RECORD_KINDS) for (const uid of this.touched.get(kind) ?? []) this.store.write(kind, uid, recordOf(this.local, kind, uid));
        for (const uid of this.touched.get('actor') ?? []) this.store.writeAffiliations(uid, recordOf(this.local, 'actor', uid));
      });
      for (const uids of this.touched.values()) this.received += uids.size;
      this.touched.clear();
      this.store.saveDocumentState(CODEBOOK_DOCUMENT, Y.encodeStateAsUpdate(this.local));
    });
  }

  /**
   * One round with the team's server: what changed here goes out, what changed there comes in, and
   * it returns once the server has everything this library sent.
   */
  async syncOnce(url: string, token: string, timeoutMs = 30_000): Promise<SyncOutcome> {
    const sent = this.tx(() => this.flush());
    this.received = 0;
    const wire = new Y.Doc();
    Y.applyUpdate(wire, Y.encodeStateAsUpdate(this.local), HERE);
    wire.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== HERE) this.take(update);
    });
    const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, maxAttempts: 1 });
    let refused: (why: string) => void = () => {};
    const failed = new Promise<never>((_, reject) => (refused = (why) => reject(new AppError('conflict', `The team’s server refused this library: ${why}`))));
    let synced: () => void = () => {};
    const done = new Promise<void>((resolve) => (synced = resolve));
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: CODEBOOK_DOCUMENT,
      document: wire,
      token,
      // Hocuspocus tells the client only "permission-denied"; the server's log says which check failed.
      onAuthenticationFailed: ({ reason }) => refused(reason === 'permission-denied' ? 'its token is wrong, revoked, or of another team. Ask whoever runs the server for a new one.' : reason),
      onSynced: () => synced(),
    });
    provider.attach();
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new AppError('unsupported', `The team’s server at ${url} did not answer within ${Math.round(timeoutMs / 1000)} s; the library is unchanged and works offline.`)), timeoutMs).unref(),
    );
    try {
      await Promise.race([done, failed, timeout]);
      // Until the server has acknowledged every update this library sent.
      await Promise.race([failed, timeout, new Promise<void>((resolve) => (!provider.hasUnsyncedChanges ? resolve() : provider.on('unsyncedChanges', () => !provider.hasUnsyncedChanges && resolve())))]);
      this.tx(() => this.store.clearOutbox(this.flushed.values()));
      this.flushed.clear();
      return { sent, received: this.received };
    } finally {
      provider.destroy();
      socket.destroy();
      wire.destroy();
    }
  }
}
