// A laptop's side of the team library (issue 15): the library's records into the team's Yjs
// documents and back. The documents (main/team/documents.ts names them):
//
// - `codebook`: actors, topics, positions, merge redirects;
// - `library`: the index of the team's articles: a mark per article and member's copy that changes
//   whenever that copy changed the article or its coding, so a laptop knows which article documents
//   to fetch. Keyed `article|copy` (a random name the library takes when it joins), so no two copies ever write the same key: a mark set at the
//   same time by two copies could otherwise lose to the other and never be seen;
// - `article:<uid>`: one article, its text and details, and its annotations;
// - `briefing:<uid>`: one briefing, its details and its doc (briefing-doc.ts). The library
//   document marks briefings changed as it marks articles (its `briefings` map).
//
// Of each document there are two copies here: the library's own (`local`), saved in the library
// file with every change to it, the truth this laptop holds of the team's, offline or not; and the
// one Hocuspocus carries (`wire`), which the server's updates reach first.
//
// An update from the team is taken in one write transaction: first the records of that document
// changed here and still in the outbox are put into `local` (so a field edited here is an edit of
// its own, never overwritten by the team's copy of the other fields), then the update, then every
// record it touched is written to the library, and the document's state saved. The outbox is
// cleared only once the server has acknowledged what was sent. A kill -9 anywhere leaves the
// outbox and the saved states as the last commit left them; the next sync picks up from there.
// The server acknowledges an update before it has stored it, so the article documents a round
// sent changes in are exchanged again in the next round: what a server killed meanwhile lost is
// sent again (the codebook and the index are exchanged every round anyway).
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { webSocketPolyfill } from './quiet-websocket';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { Library } from '../store/open';
import { transactionFor, type Transaction } from '../store/write-lock';
import { ARTICLE_KINDS, CODEBOOK_KINDS, TeamRecordStore, type Fields, type OutboxEntry, type RecordKind } from '../store/team-records';
import { AppError } from '../errors';
import { asShared, displayNames, fieldWrite, observeRecords, putRecord, recordOf, writtenAfter } from './records-doc';
import { TeamBriefingStore } from '../store/team-briefings';
import { RecordUidStore } from '../store/record-uids';
import { FutureBriefingError } from '../../shared/schema/briefing-migrations';
import { BRIEFING_SCHEMA_VERSION } from '../../shared/schema/briefing';
import { briefingOf, briefingRefusal, putBriefing } from './briefing-doc';
import { MEMBER_QUESTION } from '../../shared/team';

/** Origins of the changes to a local copy: made here, or loaded from the library file. Anything else came from the team. */
const HERE = Symbol('here');
const LOADED = Symbol('loaded');

const CODEBOOK = 'codebook';
const LIBRARY = 'library';
const ARTICLE_PREFIX = 'article:';
const BRIEFING_PREFIX = 'briefing:';
const articleDocument = (uid: string) => `${ARTICLE_PREFIX}${uid}`;
const briefingDocument = (uid: string) => `${BRIEFING_PREFIX}${uid}`;

/** The member's name in the server's answer, or null when the answer is not one. */
function memberOf(payload: string): string | null {
  try {
    const answer = JSON.parse(payload) as { member?: unknown };
    return typeof answer.member === 'string' && answer.member.trim() ? answer.member.trim().slice(0, 200) : null;
  } catch {
    return null;
  }
}

/** The address a client connects to: the server's, with the briefing schema this build writes, so an outdated client is refused at the door. */
export function connectionUrl(url: string): string {
  const address = new URL(url);
  address.searchParams.set('schema', String(BRIEFING_SCHEMA_VERSION));
  return address.toString();
}

export interface SyncOutcome {
  /** Records changed here and sent. */
  sent: number;
  /** Records the team changed and this library took. */
  received: number;
  /** Documents the team changed that are still to fetch: a large library's first sync takes several rounds (`catchUp`). */
  wanted: number;
  /** Records from the team this library could not take, each in words; the rest went in. */
  problems: string[];
  /**
   * What the analyst should know the team did to what they hold, in words: an actor or position
   * merged into another, a field changed here that a member's change to the same field superseded.
   */
  notices: string[];
}

