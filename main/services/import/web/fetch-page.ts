// Fetching one web address for import: http and https only, redirects followed by hand (each hop
// checked again), a time limit to the first answer and one for the whole transfer, and a size cap
// enforced while the body streams in (reading stops at the cap; a 1 GB answer is never held).
//
// Node's own fetch (undici) rather than node:http: it decompresses gzip, deflate and brotli, so the
// cap counts the bytes we would actually hold (a small compressed bomb cannot slip under it), and
// an AbortSignal ends the connection at any point, connecting, waiting or streaming. `redirect:
// 'manual'` hands back the 3xx answer itself, so every hop goes through the same checks.
import { AppError } from '../../../errors';
import { MAX_IMPORT_BYTES, formatBytes } from '../../../../shared/limits';

export interface FetchLimits {
  /** The longest wait for the server's answer (connecting included) on each hop. */
  answerMs: number;
  /** The longest the whole fetch may take, redirects and body included. */
  totalMs: number;
  /** The most bytes read from a body (after decompression). */
  maxBytes: number;
  /** The most redirects followed. */
  maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { answerMs: 15_000, totalMs: 60_000, maxBytes: MAX_IMPORT_BYTES, maxRedirects: 5 };

export interface FetchedPage {
  /** Where the page was in the end, after redirects. */
  url: string;
  /** The media type without parameters, lower case ("text/html"), or "" when the server named none. */
  mediaType: string;
  /** The charset the Content-Type header declared, if any. */
  charset: string | null;
  bytes: Uint8Array;
}

/** What the analyst reads when the address gives nothing to import: the cause, in words. */
export class FetchError extends AppError {}

const USER_AGENT = 'Verbatim/0.1 (article import; +https://github.com/)';

/** Which hosts may be fetched, asked for the address and every redirect (tests keep to the loopback). */
export type HostCheck = (url: URL) => boolean;

export async function fetchPage(
  address: string,
  limits: FetchLimits = DEFAULT_FETCH_LIMITS,
  accept = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
  allow: HostCheck = () => true,
): Promise<FetchedPage> {
  let url = checkAddress(address, allow);
  const total = new AbortController();
  const totalTimer = setTimeout(() => total.abort(), limits.totalMs);
  try {
    for (let hop = 0; ; hop++) {
      const res = await answer(url, limits, total.signal, accept);
      if (res.status >= 300 && res.status < 400 && res.headers.has('location')) {
        await res.body?.cancel().catch(() => {});
        if (hop >= limits.maxRedirects) throw new FetchError('unreachable', `${url.host} redirected more than ${limits.maxRedirects} times (a redirect loop?); nothing was imported.`);
        url = checkAddress(new URL(res.headers.get('location')!, url).href, allow, url);
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => {});
        throw statusError(res.status, url);
      }
      const { mediaType, charset } = contentType(res.headers.get('content-type'));
      const declared = Number(res.headers.get('content-length'));
      // A declared size over the cap is refused before a byte is read.
      if (!res.headers.has('content-encoding') && Number.isFinite(declared) && declared > limits.maxBytes) {
        await res.body?.cancel().catch(() => {});
        throw tooLarge(limits.maxBytes);
      }
      return { url: url.href, mediaType, charset, bytes: await readCapped(res, limits.maxBytes) };
    }
  } catch (err) {
    if (err instanceof FetchError) throw err;
    if (total.signal.aborted) throw new FetchError('unreachable', `${url.host} took longer than ${seconds(limits.totalMs)} to send the page (timed out); nothing was imported.`);
    throw networkError(err, url);
  } finally {
    clearTimeout(totalTimer);
  }
}

