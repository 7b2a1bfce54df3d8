// The only door into the services: a call name and an untrusted input in, a typed result out.
// Every input is validated against the contract's schema; every failure becomes {code, message}.
// The table below only names which service method answers each call: checks, look-ups and
// not-found errors belong to the services.
import { contract, isCallName, type CallInput, type CallName, type CallOutput, type CallResult } from '../shared/contract';
import { describeIssue } from '../shared/input-errors';
import { AppError } from './errors';
import type { Services } from './services';
import { storageWriteError } from './store/storage-errors';
import { retryWhileBusy } from './store/write-lock';
import type { TeamLink } from './sync/team-link';

type Handlers = { [N in CallName]: (input: CallInput<N>) => CallOutput<N> | Promise<CallOutput<N>> };

function handlers(s: Services, link: TeamLink | undefined): Handlers {
  const team = () => link ?? noTeam();
  return {
    'library.info': () => s.library.info(),
    'library.changes': () => s.library.changes(),
    'team.status': () => team().status(),
    'team.join': (i) => team().join(i.url, i.token),
    'team.sync': () => team().syncNow(),
    'team.briefing.open': (i) => ({ room: team().openBriefing(i.id) }),
    'team.briefing.exchange': ({ session, ...input }) => team().exchange(session, input),
    'team.briefing.wake': (i) => team().wake(i.session),
    'team.briefing.leave': (i) => team().leave(i.session),
    'articles.import': (i) => s.importer.import(i),
    'articles.importBatch': (i) => s.importer.importBatch(i.files),
    'articles.inspect': (i) => s.importer.inspect(i),
    'articles.importUrl': (i) => s.web.importUrl(i),
    'feeds.read': (i) => s.web.readFeed(i),
    'feeds.importItems': (i) => s.web.importItems(i.items),
    'articles.list': (i) => s.library.list(i),
    'articles.position': (i) => s.library.position(i),
    'articles.outlets': () => s.library.outlets(),
    'articles.get': (i) => s.library.get(i.id),
    'articles.read': (i) => {
      // An article the team changed and this library has yet to fetch is fetched now, ahead of the rest.
      link?.reading(i.id);
      return s.library.read(i.id, i.head);
    },
    'articles.update': ({ id, ...patch }) => s.library.update(id, patch),
    'articles.delete': (i) => s.library.delete(i.id),
    'articles.restore': (i) => s.library.restore(i.id),
    'articles.emptyTrash': () => s.library.emptyTrash(),
    'articles.updateText': (i) => s.articleText.update(i.id, i.doc),
    'actors.list': () => s.codebook.listActors(),
    'actors.create': (i) => s.codebook.createActor(i),
    'actors.update': ({ id, ...rest }) => s.codebook.updateActor(id, rest),
    'actors.delete': (i) => s.codebook.deleteActor(i.id, i.force),
    'actors.merge': (i) => s.codebook.mergeActors(i.sourceId, i.targetId),
    'actors.unmerge': (i) => s.codebook.unmergeActors(i.mergeId),
    'topics.list': () => s.codebook.listTopics(),
    'topics.create': (i) => s.codebook.createTopic(i.name, i.description ?? null),
    'topics.update': ({ id, ...rest }) => s.codebook.updateTopic(id, rest),
    'topics.delete': (i) => s.codebook.deleteTopic(i.id),
    'positions.create': (i) => s.codebook.createPosition(i.topicId, i.claim, i.description ?? null),
    'positions.update': ({ id, ...rest }) => s.codebook.updatePosition(id, rest),
    'positions.delete': (i) => s.codebook.deletePosition(i.id, i.force),
    'positions.merge': (i) => s.codebook.mergePositions(i.sourceId, i.targetId),
    'annotations.list': (i) => s.annotations.list(i.articleId),
    'annotations.create': (i) => s.annotations.create(i),
    'annotations.update': (i) => s.annotations.update(i),
    'annotations.review': (i) => s.annotations.review(i.id, i.decision),
    'annotations.delete': (i) => s.annotations.delete(i.id),
    'annotations.restore': (i) => s.annotations.restore(i.id),
    'suggestions.list': (i) => s.suggestions.list(i.articleId, i.minConfidence),
    'suggestions.accept': (i) => s.suggestions.accept(i),
    'suggestions.reject': (i) => s.suggestions.reject(i.articleId, i.key),
    'suggestions.unreject': (i) => s.suggestions.unreject(i.articleId, i.key),
    'quotes.list': (i) => s.quotes.list(i),
    'quotes.page': (i) => s.quotes.page(i),
    'quotes.facets': () => s.quotes.facets(),
    'matrix.get': (i) => s.quotes.matrix(i.topicId),
    'matrix.overview': () => s.quotes.overview(),
    'matrix.overviewPage': (i) => s.quotes.overviewPage(i),
    'quotes.export': (i) => s.quotes.export(i.format, i.filter),
    'landscape.network': (i) => s.landscape.network(i),
    'landscape.shifts': (i) => s.landscape.shifts(i),
    'landscape.timeline': (i) => s.landscape.timeline(i),
    'briefings.list': (i) => s.briefings.list(i.trash),
    'briefings.get': (i) => s.briefings.get(i.id),
    'briefings.create': (i) => s.briefings.create(i),
    'briefings.update': ({ id, ...patch }) => s.briefings.update(id, patch),
    'briefings.save': (i) => s.briefings.save(i.id, i.doc, i.baseVersion),
    'briefings.duplicate': (i) => s.briefings.duplicate(i.id),
    'briefings.delete': (i) => s.briefings.delete(i.id),
    'briefings.restore': (i) => s.briefings.restore(i.id),
    'briefings.revisions': (i) => s.briefings.revisions(i.id),
    'briefings.revision': (i) => s.briefings.revision(i.revisionId),
    'briefings.snapshot': (i) => s.briefings.snapshot(i.id),
    'briefings.export': (i) => s.exporter.briefing(i.id, i.format, i.pageSize),
    'articles.exportPdf': (i) => s.exporter.articlePdf(i.id, i.pageSize),
    'search.query': (i) => s.search.search(i.query, i.limit),
  };
}

