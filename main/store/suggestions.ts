// Suggested attributions as stored (migration 7): the engine's last answer per article, and the
// passages the analyst rejected. The only place that writes SQL about suggestions.
import type Database from 'better-sqlite3';
import type { Suggestion } from '../../shared/suggestion';

/** The engine's answer for one text and one codebook. */
export interface ComputedSuggestions {
  suggestions: Suggestion[];
  /** The engine did not finish in time: the list is empty because the article is too long, not because it holds no quotes. */
  tooLarge: boolean;
}

export interface CachedSuggestions extends ComputedSuggestions {
  /** SHA-256 of the exact text the offsets index. */
  textSha256: string;
  /** Which codebook (names and aliases) the speakers were matched against. */
  codebookKey: string;
}

/**
 * How a rejection remembers its passage: the words with white space folded, so re-wrapping a
 * paragraph does not bring a rejected suggestion back.
 */
export const rejectedWords = (content: string): string => content.replace(/\s+/gu, ' ').trim();

export class SuggestionStore {
  constructor(private readonly db: Database.Database) {}

  cached(articleId: number): CachedSuggestions | undefined {
    const r = this.db
      .prepare<[number], { text_sha256: string; codebook_key: string; too_large: number; suggestions: string }>(
        `SELECT text_sha256, codebook_key, too_large, suggestions FROM suggestion_cache WHERE article_id = ?`,
      )
      .get(articleId);
    return r && { textSha256: r.text_sha256, codebookKey: r.codebook_key, tooLarge: r.too_large === 1, suggestions: JSON.parse(r.suggestions) as Suggestion[] };
  }

  saveCache(articleId: number, c: CachedSuggestions, now = new Date().toISOString()): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO suggestion_cache (article_id, text_sha256, codebook_key, too_large, suggestions, computed_at) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(articleId, c.textSha256, c.codebookKey, c.tooLarge ? 1 : 0, JSON.stringify(c.suggestions), now);
  }

  dropCache(articleId: number): void {
    this.db.prepare(`DELETE FROM suggestion_cache WHERE article_id = ?`).run(articleId);
  }

  /** The article's rejected passages, as `rejectedWords` folds them. */
  rejected(articleId: number): Set<string> {
    return new Set(this.db.prepare<[number], { words: string }>(`SELECT words FROM suggestion_rejections WHERE article_id = ?`).all(articleId).map((r) => r.words));
  }

  reject(articleId: number, content: string, now = new Date().toISOString()): void {
    this.db.prepare(`INSERT OR IGNORE INTO suggestion_rejections (article_id, words, rejected_at) VALUES (?, ?, ?)`).run(articleId, rejectedWords(content), now);
  }

  unreject(articleId: number, content: string): void {
    this.db.prepare(`DELETE FROM suggestion_rejections WHERE article_id = ? AND words = ?`).run(articleId, rejectedWords(content));
  }
}