/** http or https, nothing else (file:, data:, ftp:, javascript:...), and no password in the address. */
function checkAddress(address: string, allow: HostCheck, from?: URL): URL {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw new FetchError('invalid_input', `“${address.slice(0, 200)}” is not a web address; it should start with http:// or https://.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const scheme = url.protocol.replace(/:$/, '');
    throw new FetchError(
      'unsupported',
      from ? `${from.host} redirected to a ${scheme}: address, which Verbatim does not follow (only http and https); nothing was imported.` : `Only http and https addresses can be imported, not ${scheme}:.`,
    );
  }
  if (url.username || url.password) throw new FetchError('invalid_input', 'Addresses with a user name or password in them cannot be imported.');
  if (!allow(url)) throw new FetchError('unsupported', `${url.host} is not an address this Verbatim may fetch from; nothing was imported.`);
  url.hash = '';
  return url;
}

/**
 * One request, its answer (headers) within `answerMs`. A connection kept alive from an earlier
 * request may be closed by the server just as it is reused; as browsers do for a GET, that one
 * failure is tried once more on a fresh connection.
 */
async function answer(url: URL, limits: FetchLimits, total: AbortSignal, accept: string): Promise<Response> {
  try {
    return await answerOnce(url, limits, total, accept);
  } catch (err) {
    if (err instanceof FetchError || total.aborted || !RESET.has(errorCode(err))) throw err;
    return answerOnce(url, limits, total, accept);
  }
}

const RESET = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE']);

function errorCode(err: unknown): string {
  return (err as { cause?: { code?: string } })?.cause?.code ?? (err as { code?: string })?.code ?? '';
}

/** The body is read later, against the total limit. */
async function answerOnce(url: URL, limits: FetchLimits, total: AbortSignal, accept: string): Promise<Response> {
  const waiting = new AbortController();
  const timer = setTimeout(() => waiting.abort(), limits.answerMs);
  try {
    return await fetch(url, {
      redirect: 'manual',
      signal: AbortSignal.any([total, waiting.signal]),
      headers: { accept, 'user-agent': USER_AGENT, 'accept-language': '*' },
    });
  } catch (err) {
    if (waiting.signal.aborted && !total.aborted) throw new FetchError('unreachable', `${url.host} did not answer within ${seconds(limits.answerMs)} (timed out); nothing was imported.`);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

/** The body, read chunk by chunk; past `maxBytes` the stream is cancelled and the connection dropped. */
async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function contentType(header: string | null): { mediaType: string; charset: string | null } {
  if (!header) return { mediaType: '', charset: null };
  const [type, ...params] = header.split(';');
  const charset = params
    .map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p)?.[1])
    .find(Boolean);
  return { mediaType: type!.trim().toLowerCase(), charset: charset ?? null };
}

function statusError(status: number, url: URL): FetchError {
  if (status === 404 || status === 410) return new FetchError('not_found', `There is no page at ${url.href} (not found, HTTP ${status}); nothing was imported.`);
  if (status === 401 || status === 403) return new FetchError('unsupported', `${url.host} refused to give the page (HTTP ${status}: it may need a login); nothing was imported.`);
  if (status >= 500) return new FetchError('unreachable', `${url.host} had a server error (HTTP ${status}); try again later. Nothing was imported.`);
  return new FetchError('unsupported', `${url.host} answered HTTP ${status} instead of the page; nothing was imported.`);
}

function tooLarge(maxBytes: number): FetchError {
  return new FetchError('too_large', `The page is larger than ${formatBytes(maxBytes)}, the most Verbatim imports (too large); reading stopped there and nothing was imported.`);
}

/** DNS failures, refused or reset connections, bad certificates: undici puts the system's code in `cause`. */
function networkError(err: unknown, url: URL): FetchError {
  const cause = (err as { cause?: { message?: string } })?.cause;
  const code = errorCode(err);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new FetchError('unreachable', `${url.hostname} could not be found (refused: no such server, or no network); nothing was imported.`);
  if (code === 'ECONNREFUSED') return new FetchError('unreachable', `${url.host} refused the connection (no web server there); nothing was imported.`);
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return new FetchError('unreachable', `${url.host} closed the connection before sending the page; nothing was imported.`);
  if (/CERT|SSL|TLS/i.test(code)) return new FetchError('unreachable', `The secure connection to ${url.host} failed (${code}); nothing was imported.`);
  const detail = cause?.message ?? (err as Error)?.message ?? String(err);
  return new FetchError('unreachable', `${url.host} could not be reached (${detail}); nothing was imported.`);
}

const seconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`);
