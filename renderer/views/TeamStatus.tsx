// The library's team, in the top bar: in no team, online, syncing, offline or refused, with the
// changes waiting to reach the team's server; a click (or File ▸ Team…) opens the team's settings,
// where a library joins a team and asks for a round now. The state is asked for every few seconds
// while the window is shown: the rounds run in main by themselves (main/sync/team-link.ts).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { TeamStatus } from '../../shared/model';
import { call } from '../api';

const EVERY_MS = 2000;

const LABELS: Record<TeamStatus['state'], string> = { alone: 'No team', online: 'Team online', syncing: 'Syncing…', offline: 'Team offline', refused: 'Team refused' };

/** The team's state, asked for now and then; `refresh` asks at once (after a join or a round). */
export function useTeamStatus(): [TeamStatus | null, (s?: TeamStatus) => Promise<void>] {
  const [status, setStatus] = useState<TeamStatus | null>(null);
  // Only a status that changed is set: the window (an open editor's menus among it) must not draw
  // again every two seconds for an answer that says the same.
  const last = useRef('');
  const refresh = useCallback(async (known?: TeamStatus) => {
    try {
      const next = known ?? (await call('team.status', {}));
      const seen = JSON.stringify(next);
      if (seen === last.current) return;
      last.current = seen;
      setStatus(next);
    } catch {
      // Asked again at the next beat.
    }
  }, []);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => !document.hidden && void refresh(), EVERY_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  return [status, refresh];
}

export function TeamStatusButton({ status, onOpen }: { status: TeamStatus | null; onOpen: () => void }) {
  if (!status) return null;
  const waiting = status.pending > 0 && status.state !== 'alone' ? ` · ${status.pending} waiting` : '';
  const fetching = status.wanted > 0 && status.state !== 'alone' ? ` · ${status.wanted.toLocaleString()} to fetch` : '';
  return (
    <button
      class={`team-status team-${status.state}`}
      data-testid="team-status"
      data-state={status.state}
      title={status.message ?? (status.url ? `${status.url}${status.lastSync ? ` · last synced ${new Date(status.lastSync).toLocaleTimeString()}` : ''}` : 'Share this library with a team')}
      onClick={onOpen}
    >
      <span class="team-dot" aria-hidden="true" />
      {LABELS[status.state]}
      {waiting}
      {fetching}
    </button>
  );
}

export function TeamDialog({ status, onStatus, onClose }: { status: TeamStatus | null; onStatus: (s: TeamStatus) => void; onClose: () => void }) {
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement & HTMLButtonElement>(null);
  const joined = status && status.state !== 'alone';
  // The first field, or Sync now once the library has joined (the form it had the focus in is gone).
  useEffect(() => first.current?.focus(), [joined]);
  // Escape closes it wherever the focus is, as the form's replacement may have left it on the page.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const run = async (work: () => Promise<TeamStatus>) => {
    setBusy(true);
    setError(null);
    try {
      onStatus(await work());
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="overlay" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        class="dialog team-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="team-title"
        data-testid="team-dialog"
      >
        <h2 id="team-title">Team</h2>
        {joined ? (
          <>
            <dl class="team-facts">
              <dt>Server</dt>
              <dd data-testid="team-server">{status.url}</dd>
              <dt>State</dt>
              <dd data-testid="team-state">{LABELS[status.state]}</dd>
              <dt>Waiting to be sent</dt>
              <dd data-testid="team-pending">{status.pending === 0 ? 'Nothing' : `${status.pending} change${status.pending === 1 ? '' : 's'}`}</dd>
              {status.wanted > 0 && (
                <>
                  <dt>Still to fetch</dt>
                  <dd data-testid="team-wanted">
                    {status.wanted.toLocaleString()} article{status.wanted === 1 ? '' : 's'} or briefings the team changed
                  </dd>
                </>
              )}
              <dt>Last synced</dt>
              <dd>{status.lastSync ? new Date(status.lastSync).toLocaleString() : 'Not yet'}</dd>
            </dl>
            {status.message && (
              <p class="team-message" role="status" data-testid="team-message">
                {status.message}
              </p>
            )}
            {status.problems.length > 0 && (
              <div class="team-problems" data-testid="team-problems">
                <p>What the last round could not take from the team:</p>
                <ul>
                  {status.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </div>
            )}
            {error && <p class="form-error" role="alert">{error}</p>}
            <div class="dialog-actions">
              <button type="button" onClick={onClose}>
                Close
              </button>
              <button type="button" class="primary" ref={first} disabled={busy} data-testid="team-sync-now" onClick={() => void run(() => call('team.sync', {}))}>
                {busy ? 'Syncing…' : 'Sync now'}
              </button>
            </div>
          </>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void run(() => call('team.join', { url, token }));
            }}
          >
            <p class="team-intro">
              Share this library with your desk: its articles, codebook, coding and briefings. You keep working offline; changes travel when the team’s server can be reached. Whoever runs the server gives you its address and your token.
            </p>
            <label>
              Server address
              <input
                ref={first}
                type="url"
                required
                pattern="wss?://.+"
                title="The team server’s address starts with wss:// (or ws:// on the same machine)."
                placeholder="wss://team.example"
                value={url} data-testid="team-url" onInput={(e) => setUrl(e.currentTarget.value)} />
            </label>
            <label>
              Your token
              <input type="password" required autocomplete="off" value={token} data-testid="team-token" onInput={(e) => setToken(e.currentTarget.value)} />
            </label>
            {error && (
              <p class="form-error" role="alert" data-testid="team-error">
                {error}
              </p>
            )}
            <div class="dialog-actions">
              <button type="button" onClick={onClose}>
                Cancel
              </button>
              <button type="submit" class="primary" disabled={busy} data-testid="team-join">
                {busy ? 'Joining…' : 'Join team'}
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}

/**
 * The team's corner of the top bar: its state, its dialog, and its notices as toasts. The status is
 * held here, not in the window, so a round's answer draws this corner again and nothing else.
 */
export function TeamCorner({ open, setOpen, toast }: { open: boolean; setOpen: (open: boolean) => void; toast: (t: { kind: 'info'; text: string }) => void }) {
  const [team, refreshTeam] = useTeamStatus();
  // What the team did to what this library holds (a merge, a superseded edit), each said once;
  // notices from before the window opened are not news.
  const noticed = useRef<number | null>(null);
  useEffect(() => {
    if (!team) return;
    const last = noticed.current ?? team.notices.at(-1)?.id ?? 0;
    for (const n of team.notices) if (n.id > last && noticed.current !== null) toast({ kind: 'info', text: n.text });
    noticed.current = Math.max(last, team.notices.at(-1)?.id ?? 0);
  }, [team, toast]);
  return (
    <>
      <TeamStatusButton status={team} onOpen={() => setOpen(true)} />
      {open && <TeamDialog status={team} onStatus={(s) => void refreshTeam(s)} onClose={() => setOpen(false)} />}
    </>
  );
}
