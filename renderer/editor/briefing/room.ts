// The editor's side of a briefing open with the team (main/sync/briefing-room.ts): in place of the
// autosave queue, one exchange with the room at a time, for as long as the briefing is open. Each
// sends what was typed (the doc, when the editor holds unconfirmed steps) and where the cursor is,
// and takes back the merged doc and who else is here. With nothing to send, the exchange waits in
// the room for the team's next change; typing or moving the cursor wakes it, so what is typed goes
// at once and what the team types arrives at once.
import type { EditorView } from 'prosemirror-view';
import { Node } from 'prosemirror-model';
import { sendableSteps } from 'prosemirror-collab';
import type { BriefingMeta, BriefingPeer, BriefingRoomView } from '../../../shared/model';
import { briefingSchema } from '../../../shared/schema/briefing';
import type { DocSaver, SaveState } from './autosave';
import { mergedTransaction, unconfirmedMapping, type Sent } from './rebase';

export interface RoomCalls {
  exchange(session: string, input: { doc?: Record<string, unknown> | null; selection?: { anchor: number; head: number } | null; wait?: boolean }): Promise<BriefingRoomView>;
  wake(session: string): Promise<unknown>;
  leave(session: string): Promise<unknown>;
  /** A new session, when the room no longer knows this one (the app's link started again). */
  open(): Promise<BriefingRoomView | null>;
}

export interface RoomHost {
  view(): EditorView | null;
  onPeers(peers: BriefingPeer[], state: BriefingRoomView['state'], message: string | null): void;
  /** The peers' cursors into the editor, at positions in its doc. */
  showPeers(peers: BriefingPeer[]): void;
  onSaved(): void;
  /** The briefing's details changed (its word count, when it was last changed). */
  onMeta(meta: BriefingMeta): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class RoomSaver implements DocSaver {
  state: SaveState = 'saved';
  private readonly listeners = new Set<(state: SaveState, error?: Error) => void>();
  private readonly settled = new Set<() => void>();
  private waiting = false;
  private woken = false;
  private stopped = false;
  private error: Error | undefined;
  private retryMs = 1_000;
  private selection = '';
  private peersShown = '[]';
  /** The doc as the room last confirmed it: where a new session's doc is rebased from. */
  private confirmed: Node;

  constructor(
    private session: string,
    firstDoc: Node,
    private readonly calls: RoomCalls,
    private readonly host: RoomHost,
  ) {
    this.confirmed = firstDoc;
    void this.loop();
  }

  get dirty(): boolean {
    const view = this.host.view();
    return !!view && sendableSteps(view.state) !== null;
  }

  /** The editor changed: what it holds goes at once. */
  change(): void {
    this.setState('dirty');
    this.wake();
  }

  /** The cursor moved: the team sees it at once. */
  moved(): void {
    this.wake();
  }

  async flush(): Promise<void> {
    if (!this.dirty) return;
    this.wake();
    await new Promise<void>((resolve) => this.settled.add(resolve));
  }

  retry(): Promise<void> {
    this.retryMs = 0;
    return this.flush();
  }

  onState(listener: (state: SaveState, error?: Error) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.stopped = true;
    this.listeners.clear();
    this.wake();
    void this.calls.leave(this.session).catch(() => {});
  }

  private wake(): void {
    this.woken = true;
    if (this.waiting) void this.calls.wake(this.session).catch(() => {});
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const view = this.host.view();
      if (!view) {
        await sleep(50);
        continue;
      }
      const sendable = sendableSteps(view.state);
      const sent: Sent = { doc: view.state.doc, steps: sendable?.steps ?? [], clientID: sendable?.clientID ?? 0 };
      const { anchor, head } = view.state.selection;
      const moved = `${anchor}:${head}` !== this.selection;
      this.woken = false;
      this.waiting = !sendable && !moved;
      if (sendable) this.setState('saving');
      let answer: BriefingRoomView;
      try {
        answer = await this.calls.exchange(this.session, { doc: sendable ? (sent.doc.toJSON() as Record<string, unknown>) : null, selection: moved ? { anchor, head } : undefined, wait: this.waiting && !this.woken });
      } catch (err) {
        this.waiting = false;
        if ((err as { code?: string }).code === 'not_found' && (await this.rejoin())) continue;
        this.error = err as Error;
        this.setState('error');
        this.settle();
        await sleep(this.retryMs);
        this.retryMs = Math.min(Math.max(this.retryMs * 2, 1_000), 30_000);
        continue;
      }
      this.waiting = false;
      this.retryMs = 1_000;
      if (moved) this.selection = `${anchor}:${head}`;
      const now = this.host.view();
      if (this.stopped || !now) break;
      if (sendable || answer.doc) {
        this.confirmed = answer.doc ? Node.fromJSON(briefingSchema, answer.doc) : sent.doc;
        now.dispatch(mergedTransaction(now.state, sent, this.confirmed));
      }
      const mapping = unconfirmedMapping(sendableSteps(now.state)?.steps);
      const at = (pos: number | null) => (pos === null ? null : mapping.map(pos));
      const peers = answer.peers.map((p) => ({ ...p, anchor: at(p.anchor), head: at(p.head) }));
      if (JSON.stringify(peers) !== this.peersShown) this.host.showPeers(peers);
      this.peersShown = JSON.stringify(peers);
      this.host.onPeers(answer.peers, answer.state, answer.message);
      if (answer.meta) this.host.onMeta(answer.meta);
      if (sendable) this.host.onSaved();
      this.setState(this.dirty ? 'dirty' : 'saved');
      if (!this.dirty) this.settle();
    }
    this.settle();
  }

  /**
   * A new session in place of one the room no longer knows: its doc taken as the team's change
   * since the last confirmed one, under what was typed since, which the next exchange sends.
   */
  private async rejoin(): Promise<boolean> {
    let view: BriefingRoomView | null;
    try {
      view = await this.calls.open();
    } catch {
      return false;
    }
    const now = this.host.view();
    if (!view?.doc || !now || this.stopped) return false;
    this.session = view.session;
    const doc = Node.fromJSON(briefingSchema, view.doc);
    now.dispatch(mergedTransaction(now.state, { doc: this.confirmed, steps: [], clientID: 0 }, doc));
    this.confirmed = doc;
    this.selection = '';
    return true;
  }

  private settle(): void {
    for (const resolve of this.settled) resolve();
    this.settled.clear();
  }

  private setState(state: SaveState): void {
    if (state === this.state && state !== 'error') return;
    this.state = state;
    for (const l of this.listeners) l(state, state === 'error' ? this.error : undefined);
  }
}
