// A briefing of a team library open in an editor (issue 15): while it is open its team document is
// live, on a Hocuspocus connection of its own, so what one analyst types reaches the others as they
// type it, merged character by character, and each sees who else is in the briefing and where
// their cursor is (Yjs awareness).
//
// The editor never talks to the network and keeps working in the library's form of the doc
// (references by local id). It hands the room its doc a moment after each change (`exchange`).
// The room keeps, per editor session, a Yjs copy of the doc that editor last received (`mirror`),
// so the editor's doc goes in as its difference from what it started from (updateYFragment: a
// three-way merge, in which what a member typed meanwhile stays), and what comes back is the
// merged doc, onto which the editor rebases what was typed since (prosemirror-collab).
//
// Every change, the editor's or the team's, writes the briefing's row and the document's saved
// state in one transaction: a kill -9 loses nothing committed, and the library reads the briefing
// as ever (search, exports). The editor's changes leave the briefing in the outbox, so the next
// round marks it changed in the library index, for the laptops that do not have it open, and clears
// it once this room's connection has had everything acknowledged (`settled`); until then the round
// leaves the document to the room.
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { webSocketPolyfill } from './quiet-websocket';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { absolutePositionToRelativePosition, initProseMirrorDoc, relativePositionToAbsolutePosition } from 'y-prosemirror';
import { Node } from 'prosemirror-model';
import type { BriefingMeta, BriefingPeer, BriefingRoomView } from '../../shared/model';
import { briefingSchema } from '../../shared/schema/briefing';
import { AppError } from '../errors';
import type { TeamBriefingStore } from '../store/team-briefings';
import type { TeamRecordStore } from '../store/team-records';
import type { BriefingStore } from '../store/briefings';
import type { RecordUidStore } from '../store/record-uids';
import type { Transaction } from '../store/write-lock';
import { briefingContent, briefingOf, briefingRefusal, detailsDiffer, putBriefing, putContent, putDetails } from './briefing-doc';
import { connectionUrl } from './team-sync';

/** Changes an editor made, and the library file's saved state: every other change came from the team. */
const EDITOR = Symbol('editor');
const LOADED = Symbol('loaded');
/** What reaches an editor's mirror from the live document: the team's changes, and other editors'. */
const TEAM = Symbol('team');

/** An editor that has not asked for this long is taken to be gone (a closed window). */
const SESSION_IDLE_MS = 60_000;
/** The longest an editor's question waits for a change before it is answered with none. */
const WAIT_MS = 10_000;

export interface RoomStores {
  records: TeamRecordStore;
  briefings: TeamBriefingStore;
  /** The library's briefings, for the automatic revisions an editor's typing takes. */
  revisions: BriefingStore;
  uids: RecordUidStore;
  tx: Transaction;
}

interface Session {
  id: string;
  /** The shared doc as this session's editor last received it. */
  mirror: Y.Doc;
  lastAsked: number;
  /** Whether the mirror changed since the editor was last sent the doc. */
  behind: boolean;
  /** The peers and the state as the editor was last told of them. */
  peersSent: string;
  stateSent: string;
  /** Answers the question waiting for a change, if one waits. */
  wake: (() => void) | null;
  /** A wake arrived while no question waited. */
  woken: boolean;
  /** Whether the editor changed the doc since it was last told the briefing's details. */
  metaDue: boolean;
  /** Updates from the editor in the mirror and not yet in the live document (see writeUnwritten). */
  unwritten: Uint8Array[];
}

interface AwarenessState {
  user?: { name?: unknown };
  cursor?: { anchor?: unknown; head?: unknown } | null;
}

export class BriefingRoom {
  readonly name: string;
  private readonly live = new Y.Doc();
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly provider: HocuspocusProvider;
  private readonly sessions = new Map<string, Session>();
  /** Why the document may not be written (a newer Verbatim wrote it): the editor's changes are refused. */
  private refusal: string | null = null;
  /** Why the team's server refused this library (its token): the editor saves into the library, as offline. */
  private denied: string | null = null;
  private connected = false;
  private synced = false;

