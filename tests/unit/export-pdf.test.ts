// PDF export end to end: a briefing built through the services, exported by the built CLI with
// Debian's Chromium, read back with poppler (pdftotext, pdfinfo) and pdf-lib. Also what happens
// when printing fails or is interrupted: the file the user named is never left broken.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { createServices } from '../../main/services';
import { createRouter } from '../../main/router';
import { AppError } from '../../main/errors';
import { saveExport } from '../../main/services/export/save';
import { NO_PRINTER_MESSAGE } from '../../main/services/export/briefing';
import { writeFileAtomic } from '../../main/atomic-write';
import { ChromiumPrinter } from '../../main/web/chromium-printer';
import { pageFooterTemplate, pageHeaderTemplate } from '../../shared/render';
import type { Printer } from '../../main/services/export/printer';
import type { ExportedDocument } from '../../shared/contract';
import { AUTHOR, CLASSIFICATION, exportLibrary, KOREAN, SECOND_TITLE, TITLE } from './export-fixture';
import { QUOTE } from './coding-helpers';
import { tempDir } from './helpers';

const bin = fileURLToPath(new URL('../../bin/verbatim.js', import.meta.url));

function verbatim(db: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, VERBATIM_DB: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const pdftotext = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

function pdfinfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').flatMap((l) => (/^([^:]+):\s*(.*)$/.exec(l) ? [[RegExp.$1, RegExp.$2]] : [])));
}

/** The pages' text, one string per page (pdftotext ends every page with a form feed). */
const pages = (text: string) => text.split('\f').slice(0, -1);

const partials = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.partial'));

function expectWholePdf(bytes: Buffer) {
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.subarray(-16).toString('latin1')).toMatch(/%%EOF\r?\n?$/);
}

