// A keystroke in a briefing open in two apps (issue 15), through the path the windows take: one
// editor's session hands its room its doc with one more character (team.briefing.exchange), and
// the other editor's session, waiting in its room for the team's next change, is answered with the
// doc that has it. Between them: each room's Hocuspocus connection, the team's server, and each
// library's write of the row and the document's state. (The window's own hop, IPC or loopback
// HTTP, is left out.) Measured beside the same keystrokes between two bare Yjs clients (team-typing.ts).
import type { Library } from '../../main/store/open';
import type { Services } from '../../main/services';
import type { TeamLink } from '../../main/sync/team-link';
import type { BriefingRoomView } from '../../shared/model';

const KEYSTROKES = 100;
const TYPING_GAP_MS = 60;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface App {
  lib: Library;
  s: Services;
  link: TeamLink;
}

const paragraphText = (doc: BriefingRoomView['doc']) => {
  const p = (doc as { content?: { content?: { text?: string }[] }[] } | null)?.content?.[0];
  return (p?.content ?? []).map((t) => t.text ?? '').join('');
};

async function until<T>(what: string, get: () => T | undefined | Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = performance.now() + ms;
  for (;;) {
    const value = await get();
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`${what} did not happen within ${ms / 1000} s`);
    await sleep(20);
  }
}

/** A page of a briefing: about 500 words, in paragraphs of 50. */
const PAGE = Array.from({ length: 10 }, (_, i) => ({
  type: 'paragraph',
  content: [{ type: 'text', text: `Paragraph ${i}: ${'the delegation said the talks on compensation would resume after the holiday, officials said '.repeat(4)}` }],
}));

/**
 * Milliseconds from each keystroke sent by `kim`'s editor until `lee`'s waiting editor has it,
 * typed into the first paragraph of a briefing of `pages` more pages.
 */
export async function keystrokesBetweenRooms(kim: App, lee: App, pages = 0): Promise<number[]> {
  const briefing = kim.s.briefings.create({ title: pages ? `Typing together, ${pages} pages` : 'Typing together' });
  let text = 'Talks';
  const rest = Array.from({ length: pages }, () => PAGE).flat();
  const doc = (t: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }, ...rest] });
  kim.s.briefings.save(briefing.id, doc(text));
  const uid = (kim.lib.db.prepare(`SELECT uid FROM briefings WHERE id = ?`).get(briefing.id) as { uid: string }).uid;
  const leeId = await until('the briefing reaching the other library', () => (lee.lib.db.prepare(`SELECT id FROM briefings WHERE uid = ?`).get(uid) as { id: number } | undefined)?.id);
  const kimSession = kim.link.openBriefing(briefing.id)!.session;
  const leeSession = lee.link.openBriefing(leeId)!.session;
  try {
    await until('both rooms online', async () => (await kim.link.exchange(kimSession, {})).state === 'online' && (await lee.link.exchange(leeSession, {})).state === 'online');
    // Lee's editor has taken everything there is so far.
    await until('the other editor catching up', async () => (await lee.link.exchange(leeSession, {})).doc === null);
    const echo: number[] = [];
    for (let i = 0; i < KEYSTROKES; i++) {
      text += 'abcdefghij'[i % 10]!;
      const waiting = (async () => {
        for (;;) {
          const answer = await lee.link.exchange(leeSession, { wait: true });
          if (paragraphText(answer.doc) === text) return performance.now();
        }
      })();
      // The wait is in place before the keystroke goes.
      await sleep(2);
      const t = performance.now();
      await kim.link.exchange(kimSession, { doc: doc(text) });
      echo.push((await waiting) - t);
      await sleep(TYPING_GAP_MS);
    }
    return echo;
  } finally {
    kim.link.leave(kimSession);
    lee.link.leave(leeSession);
  }
}
