// Saved web pages are read in a worker thread (main/services/import/html-reader.ts): the same
// result as reading in-process, the main thread free meanwhile, and a page past the memory or time
// limit refused with a reason while the next page still reads. Runs the built worker
// (dist/main/html-worker.js, built by the test setup), the one the CLI and the app start.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HtmlWorker } from '../../main/services/import/html-reader';
import { parseHtml } from '../../main/services/import/html';
import { openLibrary } from '../../main/store/open';
import { createServices } from '../../main/services';
import { AppError } from '../../main/errors';
import { tempDir } from './helpers';

const script = new URL('../../dist/main/html-worker.js', import.meta.url);
const page = (paragraphs: number, title = 'Envoys meet on export controls') =>
  `<!doctype html><html><head><title>${title}</title><meta property="og:site_name" content="Yonhap"><meta name="author" content="Kim Soo-yeon"></head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${Array.from(
    { length: paragraphs },
    (_, i) => `<p>Paragraph ${i}: the envoys discussed <em>export controls</em> and the <a href="https://example.com/${i}">wartime labor</a> ruling at length.</p>`,
  ).join('')}</article><footer>© Yonhap</footer></body></html>`;

const workers: HtmlWorker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.close()));
});
const worker = (opts?: ConstructorParameters<typeof HtmlWorker>[1]) => {
  const w = new HtmlWorker(script, opts);
  workers.push(w);
  return w;
};

describe('reading saved web pages in a worker thread', () => {
  it('gives exactly what reading in-process gives, and the import stores it', async () => {
    const html = page(30);
    const { doc: expectedDoc, ...expectedMeta } = parseHtml(html);
    const { doc, ...meta } = await worker().read(html);
    expect(doc.toJSON()).toEqual(expectedDoc.toJSON());
    expect(meta).toEqual(expectedMeta);
    expect(meta.outlet).toBe('Yonhap');
    expect(meta.author).toBe('Kim Soo-yeon');

    const lib = await openLibrary(path.join(tempDir(), 'library.sqlite'));
    try {
      const services = createServices(lib, { readHtml: worker().read });
      const r = await services.importer.import({ file: 'envoys.html', encoding: 'base64', data: Buffer.from(html).toString('base64') });
      expect(r.status).toBe('imported');
      const stored = services.library.get(r.id!);
      expect(stored.title).toBe('Envoys meet on export controls');
      expect(stored.text).toContain('Paragraph 29: the envoys discussed export controls');
      expect(stored.text).not.toContain('© Yonhap');
    } finally {
      lib.close();
    }
  });

  it('leaves the main thread free while a long page is read', async () => {
    const w = worker();
    await w.read(page(1)); // started and warm
    // The main thread's event loop keeps turning until the worker answers; read in-process, the
    // page would be parsed before a single turn. (How long the longest pause is: npm run bench.)
    let turns = 0;
    let reading = true;
    const turn = () => {
      turns++;
      if (reading) setImmediate(turn);
    };
    setImmediate(turn);
    const parsed = await w.read(page(2000));
    reading = false;
    expect(parsed.doc.childCount).toBeGreaterThanOrEqual(2000);
    expect(turns).toBeGreaterThan(10);
  });

  it('refuses a page that needs more memory than the ceiling, and reads the next page with a fresh worker', async () => {
    const w = worker({ maxHeapMb: 48 });
    const refused = await w.read(page(40_000)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'too_large', message: expect.stringMatching(/too large or complex to read within 48 MB/) });
    const next = await w.read(page(3, 'The next page'));
    expect(next.title).toBe('The next page');
  });

  it('refuses a page that takes longer than the time limit, and reads the next page', async () => {
    // 60,000 paragraphs take about a minute to read; the limit stops it after 3 s.
    // (How soon it is refused is a figure of npm run bench.)
    const w = worker({ timeoutMs: 3000 });
    const refused = await w.read(page(60_000)).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'too_large', message: expect.stringMatching(/longer than 3 s/) });
    const next = await w.read(page(3, 'After the slow one'));
    expect(next.title).toBe('After the slow one');
  });

  it('reads pages one at a time, in order, each answered with its own result', async () => {
    const w = worker();
    const titles = ['One', 'Two', 'Three', 'Four'];
    const read = await Promise.all(titles.map((t) => w.read(page(5, t))));
    expect(read.map((r) => r.title)).toEqual(titles);
  });
});
