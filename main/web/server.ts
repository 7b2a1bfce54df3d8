// Browser mode: the renderer and the contract over loopback HTTP. Every API call needs the
// per-launch token; Host and Origin are checked so another site (or a DNS-rebound name) cannot
// drive the library through the user's browser.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { serve, type ServerType } from '@hono/node-server';
import type { Router } from '../router';
import type { CallError } from '../../shared/contract';
import { resolveStatic } from './static';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { MAX_ANY_IMPORT_BYTES } from '../../shared/limits';

export { CONTENT_SECURITY_POLICY };

export const TOKEN_HEADER = 'x-verbatim-token';
/** How long shutdown waits for requests in flight before closing their connections. */
const GRACE_MS = 1500;
/** Room for a 10 MB file as base64 inside JSON. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;
/** `articles.import` carries one file of up to MAX_ANY_IMPORT_BYTES (a PDF), as base64, with its metadata. */
const MAX_IMPORT_BODY_BYTES = Math.ceil((MAX_ANY_IMPORT_BYTES * 4) / 3) + 1024 * 1024;
const tooLargeRequest = { onError: (c: Context) => c.json(fail('too_large', 'The request is larger than Verbatim accepts.'), 413) };
const bodyLimitOf = bodyLimit({ maxSize: MAX_BODY_BYTES, ...tooLargeRequest });
const importBodyLimit = bodyLimit({ maxSize: MAX_IMPORT_BODY_BYTES, ...tooLargeRequest });



export interface WebServerOptions {
  router: Router;
  rendererDir: string;
  host?: string;
  port?: number;
  token?: string;
}

export interface WebServer {
  url: string;
  token: string;
  origin: string;
  close(): Promise<void>;
}

const STATUS: Record<CallError['code'], 400 | 403 | 404 | 409 | 413 | 415 | 500 | 502 | 503 | 507> = {
  unknown_call: 404,
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  unsupported: 415,
  too_large: 413,
  // A web address the main side could not fetch: a bad gateway, in HTTP's words.
  unreachable: 502,
  damaged: 503,
  disk_full: 507,
  read_only: 409,
  permission: 403,
  busy: 503,
  internal: 500,
};

export function createApp(router: Router, rendererDir: string, token: string, allowedHosts: () => Set<string>) {
  const app = new Hono();
  const tokenBytes = Buffer.from(token);

  app.use('*', async (c, next) => {
    const host = c.req.header('host') ?? '';
    if (!allowedHosts().has(host.toLowerCase())) return c.text('Unknown host.', 421);
    const origin = c.req.header('origin');
    if (origin && !allowedHosts().has(origin.toLowerCase().replace(/^http:\/\//, ''))) return c.text('Foreign origin.', 403);
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
  });

  app.post(
    '/api/:name',
    // One file per import call may be a large PDF; every other call stays within the smaller limit.
    (c, next) => (c.req.param('name') === 'articles.import' ? importBodyLimit : bodyLimitOf)(c, next),
    async (c) => {
      const given = Buffer.from(c.req.header(TOKEN_HEADER) ?? '');
      if (given.length !== tokenBytes.length || !timingSafeEqual(given, tokenBytes)) {
        return c.json(fail('invalid_input', 'Missing or wrong token: open the URL Verbatim printed.'), 401);
      }
      let input: unknown;
      try {
        const body = await c.req.text();
        input = body ? JSON.parse(body) : {};
      } catch {
        return c.json(fail('invalid_input', 'The request body is not JSON.'), 400);
      }
      const result = await router(c.req.param('name'), input);
      return c.json(result, result.ok ? 200 : STATUS[result.error.code]);
    },
  );

  app.all('/api/*', (c) => c.json(fail('unknown_call', 'API calls are POST /api/<name>.'), 405));

  // Anything but a page fetch that found no route is a failed API call, also when URL parsing has
  // resolved its `..` (`/api/%2e%2e` arrives as `/`): the caller gets the typed JSON error.
  app.notFound((c) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? c.text('Not found.', 404) : c.json(fail('unknown_call', 'There is no such call; API calls are POST /api/<name>.'), 404),
  );

  app.get('*', (c) => {
    const file = resolveStatic(rendererDir, c.req.path);
    if (!file) return c.text('Not found.', 404);
    c.header('Content-Type', file.type);
    for (const [name, value] of Object.entries(file.headers)) c.header(name, value);
    if (file.type.startsWith('text/html')) {
      c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      c.header('Cache-Control', 'no-store');
    }
    return c.body(new Uint8Array(file.body));
  });

  return app;
}

const fail = (code: CallError['code'], message: string) => ({ ok: false, error: { code, message } });

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const host = opts.host ?? '127.0.0.1';
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let hosts = new Set<string>();
  const app = createApp(opts.router, opts.rendererDir, token, () => hosts);
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port: opts.port ?? 5173 }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const names = [host];
  if (host === '127.0.0.1' || host === 'localhost' || host === '::1') names.push('127.0.0.1', 'localhost');
  hosts = new Set(names.map((h) => `${h.includes(':') ? `[${h}]` : h}:${port}`.toLowerCase()));
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    token,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        const http = server as unknown as { closeIdleConnections?: () => void; closeAllConnections?: () => void };
        server.close(() => resolve());
        http.closeIdleConnections?.();
        // Requests in flight get a moment to finish (an autosave from a closing tab); a browser
        // that keeps reusing its keep-alive connection must not hold the shutdown open forever.
        setTimeout(() => http.closeAllConnections?.(), GRACE_MS).unref();
      }),
  };
}
