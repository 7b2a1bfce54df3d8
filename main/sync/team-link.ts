// The app's link to its team (issue 15): while the app or browser mode has a library open, rounds
// with the team's server run by themselves (TeamSync), so what an analyst codes reaches the desk
// within seconds and what the desk does arrives without asking. The window shows the state
// (online, syncing, offline, refused) and the changes waiting, and can join a team or ask for a
// round now.
//
// The link writes through a connection of its own (connectAgain), as the command line would from
// another process: the window's library list, reader and codebook follow the team's changes the
// way they follow the command line's (`library.changes`), and a briefing open in the editor is told
// it changed elsewhere instead of being overwritten.
//
// When: a round as soon as something waits to be sent or is still to be fetched (a large library's
// first sync takes a round per few hundred articles; checked every beat, a tenth of a second),
// and as soon as the team changes something: the link keeps a connection open on the codebook and
// the library's index (`TeamWatch`), whose every change from elsewhere (a record, or an article or
// briefing marked changed) starts a round. A round at least every few seconds anyway; after a
// failure, less often, since a laptop on a plane should not spend its battery knocking.
import type { BriefingRoomView, TeamStatus } from '../../shared/model';
import { AppError } from '../errors';
import { connectAgain, type Library } from '../store/open';
import { RecordUidStore } from '../store/record-uids';
import { TeamBriefingStore } from '../store/team-briefings';
import { BriefingStore } from '../store/briefings';
import { TeamRecordStore } from '../store/team-records';
import { transactionFor } from '../store/write-lock';
import { BriefingRoom, type RoomStores } from './briefing-room';
import { TeamSync } from './team-sync';
import { TeamWatch } from './team-watch';

/** How many of the latest notices the link keeps for the window. */
const NOTICES_KEPT = 20;

export interface TeamLinkOptions {
  /** How often the link looks for changes waiting to be sent. */
  beatMs?: number;
  /** A round at least this often while online, for what the team changed. */
  roundMs?: number;
  /** After a failed round, the next one waits this long. */
  offlineMs?: number;
  /** How long one round may take before it counts as offline. */
  roundTimeoutMs?: number;
}

export class TeamLink {
  private readonly team: TeamSync;
  private state: 'online' | 'offline' | 'refused' | 'unknown' = 'unknown';
  private message: string | null = null;
  private problems: string[] = [];
  /** The latest notices of the rounds (TeamSync's), numbered so the window shows each once. */
  private notices: { id: number; text: string }[] = [];
  private noticeCount = 0;
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | undefined;
  private lastRound = 0;
  private watcher: TeamWatch | null = null;
  /** The team changed something since the round under way began. */
  private changedThere = false;
  private closed = false;
  private readonly beatMs: number;
  private readonly roundMs: number;
  private readonly offlineMs: number;
  private readonly roundTimeoutMs: number;
  /** The briefings open in an editor, live with the team (briefing-room.ts), by uid. */
  private readonly rooms = new Map<string, BriefingRoom>();
  private readonly stores: RoomStores;
  private readonly uids: RecordUidStore;

  private constructor(
    private readonly db: ReturnType<typeof connectAgain>,
    options: TeamLinkOptions,
  ) {
    // The rounds leave a briefing open in a room to the room, but for marking it changed once it is settled.
    this.team = new TeamSync({ db }, { live: (uid) => this.rooms.get(uid) });
    this.uids = new RecordUidStore(db);
    this.stores = { records: new TeamRecordStore(db), briefings: new TeamBriefingStore(db, this.uids), revisions: new BriefingStore(db), uids: this.uids, tx: transactionFor(db) };
    this.beatMs = options.beatMs ?? 100;
    this.roundMs = options.roundMs ?? 10_000;
    this.offlineMs = options.offlineMs ?? 15_000;
    this.roundTimeoutMs = options.roundTimeoutMs ?? 60_000;
  }

  /** A link for an open library, beating from now on. */
  static start(library: Library, options: TeamLinkOptions = {}): TeamLink {
    const link = new TeamLink(connectAgain(library), options);
    link.beat();
    return link;
  }

  status(): TeamStatus {
    const s = this.team.status();
    const state = !s.joined ? 'alone' : this.running ? 'syncing' : this.state === 'unknown' ? 'offline' : this.state;
    return { url: s.url, state, pending: s.pending, wanted: s.wanted, lastSync: s.lastSync, message: s.joined ? this.message : null, problems: s.joined ? this.problems : [], notices: this.notices };
  }

  /** Joins a team (see TeamSync.join) and starts the first round, which shares what the library holds. */
  join(url: string, token: string): TeamStatus {
    if (this.running) throw new AppError('conflict', 'A round with the team’s server is under way; join when it is done.');
    this.team.join(url, token);
    this.state = 'unknown';
    this.message = null;
    this.problems = [];
    void this.round();
    return this.status();
  }

