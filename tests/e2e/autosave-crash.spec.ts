// Promise: an analyst typing without a pause loses at most the last moments if Verbatim dies.
// A briefing is typed into word by word; `verbatim web` is SIGKILLed while the typing goes on;
// after a restart every word typed more than the autosave's longest wait (2 s, see
// renderer/editor/briefing/autosave.ts) before the crash is in the briefing. The page that was
// typing is told its saves fail.
import { test, expect, newBriefing } from './fixtures';

/** The autosave's longest wait while changes keep coming, plus one save's round trip. */
const WINDOW_MS = 2000 + 500;

test('killing the server while a briefing is typed into keeps everything older than the autosave window', async ({ app, context, page }) => {
  test.setTimeout(120_000);
  // The typing happens in a page of its own: once the server is killed, its saves are refused
  // connections, which Chromium logs as errors; those, and only those, are expected there.
  const typist = await context.newPage();
  const refused: string[] = [];
  const otherErrors: string[] = [];
  typist.on('pageerror', (e) => otherErrors.push(e.message));
  typist.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (/ERR_CONNECTION_REFUSED|ERR_EMPTY_RESPONSE|ERR_CONNECTION_RESET/.test(m.text())) refused.push(m.text());
    else otherErrors.push(m.text());
  });
  await typist.goto(app.url);
  await newBriefing(typist, 'Crash drill');

  // Type word after word, about four keys a second faster than a quick typist, never pausing long
  // enough for the debounce alone to save; record when each word was finished.
  const typed: { word: string; at: number }[] = [];
  let killedAt = 0;
  const typing = (async () => {
    for (let i = 0; i < 60; i++) {
      const word = `w${String(i).padStart(2, '0')}x `;
      await typist.keyboard.type(word, { delay: 25 });
      typed.push({ word: word.trim(), at: Date.now() });
    }
  })();
  await typist.waitForTimeout(6000);
  const alive = typed.length;
  killedAt = Date.now();
  await app.restart('SIGKILL');
  await typing;
  expect(alive, 'words typed before the crash').toBeGreaterThan(20);

  // The typing page says its work is not being saved.
  await expect(typist.getByTestId('save-status')).toContainText(/not reachable|wrong token/i, { timeout: 15_000 });
  await typist.close();
  expect(otherErrors).toEqual([]);
  expect(refused.length).toBeGreaterThan(0);

  // After the restart, the briefing holds every word older than the window, in order.
  await page.goto(app.url);
  await page.getByTestId('nav-briefings').click();
  await page.getByTestId('briefing-item').filter({ hasText: 'Crash drill' }).click();
  const text = (await page.getByTestId('briefing-editor').textContent()) ?? '';
  const mustHave = typed.filter((t) => t.at <= killedAt - WINDOW_MS).map((t) => t.word);
  expect(mustHave.length).toBeGreaterThan(10);
  expect(text).toContain(mustHave.join(' '));
  console.log(`[reliability] autosave under crash: ${JSON.stringify({ typedBeforeCrash: alive, mustHave: mustHave.length, kept: text.trim().split(/\s+/).length })}`);
});
