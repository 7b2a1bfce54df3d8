// The attribution engine: finds quotes and reported speech in an article's plain text, with their
// cue, source mention and speaker. Pure and synchronous; callers that may see huge texts run it in
// a worker (see ./background.ts).
import type { ActorName, Suggestion } from '../../shared/suggestion.js';

export interface SuggestOptions {
  /** performance.now() value after which the engine stops and throws SuggestTimeout. */
  deadline?: number;
}

export class SuggestTimeout extends Error {
  constructor() {
    super('Finding suggestions took too long for this article');
  }
}

/** Suggestions in text order. (Placeholder while the engine is written on another branch.) */
export function suggestAttributions(text: string, actors: readonly ActorName[], options: SuggestOptions = {}): Suggestion[] {
  void text;
  void actors;
  void options;
  return [];
}
