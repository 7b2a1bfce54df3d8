// Japanese, Korean and Chinese articles for the search benchmark, deterministic like corpus.ts:
// sentences of the hand-written fixture articles (tests/fixtures/cjk/), drawn with a seeded PRNG
// into new articles of one language each, so CJK searches meet a realistic share of matches.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { countWords } from '../../shared/schema';
import { between, mulberry32, pick, type CorpusArticle } from './corpus';

const FIXTURES = ['ja-labor-solution.txt', 'ko-sincerity.txt', 'zh-labor-talks.txt'] as const;
const OUTLETS = ['共同通信', '연합뉴스', '新华社'];

export const cjkFixture = (name: string) => fs.readFileSync(fileURLToPath(new URL(`../fixtures/cjk/${name}`, import.meta.url)), 'utf8');

/** The fixture queries: real words of each fixture article (tests/fixtures/cjk/queries.json). */
export function cjkQueries(): { file: string; q: string }[] {
  const byFile = JSON.parse(cjkFixture('queries.json')) as Record<string, string[]>;
  return Object.entries(byFile).flatMap(([file, qs]) => qs.map((q) => ({ file, q })));
}

function sentences(text: string): string[] {
  return text
    .split(/\n+/)
    .slice(1)
    .flatMap((p) => p.match(/[^。！？.!?]+[。！？.!?」"]*/gu) ?? [])
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `count` articles, cycling through the three languages. */
export function* generateCjkArticles(count: number, seed = 0xc1c2c3): Generator<CorpusArticle> {
  const rng = mulberry32(seed);
  const pools = FIXTURES.map((f) => sentences(cjkFixture(f)));
  for (let i = 0; i < count; i++) {
    const lang = i % 3;
    const pool = pools[lang]!;
    const paragraphs: string[] = [];
    for (let p = between(rng, 3, 6); p > 0; p--) {
      const n = between(rng, 2, 4);
      paragraphs.push(Array.from({ length: n }, () => pick(rng, pool)).join(lang === 1 ? ' ' : ''));
    }
    const title = [...pick(rng, pool)].slice(0, 24).join('');
    const text = paragraphs.join('\n\n');
    yield { title: `${title} (${i + 1})`, outlet: OUTLETS[lang]!, publishedAt: `20${18 + (i % 7)}-0${1 + (i % 9)}-1${i % 10}`, text, words: countWords(text) };
  }
}
