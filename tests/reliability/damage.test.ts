// Promise: no acknowledged change is ever lost — a damaged library is noticed, reported with the
// newest backup named, and never opened or written to; an undamaged one is never called damaged.
//
// 100 damaged variants of one library, made by flipping bytes (XOR with a random non-zero value)
// with a seeded PRNG:
//   - 20 variants flip 1–3 bytes of the 100-byte database header;
//   - 80 variants flip 1–4 bytes of one page that SQLite reads: a page listed by the `dbstat`
//     virtual table (the b-tree pages of every table and index, and their overflow pages), and
//     within a b-tree page only the bytes SQLite reads: its header, its cell pointer array and its
//     cell content area (on page 1 after the 100-byte file header). Free-list pages and the
//     unallocated gap in the middle of a page are never read, so flips there change nothing.
// What counts as damaged is what SQLite can detect, judged on a separate copy of each variant:
// it cannot be opened, or `PRAGMA integrity_check` is not "ok", or reading every row of every
// table fails. SQLite keeps no checksums of page contents, so some flips (a letter inside a text,
// a byte of a field it never checks) change the data without any way to notice; those are
// counted and printed ("silently changed"), and must not be reported as damaged.
// For each variant: `verbatim check` (a child process) must exit 1 naming the newest backup
// exactly when the variant is damaged, and 0 otherwise; openLibrary must throw
// LibraryDamagedError naming the newest backup when damaged, and otherwise open it or refuse with
// a typed error; nothing crashes; and a damaged file is left byte-identical.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { LibraryDamagedError, openLibrary } from '../../main/store/open';
import { takeBackup } from '../../main/store/backup';
import { AppError } from '../../main/errors';
import { createServices } from '../../main/services';
import { tempDir } from '../unit/helpers';
import { cliAsync, fillLibrary, pool, prng, tableFingerprints } from './support';

const VARIANTS = 100;
const HEADER_VARIANTS = 20;
const SEED = 4242;

let base = '';
let backupName = '';
let baseBytes: Buffer;
let pages: { pageno: number; name: string; pagetype: string }[] = [];
let pageSize = 0;
let baseFingerprints: ReturnType<typeof tableFingerprints>;

beforeAll(async () => {
  // Not tempDir(): that one is emptied after each test, and every test uses this library.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-damage-'));
  base = path.join(dir, 'library.sqlite');
  const lib = await openLibrary(base);
  await fillLibrary(createServices(lib), prng(1), 15);
  backupName = path.basename((await takeBackup(lib.db, base, 'manual')).path);
  lib.close();
  baseBytes = fs.readFileSync(base);
  const db = new Database(base, { readonly: true });
  pages = db.prepare(`SELECT pageno, name, pagetype FROM dbstat ORDER BY pageno`).all() as typeof pages;
  pageSize = db.pragma('page_size', { simple: true }) as number;
  baseFingerprints = tableFingerprints(db);
  db.close();
  return () => fs.rmSync(dir, { recursive: true, force: true });
});

/** What SQLite itself can tell about a file, judged on a throwaway copy. */
function sqliteVerdict(bytes: Buffer): { damaged: boolean; why: string; changed: boolean } {
  const dir = tempDir();
  const file = path.join(dir, 'judge.sqlite');
  fs.writeFileSync(file, bytes);
  let db: Database.Database | undefined;
  try {
    // Writable (it is a private copy): on a read-only connection SQLite's integrity_check skips the
    // CHECK constraints, which openLibrary's (writable) check counts, so the two would disagree on
    // a flipped byte that turns an actor's kind into a word no actor has.
    db = new Database(file, { fileMustExist: true });
    const rows = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (rows.join() !== 'ok') return { damaged: true, why: rows.slice(0, 2).join('; '), changed: true };
    const now = tableFingerprints(db); // reads every row of every table
    return { damaged: false, why: '', changed: JSON.stringify(now) !== JSON.stringify(baseFingerprints) };
  } catch (err) {
    return { damaged: true, why: (err as Error).message, changed: true };
  } finally {
    db?.close();
  }
}

/** The byte ranges of a page that SQLite reads (offsets within the page), from its b-tree header. */
function readRanges(page: { pageno: number; pagetype: string }): [number, number][] {
  if (page.pagetype === 'overflow') return [[0, pageSize]];
  const h = page.pageno === 1 ? 100 : 0;
  const at = (page.pageno - 1) * pageSize + h;
  const type = baseBytes[at]!;
  const headerSize = type === 0x02 || type === 0x05 ? 12 : 8;
  const cells = baseBytes.readUInt16BE(at + 3);
  const content = baseBytes.readUInt16BE(at + 5) || 65536;
  return [
    [h, h + headerSize + 2 * cells],
    [content, pageSize],
  ];
}

interface Variant {
  n: number;
  dir: string;
  file: string;
  bytes: Buffer;
  flips: string[];
}

