// Promise: nothing outside the app can drive it. Browser mode's server, beyond
// tests/unit/web-server.test.ts: more ways to come without the token, under another name (DNS
// rebinding) or from another origin; more encodings of `../`; what it binds to; and 200 concurrent
// calls from a loopback load script without an error or a lost row.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startWebServer, TOKEN_HEADER, type WebServer } from '../../main/web/server';
import { callNames } from '../../shared/contract';
import { paste, sampleArticle, tempDir, tempLibrary } from '../unit/helpers';
import { startCliServer } from './support';

/** Raw HTTP, so Host, Origin and paths go out exactly as written. */
function raw(server: { origin: string }, opts: { method?: string; path: string; headers?: Record<string, string | undefined>; body?: string }) {
  const url = new URL(server.origin);
  const headers: Record<string, string> = { host: url.host };
  for (const [k, v] of Object.entries(opts.headers ?? {})) {
    if (v === undefined) delete headers[k.toLowerCase()];
    else headers[k.toLowerCase()] = v;
  }
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method: opts.method ?? 'GET', path: opts.path, headers, agent: false, setHost: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** A request written byte by byte on a socket: HTTP/1.0 without Host, absolute-form targets. */
function socketRequest(server: { origin: string }, text: string): Promise<string> {
  const url = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const s = net.connect(Number(url.port), url.hostname, () => s.end(text));
    let out = '';
    s.on('data', (d) => (out += d.toString()));
    s.on('end', () => resolve(out));
    s.on('error', reject);
  });
}

async function serve() {
  const t = await tempLibrary();
  const root = tempDir();
  const rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Verbatim</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'top secret');
  fs.writeFileSync(path.join(root, 'secret.js'), 'top secret');
  fs.symlinkSync(path.join(root, 'secret.js'), path.join(rendererDir, 'assets', 'link.js'));
  fs.symlinkSync(root, path.join(rendererDir, 'up'));
  const server = await startWebServer({ router: t.router, rendererDir, port: 0 });
  return { ...t, server };
}

const api = (server: WebServer, name: string, headers: Record<string, string | undefined> = {}, body = '{}') =>
  raw(server, { method: 'POST', path: `/api/${name}`, headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token, ...headers }, body });

