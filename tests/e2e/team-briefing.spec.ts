// Two analysts in one briefing, each in their own window on their own library (issue 15): what one
// types appears in the other's editor as it is typed, each sees the other's name beside the
// briefing and a named cursor where the other is, and when both type at once, both keep what they
// typed, in both windows and both libraries.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, startServer, callOver, stop } from './fixtures';
import { teamServer, useCluster } from './team-server';

useCluster();

interface JsonNode {
  text?: string;
  content?: JsonNode[];
}
const textOf = (node: JsonNode): string => node.text ?? (node.content ?? []).map(textOf).join('');

const openBriefing = async (page: Page, url: string, title: string) => {
  await page.goto(url);
  await page.getByTestId('nav-briefings').click();
  await page.getByTestId('briefing-item').filter({ hasText: title }).click();
  const editor = page.getByTestId('briefing-editor');
  await expect(editor).toBeVisible();
  return editor;
};

test('two analysts type in one briefing at once, see each other there, and keep both their words', async ({ page, app }) => {
  test.setTimeout(120_000);
  const server = await teamServer('room');
  const leeDir = fs.mkdtempSync(path.join(app.dir, 'lee-'));
  const lee = await startServer(path.join(leeDir, 'library.sqlite'));
  try {
    const status = (url: string) => callOver(url, 'team.status', {}) as Promise<{ state: string }>;
    await app.call('team.join', { url: server.url, token: server.addMember('Kim') });
    await callOver(lee.url, 'team.join', { url: server.url, token: server.addMember('Lee') });
    const briefing = await app.call<{ id: number }>('briefings.create', { title: 'Labor row' });
    await app.call('briefings.save', { id: briefing.id, doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Seoul holds firm.' }] }] } });
    // Lee's library has the briefing by itself, and both are online (and know their members' names).
    await expect.poll(async () => ((await callOver(lee.url, 'briefings.list', {})) as { title: string }[]).map((b) => b.title), { timeout: 30_000 }).toContain('Labor row');
    await expect.poll(async () => [(await status(app.url)).state, (await status(lee.url)).state], { timeout: 30_000 }).toEqual(['online', 'online']);

    const kimEditor = await openBriefing(page, app.url, 'Labor row');
    const leePage = await page.context().newPage();
    const leeErrors: string[] = [];
    leePage.on('pageerror', (e) => leeErrors.push(e.message));
    const leeEditor = await openBriefing(leePage, lee.url, 'Labor row');
    await expect(leeEditor).toHaveText('Seoul holds firm.');

    // Each sees the other beside the briefing.
    await expect(page.getByTestId('briefing-peer')).toHaveText('Lee', { timeout: 10_000 });
    await expect(leePage.getByTestId('briefing-peer')).toHaveText('Kim', { timeout: 10_000 });

    // Kim types; Lee sees it as it is typed, and Kim's cursor, named, where Kim is typing.
    await kimEditor.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Talks resume Friday.');
    await expect(leeEditor).toHaveText('Seoul holds firm. Talks resume Friday.', { timeout: 5_000 });
    const kimCursor = leePage.getByTestId('briefing-peer-cursor');
    await expect(kimCursor).toHaveAttribute('data-name', 'Kim');
    await leePage.screenshot({ path: test.info().outputPath('lee-sees-kim.png') });

    // Both type at once, at both ends: both keep their words, in both windows.
    await leeEditor.click();
    await leePage.keyboard.press('Control+Home');
    await Promise.all([leePage.keyboard.type('Monday: ', { delay: 20 }), page.keyboard.type(' In Geneva.', { delay: 20 })]);
    const both = 'Monday: Seoul holds firm. Talks resume Friday. In Geneva.';
    await expect(kimEditor).toHaveText(both, { timeout: 5_000 });
    await expect(leeEditor).toHaveText(both, { timeout: 5_000 });
    await expect(page.getByTestId('save-status')).toHaveText('Saved');
    await expect(leePage.getByTestId('save-status')).toHaveText('Saved');
    await page.screenshot({ path: test.info().outputPath('kim-after-both.png') });

    // Undo takes back Kim's own words only.
    await page.keyboard.press('Control+z');
    await expect(kimEditor).not.toContainText('In Geneva.');
    await expect(kimEditor).toContainText('Monday: Seoul holds firm.');
    await expect(leeEditor).not.toContainText('In Geneva.', { timeout: 5_000 });

    // Both libraries hold what the windows show.
    const stored = async (url: string) => {
      const list = (await callOver(url, 'briefings.list', {})) as { id: number; title: string }[];
      const { doc } = (await callOver(url, 'briefings.get', { id: list.find((b) => b.title === 'Labor row')!.id })) as { doc: JsonNode };
      return textOf(doc);
    };
    const shown = (await kimEditor.textContent()) ?? '';
    await expect.poll(() => stored(app.url)).toContain(shown.trim());
    await expect.poll(() => stored(lee.url)).toContain(shown.trim());
    expect(leeErrors).toEqual([]);
  } finally {
    await stop(lee.child);
    server.stop();
  }
});
