import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { openLibrary, type Library, type OpenOptions } from '../../main/store/open';
import { createServices, type Services } from '../../main/services';
import { createRouter, type Router } from '../../main/router';
import { ArticleStore } from '../../main/store/articles';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A fresh folder that disappears after the test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-test-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TestLibrary {
  lib: Library;
  services: Services;
  router: Router;
  dir: string;
}

/** A real library file in a temp folder, with its services and router, closed after the test. */
export async function tempLibrary(options?: OpenOptions): Promise<TestLibrary> {
  const dir = tempDir();
  const lib = await openLibrary(path.join(dir, 'library.sqlite'), options);
  cleanups.unshift(() => lib.close());
  // Tests never reach past this machine: a web address is fetched only from the loopback.
  const services = createServices(lib, { web: { allowHost: isLoopback } });
  return { lib, services, router: createRouter(services, { onError: () => {} }), dir };
}

let rawArticles = 0;
/**
 * An article written straight to the store with the given list keys (title, outlet, dates), for
 * tests of the library list's paging: thousands in a moment, each with text of its own.
 */
export function insertListArticle(t: TestLibrary, a: { title: string; outlet?: string | null; publishedAt?: string | null; importedAt: string }): number {
  const n = ++rawArticles;
  const text = `${a.title} — article ${n}`;
  return new ArticleStore(t.lib.db).insert(
    {
      title: a.title,
      outlet: a.outlet ?? null,
      author: null,
      publishedAt: a.publishedAt ?? null,
      url: null,
      sourceFormat: 'txt',
      docJson: JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }),
      structureJson: JSON.stringify([text.length]),
      text,
      textHash: `list-article-${n}`,
      wordCount: 3,
    },
    a.importedAt,
  );
}

/** 127.0.0.0/8, ::1 and localhost: the only hosts a test may fetch from. */
export const isLoopback = (host: string) => /^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/.test(host);

export const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
export const sampleArticle = () => fs.readFileSync(fixture('japan-korea-labor-row.txt'), 'utf8');

export function paste(data: string, extra: Record<string, unknown> = {}) {
  return { file: 'pasted text', encoding: 'text' as const, data, ...extra };
}

export function fileInput(file: string, bytes: Uint8Array | string, extra: Record<string, unknown> = {}) {
  return { file, encoding: 'base64' as const, data: Buffer.from(bytes).toString('base64'), ...extra };
}
