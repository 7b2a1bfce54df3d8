// Suggested attributions: the engine's findings for an article, minus what the analyst already
// coded or rejected; accepting one makes it an ordinary annotation (and, for an unknown speaker, a
// new actor). Nothing is ever accepted without being asked.
import { createHash } from 'node:crypto';
import type { ActorStore } from '../store/actors';
import type { AnnotationStore } from '../store/annotations';
import type { ArticleStore } from '../store/articles';
import { rejectedWords, type ComputedSuggestions, type SuggestionStore } from '../store/suggestions';
import type { AnnotationService } from './annotations';
import type { CodebookService } from './codebook';
import type { SuggestRunner } from '../attribution/background';
import type { CallInput } from '../../shared/contract';
import type { Actor, Annotation, ArticleText } from '../../shared/model';
import { annotationKindOf, suggestionKey, type ArticleSuggestion, type Suggestion } from '../../shared/suggestion';
import { guessActorKind } from '../../shared/actor-kind';
import { cleanName, nameProblem } from '../../shared/names';
import { checkRange } from '../../shared/anchoring';
import { WriteLockBusy, type Transaction } from '../store/write-lock';
import { problemOf } from '../store/storage-errors';
import { AppError, notFound } from '../errors';
import { exactTextHash } from './text-hash';
import { ENGINE_EDITION } from '../attribution/edition';


type AcceptInput = CallInput<'suggestions.accept'>;

export interface SuggestionList {
  suggestions: ArticleSuggestion[];
  tooLarge: boolean;
}

export interface SuggestionServiceDeps {
  transaction: Transaction;
  /** False once the library is closed: a late background answer is then dropped. */
  isOpen: () => boolean;
  store: SuggestionStore;
  articles: ArticleStore;
  actors: ActorStore;
  annotationStore: AnnotationStore;
  annotations: AnnotationService;
  codebook: CodebookService;
  run: SuggestRunner;
  /** Compute suggestions for imported and edited articles in the background (the app, browser mode). */
  prepareInBackground: boolean;
  /** A read-only library: answers are computed but not kept. */
  readOnly: boolean;
  /** Where a background computation that failed is reported (it is tried again when the article is opened). */
  onError?: (err: unknown) => void;
}

export class SuggestionService {
  /** Computations under way, by article, text and codebook: the background and an opening share one. */
  private readonly computing = new Map<string, Promise<ComputedSuggestions>>();
  private readonly backlog: number[] = [];
  private draining = false;
  private closed = false;

  constructor(private readonly d: SuggestionServiceDeps) {}

  async list(articleId: number, minConfidence = 0): Promise<SuggestionList> {
    // Nothing is suggested in the trash. Not an error: the reader may still be asking for an article
    // the analyst has just trashed.
    const found = this.d.articles.meta(articleId);
    if (found?.deletedAt) return { suggestions: [], tooLarge: false };
    const article = this.liveArticle(articleId);
    const { suggestions, tooLarge } = await this.computed(article);
    const coded = this.d.annotationStore.forArticle(articleId).filter((a) => !a.orphaned);
    const rejected = this.d.store.rejected(articleId);
    return {
      tooLarge,
      suggestions: suggestions
        .filter((s) => s.confidence >= minConfidence && !rejected.has(rejectedWords(s.content.exact)) && !overlapsAny(s, coded))
        .sort((a, b) => a.content.start - b.content.start || a.content.end - b.content.end)
        .map((s) => ({ ...s, key: suggestionKey(s) })),
    };
  }