function makeVariant(n: number, rand: ReturnType<typeof prng>): Variant {
  const bytes = Buffer.from(baseBytes);
  const flips: string[] = [];
  const flip = (offset: number) => {
    const mask = rand.int(1, 255);
    bytes[offset] = bytes[offset]! ^ mask;
    flips.push(`@${offset}^${mask.toString(16)}`);
  };
  if (n < HEADER_VARIANTS) {
    for (let k = rand.int(1, 3); k > 0; k--) flip(rand.int(0, 99));
  } else {
    const page = rand.pick(pages);
    const start = (page.pageno - 1) * pageSize;
    const ranges = readRanges(page);
    const total = ranges.reduce((t, [a, b]) => t + b - a, 0);
    for (let k = rand.int(1, 4); k > 0; k--) {
      let at = rand.int(0, total - 1);
      for (const [a, b] of ranges) {
        if (at < b - a) {
          flip(start + a + at);
          break;
        }
        at -= b - a;
      }
    }
    flips.unshift(`page ${page.pageno} (${page.name}, ${page.pagetype})`);
  }
  const dir = tempDir();
  const file = path.join(dir, 'library.sqlite');
  fs.writeFileSync(file, bytes);
  fs.mkdirSync(`${file}.backups`);
  fs.copyFileSync(path.join(`${base}.backups`, backupName), path.join(`${file}.backups`, backupName));
  return { n, dir, file, bytes, flips };
}

describe('damaged libraries', () => {
  it('the undamaged library is never reported as damaged', async () => {
    for (let i = 0; i < 3; i++) {
      const v = makeVariant(-1, prng(0));
      fs.writeFileSync(v.file, baseBytes);
      expect(sqliteVerdict(baseBytes).damaged).toBe(false);
      const r = await cliAsync(v.file, 'check', '--json');
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, problems: [] });
      const lib = await openLibrary(v.file);
      lib.close();
    }
  });

  it(`${VARIANTS} byte-flipped variants: every one SQLite can detect is reported by \`verbatim check\` and on open, with the newest backup; none crashes`, async () => {
    const rand = prng(SEED);
    const variants = Array.from({ length: VARIANTS }, (_, n) => makeVariant(n, rand));
    const verdicts = variants.map((v) => sqliteVerdict(v.bytes));
    const failures: string[] = [];
    const figures = { variants: VARIANTS, headerVariants: HEADER_VARIANTS, damaged: 0, reportedByCheck: 0, reportedOnOpen: 0, notDetectable: 0, silentlyChanged: 0, openedUndetectable: 0, refusedTyped: 0, crashes: 0, cliRuns: 0 };

    // `verbatim check` in child processes, a few at a time, while openLibrary runs here: on every
    // damaged variant, and (the CLI takes most of a second to start) on a sample of 15 of the
    // others, silently changed ones first.
    const undetectable = variants.filter((_, i) => !verdicts[i]!.damaged);
    const sample = new Set([...undetectable.filter((v) => verdicts[v.n]!.changed), ...undetectable].slice(0, 15));
    const checked = variants.filter((v, i) => verdicts[i]!.damaged || sample.has(v));
    figures.cliRuns = checked.length;
    const checks = pool(
      3,
      checked.map((v) => () => cliAsync(v.file, 'check')),
    );

    for (const [i, v] of variants.entries()) {
      const verdict = verdicts[i]!;
      const label = `variant ${v.n} [${v.flips.join(' ')}]${verdict.damaged ? ` damaged: ${verdict.why}` : ''}`;
      if (verdict.damaged) figures.damaged++;
      else {
        figures.notDetectable++;
        if (verdict.changed) figures.silentlyChanged++;
      }
      let err: unknown = null;
      try {
        const lib = await openLibrary(v.file);
        lib.close();
      } catch (e) {
        err = e;
      }
      if (verdict.damaged) {
        if (err instanceof LibraryDamagedError && err.message.includes(backupName)) figures.reportedOnOpen++;
        else failures.push(`${label}: openLibrary ${err ? `threw ${(err as Error).name}: ${(err as Error).message.slice(0, 200)}` : 'opened it'}`);
      } else if (err === null) figures.openedUndetectable++;
      else if (err instanceof LibraryDamagedError) failures.push(`${label}: undamaged by SQLite's judgement but reported damaged on open: ${(err as Error).message.slice(0, 200)}`);
      else if (err instanceof AppError) figures.refusedTyped++;
      else {
        figures.crashes++;
        failures.push(`${label}: openLibrary threw an untyped ${(err as Error)?.name}: ${(err as Error)?.message?.slice(0, 200)}`);
      }
    }

    for (const [i, r] of (await checks).entries()) {
      const v = checked[i]!;
      const verdict = verdicts[v.n]!;
      const label = `variant ${v.n} [${v.flips.join(' ')}]`;
      if (r.code !== 0 && r.code !== 1) {
        figures.crashes++;
        failures.push(`${label}: verbatim check exited ${r.code}: ${r.stderr.slice(0, 300)}`);
      } else if (/Unexpected error/.test(r.stderr)) {
        figures.crashes++;
        failures.push(`${label}: verbatim check: ${r.stderr.slice(0, 300)}`);
      } else if (verdict.damaged) {
        if (r.code === 1 && /damaged/.test(r.stdout) && r.stdout.includes(backupName)) figures.reportedByCheck++;
        else failures.push(`${label}: damaged (${verdict.why}) but verbatim check exited ${r.code}: ${(r.stdout + r.stderr).slice(0, 300)}`);
      } else if (r.code !== 0) failures.push(`${label}: undamaged by SQLite's judgement but verbatim check exited ${r.code}: ${(r.stdout + r.stderr).slice(0, 300)}`);
      // Neither the check nor a refused open wrote to a damaged file.
      if (verdict.damaged && !fs.readFileSync(v.file).equals(v.bytes)) failures.push(`${label}: the damaged file was changed`);
    }

    console.log(`[reliability] damage: ${JSON.stringify(figures)}`);
    expect(failures).toEqual([]);
    expect(figures.damaged).toBeGreaterThan(VARIANTS / 4);
  }, 240_000);
});