  /** A round now (or the one under way), and the state it left. */
  async syncNow(): Promise<TeamStatus> {
    if (!this.team.status().joined) throw new AppError('invalid_input', 'This library is not in a team yet: join one in Settings ▸ Team, or with verbatim team join.');
    await this.round();
    return this.status();
  }

  /**
   * The analyst opened an article: when the team changed it and it is still to fetch (a large
   * library's first sync under way), a round takes it now, ahead of the rest.
   */
  reading(articleId: number): void {
    const uid = this.closed ? null : this.uids.uid('articles', articleId);
    if (!uid || !this.team.prefer(uid)) return;
    if (this.running) this.changedThere = true;
    else void this.round();
  }

  /** Opens the briefing live with the team, for an editor (see briefing-room.ts); null when the library is in no team. */
  openBriefing(id: number): BriefingRoomView | null {
    if (!this.team.status().joined) return null;
    const uid = this.uids.uid('briefings', id);
    if (!uid) throw new AppError('not_found', `Briefing ${id} was not found.`);
    let room = this.rooms.get(uid);
    if (!room) {
      const { url, token } = this.team.credentials();
      room = new BriefingRoom(uid, this.stores, { url, token, member: this.stores.records.setting('member') ?? 'A member of the team' });
      this.rooms.set(uid, room);
    }
    return room.open();
  }

  async exchange(session: string, input: Parameters<BriefingRoom['exchange']>[1]): Promise<BriefingRoomView> {
    return await this.room(session).exchange(session, input);
  }

  wake(session: string): { woken: boolean } {
    return { woken: this.rooms.get(roomOf(session))?.wake(session) ?? false };
  }

  leave(session: string): { left: boolean } {
    const room = this.rooms.get(roomOf(session));
    if (!room) return { left: false };
    if (room.leave(session)) this.closeRoom(room);
    return { left: true };
  }

  private room(session: string): BriefingRoom {
    const room = this.rooms.get(roomOf(session));
    if (!room) throw new AppError('not_found', 'This briefing’s session with the team ended; open the briefing again.');
    return room;
  }

  private closeRoom(room: BriefingRoom): void {
    room.close();
    this.rooms.delete(room.uid);
  }

  /** Stops the beat, waits for a round under way, and closes the link's connection. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.watcher?.close();
    for (const room of [...this.rooms.values()]) this.closeRoom(room);
    await this.running;
    this.db.close();
  }

  private beat(): void {
    if (this.closed) return;
    for (const room of [...this.rooms.values()]) if (room.sweep()) this.closeRoom(room);
    const { url, waiting } = this.team.due();
    this.watch(url);
    const since = Date.now() - this.lastRound;
    const due = this.state === 'online' || this.state === 'unknown' ? (waiting ? 0 : this.roundMs) : this.offlineMs;
    if (url !== null && !this.running && since >= due) void this.round();
    this.timer = setTimeout(() => this.beat(), this.beatMs);
    this.timer.unref();
  }

  /** Keeps the watch open while the library is in a team and the server answers; a change the team made starts a round. */
  private watch(url: string | null): void {
    if (!url || this.state !== 'online') {
      this.watcher?.close();
      this.watcher = null;
      return;
    }
    // Checked every beat: the token is read only when a watch is to be made.
    if (this.watcher?.url === url) return;
    const { token } = this.team.credentials();
    this.watcher?.close();
    this.watcher = new TeamWatch(url, token, () => {
      this.changedThere = true;
      if (!this.running) void this.round();
    });
  }

  private round(): Promise<void> {
    this.running ??= (async () => {
      try {
        this.changedThere = false;
        const outcome = await this.team.sync(this.roundTimeoutMs);
        this.state = 'online';
        this.message = null;
        this.problems = outcome.problems;
        this.notices = [...this.notices, ...outcome.notices.map((text) => ({ id: ++this.noticeCount, text }))].slice(-NOTICES_KEPT);
      } catch (err) {
        const refused = err instanceof AppError && err.code === 'conflict';
        this.state = refused ? 'refused' : 'offline';
        this.message = err instanceof AppError ? err.message : `The round with the team’s server failed: ${(err as Error)?.message ?? err}. The library works offline.`;
      } finally {
        this.lastRound = Date.now();
        this.running = null;
      }
      // What the team changed while this round was under way is fetched by the next, at once.
      if (this.changedThere && this.state === 'online' && !this.closed) void this.round();
    })();
    return this.running;
  }
}

/** The briefing's uid a room session names (briefing-room.ts makes them `uid|random`). */
const roomOf = (session: string) => session.slice(0, session.indexOf('|'));
