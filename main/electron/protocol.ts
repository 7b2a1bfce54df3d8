// The renderer is served from `app://verbatim/`, never file://: a standard, secure origin of its
// own, so 'self' in the CSP means the app and nothing else on disk is reachable.
import { protocol } from 'electron';
import { resolveStatic } from '../web/static';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { APP_HOST, APP_SCHEME } from './security';

/**
 * Must run before the app is ready: privileges cannot be granted afterwards. `codeCache`: Chromium
 * keeps V8's compiled code only for http(s) unless a standard scheme asks for it, and compiling the
 * bundle afresh is a large part of every open of the window.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

/** Serves files from the built renderer folder only; resolveStatic refuses traversal and dot-files. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return notFound();
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed.', { status: 405 });
    const file = resolveStatic(rendererDir, url.pathname);
    if (!file) return notFound();
    const headers: Record<string, string> = {
      'Content-Type': file.type,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      ...file.headers,
    };
    if (file.type.startsWith('text/html')) {
      headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
      headers['Cache-Control'] = 'no-store';
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), { status: 200, headers });
  });
}

const notFound = () => new Response('Not found.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
