// The only door into the services: a call name and an untrusted input in, a typed result out.
// Every input is validated against the contract's schema; every failure becomes {code, message}.
import { contract, isCallName, type CallInput, type CallName, type CallOutput, type CallResult } from '../shared/contract';
import { AppError } from './errors';
import type { Services } from './services';

type Handlers = { [N in CallName]: (input: CallInput<N>) => CallOutput<N> | Promise<CallOutput<N>> };

function handlers(s: Services): Handlers {
  return {
    'library.info': () => s.library.info(),
    'articles.import': (i) => s.importer.import(i),
    'articles.list': (i) => s.library.list(i),
    'articles.outlets': () => s.library.outlets(),
    'articles.get': (i) => s.library.get(i.id),
    'articles.update': ({ id, ...patch }) => s.library.update(id, patch),
    'articles.delete': (i) => s.library.delete(i.id),
    'articles.restore': (i) => s.library.restore(i.id),
    'articles.emptyTrash': () => s.library.emptyTrash(),
    'search.query': (i) => s.search.search(i.query, i.limit),
  };
}

export type Router = (name: string, input: unknown) => Promise<CallResult<CallName>>;

export function createRouter(services: Services, onError: (err: unknown) => void = logInternal): Router {
  const table = handlers(services);
  return async (name, input) => {
    if (!isCallName(name)) return { ok: false, error: { code: 'unknown_call', message: `There is no call named “${String(name).slice(0, 80)}”.` } };
    const parsed = contract[name].input.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.map(String).join('.')}` : '';
      return { ok: false, error: { code: 'invalid_input', message: `Invalid input for ${name}${where}: ${issue?.message ?? 'rejected'}.` } };
    }
    try {
      const handler = table[name] as (i: unknown) => unknown;
      return { ok: true, value: (await handler(parsed.data)) as CallOutput<CallName> };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toCallError() };
      onError(err);
      return { ok: false, error: { code: 'internal', message: `Something went wrong in ${name}; nothing was changed. (${(err as Error)?.message ?? err})` } };
    }
  };
}

function logInternal(err: unknown) {
  console.error('[verbatim] internal error:', err);
}
