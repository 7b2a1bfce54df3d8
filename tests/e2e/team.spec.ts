// The app's link to its team, in browser mode (issue 15): an analyst joins a team from the window,
// sees it online with nothing waiting; an article another analyst (the command line, a library of
// their own) shares appears in the library list by itself, and the quote coded on it says who
// coded it; the open reader follows that analyst's later edit of it; what this analyst codes reaches the other; with the server gone the window says offline and how much waits, and once it is back the
// waiting changes go without anyone asking.
import { execFileSync } from 'node:child_process';
import { openLibrary } from '../../main/store/open';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, samplePath } from './fixtures';
import { teamServer, useCluster } from './team-server';

const bin = fileURLToPath(new URL('../../bin/verbatim.js', import.meta.url));

useCluster();

test('an analyst joins a team from the window, and changes travel both ways by themselves, offline included', async ({ page, app }) => {
  test.setTimeout(120_000);
  const server = await teamServer('desk');
  try {
    // Lee: a library of their own with an article in it, through the command line.
    const lee = path.join(app.dir, 'lee.sqlite');
    const verbatim = (...args: string[]) => execFileSync(process.execPath, [bin, '--db', lee, ...args], { encoding: 'utf8' });
    verbatim('import', '--title', 'Envoys meet in Seoul', samplePath);
    verbatim('team', 'join', server.url, '--token', server.addMember('Lee'));

    await page.goto(app.url);
    const status = page.getByTestId('team-status');
    await expect(status).toHaveAttribute('data-state', 'alone');
    await expect(status).toHaveText('No team');
    await status.click();
    const dialog = page.getByTestId('team-dialog');
    // A web page's address is not a team server's: the form says so and joins nothing.
    await page.getByTestId('team-url').fill('https://team.example');
    await page.getByTestId('team-token').fill('vbt_whatever');
    await page.getByTestId('team-join').click();
    expect(await page.getByTestId('team-url').evaluate((input: HTMLInputElement) => input.validity.patternMismatch)).toBe(true);
    await expect(status).toHaveAttribute('data-state', 'alone');
    await page.getByTestId('team-url').fill(server.url);
    await page.getByTestId('team-token').fill(server.addMember('Kim'));
    await page.getByTestId('team-join').click();
    await expect(page.getByTestId('team-server')).toHaveText(server.url);
    await expect(page.getByTestId('team-state')).toHaveText('Team online', { timeout: 20_000 });
    await expect(page.getByTestId('team-pending')).toHaveText('Nothing');
    await page.screenshot({ path: test.info().outputPath('team-dialog.png') });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(status).toHaveAttribute('data-state', 'online');

    // Lee shares the article Lee had; it appears in Kim's library list without Kim asking.
    verbatim('team', 'sync');
    await expect(page.getByTestId('library-item').filter({ hasText: 'Envoys meet in Seoul' })).toBeVisible({ timeout: 30_000 });

    // Kim's quote says who coded it.
    const { items } = await app.call<{ items: { id: number }[] }>('articles.list', {});
    const text = (await app.call<{ text: string }>('articles.read', { id: items[0]!.id })).text;
    const words = text.slice(text.indexOf(' ') + 1, text.indexOf(' ') + 30);
    await app.call('annotations.create', { articleId: items[0]!.id, kind: 'paraphrase', start: text.indexOf(words), end: text.indexOf(words) + words.length });
    await page.getByTestId('library-item').filter({ hasText: 'Envoys meet in Seoul' }).click();
    await expect(page.getByTestId('annotation-coder')).toHaveText('coded by Kim');
    await page.screenshot({ path: test.info().outputPath('team-coded-by.png') });

    // Lee retitles the article (as Lee's app would write it); Kim's open reader follows, without Kim
    // opening it again.
    const leeLibrary = await openLibrary(lee);
    leeLibrary.db.prepare(`UPDATE articles SET title = 'Envoys meet in Seoul (updated)', updated_at = ?`).run(new Date().toISOString());
    leeLibrary.close();
    verbatim('team', 'sync');
    await expect(page.getByTestId('article-title')).toHaveText('Envoys meet in Seoul (updated)', { timeout: 30_000 });

    // Kim names an actor; it reaches Lee.
    await app.call('actors.create', { name: 'Ambassador Quillfeather' });
    await expect.poll(() => (verbatim('team', 'sync'), verbatim('search', 'Quillfeather')), { timeout: 30_000 }).toContain('Ambassador Quillfeather');

    // The server goes away: the window says so, with what waits; back, and it goes by itself.
    server.stop();
    await app.call('actors.create', { name: 'Minister Vantablack' });
    await expect(status).toHaveAttribute('data-state', 'offline', { timeout: 30_000 });
    await expect(status).toContainText('1 waiting');
    await page.screenshot({ path: test.info().outputPath('team-offline.png') });
    await server.start();
    await expect(status).toHaveAttribute('data-state', 'online', { timeout: 45_000 });
    await expect(status).not.toContainText('waiting');
    await expect.poll(() => (verbatim('team', 'sync'), verbatim('search', 'Vantablack')), { timeout: 30_000 }).toContain('Minister Vantablack');
  } finally {
    server.stop();
  }
});
