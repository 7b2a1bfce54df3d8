// `verbatim search` shows what the app's search box shows: hits in groups, actors and the quotes
// found by their speaker's name among them; `verbatim quotes` prints words as the exports do.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codedLibrary, QUOTE, SELLOFF } from './coding-helpers';

const bin = fileURLToPath(new URL('../../bin/verbatim.js', import.meta.url));
const verbatim = (db: string, ...args: string[]) => spawnSync(process.execPath, [bin, '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, VERBATIM_DB: '' } });

describe('verbatim search and quotes over the coding', () => {
  it('groups hits and lists actors and what a speaker said', async () => {
    const { lib, kim, q1, q3 } = await codedLibrary();
    lib.close();
    const out = verbatim(lib.path, 'search', 'Jung', 'Han');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^Actors \(1\)$/m);
    expect(out.stdout).toContain(`actor #${kim.id}  Kim Jung Han`);
    expect(out.stdout).toMatch(/^Quotes \(2\)$/m);
    expect(out.stdout).toContain(`quote #${q1.id}  Kim Jung Han — `);
    const json = JSON.parse(verbatim(lib.path, 'search', 'Jung', 'Han', '--json').stdout) as { kind: string; id: number }[];
    expect(json.filter((h) => h.kind === 'quote').map((h) => h.id).sort()).toEqual([q1.id, q3.id].sort());
  });

  it('prints a paraphrase unquoted and labelled, a quote in quotation marks', async () => {
    const { lib } = await codedLibrary();
    lib.close();
    const out = verbatim(lib.path, 'quotes').stdout;
    expect(out).toContain(`${SELLOFF} (paraphrased)`);
    expect(out).not.toContain(`“${SELLOFF}”`);
    expect(out).toContain(`“${QUOTE}”`);
  });
});
