// Counts what coding takes: every key press, click and drag a spec makes through it. The counts
// are the figure issue 10 asked for (1 drag, 4 clicks and 79 keystrokes for a quote with a new
// speaker and a new position); `npm run bench` reports them through tests/bench/coding-effort.ts.
import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { selectInArticle } from './fixtures';

// A type, not an interface, so a report can carry more counts beside these.
export type Effort = {
  drags: number;
  clicks: number;
  /** Every key press, letters of typed names included. */
  keystrokes: number;
  /** Of those, the letters of names and claims typed (the rest is the app's own cost). */
  typedCharacters: number;
};

export class EffortCounter {
  readonly effort: Effort = { drags: 0, clicks: 0, keystrokes: 0, typedCharacters: 0 };
  constructor(private readonly page: Page) {}

  /** One drag of the mouse over a phrase in the article (its first occurrence unless told). */
  async drag(phrase: string, occurrence = 0) {
    this.effort.drags++;
    await selectInArticle(this.page, phrase, occurrence);
  }

  async click(target: Locator) {
    this.effort.clicks++;
    await target.click();
  }

  /** One key or chord (Shift+ArrowRight is one key press). */
  async press(key: string) {
    this.effort.keystrokes++;
    await this.page.keyboard.press(key);
  }

  async type(text: string) {
    this.effort.keystrokes += text.length;
    this.effort.typedCharacters += text.length;
    await this.page.keyboard.type(text);
  }
}

/** With VERBATIM_COUNTS_OUT set, adds `counts` under `name` to that JSON file. */
export function reportEffort(name: string, counts: Effort & Record<string, unknown>) {
  const out = process.env.VERBATIM_COUNTS_OUT;
  if (!out) return;
  const all = fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown>) : {};
  all[name] = counts;
  fs.writeFileSync(out, `${JSON.stringify(all, null, 2)}\n`);
}
