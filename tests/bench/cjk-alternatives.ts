// How search in Japanese, Korean and Chinese was chosen (issue 13): the fixture articles' 220 word
// queries against three indexes of the same articles, each in an in-memory SQLite beside the others:
// - bigrams: CJK runs as overlapping two-character tokens (shared/cjk.ts; what Verbatim ships),
// - segmenter: Intl.Segmenter's words (ICU's dictionary for Chinese and Japanese; Korean by spaces),
//   the query segmented the same way and searched as a phrase,
// - trigram: FTS5's trigram tokenizer over the whole text (which cannot match under three characters).
// Recall is the share of queries that find their article; index size is over the same mixed corpus
// (English articles from corpus.ts with the CJK ones), since an index of every script pays for all.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { cjkGrams } from '../../shared/cjk';
import { parseSearch } from '../../main/store/fts-query';
import { generateArticles } from './corpus';
import { cjkFixture, cjkQueries } from './cjk-corpus';
import { round } from './stats';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
const segment = (s: string) => [...segmenter.segment(s)].filter((x) => x.isWordLike).map((x) => x.segment);

interface Scheme {
  name: string;
  create: string;
  row: (text: string) => string;
  query: (q: string) => string | null;
}

const SCHEMES: Scheme[] = [
  { name: 'bigrams', create: `fts5(body, tokenize = 'unicode61 remove_diacritics 0')`, row: (t) => `${t}\n${cjkGrams(t)}`, query: (q) => parseSearch(q).cjk },
  { name: 'segmenter', create: `fts5(body, tokenize = 'unicode61 remove_diacritics 2')`, row: (t) => segment(t).join(' '), query: (q) => `"${segment(q).join(' ')}"` },
  { name: 'trigram', create: `fts5(body, tokenize = 'trigram')`, row: (t) => t, query: (q) => (q.length >= 3 ? `"${q}"` : null) },
];

function indexBytes(db: Database.Database): number | null {
  try {
    return (db.prepare(`SELECT sum(pgsize) AS n FROM dbstat WHERE name LIKE 'idx%'`).get() as { n: number }).n;
  } catch {
    return null;
  }
}

export function benchCjkAlternatives(englishArticles = 300) {
  const files = ['ja-labor-solution.txt', 'ko-sincerity.txt', 'zh-labor-talks.txt'];
  const english = [...generateArticles(englishArticles)].map((a) => a.text);
  const queries = cjkQueries();
  const out: Record<string, unknown> = {};
  for (const s of SCHEMES) {
    const db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE idx USING ${s.create}`);
    const insert = db.prepare(`INSERT INTO idx (rowid, body) VALUES (?, ?)`);
    files.forEach((f, i) => insert.run(i + 1, s.row(cjkFixture(f))));
    english.forEach((t, i) => insert.run(files.length + i + 1, s.row(t)));
    const find = db.prepare<[string], { id: number }>(`SELECT rowid AS id FROM idx WHERE idx MATCH ?`);
    const byLanguage: Record<string, { asked: number; found: number }> = {};
    const missed: string[] = [];
    for (const { file, q } of queries) {
      const lang = file.slice(0, 2);
      const tally = (byLanguage[lang] ??= { asked: 0, found: 0 });
      tally.asked++;
      const fts = s.query(q);
      const hit = fts !== null && find.all(fts).some((r) => r.id === files.indexOf(file) + 1);
      if (hit) tally.found++;
      else missed.push(q);
    }
    const found = Object.values(byLanguage).reduce((n, t) => n + t.found, 0);
    out[s.name] = {
      recall: round(found / queries.length, 3),
      byLanguage: Object.fromEntries(Object.entries(byLanguage).map(([l, t]) => [l, round(t.found / t.asked, 3)])),
      missedExamples: missed.slice(0, 8),
      indexKB: ((b) => (b === null ? null : Math.round(b / 1024)))(indexBytes(db)),
    };
    db.close();
  }
  return { queries: queries.length, englishArticlesBeside: englishArticles, note: 'bigrams: the index holds the text (English words) and its CJK bigrams, as articles_fts + articles_cjk do', ...out };
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fs.realpathSync(new URL(import.meta.url).pathname)) {
  process.stdout.write(`${JSON.stringify(benchCjkAlternatives(), null, 2)}\n`);
}
