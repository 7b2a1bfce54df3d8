import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixture, tempDir } from './helpers';
import { codedLibrary, QUOTE } from './coding-helpers';

const bin = fileURLToPath(new URL('../../bin/verbatim.js', import.meta.url));

function verbatim(db: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, VERBATIM_DB: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) as unknown };
}

describe('the verbatim command', () => {
  it('imports, lists, shows and searches', () => {
    const db = path.join(tempDir(), 'lib.sqlite');
    const imp = verbatim(db, 'import', fixture('japan-korea-labor-row.txt'), '--outlet', 'Kyodo News', '--date', '2020-10-29', '--json');
    expect(imp.code).toBe(0);
    const [result] = imp.json() as { status: string; id: number }[];
    expect(result).toMatchObject({ status: 'imported', id: 1 });

    const again = verbatim(db, 'import', fixture('japan-korea-labor-row.txt'), '--json');
    expect(again.code).toBe(0);
    expect(again.json()).toMatchObject([{ status: 'duplicate', id: 1 }]);

    expect(verbatim(db, 'list', '--json').json()).toMatchObject([{ id: 1, outlet: 'Kyodo News', publishedAt: '2020-10-29', importedAt: expect.any(String), title: expect.stringMatching(/^Japan urged/) }]);
    const shown = verbatim(db, 'show', '1', '--json').json() as { text: string };
    expect(shown.text).toContain('Nippon Steel');
    expect(verbatim(db, 'show', '1').stdout).toContain('Kyodo News · 2020-10-29');

    const hits = verbatim(db, 'search', 'Nippon', 'Steel', '--json').json() as { kind: string; id: number; snippet: string }[];
    expect(hits).toMatchObject([{ kind: 'article', id: 1 }]);
    expect(hits[0]!.snippet).toContain('[Nippon] [Steel]');
  });

  it('imports many files in batches and lists every article, past the pages the store returns', () => {
    const dir = tempDir();
    const db = path.join(dir, 'lib.sqlite');
    const files = Array.from({ length: 620 }, (_, i) => {
      const f = path.join(dir, `brief-${i}.txt`);
      fs.writeFileSync(f, `Brief ${i}\n\nThe envoy met the ministry about export controls, round ${i}.`);
      return f;
    });
    const imp = verbatim(db, 'import', ...files, '--json');
    expect(imp.code).toBe(0);
    expect((imp.json() as { status: string }[]).filter((r) => r.status === 'imported')).toHaveLength(620);
    const listed = verbatim(db, 'list', '--sort', 'title', '--json').json() as { title: string }[];
    expect(listed).toHaveLength(620);
    expect(new Set(listed.map((a) => a.title)).size).toBe(620);
    expect(listed.slice(0, 3).map((a) => a.title)).toEqual(['Brief 0', 'Brief 1', 'Brief 10']);
  });

  it('lists the coding as quotes and exports it; an unknown article is an error, not an empty list', async () => {
    const { lib, articleId } = await codedLibrary();
    const rows = verbatim(lib.path, 'quotes', '--json').json() as { text: string; speaker: { name: string } | null }[];
    expect(rows).toHaveLength(3);
    expect(rows).toContainEqual(expect.objectContaining({ text: QUOTE, speaker: expect.objectContaining({ name: 'Kim Jung Han' }) }));
    expect(verbatim(lib.path, 'quotes', '--article', String(articleId)).stdout).toContain(QUOTE);
    const unknown = verbatim(lib.path, 'quotes', '--article', '999');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Article 999 does not exist/);

    const out = path.join(tempDir(), 'quotes.csv');
    const exported = verbatim(lib.path, 'export-quotes', '--format', 'csv', '--out', out);
    expect(exported.code).toBe(0);
    const csv = fs.readFileSync(out, 'utf8');
    expect(csv.split('\n')[0]).toMatch(/speaker/i);
    expect(csv).toContain(QUOTE);
    expect(verbatim(lib.path, 'export-quotes', '--format', 'graphml', '--out', path.join(tempDir(), 'n.graphml')).code).toBe(0);
    expect(verbatim(lib.path, 'export-quotes', '--format', 'csv', '--article', '999', '--out', path.join(tempDir(), 'x.csv')).code).toBe(1);
  });

  it('names each failed file and exits 1, while the rest of the batch imports', () => {
    const dir = tempDir();
    const db = path.join(dir, 'lib.sqlite');
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    fs.writeFileSync(path.join(dir, 'blob.html'), Buffer.from([0, 159, 146, 150, 0, 1, 2]));
    fs.writeFileSync(path.join(dir, 'slides.pptx'), 'x');
    const r = verbatim(db, 'import', path.join(dir, 'empty.txt'), fixture('japan-korea-labor-row.txt'), path.join(dir, 'blob.html'), path.join(dir, 'slides.pptx'), path.join(dir, 'missing.txt'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/failed +.*empty\.txt: The file is empty\./);
    expect(r.stdout).toMatch(/imported +.*japan-korea-labor-row\.txt/);
    expect(r.stdout).toMatch(/failed +.*blob\.html: .*binary/);
    expect(r.stdout).toMatch(/failed +.*slides\.pptx: .*cannot be imported/);
    expect(r.stdout).toMatch(/failed +.*missing\.txt/);
    expect(verbatim(db, 'list', '--json').json()).toHaveLength(1);
  });

  it('backs up and checks the library; a damaged one fails the check and names the newest backup', () => {
    const dir = tempDir();
    const db = path.join(dir, 'lib.sqlite');
    verbatim(db, 'import', fixture('japan-korea-labor-row.txt'));
    expect(verbatim(db, 'check').code).toBe(0);
    const backup = path.join(dir, 'copy.sqlite');
    expect(verbatim(db, 'backup', backup).code).toBe(0);
    expect(verbatim(backup, 'list', '--json').json()).toHaveLength(1);

    const bytes = fs.readFileSync(db);
    bytes.write('Definitely not SQLite', 0, 'latin1');
    fs.writeFileSync(db, bytes);
    const check = verbatim(db, 'check');
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/damaged/);
    const list = verbatim(db, 'list');
    expect(list.code).toBe(1);
    expect(list.stderr).toMatch(/damaged.*Nothing was changed/);
    expect(fs.readFileSync(db).equals(bytes)).toBe(true);
  });

  it('reports unknown ids and bad arguments on stderr with exit 1', () => {
    const db = path.join(tempDir(), 'lib.sqlite');
    // A command that reads does not start a library where there is none.
    expect(verbatim(db, 'show', '42').stderr).toMatch(/There is no library at .*nothing was created/);
    expect(fs.existsSync(db)).toBe(false);
    expect(verbatim(db, 'import', fixture('japan-korea-labor-row.txt')).code).toBe(0);
    const r = verbatim(db, 'show', '42');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Article 42 does not exist/);
    expect(verbatim(db, 'show', 'abc').code).toBe(1);
    const badDate = verbatim(db, 'import', fixture('japan-korea-labor-row.txt'), '--date', 'yesterday');
    expect(badDate.code).toBe(1);
    expect(badDate.stdout).toMatch(/The publication date must be a date as YYYY-MM-DD\./);
  });

  it('serves browser mode, printing the URL with its token, until SIGTERM', async () => {
    const db = path.join(tempDir(), 'lib.sqlite');
    const child = spawn(process.execPath, [bin, '--db', db, 'web', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /Verbatim is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('exit', () => reject(new Error(`exited early: ${out}`)));
    });
    const u = new URL(url);
    const res = await fetch(`${u.origin}/api/articles.list`, { method: 'POST', headers: { 'x-verbatim-token': u.searchParams.get('token')! }, body: '{}' });
    expect(await res.json()).toEqual({ ok: true, value: { items: [], total: 0, next: null } });
    expect((await fetch(`${u.origin}/`)).status).toBe(200);
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', resolve);
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
  });
});