  /** Codes the suggestion, creating its speaker when new, in one write transaction. */
  async accept(input: AcceptInput): Promise<{ annotation: Annotation; createdActor: Actor | null }> {
    const s = await this.current(input.articleId, input.key);
    return this.d.transaction(() => {
      const article = this.liveArticle(input.articleId);
      if (article.text.slice(s.content.start, s.content.end) !== s.content.exact) throw textChanged();
      if (overlapsAny(s, this.d.annotationStore.forArticle(article.id).filter((a) => !a.orphaned))) {
        throw new AppError('conflict', 'This passage has been coded since it was suggested; nothing was added.');
      }
      const { speakerId, createdActor } = this.speakerFor(s, input);
      const annotation = this.d.annotations.create({
        articleId: article.id,
        kind: input.kind ?? annotationKindOf(s.kind),
        start: s.content.start,
        end: s.content.end,
        speakerId,
        positions: input.positions,
        comment: input.comment,
        tags: input.tags,
      });
      // Read again: as created it had no annotations yet.
      return { annotation, createdActor: createdActor && this.d.actors.get(createdActor.id)! };
    });
  }

  /** Remembers the suggestion's words as rejected for this article. */
  async reject(articleId: number, key: string): Promise<{ key: string }> {
    const s = await this.current(articleId, key);
    this.d.transaction(() => {
      const article = this.liveArticle(articleId);
      if (article.text.slice(s.content.start, s.content.end) !== s.content.exact) throw textChanged();
      this.d.store.reject(articleId, s.content.exact);
    });
    return { key };
  }

  /** Forgets a rejection: the words at `key` in the article's text are suggested again. */
  unreject(articleId: number, key: string): { key: string } {
    return this.d.transaction(() => {
      const article = this.liveArticle(articleId);
      const { start, end } = parseKey(key);
      const problem = checkRange(article.text, start, end);
      if (problem) throw new AppError('invalid_input', problem);
      this.d.store.unreject(articleId, article.text.slice(start, end));
      return { key };
    });
  }

  /**
   * Computes the article's suggestions in the background (after an import or a text edit), so
   * opening it finds them ready. Articles are done one at a time, after the call that asked has
   * answered. Nothing happens unless the service was made to prepare in the background.
   */
  prepare(articleId: number): void {
    if (!this.d.prepareInBackground || this.closed) return;
    if (!this.backlog.includes(articleId)) this.backlog.push(articleId);
    if (!this.draining) void this.drain();
  }

  /** Stops background work: what is queued is dropped, and nothing more is written. */
  close(): void {
    this.closed = true;
    this.backlog.length = 0;
  }

