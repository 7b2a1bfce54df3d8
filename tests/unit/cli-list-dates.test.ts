// `verbatim list --from/--to`: the library's date-range filter from the command line, through the
// built command; and an imported Markdown file whose date is ambiguous keeps the date as written.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers';

const bin = fileURLToPath(new URL('../../bin/verbatim.js', import.meta.url));

function verbatim(db: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, VERBATIM_DB: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) as { title: string; publishedAt: string | null; publishedAsWritten: string | null }[] };
}

describe('verbatim list by publication date', () => {
  it('lists only the range, says so when nothing matches, and refuses a date in another format', () => {
    const dir = tempDir();
    const db = path.join(dir, 'lib.sqlite');
    const files = [
      ['march.md', '---\ntitle: March talks\ndate: March 3, 2024\n---\nThe envoys met in March.\n'],
      ['may.md', '---\ntitle: May talks\ndate: 2024-05-20T23:30:00+09:00\n---\nThe envoys met in May.\n'],
      ['unsure.md', '---\ntitle: Unsure talks\ndate: 03/04/2024\n---\nThe envoys met, some day.\n'],
    ].map(([name, text]) => {
      fs.writeFileSync(path.join(dir, name!), text!);
      return path.join(dir, name!);
    });
    const imported = verbatim(db, 'import', ...files, '--json');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('could be 3 April or 4 March');

    expect(verbatim(db, 'list', '--sort', 'published', '--json').json().map((a) => [a.title, a.publishedAt, a.publishedAsWritten])).toEqual([
      ['May talks', '2024-05-20', null],
      ['March talks', '2024-03-03', null],
      ['Unsure talks', null, '03/04/2024'],
    ]);
    expect(verbatim(db, 'list', '--from', '2024-03-01', '--to', '2024-03-31', '--json').json().map((a) => a.title)).toEqual(['March talks']);
    expect(verbatim(db, 'list', '--from', '2024-04-01', '--json').json().map((a) => a.title)).toEqual(['May talks']);
    expect(verbatim(db, 'list', '--to', '2023-12-31').stdout.trim()).toBe('No articles match.');
    const bad = verbatim(db, 'list', '--from', '03/04/2024');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('must be a date as YYYY-MM-DD');
    // Seven runs of the command, each starting Node and opening the library.
  }, 120_000);
});