describe('PDF export through the CLI', () => {
  it('prints a briefing: title, classification on every page, quote, endnotes, "Page n of N", metadata', async () => {
    const c = await exportLibrary(40);
    const out = path.join(c.dir, 'brief.pdf');
    const r = verbatim(c.lib.path, ['export', String(c.briefingId), '--format', 'pdf', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote .*brief\.pdf \(/);

    const bytes = fs.readFileSync(out);
    expectWholePdf(bytes);
    const info = pdfinfo(out);
    const n = Number(info.Pages);
    expect(n).toBeGreaterThanOrEqual(3);
    expect(info.Title).toBe(TITLE);
    expect(info.Author).toBe(AUTHOR);
    expect(info.Subject).toBe(`Briefing note · ${CLASSIFICATION}`);
    expect(info.Creator).toBe('Verbatim');
    expect(info.Tagged).toBe('yes');
    expect(info['Page size']).toMatch(/\(A4\)/);

    const text = pdftotext(out);
    const all = pages(text);
    expect(all).toHaveLength(n);
    expect(text).toContain(TITLE);
    all.forEach((page, i) => {
      // The classification at the top and the bottom of every page, and the page count in the footer.
      expect(page.split(CLASSIFICATION).length - 1, `page ${i + 1}`).toBe(2);
      expect(page).toMatch(new RegExp(`Page ${i + 1} of ${n}\\b`));
    });
    expect(text).toContain('Page 1 of ' + n);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(`“${QUOTE}”`);
    expect(flat).toMatch(/— Kim Jung Han, Director-General, South Korean Foreign Ministry ?1/);
    expect(flat).toContain(KOREAN);
    // The endnotes, after the body.
    const sources = flat.slice(flat.lastIndexOf('Sources'));
    expect(sources).toMatch(/1\. “Japan urged South Korea.*” Kyodo News, 29 October 2020\. https:\/\/english\.kyodonews\.net\/x/);
    expect(sources).toContain(`2. Lee Min-ji. “${SECOND_TITLE}.” Yonhap, 2 November 2020.`);
    expect(flat).toContain('Paragraph 40.');

    // Citations are links to the endnotes inside the PDF; the headings make its outline.
    const pdf = await PDFDocument.load(bytes);
    let internal = 0;
    let external = 0;
    for (const page of pdf.getPages()) {
      const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
      for (let i = 0; i < (annots?.size() ?? 0); i++) {
        const a = annots!.lookup(i, PDFDict);
        if (a.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
        const action = a.lookupMaybe(PDFName.of('A'), PDFDict);
        if (a.get(PDFName.of('Dest')) || action?.get(PDFName.of('S')) === PDFName.of('GoTo')) internal++;
        else if (action?.get(PDFName.of('S')) === PDFName.of('URI')) external++;
      }
    }
    expect(internal).toBeGreaterThanOrEqual(5);
    expect(external).toBeGreaterThanOrEqual(3);
    expect(pdf.catalog.get(PDFName.of('Outlines'))).toBeDefined();
    expect(pdf.catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined();
  }, 120_000);

  it('browser mode exports a PDF over its API, and closes the browser when it stops', async () => {
    const c = await exportLibrary(2);
    const child = spawn(process.execPath, [bin, '--db', c.lib.path, 'web', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VERBATIM_DB: '' } });
    const url = await new Promise<URL>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /running at (\S+)/.exec(out);
        if (m) resolve(new URL(m[1]!));
      });
      child.once('exit', () => reject(new Error(`exited early: ${out}`)));
    });
    const api = (name: string, body: unknown) =>
      fetch(`${url.origin}/api/${name}`, { method: 'POST', headers: { 'x-verbatim-token': url.searchParams.get('token')! }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<{ ok: boolean; value: ExportedDocument }>);
    const r = await api('briefings.export', { id: c.briefingId, format: 'pdf', pageSize: 'Letter' });
    expect(r.ok).toBe(true);
    expect(r.value).toMatchObject({ filename: 'japan-korea-wartime-labour-row-situation-brief-2020-11-03.pdf', mimeType: 'application/pdf' });
    expectWholePdf(Buffer.from(r.value.base64, 'base64'));
    // Warm: the second export reuses the running browser.
    const again = await api('articles.exportPdf', { id: c.articleId });
    expect(again.ok).toBe(true);
    expectWholePdf(Buffer.from(again.value.base64, 'base64'));
    const browsers = () => spawnSync('ps', ['-o', 'pid=', '--ppid', String(child.pid)], { encoding: 'utf8' }).stdout.trim();
    expect(browsers()).not.toBe('');
    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
  }, 60_000);

  it('prints an article with its coding, on Letter paper', async () => {
    const c = await exportLibrary(1);
    const out = path.join(c.dir, 'coding.pdf');
    const r = verbatim(c.lib.path, ['export-article', String(c.articleId), '--out', out, '--page-size', 'Letter']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expectWholePdf(fs.readFileSync(out));
    const info = pdfinfo(out);
    expect(info['Page size']).toMatch(/612 x 792 pts \(letter\)/);
    const flat = pdftotext(out).replace(/\s+/g, ' ');
    expect(flat).toContain('Annotations');
    expect(flat).toMatch(/“to show more sincerity to resolve the problem” Kim Jung Han \(Director-General, South Korean Foreign Ministry\) · quote · supports Japan must show more sincerity on wartime labor/);
    expect(flat).toContain('Kim presses Tokyo.');
    expect(flat).toMatch(new RegExp(`Page 1 of ${info.Pages}`));
  }, 120_000);

  it('writes HTML, Markdown and Word files, and lists briefings', async () => {
    const c = await exportLibrary(2);
    for (const format of ['html', 'md', 'docx']) {
      const out = path.join(c.dir, `brief.${format}`);
      const r = verbatim(c.lib.path, ['export', String(c.briefingId), '--format', format, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      expect(fs.statSync(out).size).toBeGreaterThan(1000);
    }
    expect(fs.readFileSync(path.join(c.dir, 'brief.html'), 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*<title>Japan–Korea wartime labour row: situation brief<\/title>/);
    expect(fs.readFileSync(path.join(c.dir, 'brief.md'), 'utf8')).toContain(`# ${TITLE}`);
    expect(fs.readFileSync(path.join(c.dir, 'brief.docx')).subarray(0, 2).toString('latin1')).toBe('PK');
    const list = verbatim(c.lib.path, ['briefings', '--json']);
    expect(JSON.parse(list.stdout)).toMatchObject([{ id: c.briefingId, title: TITLE, status: 'draft', updatedAt: expect.any(String) }]);
    expect(verbatim(c.lib.path, ['briefings']).stdout).toMatch(new RegExp(`^\\s+${c.briefingId}\\s+draft\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\s+${TITLE}`));
  }, 60_000);

  it('fails with exit 1 and a clear message, leaving the target untouched, when there is no browser or no briefing', async () => {
    const c = await exportLibrary(1);
    const out = path.join(c.dir, 'brief.pdf');
    fs.writeFileSync(out, 'the previous export');
    const noBrowser = verbatim(c.lib.path, ['export', String(c.briefingId), '--format', 'pdf', '--out', out], { CHROMIUM_PATH: path.join(c.dir, 'no-such-chromium') });
    expect(noBrowser.code).toBe(1);
    expect(noBrowser.stderr).toMatch(/^verbatim: CHROMIUM_PATH is set to .*no-such-chromium, but there is no browser there/);
    expect(fs.readFileSync(out, 'utf8')).toBe('the previous export');

    const missing = verbatim(c.lib.path, ['export', '999', '--format', 'md', '--out', out]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Briefing 999 does not exist/);
    expect(fs.readFileSync(out, 'utf8')).toBe('the previous export');

    const noFolder = verbatim(c.lib.path, ['export', String(c.briefingId), '--format', 'md', '--out', path.join(c.dir, 'nope', 'x.md')]);
    expect(noFolder.code).toBe(1);
    expect(noFolder.stderr).toMatch(/The folder .*nope does not exist/);
    expect(verbatim(c.lib.path, ['export', String(c.briefingId), '--format', 'rtf', '--out', out]).code).toBe(1);
    expect(partials(c.dir)).toEqual([]);
  }, 60_000);

  it('Ctrl+C during a PDF export leaves the previous file as it was (or the whole new one), never a broken one', async () => {
    const c = await exportLibrary(40);
    const out = path.join(c.dir, 'brief.pdf');
    fs.writeFileSync(out, 'the previous export');
    const child = spawn(process.execPath, [bin, '--db', c.lib.path, 'export', String(c.briefingId), '--format', 'pdf', '--out', out], { env: { ...process.env, VERBATIM_DB: '' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Interrupt while it prints: once the browser it started is running.
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && child.exitCode === null) {
      const kids = spawnSync('ps', ['-o', 'pid=', '--ppid', String(child.pid)], { encoding: 'utf8' }).stdout.trim();
      if (kids) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    await new Promise((r) => setTimeout(r, 150));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    const now = fs.readFileSync(out);
    if (code === 130) {
      expect(stderr).toMatch(/export interrupted; .*brief\.pdf was not written/);
      expect(now.toString('utf8')).toBe('the previous export');
    } else {
      // The export finished before the signal landed: then the file is the whole new PDF.
      expect(code).toBe(0);
      expectWholePdf(now);
    }
    expect(partials(c.dir)).toEqual([]);
  }, 60_000);
});

describe('the Chromium printer', () => {
  const children = () => spawnSync('ps', ['-o', 'comm=', '--ppid', String(process.pid)], { encoding: 'utf8' }).stdout.split('\n').filter((c) => /chrom/i.test(c));
  const opts = { pageSize: 'A4' as const, title: 'T', headerHtml: pageHeaderTemplate('H'), footerHtml: pageFooterTemplate('F', 'T') };
  const doc = (text: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${text}</title></head><body><p>${text}</p></body></html>`;

  it('starts the browser on the first print, keeps it for the next, queues concurrent prints, closes on request', async () => {
    const printer = new ChromiumPrinter();
    expect(children()).toEqual([]);
    const [a, b] = await Promise.all([printer.print(doc('first document'), opts), printer.print(doc('second document'), opts)]);
    expect(children().length).toBeGreaterThan(0);
    const dir = tempDir();
    for (const [name, bytes] of [['a', a], ['b', b]] as const) {
      fs.writeFileSync(path.join(dir, `${name}.pdf`), bytes);
      expectWholePdf(Buffer.from(bytes));
    }
    expect(pdftotext(path.join(dir, 'a.pdf'))).toContain('first document');
    expect(pdftotext(path.join(dir, 'b.pdf'))).toContain('second document');
    expect(pdftotext(path.join(dir, 'b.pdf'))).not.toContain('first document');
    await printer.close();
    expect(children()).toEqual([]);
    // Printing again after close starts a new browser.
    expectWholePdf(Buffer.from(await printer.print(doc('third'), opts)));
    await printer.close();
    expect(children()).toEqual([]);
  }, 60_000);

  it('runs no script and loads nothing the document names', async () => {
    const printer = new ChromiumPrinter();
    try {
      const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title></head><body><p id="p">static</p><script>document.getElementById('p').textContent = 'SCRIPT RAN'</script><img src="http://127.0.0.1:9/x.png"></body></html>`;
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'x.pdf'), await printer.print(html, opts));
      const text = pdftotext(path.join(dir, 'x.pdf'));
      expect(text).toContain('static');
      expect(text).not.toContain('SCRIPT RAN');
    } finally {
      await printer.close();
    }
  }, 60_000);
});

describe('PDF export in the services', () => {
  it('without a printer fails with `unsupported`; the other formats still work', async () => {
    const c = await exportLibrary(1);
    const r = await c.router('briefings.export', { id: c.briefingId, format: 'pdf' });
    expect(r).toEqual({ ok: false, error: { code: 'unsupported', message: NO_PRINTER_MESSAGE } });
    expect(await c.router('articles.exportPdf', { id: c.articleId })).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    const md = await c.router('briefings.export', { id: c.briefingId, format: 'md' });
    expect(md).toMatchObject({ ok: true, value: { filename: 'japan-korea-wartime-labour-row-situation-brief-2020-11-03.md', mimeType: 'text/markdown; charset=utf-8' } });
    expect(await c.router('briefings.export', { id: c.briefingId, format: 'rtf' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await c.router('briefings.export', { id: c.briefingId, format: 'pdf', pageSize: 'A3' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await c.router('briefings.export', { id: c.briefingId, format: 'md', extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  // The one fake in these tests: a printer that fails part-way, standing in for a crashed browser.
  it('a printer that fails or stops part-way never touches the file the user named', async () => {
    const c = await exportLibrary(1);
    const dir = tempDir();
    const target = path.join(dir, 'brief.pdf');
    fs.writeFileSync(target, 'the previous export');
    const real = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
    const printers: Record<string, Printer> = {
      throws: { print: () => Promise.reject(new Error('Target page, context or browser has been closed')) },
      truncated: { print: async () => new Uint8Array(real.subarray(0, real.length - 12)) },
      empty: { print: async () => new Uint8Array() },
    };
    for (const [name, printer] of Object.entries(printers)) {
      const router = createRouter(createServices(c.lib, { printer }), { onError: () => {} });
      const produce = async (): Promise<ExportedDocument> => {
        const r = await router('briefings.export', { id: c.briefingId, format: 'pdf' });
        if (!r.ok) throw new AppError(r.error.code, r.error.message);
        return r.value as ExportedDocument;
      };
      await expect(saveExport(target, produce), name).rejects.toThrow(name === 'throws' ? /Printing the PDF failed: Target page/ : /incomplete PDF/);
      expect(fs.readFileSync(target, 'utf8'), name).toBe('the previous export');
      expect(fs.readdirSync(dir), name).toEqual(['brief.pdf']);
    }
    // And a write that dies half-way through (disk full, killed): the rename never happens.
    await expect(
      writeFileAtomic(target, async (tmp) => {
        fs.writeFileSync(tmp, real.subarray(0, 20));
        throw new Error('ENOSPC: no space left on device');
      }),
    ).rejects.toThrow(/ENOSPC/);
    expect(fs.readFileSync(target, 'utf8')).toBe('the previous export');
    expect(fs.readdirSync(dir)).toEqual(['brief.pdf']);
  });
});