  private async drain() {
    this.draining = true;
    try {
      while (this.backlog.length && !this.closed) {
        await new Promise((resume) => setImmediate(resume));
        const id = this.backlog.shift();
        const article = id === undefined || this.closed ? undefined : this.d.articles.withText(id);
        if (!article || article.deletedAt) continue;
        try {
          await this.computed(article);
        } catch (err) {
          this.d.onError?.(err);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /** The engine's answer for the article as it is now: kept from last time, or computed (once, however many ask). */
  private computed(article: ArticleText): Promise<ComputedSuggestions> {
    const actors = this.d.actors.names();
    const codebookKey = sha256(JSON.stringify([ENGINE_EDITION, actors]));
    const textSha256 = exactTextHash(article.text);
    const cached = this.d.store.cached(article.id);
    if (cached && cached.textSha256 === textSha256 && cached.codebookKey === codebookKey) return Promise.resolve(cached);
    const job = `${article.id}:${textSha256}:${codebookKey}`;
    let pending = this.computing.get(job);
    if (!pending) {
      pending = this.d
        .run(article.text, actors)
        .then((outcome) => {
          this.keep(article.id, { ...outcome, textSha256, codebookKey });
          return outcome;
        })
        .finally(() => this.computing.delete(job));
      this.computing.set(job, pending);
    }
    return pending;
  }

  /**
   * Keeps an answer for next time. Only an optimisation: a read-only, busy or full library, or an
   * article purged meanwhile, just means computing again at the next opening.
   */
  private keep(articleId: number, answer: Parameters<SuggestionStore['saveCache']>[1]) {
    if (this.d.readOnly || this.closed || !this.d.isOpen()) return;
    try {
      this.d.transaction(() => {
        if (this.d.articles.meta(articleId)) this.d.store.saveCache(articleId, answer);
      });
    } catch (err) {
      if (err instanceof WriteLockBusy || problemOf(err) !== null) return;
      throw err;
    }
  }

  /** The suggestion with this key in the article's current suggestions (rejected or not), or a conflict. */
  private async current(articleId: number, key: string): Promise<Suggestion> {
    const { suggestions } = await this.computed(this.liveArticle(articleId));
    const s = suggestions.find((x) => suggestionKey(x) === key);
    if (!s) throw new AppError('conflict', 'That suggestion is no longer there (the article text or the codebook changed); list the suggestions again.');
    return s;
  }

  /**
   * Who the annotation names: the analyst's choice when given (an actor, none, or a name), else the
   * engine's. A name that is no actor's name or alias becomes a new actor.
   */
  private speakerFor(s: Suggestion, input: AcceptInput): { speakerId: number | null; createdActor: Actor | null } {
    if (input.speakerId !== undefined) return { speakerId: input.speakerId, createdActor: null };
    if (input.speakerName === undefined) {
      if (!s.speaker) return { speakerId: null, createdActor: null };
      if (s.speaker.actorId !== null) return { speakerId: s.speaker.actorId, createdActor: null };
    }
    const name = cleanName(input.speakerName ?? s.speaker!.name).replace(/\s+/gu, ' ').slice(0, 300);
    const problem = nameProblem(name);
    if (problem) throw new AppError('invalid_input', `The suggested speaker’s name cannot be used: ${problem}. Choose the speaker instead.`);
    const known = this.d.actors.findByNameOrAlias(name);
    if (known) return { speakerId: known.id, createdActor: null };
    const alias = this.aliasFrom(s.source?.exact, name);
    const createdActor = this.d.codebook.createActor({ name, kind: guessActorKind(name), ...(alias ? { aliases: [alias] } : {}) });
    return { speakerId: createdActor.id, createdActor };
  }

  /**
   * The speaker's mention as written, as an alias of the new actor, when it is a name ("Trump" for
   * "Donald Trump"): not a pronoun or a description ("he", "the ministry", "a senior official"),
   * and not already someone else's name or alias.
   */
  private aliasFrom(mention: string | undefined, name: string): string | null {
    if (!mention) return null;
    const m = cleanName(mention)
      .replace(/\s+/gu, ' ')
      .replace(/['’]s$/u, '');
    if (!m || m.length > 300 || m.toLowerCase() === name.toLowerCase() || nameProblem(m)) return null;
    if (NOT_A_NAME.test(m) || !/^[\p{Lu}\p{Lo}]/u.test(m)) return null;
    if (this.d.actors.findByNameOrAlias(m)) return null;
    return m;
  }

  private liveArticle(id: number): ArticleText {
    const a = this.d.articles.withText(id);
    if (!a) throw notFound('Article', id);
    if (a.deletedAt) throw new AppError('conflict', `“${a.title}” is in the trash; restore it first.`);
    return a;
  }
}

/** Words that start a pronoun or a description rather than a name. */
const NOT_A_NAME =
  /^(he|she|they|it|we|i|you|him|her|them|us|his|hers|its|their|our|my|your|this|that|these|those|the|a|an|one|some|someone|somebody|who|which|both|each|another|other|officials?|sources?|spokes(?:man|woman|person))\b/iu;

function overlapsAny(s: Suggestion, coded: readonly Annotation[]): boolean {
  return coded.some((a) => s.content.start < a.end && a.start < s.content.end);
}

function parseKey(key: string): { start: number; end: number } {
  const [start, end] = key.split(':').map(Number);
  return { start: start!, end: end! };
}

const textChanged = () => new AppError('conflict', 'The article text has changed since this suggestion was made; list the suggestions again.');

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
