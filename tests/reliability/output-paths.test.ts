// Every file the CLI writes where the user points it (--out of export, export-article and
// export-quotes; the backup's FILE) is checked first: a device node, a pipe, a folder, a missing
// folder or one of the library's own files is refused in words, exit 1, and left exactly as it was;
// a write that fails anyway (no permission, a protected folder) is reported in words, not as a stack.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { bin, cli, type CliResult } from './support';
import { codedLibrary } from '../unit/coding-helpers';
import { tempDir } from '../unit/helpers';
import { briefingDoc } from './support';

/** A library with an article, its coding and a briefing; every output command has something to write. */
async function library() {
  const t = await codedLibrary();
  const b = t.services.briefings.create({ title: 'Output paths' });
  t.services.briefings.save(b.id, briefingDoc('Words to export.'));
  const commands: Record<string, (out: string) => string[]> = {
    export: (out) => ['export', String(b.id), '--format', 'md', '--out', out],
    'export-article': (out) => ['export-article', String(t.articleId), '--out', out],
    'export-quotes': (out) => ['export-quotes', '--format', 'csv', '--out', out],
    backup: (out) => ['backup', out],
  };
  return { ...t, commands };
}

/** Refused in words: exit 1, one plain line on stderr, no stack, nothing claimed written. */
function expectRefused(r: CliResult, message: RegExp, label: string) {
  expect(r.code, `${label}: ${r.stdout}${r.stderr}`).toBe(1);
  expect(r.stdout, label).not.toMatch(/Wrote|Backed up/);
  expect(r.stderr, label).toMatch(message);
  expect(r.stderr, label).not.toMatch(/Unexpected error|\n\s+at /);
}

const rowCounts = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return {
      articles: db.prepare('SELECT count(*) FROM articles').pluck().get(),
      annotations: db.prepare('SELECT count(*) FROM annotations').pluck().get(),
      briefings: db.prepare('SELECT count(*) FROM briefings').pluck().get(),
      integrity: db.prepare('PRAGMA integrity_check').pluck().get(),
    };
  } finally {
    db.close();
  }
};

