// The renderer's typed client for the contract, over the Electron bridge when there is one and
// over browser mode's HTTP otherwise. Failures arrive as ApiError with the router's code.
import type { CallError, CallInput, CallName, CallOutput, CallResult } from '../shared/contract';
import type { MenuCommand, VerbatimBridge } from '../shared/bridge';

declare global {
  interface Window {
    verbatim?: VerbatimBridge;
  }
}

export class ApiError extends Error {
  constructor(readonly error: CallError) {
    super(error.message);
  }
  get code() {
    return this.error.code;
  }
}

const TOKEN_KEY = 'verbatim.token';

/** Browser mode passes the token in the URL once; keep it for reloads and take it out of the address bar. */
function browserToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

async function overHttp<N extends CallName>(name: N, input: unknown, token: string, keepalive = false): Promise<CallResult<N>> {
  let res: Response;
  const body = JSON.stringify(input ?? {});
  try {
    res = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-verbatim-token': token },
      body,
      // A save sent while the page is closing must outlive the page; browsers allow that for
      // bodies up to 64 KB. Larger briefings rely on the autosave having run within the last second.
      keepalive: keepalive && body.length < 60_000,
    });
  } catch {
    return { ok: false, error: { code: 'internal', message: 'Verbatim is not reachable; is “verbatim web” still running?' } };
  }
  try {
    return (await res.json()) as CallResult<N>;
  } catch {
    return { ok: false, error: { code: 'internal', message: `Verbatim answered ${res.status} ${res.statusText}.` } };
  }
}

const bridge = typeof window !== 'undefined' ? window.verbatim : undefined;
const token = bridge ? '' : browserToken();

export const isDesktop = !!bridge;

export async function call<N extends CallName>(name: N, input: CallInput<N>, opts: { keepalive?: boolean } = {}): Promise<CallOutput<N>> {
  const result = bridge ? await bridge.call[name](input) : await overHttp(name, input, token, opts.keepalive);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as CallOutput<N>;
}

export function onMenu(listener: (command: MenuCommand) => void): () => void {
  return bridge ? bridge.onMenu(listener) : () => {};
}