  constructor(
    readonly uid: string,
    private readonly stores: RoomStores,
    { url, token, member }: { url: string; token: string; member: string },
  ) {
    this.name = `briefing:${uid}`;
    const { records, briefings, tx } = stores;
    const saved = records.documentState(this.name);
    if (saved) Y.applyUpdate(this.live, saved, LOADED);
    this.refusal = briefingRefusal(this.live);
    if (this.refusal) throw new AppError('conflict', `This briefing cannot be edited with the team: ${this.refusal}`);
    // What changed here while no room was open goes in first, as a round would put it.
    if (!saved || records.outboxOfBriefing(uid)) {
      const briefing = briefings.read(uid);
      if (briefing) tx(() => this.change(() => putBriefing(this.live, briefing), false));
    }
    this.live.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === EDITOR || origin === LOADED) return;
      // The team's change: written at once, as the team's (no outbox), and the editors told.
      tx(() => this.write(true));
      this.wakeAll();
    });
    // Reconnects by itself (the provider's backoff) while the briefing is open: offline, edits are kept here and go once it is back.
    this.socket = new HocuspocusProviderWebsocket({ url: connectionUrl(url), WebSocketPolyfill: webSocketPolyfill });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: this.name,
      document: this.live,
      token,
      onConnect: () => (this.connected = true),
      onDisconnect: () => {
        this.connected = false;
        this.synced = false;
        this.wakeAll();
      },
      onSynced: () => {
        this.synced = true;
        this.wakeAll();
      },
      onAuthenticationFailed: ({ reason }) => {
        this.denied = `The team’s server refused this library (${reason === 'permission-denied' ? 'its token is wrong, revoked, or of another team' : reason}); what you type is saved on this computer.`;
        this.wakeAll();
      },
    });
    this.provider.attach();
    this.provider.setAwarenessField('user', { name: member });
    this.provider.awareness!.on('change', () => this.wakeAll());
  }

  /** A new editor session on the briefing: the doc as the room holds it, and who else is here. */
  open(): BriefingRoomView {
    const mirror = new Y.Doc();
    Y.applyUpdate(mirror, Y.encodeStateAsUpdate(this.live), LOADED);
    const session: Session = { id: `${this.uid}|${randomUUID()}`, mirror, lastAsked: Date.now(), behind: true, peersSent: '', stateSent: '', wake: null, woken: false, metaDue: false, unwritten: [] };
    // Whatever reaches the mirror from the live document, deletions included (which leave the state vector as it was), the editor has yet to see.
    mirror.on('update', (_update: Uint8Array, origin: unknown) => origin === TEAM && (session.behind = true));
    this.sessions.set(session.id, session);
    return this.answer(session);
  }

  /**
   * An editor's doc (in the library's form), when it changed, and its selection in that doc (or, with no doc, in
   * the doc it last received); answers with the merged doc when it changed, and who else is here.
   * With `wait`, and nothing new, the answer waits for a change (or `wake`), up to a few seconds.
   */
  async exchange(sessionId: string, input: { doc?: unknown; selection?: { anchor: number; head: number } | null; wait?: boolean }): Promise<BriefingRoomView> {
    const session = this.session(sessionId);
    this.writeUnwritten(session);
    if (input.doc != null) {
      if (this.refusal) throw new AppError('conflict', `The briefing was not saved with the team: ${this.refusal}`);
      this.take(session, this.parse(input.doc));
    }
    if (input.selection !== undefined) this.point(session, input.selection);
    this.catchUp(session);
    const woken = session.woken;
    session.woken = false;
    // The peers' places are worked out once per answer (over the whole doc), not once to decide and again to answer.
    const peers = this.peers(session);
    if (input.wait && !this.news(session, peers) && !woken) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => resolve(), WAIT_MS);
        session.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      session.wake = null;
      if (!this.sessions.has(sessionId)) throw gone();
      this.catchUp(session);
      return this.answer(session, this.peers(session));
    }
    return this.answer(session, peers);
  }

  /** Answers the session's waiting question now (its editor has something to send). */
  wake(sessionId: string): boolean {
    const session = this.sessions.get(sessionId);
    if (!session) return false;
    // A wake can overtake the question it is meant for: then that question does not wait.
    if (session.wake) session.wake();
    else session.woken = true;
    return true;
  }

  /** Ends an editor's session; true when it was the last. */
  leave(sessionId: string): boolean {
    const session = this.sessions.get(sessionId);
    if (session) {
      this.sessions.delete(sessionId);
      session.wake?.();
      session.mirror.destroy();
    }
    if (!this.sessions.size) this.provider.setAwarenessField('cursor', null);
    return this.sessions.size === 0;
  }

  /** Ends the sessions whose editors stopped asking; true when none is left. */
  sweep(now = Date.now()): boolean {
    for (const s of [...this.sessions.values()]) if (!s.wake && now - s.lastAsked > SESSION_IDLE_MS) this.leave(s.id);
    return this.sessions.size === 0;
  }

  /**
   * For the round: puts details changed here since (a title edited in the window) into the
   * document, and says whether the server has everything the room sent, so the round may mark the
   * briefing changed and clear it from the outbox.
   */
  settled(): boolean {
    const details = this.stores.briefings.details(this.uid);
    if (details && !this.refusal && detailsDiffer(this.live, details)) this.stores.tx(() => this.change(() => putDetails(this.live, details), false));
    return this.synced && !this.provider.hasUnsyncedChanges;
  }

  close(): void {
    for (const id of [...this.sessions.keys()]) this.leave(id);
    this.provider.destroy();
    this.socket.destroy();
    this.live.destroy();
  }

  private session(id: string): Session {
    const session = this.sessions.get(id);
    if (!session) throw gone();
    session.lastAsked = Date.now();
    return session;
  }

  private parse(json: unknown): Node {
    try {
      const doc = Node.fromJSON(briefingSchema, json);
      doc.check();
      return this.stores.briefings.shared(doc);
    } catch (err) {
      throw new AppError('invalid_input', `The briefing was not saved: ${(err as Error).message}`);
    }
  }

  /** The editor's doc into its mirror, as the difference from what it last received, and from there into the live document. */
  private take(session: Session, doc: Node): void {
    const before = Y.encodeStateVector(session.mirror);
    session.mirror.transact(() => putContent(session.mirror, doc), EDITOR);
    session.unwritten.push(Y.encodeStateAsUpdate(session.mirror, before));
    session.metaDue = true;
    this.writeUnwritten(session);
  }

  /**
   * The session's changes not yet in the live document, into it and the library in one transaction.
   * Kept until that commits: a call run again (the library's write lock was busy) finds its change
   * already in the mirror, and would otherwise send nothing.
   */
  private writeUnwritten(session: Session): void {
    if (!session.unwritten.length) return;
    const update = Y.mergeUpdates(session.unwritten);
    this.stores.tx(() => this.change(() => Y.applyUpdate(this.live, update, EDITOR), true));
    session.unwritten = [];
  }

  /**
   * A change made here to the live document, its row written and its state saved in the caller's
   * transaction; `inTransaction` when `change` applies an update (which makes its own).
   */
  private change(change: () => void, inTransaction: boolean): void {
    if (inTransaction) change();
    else this.live.transact(change, EDITOR);
    this.write(false);
    this.wakeAll();
  }

  /** Writes the live document's briefing to the library, and saves its state: as the team's change (no outbox) or as one made here. */
  private write(team: boolean): void {
    const { records, briefings } = this.stores;
    const refusal = briefingRefusal(this.live);
    if (refusal) {
      this.refusal = refusal;
      return;
    }
    const briefing = briefingOf(this.live);
    if (briefing) {
      const write = () => briefings.write(this.uid, briefing.details, briefing.doc);
      if (team) records.applying(write);
      else {
        write();
        this.reviseIfDue();
      }
    }
    records.saveDocumentState(this.name, Y.encodeStateAsUpdate(this.live));
  }

  /** An automatic revision of the briefing, as its autosave takes one: at most every few minutes of editing here. */
  private reviseIfDue(now = new Date()): void {
    const id = this.stores.uids.id('briefings', this.uid);
    if (id !== undefined) this.stores.revisions.reviseIfDue(id, now);
  }

  /** Brings the session's mirror up to the live document. */
  private catchUp(session: Session): void {
    Y.applyUpdate(session.mirror, Y.encodeStateAsUpdate(this.live, Y.encodeStateVector(session.mirror)), TEAM);
  }

  /** Whether the editor has something to be told: a changed doc or changed peers. */
  private news(session: Session, peers: BriefingPeer[]): boolean {
    return session.behind || JSON.stringify(peers) !== session.peersSent || JSON.stringify(this.state()) !== session.stateSent;
  }

  /** The editor's selection, as positions in the mirror's doc, into this laptop's cursor for the team. */
  private point(session: Session, selection: { anchor: number; head: number } | null): void {
    if (!selection) {
      this.provider.setAwarenessField('cursor', null);
      return;
    }
    const fragment = briefingContent(session.mirror);
    const { doc, mapping } = initProseMirrorDoc(fragment, briefingSchema);
    const at = (pos: number) => Y.relativePositionToJSON(absolutePositionToRelativePosition(Math.max(0, Math.min(pos, doc.content.size)), fragment, mapping));
    this.provider.setAwarenessField('cursor', { anchor: at(selection.anchor), head: at(selection.head) });
  }

  /** The other members here, their cursors as positions in the session's mirror. */
  private peers(session: Session): BriefingPeer[] {
    const awareness = this.provider.awareness;
    if (!awareness) return [];
    const fragment = briefingContent(session.mirror);
    let mapping: ReturnType<typeof initProseMirrorDoc>['mapping'] | null = null;
    const at = (json: unknown): number | null => {
      if (!json || typeof json !== 'object') return null;
      mapping ??= initProseMirrorDoc(fragment, briefingSchema).mapping;
      try {
        return relativePositionToAbsolutePosition(session.mirror, fragment, Y.createRelativePositionFromJSON(json), mapping);
      } catch {
        return null;
      }
    };
    const peers: BriefingPeer[] = [];
    for (const [clientId, state] of awareness.getStates() as Map<number, AwarenessState>) {
      if (clientId === awareness.clientID || typeof state.user?.name !== 'string') continue;
      peers.push({ name: state.user.name.slice(0, 200), colour: clientId % 8, anchor: at(state.cursor?.anchor), head: at(state.cursor?.head) });
    }
    return peers.sort((a, b) => a.name.localeCompare(b.name));
  }

  private answer(session: Session, peers = this.peers(session)): BriefingRoomView {
    session.peersSent = JSON.stringify(peers);
    let doc: BriefingRoomView['doc'] = null;
    if (session.behind) {
      const briefing = briefingOf(session.mirror);
      doc = briefing ? this.stores.briefings.local(briefing.doc) : null;
      session.behind = false;
    }
    const { state, message } = this.state();
    session.stateSent = JSON.stringify({ state, message });
    const meta = doc || session.metaDue ? this.meta() : null;
    session.metaDue = false;
    return { session: session.id, doc, peers, state, message, meta };
  }

  private state(): Pick<BriefingRoomView, 'state' | 'message'> {
    const message = this.refusal ?? this.denied;
    return { state: message ? 'refused' : this.connected && this.synced ? 'online' : 'offline', message };
  }

  private meta(): BriefingMeta | null {
    const id = this.stores.uids.id('briefings', this.uid);
    return (id !== undefined && this.stores.revisions.meta(id)) || null;
  }

  private wakeAll(): void {
    for (const s of this.sessions.values()) s.wake?.();
  }
}

const gone = () => new AppError('not_found', 'This briefing’s session with the team ended (the window was away too long); open the briefing again.');