describe('output paths', () => {
  it('a device node, a link to /dev/null or a named pipe is refused by every --out and left as it was', { timeout: 120_000 }, async () => {
    const t = await library();
    const dir = tempDir();
    const device = path.join(dir, 'null-copy');
    execFileSync('mknod', [device, 'c', '1', '3']); // a copy of /dev/null (we run as root)
    const link = path.join(dir, 'null-link');
    fs.symlinkSync('/dev/null', link);
    const pipe = path.join(dir, 'pipe');
    execFileSync('mkfifo', [pipe]);
    let refused = 0;
    // Every command at the device node; the link and the pipe at one export and the backup.
    const cases = Object.keys(t.commands).map((name) => [name, device] as const);
    for (const name of ['export-quotes', 'backup']) cases.push([name, link], [name, pipe]);
    for (const [name, target] of cases) {
      const words = target === pipe ? /is a named pipe \(FIFO\), not a file/ : /is a device \(character device\), not a file/;
      expectRefused(cli(t.lib.path, ...t.commands[name]!(target)), words, `${name} → ${path.basename(target)}`);
      refused++;
    }
    expect(fs.lstatSync(device).isCharacterDevice()).toBe(true);
    expect(fs.lstatSync(link).isSymbolicLink() && fs.readlinkSync(link)).toBe('/dev/null');
    expect(fs.lstatSync(pipe).isFIFO()).toBe(true);
    expect(fs.lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['null-copy', 'null-link', 'pipe']);
    console.log(`[reliability] output to devices: ${JSON.stringify({ runs: cases.length, refused })}`);
  });

  it('the library, its -wal, -shm and -journal are never the target of a backup or an export', { timeout: 120_000 }, async () => {
    const t = await library();
    const before = rowCounts(t.lib.path);
    const linkToLibrary = path.join(tempDir(), 'library-link.sqlite');
    fs.symlinkSync(t.lib.path, linkToLibrary);
    const targets = ['', '-wal', '-shm', '-journal'].map((s) => `${t.lib.path}${s}`).concat(linkToLibrary);
    let refused = 0;
    // The backup at each of them; every export at the -wal (the same check runs for all).
    const cases: [string, string][] = [...targets.map((target): [string, string] => ['backup', target]), ...['export', 'export-article', 'export-quotes'].map((name): [string, string] => [name, `${t.lib.path}-wal`])];
    for (const [name, target] of cases) {
      expectRefused(cli(t.lib.path, ...t.commands[name]!(target)), /is one of the library’s own files/, `${name} → ${path.basename(target)}`);
      refused++;
    }
    // The library keeps every row, and so does its WAL: close the last connection and read it back.
    t.lib.close();
    expect(rowCounts(t.lib.path)).toEqual(before);
    expect(before).toMatchObject({ articles: 1, annotations: 3, briefings: 1, integrity: 'ok' });
    expect(fs.existsSync(`${t.lib.path}-journal`)).toBe(false);
    console.log(`[reliability] output to the library's own files: ${JSON.stringify({ runs: cases.length, refused })}`);
  });

  it('a folder, a missing folder or a protected one is reported in plain words, exit 1', { timeout: 120_000 }, async () => {
    const t = await library();
    const dir = tempDir();
    for (const [name, args] of Object.entries(t.commands)) {
      expectRefused(cli(t.lib.path, ...args(dir)), /is a folder, not a file; name a file to write/, `${name} → a folder`);
      expectRefused(cli(t.lib.path, ...args(path.join(dir, 'missing', 'out.file'))), /The folder .*missing does not exist/, `${name} → a missing folder`);
    }
    // A folder even root may not write to (immutable): the temporary .partial cannot be created.
    const locked = path.join(dir, 'locked');
    fs.mkdirSync(locked);
    execFileSync('chattr', ['+i', locked]);
    try {
      for (const name of ['export', 'export-quotes', 'backup']) {
        expectRefused(cli(t.lib.path, ...t.commands[name]!(path.join(locked, 'out.file'))), /Could not write .*out\.file: the system does not allow it/, `${name} → an immutable folder`);
      }
    } finally {
      execFileSync('chattr', ['-i', locked]);
    }
    expect(fs.readdirSync(locked)).toEqual([]);
  });

  it('no permission to write the folder (EACCES, as an ordinary user) is reported in plain words', { timeout: 120_000 }, async () => {
    const t = await library();
    t.lib.close();
    // The library in a folder the user owns; the output folder is root's and not writable for them.
    const home = tempDir();
    fs.chmodSync(home, 0o755);
    const libDir = path.join(home, 'lib');
    fs.mkdirSync(libDir);
    for (const f of fs.readdirSync(path.dirname(t.lib.path)).filter((f) => f.startsWith('library.sqlite'))) fs.copyFileSync(path.join(path.dirname(t.lib.path), f), path.join(libDir, f));
    execFileSync('chown', ['-R', '65534:65534', libDir]);
    const closed = path.join(home, 'root-only');
    fs.mkdirSync(closed, { mode: 0o755 });
    const asNobody = (...args: string[]): CliResult => {
      const r = spawnSync(process.execPath, [bin, '--db', path.join(libDir, 'library.sqlite'), ...args], { encoding: 'utf8', uid: 65534, gid: 65534, env: { ...process.env, VERBATIM_DB: '', HOME: libDir } });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr, maxRssBytes: NaN, ms: NaN };
    };
    for (const [name, args] of Object.entries(t.commands)) {
      if (name === 'export-article') continue; // starts Chromium as that user; the write path is the same as export's
      expectRefused(asNobody(...args(path.join(closed, 'out.file'))), /Could not write .*out\.file: permission denied/, `${name} → a folder without permission`);
    }
    expect(fs.readdirSync(closed)).toEqual([]);
  });

  it('re-exporting over a private file keeps its mode and its owner', { timeout: 120_000 }, async () => {
    const t = await library();
    const dir = tempDir();
    const kept: Record<string, unknown> = {};
    for (const [name, mode] of [['export', 0o600], ['export-quotes', 0o640], ['backup', 0o600]] as const) {
      const file = path.join(dir, `${name}.out`);
      fs.writeFileSync(file, 'an older export');
      fs.chownSync(file, 65534, 65534);
      fs.chmodSync(file, mode);
      const r = cli(t.lib.path, ...t.commands[name]!(file));
      expect(r.code, r.stderr).toBe(0);
      const st = fs.statSync(file);
      expect(fs.readFileSync(file, 'utf8')).not.toBe('an older export');
      expect({ mode: (st.mode & 0o7777).toString(8), uid: st.uid, gid: st.gid }, name).toEqual({ mode: mode.toString(8), uid: 65534, gid: 65534 });
      kept[name] = (st.mode & 0o7777).toString(8);
    }
    // A new file gets the usual mode (umask), as before.
    const fresh = path.join(dir, 'fresh.csv');
    expect(cli(t.lib.path, ...t.commands['export-quotes']!(fresh)).code).toBe(0);
    expect(fs.statSync(fresh).mode & 0o7777).toBe(0o666 & ~process.umask());
    console.log(`[reliability] re-export keeps mode and owner: ${JSON.stringify(kept)}`);
  });
});