export type Router = (name: string, input: unknown) => Promise<CallResult<CallName>>;

export interface RouterOptions {
  /** The library's link to its team (the app and browser mode); without one, the team calls say the team is not available here. */
  team?: TeamLink;
  /** Where internal errors are reported. */
  onError?: (err: unknown) => void;
}

export function createRouter(services: Services, { team, onError = logInternal }: RouterOptions = {}): Router {
  const table = handlers(services, team);
  return async (name, input) => {
    if (!isCallName(name)) return { ok: false, error: { code: 'unknown_call', message: `There is no call named “${String(name).slice(0, 80)}”.` } };
    const parsed = contract[name].input.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const problem = issue ? describeIssue(issue) : { message: 'The request was refused.' };
      return { ok: false, error: { code: 'invalid_input', ...problem } };
    }
    try {
      const handler = table[name] as (i: unknown) => unknown;
      // Each call writes in at most one transaction, and a WriteLockBusy means that transaction never
      // started: when another process holds the write lock, the call waits and runs again.
      return { ok: true, value: (await retryWhileBusy(() => handler(parsed.data))) as CallOutput<CallName> };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toCallError() };
      // A full disk, a read-only library, a permission problem or a lock still held (a read refused
      // while another process recovers or checkpoints) is the analyst's to act on: typed and in
      // words, not `internal`.
      const typed = storageWriteError(err);
      if (typed instanceof AppError) return { ok: false, error: typed.toCallError() };
      onError(err);
      return { ok: false, error: { code: 'internal', message: `Something went wrong in ${name}; nothing was changed. (${(err as Error)?.message ?? err})` } };
    }
  };
}

const noTeam = (): never => {
  throw new AppError('unsupported', 'Teams are joined from the app, browser mode (verbatim web) or verbatim team join.');
};

function logInternal(err: unknown) {
  console.error('[verbatim] internal error:', err);
}
