// `verbatim suggest`: the shape CONTRACT.md gives scripts (offsets into `verbatim show --json`'s
// text), the confidence filter, a table for people, and clear refusals.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { paste, sampleArticle, tempLibrary } from './helpers';

const bin = fileURLToPath(new URL('../../bin/verbatim.js', import.meta.url));

function verbatim(db: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, VERBATIM_DB: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) as unknown };
}

interface Span {
  start: number;
  end: number;
  exact: string;
}
interface Printed {
  kind: string;
  confidence: number;
  content: Span;
  cue: Span | null;
  source: Span | null;
  speaker: { name: string; actorId: number | null } | null;
}

// Each command is a new process (a few seconds on a loaded machine): the tests run few of them.
describe('verbatim suggest', () => {
  it('prints suggestions as JSON whose offsets index the text of verbatim show --json, with codebook actors matched', async () => {
    const { lib, services: s } = await tempLibrary();
    const kim = s.codebook.createActor({ name: 'Kim Jung Han' });
    const article = await s.importer.import(paste(`“We will not back down,” Kim Jung Han told reporters after the talks.\n\n${sampleArticle()}`));
    const id = String(article.id);
    lib.close();

    const r = verbatim(lib.path, 'suggest', id, '--json');
    expect(r.code).toBe(0);
    const printed = r.json() as Printed[];
    expect(printed.length).toBeGreaterThan(1);
    const text = (verbatim(lib.path, 'show', id, '--json').json() as { text: string }).text;
    for (const x of printed) {
      expect(Object.keys(x).sort()).toEqual(['confidence', 'content', 'cue', 'kind', 'source', 'speaker']);
      expect(['direct', 'mixed', 'indirect']).toContain(x.kind);
      expect(x.confidence).toBeGreaterThanOrEqual(0);
      expect(x.confidence).toBeLessThanOrEqual(1);
      for (const span of [x.content, x.cue, x.source]) if (span) expect(text.slice(span.start, span.end)).toBe(span.exact);
    }
    expect(printed[0]).toMatchObject({ kind: 'direct', content: { start: 0, end: 24, exact: '“We will not back down,”' }, speaker: { name: 'Kim Jung Han', actorId: kim.id } });

    const sure = verbatim(lib.path, 'suggest', id, '--json', '--min-confidence', '0.9').json() as Printed[];
    expect(sure).toEqual(printed.filter((x) => x.confidence >= 0.9));
    expect(sure.length).toBeLessThan(printed.length);

    const table = verbatim(lib.path, 'suggest', id);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^conf +kind +speaker +cue +at +content$/m);
    expect(table.stdout).toMatch(/^0\.\d\d +direct +Kim Jung Han +told +0–24 +“We will not back down,”$/m);
    expect(table.stdout).toContain(`${printed.length} suggestions`);
  }, 120_000);

  it('says so when there is nothing to suggest, and refuses a bad confidence or an unknown article', async () => {
    const { lib, services: s } = await tempLibrary();
    await s.importer.import(paste('The weather was mild in Seoul.'));
    lib.close();
    expect(verbatim(lib.path, 'suggest', '1').stdout).toBe('No suggestions for this article.\n');
    expect(verbatim(lib.path, 'suggest', '1', '--json').json()).toEqual([]);
    const bad = verbatim(lib.path, 'suggest', '1', '--min-confidence', 'high');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/“high” is not a confidence: give a number from 0 to 1/);
    const unknown = verbatim(lib.path, 'suggest', '7');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Article 7 does not exist/);
  }, 120_000);
});
