import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startWebServer, TOKEN_HEADER, type WebServer } from '../../main/web/server';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { paste, sampleArticle, tempDir, tempLibrary } from './helpers';

/** Raw requests, so tests can send Host headers and paths a fetch() would normalise away. */
function request(server: WebServer, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  const url = new URL(server.origin);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method: opts.method ?? 'GET', path: opts.path, headers: { host: url.host, ...opts.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    // The server answers 413 before reading a huge body and closes; the client's late write then fails.
    req.on('socket', (socket) => socket.on('error', () => {}));
    req.end(opts.body);
  });
}

async function serve() {
  const t = await tempLibrary();
  const rendererDir = path.join(tempDir(), 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Verbatim</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(path.dirname(rendererDir), 'secret.txt'), 'top secret');
  const server = await startWebServer({ router: t.router, rendererDir, port: 0 });
  return { ...t, server, close: () => server.close() };
}

// One character changed; a fixed replacement would sometimes equal the token's own last character.
const wrongToken = (token: string) => `${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}`;

const api = (server: WebServer, name: string, input: unknown, headers: Record<string, string> = {}) =>
  request(server, { method: 'POST', path: `/api/${name}`, headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token, ...headers }, body: JSON.stringify(input) });

describe('browser-mode server', () => {
  it('binds to loopback and prints a URL with its token', async () => {
    const { server, close } = await serve();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    await close();
  });

  it('carries the contract with the token, and refuses calls without it or with a wrong one', async () => {
    const { server, close } = await serve();
    const ok = await api(server, 'articles.import', paste(sampleArticle()));
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { status: 'imported' } });
    expect((await api(server, 'articles.list', {}, { [TOKEN_HEADER]: '' })).status).toBe(401);
    expect((await api(server, 'articles.list', {}, { [TOKEN_HEADER]: wrongToken(server.token) })).status).toBe(401);
    await close();
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    const { server, close } = await serve();
    expect((await api(server, 'articles.list', {}, { host: 'evil.example:80' })).status).toBe(421);
    expect((await request(server, { path: '/', headers: { host: 'rebind.example.com' } })).status).toBe(421);
    expect((await api(server, 'articles.list', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await api(server, 'articles.list', {}, { origin: server.origin })).status).toBe(200);
    const port = new URL(server.origin).port;
    expect((await api(server, 'articles.list', {}, { host: `localhost:${port}` })).status).toBe(200);
    await close();
  });

  it('serves the renderer with a strict CSP, and nothing outside it', async () => {
    const { server, close } = await serve();
    const index = await request(server, { path: '/' });
    expect(index.status).toBe(200);
    // The same policy the app:// protocol sends (tests/reliability/electron-hardening.test.ts).
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(index.headers['content-security-policy']).not.toMatch(/unsafe-(eval|inline)/);
    expect((await request(server, { path: '/assets/app.js' })).status).toBe(200);
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt', '/.env', '/assets/app.js%00.html', '/%c0%ae%c0%ae/secret.txt']) {
      const r = await request(server, { path: p });
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain('top secret');
    }
    await close();
  });

  it('lets the browser keep the hashed assets for good, and asks for the page again each time', async () => {
    const { server, close } = await serve();
    // Kept in the HTTP cache, the bundle's compiled code is kept too (V8's code cache): a warm open does not compile it again.
    expect((await request(server, { path: '/assets/app.js' })).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await request(server, { path: '/' })).headers['cache-control']).toBe('no-store');
    await close();
  });

  it('answers malformed requests with typed errors and keeps serving', async () => {
    const { server, close } = await serve();
    const notJson = await request(server, { method: 'POST', path: '/api/articles.list', headers: { [TOKEN_HEADER]: server.token }, body: '{nope' });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await api(server, 'no.such.call', {})).status).toBe(404);
    expect((await request(server, { path: '/api/articles.list', headers: { [TOKEN_HEADER]: server.token } })).status).toBe(405);
    const huge = await api(server, 'search.query', { query: 'x'.repeat(17 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect((await api(server, 'articles.list', {})).status).toBe(200);
    await close();
  });

  it('takes an import of a PDF past 16 MB (PDFs may be 50 MB); every other call keeps the 16 MB limit', async () => {
    const { server, close } = await serve();
    // 20 MB of a PDF's pictures (27 MB as base64): the body goes through; the file then fails as what it is, not by size.
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(20 * 1024 * 1024, 0x20)]);
    const big = await api(server, 'articles.import', { file: 'report.pdf', encoding: 'base64', data: pdf.toString('base64') });
    expect(big.status).toBe(200);
    expect(JSON.parse(big.body)).toMatchObject({ ok: true, value: { status: 'failed', error: expect.stringMatching(/cut short/) } });
    expect((await api(server, 'articles.updateText', { id: 1, text: 'x'.repeat(17 * 1024 * 1024) })).status).toBe(413);
    await close();
  });
});
