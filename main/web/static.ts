// Serves the built renderer, and nothing else: paths are decoded once, normalised, and must stay
// inside the renderer folder; dot-files and anything outside are refused.
import fs from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export interface StaticFile {
  body: Buffer;
  type: string;
  /** Response headers beyond the type: how long the browser may keep the file (see cacheHeaders). */
  headers: Record<string, string>;
}

/**
 * Vite names every file under assets/ by its content's hash, so a file there never changes under its
 * name: the browser may keep it for good. Kept in the HTTP cache, the bundle is not fetched again on
 * each open, and Chromium keeps its compiled code beside it (V8's code cache works only for scripts
 * served from the HTTP cache): a warm open skips parsing and compiling ~700 KB of JavaScript.
 * Everything else (index.html, the favicon) keeps the default, asked again each time.
 */
function cacheHeaders(relative: string): Record<string, string> {
  return relative.startsWith('assets/') ? { 'Cache-Control': 'public, max-age=31536000, immutable' } : {};
}

export function resolveStatic(root: string, urlPath: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (relative.split('/').some((seg) => seg === '..' || seg.startsWith('.'))) return null;
  const file = path.resolve(root, relative);
  if (!file.startsWith(path.resolve(root) + path.sep)) return null;
  const type = TYPES[path.extname(file)];
  if (!type) return null;
  try {
    const real = fs.realpathSync(file);
    if (!real.startsWith(fs.realpathSync(root) + path.sep)) return null;
    return { body: fs.readFileSync(real), type, headers: cacheHeaders(relative) };
  } catch {
    return null;
  }
}
