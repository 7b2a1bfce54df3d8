// Every test gets its own library and its own `verbatim web`, the same command a user runs.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';

const bin = fileURLToPath(new URL('../../bin/verbatim.js', import.meta.url));
export const samplePath = fileURLToPath(new URL('../fixtures/japan-korea-labor-row.txt', import.meta.url));
export const sampleText = () => fs.readFileSync(samplePath, 'utf8');

export interface App {
  url: string;
  dir: string;
  db: string;
  /** Stops the server (SIGTERM, or SIGKILL for a crash) and starts it again on the same library. */
  restart(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Runs the CLI against the same library. */
  cli(...args: string[]): string;
  /** Makes a contract call over browser mode's HTTP, as the page does; a refused call throws with its message. */
  call<T = unknown>(name: string, input: unknown): Promise<T>;
}

/** `verbatim web` on the library `db`, as a user starts it. */
export function startServer(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [bin, '--db', db, 'web', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise<{ child: ChildProcess; url: string }>((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /running at (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`verbatim web exited (${code}): ${out}`)));
  }).then((started) => {
    // Whatever the server says on stderr later (an internal error, a warning) belongs in the test log.
    child.stderr!.on('data', (d: Buffer) => process.stderr.write(`[verbatim web] ${d.toString()}`));
    return started;
  });
}

/** A contract call over browser mode's HTTP to the server at `url` (with its token). */
export async function callOver(url: string, name: string, input: unknown) {
  const { origin, searchParams } = new URL(url);
  const res = await fetch(`${origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-verbatim-token': searchParams.get('token') ?? '' },
    body: JSON.stringify(input),
  });
  const text = await res.text();
  let body: { ok: boolean; value?: unknown; error?: { message: string } };
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${name}: HTTP ${res.status} with a body that is not JSON: ${JSON.stringify(text.slice(0, 300))}`);
  }
  if (!body.ok) throw new Error(`${name}: HTTP ${res.status}: ${body.error?.message}`);
  return body.value;
}

export const stop = (child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });

export const test = base.extend<{ app: App }>({
  // Playwright reads a fixture's dependencies from its destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-e2e-'));
    const db = path.join(dir, 'library.sqlite');
    let server = await startServer(db);
    const app: App = {
      get url() {
        return server.url;
      },
      dir,
      db,
      restart: async (signal) => {
        await stop(server.child, signal);
        server = await startServer(db);
      },
      cli: (...args) => {
        return execFileSync(process.execPath, [bin, '--db', db, ...args], { encoding: 'utf8' });
      },
      call: async <T>(name: string, input: unknown) => (await callOver(server.url, name, input)) as T,
    };
    await use(app);
    await stop(server.child);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  // The page depends on the app, so the server outlives the page: requests still in flight when a
  // test ends must not be reported as errors.
  page: async ({ page, app: _app }, use) => {
    // A page error or a CSP violation is a bug, whatever the test checks.
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/favicon/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    await use(page);
    expect(problems, 'the page logged errors').toEqual([]);
  },
});

export { expect };

export async function importPasted(page: Page, text: string, title?: string) {
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-text').fill(text);
  if (title) await page.getByTestId('import-title').fill(title);
  await page.getByTestId('import-submit').click();
}

/** Selects an occurrence of `phrase` (the first unless told) in the article view, as a user dragging the mouse would. */
export async function selectInArticle(page: Page, phrase: string, occurrence = 0) {
  await expect(page.getByTestId('article-view')).toContainText(phrase);
  await page.getByTestId('article-view').evaluate((root, [phrase, occurrence]) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let text = '';
    const nodes: { node: Text; start: number }[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n as Text, start: text.length });
      text += n.nodeValue;
    }
    let at = -1;
    for (let i = 0; i <= occurrence; i++) {
      at = text.indexOf(phrase, at + 1);
      if (at < 0) throw new Error(`“${phrase}” is not in the article (occurrence ${occurrence})`);
    }
    const locate = (offset: number) => {
      const hit = [...nodes].reverse().find((x) => x.start <= offset)!;
      return { node: hit.node, offset: offset - hit.start };
    };
    const a = locate(at);
    const b = locate(at + phrase.length);
    const range = document.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  }, [phrase, occurrence] as const);
}

/** A new blank briefing with this title, from the Briefings view; the cursor is left in its body. */
export async function newBriefing(page: Page, title: string) {
  await page.getByTestId('nav-briefings').click();
  await page.getByTestId('briefing-new').click();
  await expect(page.getByTestId('briefing-title')).toHaveValue('Untitled briefing');
  await page.getByTestId('briefing-title').fill(title);
  await page.getByTestId('briefing-title').press('Enter'); // to the body; the title is saved on blur
  const editor = page.getByTestId('briefing-editor');
  await expect(editor).toBeFocused();
  return editor;
}

/**
 * Types at the end of the open briefing's last paragraph and closes the tab at once, with no time
 * for a debounced save; returns a new tab on the Briefings view.
 */
export async function typeThenCloseTab(page: Page, url: string, words: string) {
  await page.getByTestId('briefing-editor').locator('p').last().click();
  await page.keyboard.press('End');
  await page.keyboard.type(words);
  await page.close();
  const again = await page.context().newPage();
  await again.goto(url);
  await again.getByTestId('nav-briefings').click();
  return again;
}

export const QUOTE = 'to show more sincerity to resolve the problem';
export const POSITION = 'Japan must show more sincerity on wartime labor';
export const TOPIC = 'Wartime labor compensation';

/** Imports the sample article and quotes Kim Jung Han on it, as an analyst would. */
export async function importAndQuoteKim(page: Page) {
  await importPasted(page, sampleText(), 'Japan urges South Korea to resolve wartime labor row');
  await selectInArticle(page, QUOTE);
  await page.getByTestId('annotate-quote').click();
  await page.getByTestId('speaker-input').fill('Kim Jung Han');
  await page.getByTestId('speaker-input').press('Enter');
  await expect(page.getByTestId('speaker-chip')).toContainText('Kim Jung Han');
  await page.getByTestId('position-input').fill(POSITION);
  await page.getByTestId('position-input').press('Enter');
  await page.getByTestId('position-topic-input').fill(TOPIC);
  await page.getByTestId('position-topic-input').press('Enter');
  await page.getByTestId('stance-select').selectOption('supports');
  await page.getByTestId('annotation-save').click();
  await expect(page.locator('[data-testid="article-view"] [data-annotation-id]')).toHaveText(QUOTE);
}
