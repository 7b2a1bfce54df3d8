// Articles by their words, at any library size. bm25 needs, for every phrase of the query, the
// number of articles that contain it, and FTS5 counts them by reading the phrase's whole posting
// list: for a word in most articles ("the", "said", "Korea") that grows with the library, and so
// does ranking every match. So each phrase is first asked whether it is in more than BROAD
// articles, reading at most that many postings.
// - None is: bm25 over all matches, title weighted 5:1, as before, cut to the top hits inside FTS5.
// - One is (a broad search): the newest matches win, those matching in the title first. Both walks
//   stop after `limit` rows, so the cost is the same at 10,000 or 100,000 articles.
// The last word typed is also a prefix ("said"* while typing). FTS5 reads a prefix by merging the
// whole posting lists of every word it expands to, before the first row: that cost grows with the
// library however few rows are asked for. So the word is asked first as it stands: when it alone is
// in more than BROAD articles the search is broad, and its walks use the word, not the prefix (the
// newest articles with "said" are the newest with "said*", near enough). Only a prefix that is not a
// broad word itself ("presid") is counted and searched as a prefix.
// Snippets are cut in JavaScript from the hits' text (store/snippet.ts), for the hits returned only:
// FTS5's snippet() re-reads and re-tokenises each article and seeks every phrase again, about twice
// the cost (tests/bench/search-scale.ts), and the CJK hits need the JavaScript snippets anyway.
import type Database from 'better-sqlite3';
import type { Ranked } from './search-cjk';
import { snippetAround } from './snippet';

export const BROAD = 1000;
/** Ranks given to a broad search's hits so they merge with other kinds' bm25 ranks (negative, lower is better) near a common word's score. */
const BROAD_TITLE_RANK = -2;
const BROAD_TEXT_RANK = -1;

export class ArticleSearch {
  private readonly rankedStmt;
  private readonly countStmt;
  private readonly newestStmt;
  private readonly articleStmt;

  constructor(db: Database.Database) {
    // Ranked and cut to the top hits inside FTS5 (trashed articles are not in the index), so only
    // those few rows of the large articles table are read.
    this.rankedStmt = db.prepare<[string, number], { id: number; title: string; text: string; rank: number }>(
      `SELECT a.id, a.title, a.text, t.rank
         FROM (SELECT rowid AS id, bm25(articles_fts, 5.0, 1.0) AS rank FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?) t
         JOIN articles a ON a.id = t.id
        ORDER BY t.rank`,
    );
    this.countStmt = db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ${BROAD + 1})`);
    this.newestStmt = db.prepare<[string, number], { id: number }>(`SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?`);
    this.articleStmt = db.prepare<[number], { title: string; text: string }>(`SELECT title, text FROM articles WHERE id = ?`);
  }

  /** `phrases` are the query's parts, all required (store/fts-query.ts); `terms` what the snippets mark. */
  search(phrases: readonly string[], terms: readonly string[], limit: number): Ranked[] {
    const whole = phrases.map((p) => (p.endsWith('*') ? p.slice(0, -1) : p));
    let fts = phrases.join(' ');
    if (whole.some((p) => this.broad(p))) fts = whole.join(' ');
    else if (!phrases.some((p, i) => p !== whole[i] && this.broad(p))) {
      return this.rankedStmt.all(fts, limit).map((r) => ({ kind: 'article', id: r.id, title: r.title, snippet: snippetAround(r.text, terms), rank: r.rank }));
    }
    const inTitle = this.newestStmt.all(`{title} : (${fts})`, limit).map((r) => r.id);
    const seen = new Set(inTitle);
    const rest = inTitle.length < limit ? this.newestStmt.all(fts, limit).filter((r) => !seen.has(r.id)).map((r) => r.id) : [];
    return [...inTitle, ...rest].slice(0, limit).map((id, i) => {
      const { title, text } = this.articleStmt.get(id)!;
      return { kind: 'article', id, title, snippet: snippetAround(text, terms), rank: (i < inTitle.length ? BROAD_TITLE_RANK : BROAD_TEXT_RANK) + i * 1e-6 };
    });
  }

  /** Whether this phrase is in more than BROAD articles, reading at most BROAD + 1 of its postings. */
  private broad(phrase: string): boolean {
    return this.countStmt.get(phrase)!.n > BROAD;
  }
}