/** A record's name in a notice: an actor's or topic's name, a position's claim, an article's title, an annotation's words. */
function recordName(fields: Fields | null): string {
  const name = fields && (fields.name ?? fields.claim ?? fields.title ?? fields.exact);
  const text = typeof name === 'string' ? name : '?';
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/**
 * How many of the documents the team changed a round fetches: a large library's first sync is
 * spread over rounds, so what changed here is never held behind it and a cut-short round loses
 * little. Each round also sends all that changed here, however much.
 */
const FETCH_PER_ROUND = 400;
/** How many documents a round exchanges at once over its connection (Hocuspocus multiplexes them). */
const AT_ONCE = 8;

/** How many records' sent fields a sync remembers, to tell an analyst their change was superseded. */
const SENT_KEPT = 5_000;

const shown = (value: unknown) => {
  const text = value === null || value === undefined ? 'nothing' : `“${String(value)}”`;
  return text.length > 80 ? `${text.slice(0, 78)}…”` : text;
};

/** The library's copy of one of the team's documents, and the records the team has changed in it since they were last written. */
class LocalCopy {
  readonly doc: Y.Doc;
  readonly touched = new Map<RecordKind, Set<string>>();
  /** The article and briefing documents whose index mark the team changed, with the mark (the library document only). */
  readonly marked = new Map<string, string>();
  /** Whether the team changed anything in the document since it was last written (a briefing's). */
  teamChanged = false;

  constructor(
    readonly name: string,
    readonly kinds: readonly RecordKind[],
    saved: Uint8Array | null,
  ) {
    // Named by the document: without a guid, Yjs draws a random uuid for every doc, which cost a
    // large first sync more than writing its articles.
    this.doc = new Y.Doc({ guid: name });
    if (saved) Y.applyUpdate(this.doc, saved, LOADED);
    const own = (origin: unknown) => origin === HERE || origin === LOADED;
    observeRecords(this.doc, kinds, own, (kind, uid) => {
      const uids = this.touched.get(kind) ?? new Set<string>();
      uids.add(uid);
      this.touched.set(kind, uids);
    });
    if (name === LIBRARY) {
      const marks = (map: string, document: (uid: string) => string) =>
        this.doc.getMap<string>(map).observe((event, transaction) => {
          if (own(transaction.origin)) return;
          for (const key of event.changes.keys.keys()) {
            const at = event.target.get(key);
            if (typeof at === 'string') this.marked.set(document(key.slice(0, key.lastIndexOf('|'))), at);
          }
        });
      marks('articles', articleDocument);
      marks('briefings', briefingDocument);
    }
    if (name.startsWith(BRIEFING_PREFIX)) {
      this.doc.on('afterTransaction', (transaction: Y.Transaction) => {
        if (!own(transaction.origin) && transaction.changed.size) this.teamChanged = true;
      });
    }
  }
}

export class TeamSync {
  private readonly store: TeamRecordStore;
  private readonly briefings: TeamBriefingStore;
  private readonly tx: Transaction;
  private readonly copies = new Map<string, LocalCopy>();
  /** Outbox entries put into a document this round, cleared once the server has acknowledged them. */
  private readonly flushed = new Map<string, OutboxEntry<string>>();
  private received = 0;
  private problems = new Set<string>();
  private notices: string[] = [];
  /**
   * The fields changed here in records the team already had: the value sent, and the Yjs write
   * that carried it. A member's change to the field that lands later supersedes it when it was
   * made without seeing it (`writtenAfter`), however many rounds later it arrives (a member back
   * from a week offline); one made having seen it is a later edit, nobody's loss. A record created
   * here is nobody's loss either.
   */
  private readonly sent = new Map<string, Map<string, { value: Fields[string]; write: Y.ID }>>();
  /** Documents the analyst is looking at, fetched ahead of the rest while still to fetch (`prefer`). */
  private readonly preferred = new Set<string>();

  /**
   * `live`: the room of a briefing open in an editor (briefing-room.ts), which carries its document
   * itself; a round only marks the briefing changed, once the room says the server has it all.
   */
  constructor(
    lib: Pick<Library, 'db'>,
    private readonly options: { live?: (briefingUid: string) => { settled(): boolean } | undefined; fetchPerRound?: number; atOnce?: number } = {},
  ) {
    this.store = new TeamRecordStore(lib.db);
    this.briefings = new TeamBriefingStore(lib.db, new RecordUidStore(lib.db));
    this.tx = transactionFor(lib.db);
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
      if (!this.store.setting('copy')) this.store.setSetting('copy', randomUUID());
      this.store.queueAll();
      return { queued: this.store.outboxCount() };
    });
  }

  /** Whether the library is in a team, where, how much waits to be sent, and when it last synced. */
  status(): { joined: boolean; url: string | null; pending: number; wanted: number; lastSync: string | null } {
    const url = this.store.setting('url') ?? null;
    return { joined: url !== null, url, pending: this.store.outboxCount(), wanted: this.store.wantedCount(), lastSync: this.store.setting('lastSync') ?? null };
  }

  /**
   * The analyst opened an article: when the team changed it and this library has yet to fetch it,
   * the next round takes it before the rest of what waits. Whether it is still to fetch.
   */
  prefer(articleUid: string): boolean {
    const name = articleDocument(articleUid);
    if (!this.store.isWanted(name)) return false;
    this.preferred.add(name);
    return true;
  }

  /** Where the library's team is, and whether a round is due for what waits here (sent or fetched); cheaper than `status`, for the app's beat. */
  due(): { url: string | null; waiting: boolean } {
    const url = this.store.setting('url') ?? null;
    return { url, waiting: url !== null && this.store.waiting() };
  }

  /** The server's address and this member's token, for a connection beside the rounds (TeamWatch). */
  credentials(): { url: string; token: string } {
    const url = this.store.setting('url');
    const token = this.store.setting('token');
    if (!url || !token) throw new AppError('invalid_input', 'This library is not in a team yet.');
    return { url, token };
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

  private copy(name: string): LocalCopy {
    let copy = this.copies.get(name);
    if (!copy) this.copies.set(name, (copy = new LocalCopy(name, name === CODEBOOK ? CODEBOOK_KINDS : name.startsWith(ARTICLE_PREFIX) ? ARTICLE_KINDS : [], this.store.documentState(name))));
    return copy;
  }

  /** The outbox entries that travel in a document. */
  private entriesOf(name: string): OutboxEntry[] {
    if (name === CODEBOOK) return this.store.outboxOf({ codebook: true });
    if (name === LIBRARY) return [];
    return this.store.outboxOf({ article: name.slice(ARTICLE_PREFIX.length) });
  }

  /**
   * Puts the outbox's records of a document into the library's copy of it, inside the caller's
   * transaction; for an article's, also its mark in the library document.
   */
  private flush(copy: LocalCopy): number {
    if (copy.name.startsWith(BRIEFING_PREFIX)) return this.flushBriefing(copy);
    const entries = this.entriesOf(copy.name);
    if (!entries.length) return 0;
    copy.doc.transact(() => {
      for (const e of entries) {
        const fields = asShared(copy.doc, e.kind, e.uid, this.store.read(e.kind, e.uid));
        const existed = recordOf(copy.doc, e.kind, e.uid) !== null;
        const changed = putRecord(copy.doc, e.kind, e.uid, fields);
        if (fields && existed && changed.length) this.remember(copy.doc, e.kind, e.uid, changed, fields);
      }
    }, HERE);
    // A name given up or taken here (a rename, a delete, a merge) may change what others are called.
    this.settleNames(copy, new Set(entries.map((e) => e.kind)));
    this.store.saveDocumentState(copy.name, Y.encodeStateAsUpdate(copy.doc));
    for (const e of entries) this.flushed.set(`${e.kind}:${e.uid}`, e);
    return entries.length;
  }

  /**
   * Puts the library's briefing into its document, when it changed here: held back (and left in
   * the outbox) while the document holds what this build cannot read, so nothing of it is dropped.
   */
  private flushBriefing(copy: LocalCopy): number {
    const uid = copy.name.slice(BRIEFING_PREFIX.length);
    const entry = this.store.outboxOfBriefing(uid);
    if (!entry) return 0;
    const refusal = briefingRefusal(copy.doc);
    if (refusal) {
      this.problems.add(`briefing ${uid}: ${refusal}`);
      return 0;
    }
    let briefing;
    try {
      briefing = this.briefings.read(uid);
    } catch (err) {
      if (!(err instanceof FutureBriefingError)) throw err;
      this.problems.add(`briefing ${uid}: ${err.message}`);
      return 0;
    }
    if (briefing) {
      copy.doc.transact(() => putBriefing(copy.doc, briefing), HERE);
      this.store.saveDocumentState(copy.name, Y.encodeStateAsUpdate(copy.doc));
    }
    this.flushed.set(`briefing:${uid}`, entry);
    return 1;
  }

  /**
   * A briefing open in a room: what changed here is marked and cleared from the outbox once the
   * server has it all; until then it stays, and is not marked.
   */
  private settleLive(uid: string, room: { settled(): boolean }, changed: Set<string>): void {
    const entry = room.settled() ? this.store.outboxOfBriefing(uid) : undefined;
    if (entry) this.flushed.set(`briefing:${uid}`, entry);
    else changed.delete(uid);
  }

  /** Writes the team's copy of a briefing into the library, unless this build cannot read it. */
  private takeBriefing(copy: LocalCopy): void {
    if (!copy.teamChanged) return;
    copy.teamChanged = false;
    const uid = copy.name.slice(BRIEFING_PREFIX.length);
    const refusal = briefingRefusal(copy.doc);
    if (refusal) {
      this.problems.add(`briefing ${uid}: ${refusal}`);
      return;
    }
    const briefing = briefingOf(copy.doc);
    if (!briefing) return;
    this.store.applying(() => this.briefings.write(uid, briefing.details, briefing.doc));
    this.received++;
  }

  /** Marks in the library document every article and briefing changed here, so the team knows to fetch it. */
  private markChanged(library: LocalCopy, articles: Iterable<string>, briefings: Iterable<string>): void {
    library.doc.transact(() => {
      const copy = this.store.setting('copy')!;
      const now = new Date().toISOString();
      for (const [map, uids] of [['articles', articles], ['briefings', briefings]] as const) {
        const index = library.doc.getMap<string>(map);
        for (const uid of uids) index.set(`${uid}|${copy}`, now);
      }
    }, HERE);
    this.store.saveDocumentState(LIBRARY, Y.encodeStateAsUpdate(library.doc));
  }

  /** Gives the named records of the kinds changed the names the document implies (`displayNames`). */
  private settleNames(copy: LocalCopy, changed: ReadonlySet<RecordKind>): void {
    const kinds = (['topic', 'position', 'actor'] as const).filter((k) => changed.has(k));
    if (kinds.length) this.store.applying(() => kinds.forEach((kind) => this.store.settleNames(kind, displayNames(copy.doc, kind))));
  }

  /** Takes an update from the team (see the file's head). */
  private take(copy: LocalCopy, update: Uint8Array): void {
    this.tx(() => {
      this.flush(copy);
      Y.applyUpdate(copy.doc, update, 'team');
      this.takeBriefing(copy);
      if (copy.marked.size) {
        this.store.want(copy.marked);
        copy.marked.clear();
      }
      if (copy.touched.size) {
        // Before the records are written: the library still holds what was merged away, by its name.
        this.noticeMerges(copy, [...(copy.touched.get('redirect') ?? [])]);
        this.noticeSuperseded(copy);
        this.store.applying(() => {
          for (const kind of copy.kinds) for (const uid of copy.touched.get(kind) ?? []) this.write(kind, uid, copy);
          for (const uid of copy.touched.get('actor') ?? []) this.store.writeAffiliations(uid, recordOf(copy.doc, 'actor', uid));
        });
        this.settleNames(copy, new Set(copy.touched.keys()));
        for (const uids of copy.touched.values()) this.received += uids.size;
        copy.touched.clear();
      }
      this.store.saveDocumentState(copy.name, Y.encodeStateAsUpdate(copy.doc));
    });
  }

  private remember(doc: Y.Doc, kind: RecordKind, uid: string, changed: string[], fields: Fields): void {
    const key = `${kind}:${uid}`;
    const kept = this.sent.get(key) ?? new Map<string, { value: Fields[string]; write: Y.ID }>();
    for (const field of changed) {
      const write = fieldWrite(doc, kind, uid, field);
      if (write) kept.set(field, { value: fields[field] ?? null, write });
    }
    // The latest remembered last, and the oldest let go first.
    this.sent.delete(key);
    this.sent.set(key, kept);
    if (this.sent.size > SENT_KEPT) this.sent.delete(this.sent.keys().next().value!);
  }

  /** A merge the team made, of a record this library holds under its old name: said in words. */
  private noticeMerges(copy: LocalCopy, redirects: string[]): void {
    for (const key of new Set(redirects)) {
      const to = recordOf(copy.doc, 'redirect', key)?.to;
      if (typeof to !== 'string' || this.store.read('redirect', key)) continue;
      const [kind, from] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)] as ['actor' | 'position', string];
      const merged = this.store.read(kind, from);
      if (!merged) continue;
      this.notices.push(`A member of the team merged the ${kind} ${shown(recordName(merged))} into ${shown(recordName(this.store.read(kind, to) ?? recordOf(copy.doc, kind, to)))}; its coding follows it.`);
    }
  }

  /**
   * A field changed here that a member's change, made without seeing it, superseded: said in
   * words, once. A member's change made having seen it ends the watch on that field quietly.
   */
  private noticeSuperseded(copy: LocalCopy): void {
    for (const [kind, uids] of copy.touched) {
      for (const uid of uids) {
        const key = `${kind}:${uid}`;
        const sent = this.sent.get(key);
        const now = sent && recordOf(copy.doc, kind, uid);
        if (!sent || !now) continue;
        for (const [field, { value, write }] of sent) {
          const current = fieldWrite(copy.doc, kind, uid, field);
          if (!current || Y.compareIDs(current, write)) continue;
          sent.delete(field);
          if (!writtenAfter(copy.doc, kind, uid, field, write) && now[field] !== value) {
            this.notices.push(`Your change to the ${field} of the ${kind} ${shown(recordName(now))} was superseded by a member of the team’s: it is now ${shown(now[field])}.`);
          }
        }
        if (!sent.size) this.sent.delete(key);
      }
    }
  }

  /** One record from the team; one that cannot go in is set aside in words, and the rest still go in. */
  private write(kind: RecordKind, uid: string, copy: LocalCopy): void {
    try {
      this.store.write(kind, uid, recordOf(copy.doc, kind, uid));
    } catch (err) {
      if (!(err instanceof RangeError) && !(err instanceof SyntaxError) && (err as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT') !== true) throw err;
      this.problems.add(`${kind} ${uid}: ${(err as Error).message}`);
    }
  }

  /** Exchanges one document with the server over `socket`, until the server has acknowledged everything sent. */
  private async exchange(socket: HocuspocusProviderWebsocket, copy: LocalCopy, token: string, stop: Promise<never>): Promise<void> {
    (await this.attach(socket, copy, token, stop)).close();
  }

  /**
   * Attaches one document to the round's connection and exchanges it (as `exchange`), leaving it
   * attached: the team's changes are taken as they come, and `send` puts in what changed in the
   * library's copy since. For a document a round exchanges twice (the index: read first, marked
   * last), since Hocuspocus may still be closing a document on a connection when the same name is
   * opened again on it, and then never acknowledges the second (a round that hung until its time
   * limit, caught by the bench).
   */
  private async attach(socket: HocuspocusProviderWebsocket, copy: LocalCopy, token: string, stop: Promise<never>): Promise<{ send(): Promise<void>; close(): void }> {
    const wire = new Y.Doc({ guid: copy.name });
    Y.applyUpdate(wire, Y.encodeStateAsUpdate(copy.doc), HERE);
    wire.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== HERE) this.take(copy, update);
    });
    let refused: (why: string) => void = () => {};
    const failed = new Promise<never>((_, reject) => (refused = (why) => reject(new AppError('conflict', `The team’s server refused this library: ${why}`))));
    failed.catch(() => {});
    let synced: () => void = () => {};
    const done = new Promise<void>((resolve) => (synced = resolve));
    // Over the codebook, until it is known, the server is asked which member this library is: the
    // name its coding carries (annotations.coded_by).
    const askMember = copy.name === CODEBOOK && !this.store.setting('member');
    let named: () => void = () => {};
    const member = new Promise<void>((resolve) => (named = resolve));
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: copy.name,
      document: wire,
      token,
      // Hocuspocus tells the client only "permission-denied"; the server's log says which check failed.
      onAuthenticationFailed: ({ reason }) => refused(reason === 'permission-denied' ? 'its token is wrong, revoked, or of another team. Ask whoever runs the server for a new one.' : reason),
      onSynced: () => synced(),
      onStateless: ({ payload }) => {
        const name = memberOf(payload);
        if (name) this.tx(() => this.store.setSetting('member', name));
        named();
      },
    });
    const acknowledged = () => Promise.race([failed, stop, new Promise<void>((resolve) => (!provider.hasUnsyncedChanges ? resolve() : provider.on('unsyncedChanges', () => !provider.hasUnsyncedChanges && resolve())))]);
    const close = () => {
      provider.destroy();
      wire.destroy();
    };
    provider.attach();
    try {
      await Promise.race([done, failed, stop]);
      if (askMember) provider.sendStateless(MEMBER_QUESTION);
      await acknowledged();
      // A server that does not answer the question (an older one) costs a moment, not the round.
      if (askMember) await Promise.race([failed, stop, member, new Promise((resolve) => setTimeout(resolve, 2_000))]);
    } catch (err) {
      close();
      throw err;
    }
    return {
      send: async () => {
        Y.applyUpdate(wire, Y.encodeStateAsUpdate(copy.doc, Y.encodeStateVector(wire)), HERE);
        await acknowledged();
      },
      close,
    };
  }

  /**
   * One round with the team's server: what changed here goes out, what changed there comes in
   * (the codebook first, so coding finds its actors and positions), and it returns once the server
   * has everything this library sent.
   */
  async syncOnce(url: string, token: string, timeoutMs = 30_000): Promise<SyncOutcome> {
    this.received = 0;
    this.problems = new Set();
    this.notices = [];
    this.flushed.clear();
    const socket = new HocuspocusProviderWebsocket({ url: connectionUrl(url), WebSocketPolyfill: webSocketPolyfill, maxAttempts: 1 });
    let timer: NodeJS.Timeout | undefined;
    const stop = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new AppError('unsupported', `The team’s server at ${url} did not answer within ${Math.round(timeoutMs / 1000)} s; the library is unchanged and works offline.`)), timeoutMs);
      // Said at once rather than at the time limit: a server that is not there, or that went away.
      let connected = false;
      socket.on('connect', () => (connected = true));
      const unreachable = () => new AppError('unsupported', `The team’s server at ${url} could not be reached; the library is unchanged and works offline.`);
      socket.on('maxAttemptsFailed', () => reject(unreachable()));
      socket.on('disconnect', () =>
        reject(connected ? new AppError('unsupported', `The connection to the team’s server at ${url} was lost; what it had not acknowledged is sent again at the next sync, and the library works offline.`) : unreachable()),
      );
    });
    stop.catch(() => {});
    let index: { send(): Promise<void>; close(): void } | undefined;
    try {
      const codebook = this.copy(CODEBOOK);
      const library = this.copy(LIBRARY);
      // What changed here: the codebook's records, and the articles whose documents hold the rest.
      const changedArticles = new Set(this.store.outboxArticles());
      const changedBriefings = new Set(this.store.outboxBriefings());
      let sent = this.tx(() => this.flush(codebook));
      await this.exchange(socket, codebook, token, stop);
      index = await this.attach(socket, library, token, stop);
      // Every article and briefing changed here, or sent in the last round (named by document; a
      // bare uid is an article, as earlier builds kept it), and this round's share of those the team
      // marked changed and this library has yet to fetch (team_wanted).
      const lastRound = (JSON.parse(this.store.setting('lastRound') ?? '[]') as string[]).map((name) => (name.includes(':') ? name : articleDocument(name)));
      const thisRound = [...changedArticles].map(articleDocument).concat([...changedBriefings].map(briefingDocument));
      const fetched: [name: string, version: number][] = [];
      const preferred = [...this.preferred].filter((name) => this.store.isWanted(name));
      this.preferred.clear();
      // The analyst's articles count in the round's share.
      const share = Math.max(0, (this.options.fetchPerRound ?? FETCH_PER_ROUND) - preferred.length);
      const documents = new Set([...preferred, ...thisRound, ...lastRound, ...this.store.wanted(share)]);
      const mine = new Set([...thisRound, ...lastRound]);
      const one = async (name: string) => {
        // Read before the exchange: a mark that arrives meanwhile (the index stays attached) is newer.
        const version = this.store.wantedVersion(name);
        const room = name.startsWith(BRIEFING_PREFIX) ? this.options.live?.(name.slice(BRIEFING_PREFIX.length)) : undefined;
        if (room) this.settleLive(name.slice(BRIEFING_PREFIX.length), room, changedBriefings);
        else {
          const copy = this.copy(name);
          // Only a document changed here has anything to send (and taking an update puts in what changed meanwhile).
          if (mine.has(name)) sent += this.tx(() => this.flush(copy));
          await this.exchange(socket, copy, token, stop);
          this.release(copy);
        }
        if (version !== undefined) fetched.push([name, version]);
      };
      // Articles before briefings, so a briefing's quotes find the annotations they name.
      const width = this.options.atOnce ?? AT_ONCE;
      try {
        await inTurns([...documents].filter((name) => !name.startsWith(BRIEFING_PREFIX)), width, one);
        await inTurns([...documents].filter((name) => name.startsWith(BRIEFING_PREFIX)), width, one);
      } finally {
        // What was taken is no longer wanted, even when the round ends short; in one transaction,
        // not one each (a transaction's commit costs more than the rest of an article's take).
        this.tx(() => fetched.forEach(([name, version]) => this.store.fetched(name, version)));
      }
      // Only now, with the documents on the server, are they marked changed: a laptop that hears the
      // mark and fetches at once must find the change there, or it would not look again.
      if (changedArticles.size || changedBriefings.size) {
        this.tx(() => this.markChanged(library, changedArticles, changedBriefings));
        await index.send();
      }
      this.tx(() => {
        this.store.clearOutbox(this.flushed.values());
        this.store.setSetting('lastRound', JSON.stringify(thisRound));
      });
      return { sent, received: this.received, problems: [...this.problems], notices: this.notices, wanted: this.store.wantedCount() };
    } finally {
      clearTimeout(timer);
      index?.close();
      socket.destroy();
      for (const copy of [...this.copies.values()]) this.release(copy);
    }
  }

  /**
   * An article's or briefing's copy is saved in the library file whenever it changes: a round lets
   * each go once exchanged, so a long-lived sync (the app's link) and a large first sync hold in
   * memory only the two documents every round needs and the few under way.
   */
  private release(copy: LocalCopy): void {
    if (copy.name === CODEBOOK || copy.name === LIBRARY) return;
    copy.doc.destroy();
    this.copies.delete(copy.name);
  }

  /**
   * Rounds until the library holds everything the team marked changed (a large library's first
   * sync takes several), each bounded by the time limit; `progress` hears how many are still to
   * fetch after each. Stops early when a round fetched nothing it was asked to.
   */
  async catchUp(timeoutMs?: number, progress: (wanted: number) => void = () => {}): Promise<SyncOutcome> {
    const total: SyncOutcome = { sent: 0, received: 0, problems: [], notices: [], wanted: 0 };
    for (let before = Infinity; ; ) {
      const r = await this.sync(timeoutMs);
      total.sent += r.sent;
      total.received += r.received;
      total.problems.push(...r.problems);
      total.notices.push(...r.notices);
      total.wanted = r.wanted;
      if (!r.wanted || r.wanted >= before) return total;
      progress(r.wanted);
      before = r.wanted;
    }
  }
}

/** Runs `fn` over `items`, `width` at a time; after a failure no more are started, and the first failure is thrown once all under way have ended. */
async function inTurns<T>(items: readonly T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      try {
        await fn(items[next++]!);
      } catch (err) {
        next = items.length;
        throw err;
      }
    }
  };
  const ended = await Promise.allSettled(Array.from({ length: Math.min(width, items.length) }, worker));
  const failure = ended.find((e): e is PromiseRejectedResult => e.status === 'rejected');
  if (failure) throw failure.reason;
}
