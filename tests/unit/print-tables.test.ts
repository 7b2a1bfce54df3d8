// A small table is never split across pages in the PDF: printed by Debian's Chromium and read back
// page by page with poppler. Many stance tables at shifting heights make sure some would straddle
// a page break without the rule.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { briefingSchema as s } from '../../shared/schema/briefing';
import { renderBriefingHtml } from '../../shared/render';
import { codedLibrary } from './coding-helpers';

const bin = fileURLToPath(new URL('../../bin/verbatim.js', import.meta.url));
const TABLES = 24;
const p = (text: string) => s.node('paragraph', null, [s.text(text)]);

describe('small tables in print', () => {
  it('marks tables of a few rows to be kept together, and not long ones', () => {
    const rows = (n: number) => s.node('table', null, Array.from({ length: n }, (_, i) => s.node('table_row', null, [s.node('table_cell', null, [p(`row ${i}`)])])));
    const html = (n: number) => renderBriefingHtml({ title: 'T', classification: '', author: '', date: null, status: 'draft', doc: s.node('doc', null, [rows(n)]).toJSON() }, {});
    expect(html(4)).toContain('<table class="keep-together">');
    expect(html(40)).not.toContain('keep-together">');
  });

  it('prints every row of a three-row stance table on the page where the table starts', async () => {
    const c = await codedLibrary();
    const { services: sv } = c;
    // One to four one-line paragraphs between tables move each table to a different height on the page.
    const blocks = [];
    for (let i = 0; i < TABLES; i++) {
      for (let j = 0; j <= i % 4; j++) blocks.push(p(`Note ${i}.${j}: talks continue.`));
      blocks.push(s.node('stance_table', { topicId: c.topic.id, topic: c.topic.name }));
    }
    const b = sv.briefings.create({ template: 'blank', title: 'Stance tables', classification: '', author: '' });
    sv.briefings.save(b.id, s.node('doc', null, blocks).toJSON());
    c.lib.close();
    const out = path.join(path.dirname(c.lib.path), 'tables.pdf');
    const r = spawnSync(process.execPath, [bin, '--db', c.lib.path, 'export', String(b.id), '--format', 'pdf', '--out', out], { encoding: 'utf8', env: { ...process.env, VERBATIM_DB: '' } });
    expect(r.stderr).toBe('');
    const pages = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
    expect(pages.length).toBeGreaterThan(1);
    // Each table: a caption, then its rows (Kim Jung Han, Shigeki Takizaki). On every page, as many
    // of each row as captions: no table left a row on another page.
    const count = (page: string, re: RegExp) => (page.match(re) ?? []).length;
    for (const [i, page] of pages.entries()) {
      const captions = count(page, /ACTORS & POSITIONS/gi);
      expect({ page: i + 1, kim: count(page, /Kim Jung Han/g), takizaki: count(page, /Shigeki Takizaki/g) }).toEqual({ page: i + 1, kim: captions, takizaki: captions });
    }
    expect(pages.reduce((n, page) => n + count(page, /ACTORS & POSITIONS/gi), 0)).toBe(TABLES);
  }, 60_000);
});
