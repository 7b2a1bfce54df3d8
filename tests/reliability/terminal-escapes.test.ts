// Promise 3 at the terminal: an imported title or text holding escape sequences (a hyperlink that
// shows one address and opens another, a screen clear) must not drive the analyst's terminal when
// `verbatim list`, `show` or `search` print it. Controls are dropped on import; whatever is already
// in a library is shown as visible placeholders.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { registerSearchFunctions } from '../../main/store/search-functions';
import { tempDir } from '../unit/helpers';
import { cli } from './support';

const ESC = '\u001b';
const BEL = '\u0007';
const CSI = '\u009b';
const spoofedLink = `${ESC}]8;;https://evil.example/${BEL}https://www.mofa.go.jp/${ESC}]8;;${BEL}`;
const clearScreen = `${ESC}[2J${ESC}[H`;
/** Every control character a terminal could act on (line feed and tab are layout). */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

describe('escape sequences and the terminal', () => {
  it('are dropped from titles, outlets, authors, URLs and text on import', () => {
    const dir = tempDir();
    const db = path.join(dir, 'library.sqlite');
    const page = path.join(dir, 'hostile.html');
    fs.writeFileSync(
      page,
      `<!doctype html><html><head><title>Seoul ${spoofedLink} talks${clearScreen}</title>
       <meta property="og:site_name" content="Kyodo${CSI}2J News"><meta name="author" content="${ESC}[31mKim${ESC}[0m Jung Han">
       <link rel="canonical" href="https://example.com/a${ESC}[2Jb"></head>
       <body><article><p>Seoul${clearScreen} presses Tokyo on wartime labor${BEL}.</p><p>Tokyo warns against liquidation.</p></article></body></html>`,
    );
    const note = path.join(dir, 'note.txt');
    fs.writeFileSync(note, `Export controls\n\nTokyo${ESC}[2J lifts the controls.\tAfter talks.\n`);
    expect(cli(db, 'import', page).code).toBe(0);
    expect(cli(db, 'import', note, '--title', `Controls ${spoofedLink}`, '--author', `A${CSI}B`).code).toBe(0);

    const list = JSON.parse(cli(db, 'list', '--json').stdout) as { id: number; title: string; outlet: string | null; author: string | null; url: string | null }[];
    expect(list).toHaveLength(2);
    for (const a of list) {
      const shown = cli(db, 'show', String(a.id), '--json');
      const full = JSON.parse(shown.stdout) as { title: string; outlet: string | null; author: string | null; url: string | null; text: string };
      for (const value of [full.title, full.outlet, full.author, full.url, full.text]) expect(value ?? '').not.toMatch(RAW_CONTROL);
    }
    const html = list.find((a) => a.title.startsWith('Seoul'))!;
    // The words stay; only the controls go (the ESC-less remainder of a sequence is plain text).
    expect(html.title).toContain('https://www.mofa.go.jp/');
    expect(html).toMatchObject({ outlet: 'Kyodo2J News', author: '[31mKim[0m Jung Han', url: 'https://example.com/a[2Jb' });
  }, 120_000);

  it('already in a library, are shown as placeholders by list, show, search and errors; JSON escapes them', () => {
    const dir = tempDir();
    const db = path.join(dir, 'library.sqlite');
    const note = path.join(dir, 'note.txt');
    fs.writeFileSync(note, 'Seoul presses Tokyo on wartime labor.\n\nTokyo warns against liquidation.\n');
    expect(cli(db, 'import', note).code).toBe(0);
    // As an older Verbatim (or another tool) may have left it.
    const raw = new Database(db);
    // The search index's triggers call Verbatim's own SQL function (migration 10).
    registerSearchFunctions(raw);
    raw.prepare(`UPDATE articles SET title = ?, outlet = ?, text = text || ?`).run(`Seoul ${spoofedLink}${clearScreen}`, `Kyodo${CSI}2J`, ` labor${ESC}[2J`);
    raw.close();

    const outputs = [cli(db, 'list'), cli(db, 'show', '1'), cli(db, 'search', 'Seoul'), cli(db, 'quotes'), cli(db, 'briefings'), cli(db, 'show', `9${ESC}[2J`)];
    for (const r of outputs) {
      expect(r.stdout).not.toMatch(RAW_CONTROL);
      expect(r.stderr).not.toMatch(RAW_CONTROL);
    }
    expect(outputs[0]!.stdout).toContain('Seoul ␛]8;;https://evil.example/␇https://www.mofa.go.jp/␛]8;;␇␛[2J␛[H');
    expect(outputs[1]!.stdout).toContain('Kyodo<U+009B>2J');
    expect(outputs[5]!.stderr).toContain('9␛[2J');

    const json = cli(db, 'list', '--json').stdout;
    expect(json).not.toMatch(RAW_CONTROL);
    expect((JSON.parse(json) as { title: string; outlet: string }[])[0]).toMatchObject({ title: `Seoul ${spoofedLink}${clearScreen}`, outlet: `Kyodo${CSI}2J` });
  }, 120_000);
});