describe('browser-mode server: who may call', () => {
  it('refuses every call without the right token, whatever else is right', async () => {
    const { server } = await serve();
    try {
      const u = new URL(server.url);
      // (Surrounding spaces are not a different token: HTTP trims header values.)
      const wrong = [undefined, '', ' ', server.token.toUpperCase(), `${server.token}x`, server.token.slice(1), 'null', 'undefined', encodeURIComponent(server.token) + '%00'];
      for (const name of callNames) {
        for (const token of wrong) {
          if (token === server.token) continue;
          const r = await api(server, name, { [TOKEN_HEADER]: token });
          expect(r.status, `${name} with token ${JSON.stringify(token)}`).toBe(401);
        }
      }
      // The token in the URL (as the page receives it) is not a credential for the API.
      expect((await raw(server, { method: 'POST', path: `/api/articles.list?token=${u.searchParams.get('token')}`, body: '{}' })).status).toBe(401);
      expect((await raw(server, { method: 'POST', path: '/api/articles.list', headers: { cookie: `token=${server.token}` }, body: '{}' })).status).toBe(401);
      expect((await raw(server, { method: 'POST', path: '/api/articles.list', headers: { authorization: `Bearer ${server.token}` }, body: '{}' })).status).toBe(401);
    } finally {
      await server.close();
    }
  });

  it('refuses other Host names (DNS rebinding), with or without the token', async () => {
    const { server } = await serve();
    try {
      const port = new URL(server.origin).port;
      const hosts = ['evil.example', `evil.example:${port}`, `127.0.0.1.evil.example:${port}`, `127.0.0.1:${Number(port) + 1}`, '127.0.0.1', `localhost.:${port}`, `[::1]:${port}`, `0.0.0.0:${port}`, `127.0.0.2:${port}`, `user@127.0.0.1:${port}`, `127.0.0.1:0${port}`, ''];
      for (const host of hosts) {
        // 421 from the server, or 400 from Node's HTTP parser for a Host that is not even a host.
        expect([400, 421], `API with Host ${JSON.stringify(host)}`).toContain((await api(server, 'articles.list', { host })).status);
        expect([400, 421], `page with Host ${JSON.stringify(host)}`).toContain((await raw(server, { path: '/', headers: { host } })).status);
      }
      // HTTP/1.0 with no Host header at all.
      expect(await socketRequest(server, `POST /api/articles.list HTTP/1.0\r\n${TOKEN_HEADER}: ${server.token}\r\ncontent-length: 2\r\n\r\n{}`)).toMatch(/^HTTP\/1\.[01] (421|400)/);
      // The names the server does answer to.
      expect((await api(server, 'articles.list', { host: `localhost:${port}` })).status).toBe(200);
      const plain = await api(server, 'articles.list', { host: `127.0.0.1:${port}` });
      expect(plain.status, plain.body).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('refuses foreign Origins, including look-alikes, and never answers CORS', async () => {
    const { server } = await serve();
    try {
      const port = new URL(server.origin).port;
      const origins = ['null', 'https://evil.example', `http://127.0.0.1:${Number(port) + 1}`, `https://127.0.0.1:${port}`, `http://localhost:${port}.evil.example`, `http://127.0.0.1:${port}@evil.example`, `http://evil.example/127.0.0.1:${port}`, 'file://', 'chrome-extension://abcdef', `ws://127.0.0.1:${port}`, `http://[::1]:${port}`];
      for (const origin of origins) {
        const r = await api(server, 'articles.import', { origin }, JSON.stringify(paste('Sent from another origin.')));
        expect(r.status, `Origin ${origin}`).toBe(403);
        expect(r.headers['access-control-allow-origin']).toBeUndefined();
      }
      const preflight = await raw(server, { method: 'OPTIONS', path: '/api/articles.list', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': TOKEN_HEADER } });
      expect(preflight.status).toBe(403);
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
      // Nothing of those requests reached the library.
      expect(JSON.parse((await api(server, 'articles.list')).body)).toEqual({ ok: true, value: { items: [], total: 0, next: null } });
      expect((await api(server, 'articles.list', { origin: server.origin })).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('browser-mode server: static files', () => {
  it('refuses every spelling of ../ and every way out of the renderer folder', async () => {
    const { server } = await serve();
    try {
      const paths = [
        '/%252e%252e/secret.txt',
        '/%252e%252e%252fsecret.txt',
        '/assets/..%252f..%252fsecret.txt',
        '/%2e%2e%2f%2e%2e%2fsecret.txt',
        '/%2E%2E/secret.txt',
        '/..;/secret.txt',
        '/assets/..;/..;/secret.txt',
        '//etc/passwd',
        '/%2fetc%2fpasswd',
        '/etc/passwd',
        '/\\..\\secret.txt',
        '/assets/../../secret.txt',
        '/assets/./../../secret.js',
        '/.%2e/secret.js',
        '/%u002e%u002e/secret.js',
        '/%c0%2e%c0%2e/secret.js',
        '/%e0%80%ae%e0%80%ae/secret.js',
        '/assets/link.js',
        '/up/secret.js',
        '/up/secret.txt',
        '/assets/app.js%00',
        '/assets/app.js%2500',
        '/index.html%2f..%2f..%2fsecret.js',
        `/${'a/'.repeat(5000)}x.js`,
        `/${'..%2f'.repeat(50)}etc/passwd`,
      ];
      for (const p of paths) {
        const r = await raw(server, { path: p });
        expect([400, 404, 414], p).toContain(r.status);
        expect(r.body, p).not.toContain('top secret');
        expect(r.body, p).not.toMatch(/root:.*:0:0:/);
      }
      // An absolute-form request target.
      const port = new URL(server.origin).port;
      const abs = await socketRequest(server, `GET http://127.0.0.1:${port}/../secret.js HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
      expect(abs).not.toContain('top secret');
      expect((await raw(server, { path: '/assets/app.js' })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('answers every API request it cannot route with the typed JSON error, however the name is spelled', async () => {
    const { server } = await serve();
    try {
      // `.` and `..` segments (also percent-encoded) are resolved by URL parsing before routing, so
      // these never reach /api/:name.
      const names = ['%2e%2e', '%2E%2E', '..', '.', '%2e', '..%2f..', '%2e%2e/%2e%2e', 'x/..', 'x/%2e%2e', '', 'a/b', '%00', 'articles.list/..'];
      for (const name of names) {
        // (A DELETE with a body is answered 400 by the HTTP layer before the app sees it.)
        for (const method of ['POST', 'PUT', 'PATCH']) {
          const r = await raw(server, { method, path: `/api/${name}`, headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token }, body: '{}' });
          const where = `${method} /api/${name}`;
          expect(r.status, where).toBeGreaterThanOrEqual(400);
          expect(r.headers['content-type'], where).toMatch(/^application\/json/);
          expect(JSON.parse(r.body), where).toMatchObject({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
        }
      }
    } finally {
      await server.close();
    }
  });
});

/** The local addresses a process listens on, read from /proc (no traffic needed). */
function listeningAddresses(pid: number): string[] {
  const inodes = new Set<string>();
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]!);
    } catch {
      // fds come and go
    }
  }
  const out: string[] = [];
  for (const [file, v6] of [
    ['/proc/net/tcp', false],
    ['/proc/net/tcp6', true],
  ] as const) {
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, 'utf8').trim().split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] !== '0A' || !inodes.has(cols[9]!)) continue; // 0A = LISTEN
      const [hex, portHex] = cols[1]!.split(':');
      out.push(`${v6 ? decode6(hex!) : decode4(hex!)}:${parseInt(portHex!, 16)}`);
    }
  }
  return out;
}
const decode4 = (hex: string) => [3, 2, 1, 0].map((i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).join('.');
function decode6(hex: string) {
  const words = [];
  for (let i = 0; i < 4; i++) {
    const w = hex.slice(i * 8, i * 8 + 8);
    const le = w.match(/../g)!.reverse().join('');
    words.push(le.slice(0, 4), le.slice(4));
  }
  return `[${words.map((w) => parseInt(w, 16).toString(16)).join(':')}]`;
}

describe('browser-mode server: where it listens', () => {
  it.runIf(process.platform === 'linux')('`verbatim web` listens on 127.0.0.1 only, unless told otherwise', async () => {
    const dir = tempDir();
    const server = await startCliServer(path.join(dir, 'library.sqlite'));
    try {
      const port = new URL(server.origin).port;
      expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(listeningAddresses(server.pid)).toEqual([`127.0.0.1:${port}`]);
    } finally {
      await server.stop();
    }
    const other = await startCliServer(path.join(dir, 'library.sqlite'), ['--host', '127.0.0.2']);
    try {
      expect(listeningAddresses(other.pid)).toEqual([`127.0.0.2:${new URL(other.origin).port}`]);
    } finally {
      await other.stop();
    }
  });

  it.runIf(process.platform === 'linux')('startWebServer binds to loopback by default', async () => {
    const { server } = await serve();
    try {
      const port = new URL(server.origin).port;
      expect(listeningAddresses(process.pid).filter((a) => a.endsWith(`:${port}`))).toEqual([`127.0.0.1:${port}`]);
    } finally {
      await server.close();
    }
  });
});

describe('browser-mode server under load', () => {
  it('200 concurrent calls (imports, lists, searches, annotation creates) all succeed and every row is there', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'library.sqlite');
    const server = await startCliServer(db);
    const call = async (name: string, input: unknown) => {
      const res = await fetch(`${server.origin}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token }, body: JSON.stringify(input) });
      return { status: res.status, body: (await res.json()) as { ok: boolean; value?: { id?: number; status?: string }; error?: unknown } };
    };
    let imports: number;
    let annotations: number;
    try {
      const seed = await call('articles.import', paste(sampleArticle()));
      const articleId = seed.body.value!.id!;
      const text = sampleArticle();
      const requests: Promise<{ kind: string; status: number; body: { ok: boolean; value?: { id?: number; status?: string }; error?: unknown } }>[] = [];
      for (let i = 0; i < 200; i++) {
        const kind = ['import', 'list', 'annotate', 'search', 'import', 'annotate'][i % 6]!;
        const run = async () => {
          if (kind === 'import') return call('articles.import', paste(`Load article ${i}: the envoy met the ministry about export controls, round ${i}.`));
          if (kind === 'annotate') {
            const start = (i * 7) % 2000;
            return call('annotations.create', { articleId, kind: 'quote', start, end: start + 20, comment: `load ${i}` });
          }
          if (kind === 'search') return call('search.query', { query: 'envoy' });
          return call('articles.list', {});
        };
        requests.push(run().then((r) => ({ kind, ...r })));
      }
      const results = await Promise.all(requests);
      const failed = results.filter((r) => r.status !== 200 || !r.body.ok || (r.kind === 'import' && r.body.value!.status !== 'imported'));
      expect(failed.map((r) => `${r.kind} ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`)).toEqual([]);
      imports = results.filter((r) => r.kind === 'import').length;
      annotations = results.filter((r) => r.kind === 'annotate').length;
      expect(new Set(results.filter((r) => r.kind === 'import').map((r) => r.body.value!.id)).size).toBe(imports);
      expect(text.length).toBeGreaterThan(2100);
      const listed = await call('articles.list', {});
      expect((listed.body.value as unknown as { total: number }).total).toBe(1 + imports);
      const annotated = await call('annotations.list', { articleId });
      expect((annotated.body.value as unknown as unknown[]).length).toBe(annotations);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    const check = new Database(db, { readonly: true });
    expect(check.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(1 + imports);
    expect(check.prepare('SELECT count(*) FROM annotations').pluck().get()).toBe(annotations);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
    console.log(`[reliability] web load: ${JSON.stringify({ calls: 200, imports, annotations, errors: 0 })}`);
  });
});
