// The fixed list of benchmark searches, derived from the corpus vocabulary with its own seed: the same
// 240 queries every run. Six kinds, 40 each, so a slow kind shows up in its own percentile.
import { mulberry32, pick, between, type Vocabulary } from './corpus';

export type QueryKind = 'common' | 'mid' | 'rare' | 'twoWords' | 'entity' | 'typing';

export interface BenchQuery {
  kind: QueryKind;
  q: string;
}

const PER_KIND = 40;

export function benchQueries(vocab: Vocabulary, seed = 0x0051ea5c): BenchQuery[] {
  const rng = mulberry32(seed);
  const { words, rare, entities } = vocab;
  const common = () => words[between(rng, 0, 99)]!;
  const mid = () => words[between(rng, 300, 3000)]!;
  const lower = (s: string) => (rng() < 0.5 ? s.toLowerCase() : s);
  const out: BenchQuery[] = [];
  const add = (kind: QueryKind, make: () => string) => {
    for (let i = 0; i < PER_KIND; i++) out.push({ kind, q: make() });
  };

  // Words in nearly every article ("the", "said") down to a few hundred; the last one is also a prefix.
  add('common', common);
  add('mid', mid);
  // Planted in a few articles, or none in a small corpus.
  add('rare', () => pick(rng, rare));
  add('twoWords', () => {
    const r = rng();
    if (r < 0.34) return `${common()} ${mid()}`;
    if (r < 0.67) return `${mid()} ${mid()}`;
    return `${mid()} ${pick(rng, rare)}`;
  });
  // Names as analysts type them: bare, lower-cased, or as a "quoted phrase".
  add('entity', () => {
    const e = pick(rng, entities);
    const r = rng();
    if (r < 0.25) return `"${e}"`;
    if (r < 0.45) return `${e} ${common()}`;
    return lower(e);
  });
  // A search box while typing: a name or word cut after 2 to n-1 characters ("nippon st", "foreign m").
  add('typing', () => {
    const phrase = rng() < 0.6 ? pick(rng, entities) : mid();
    const cut = between(rng, Math.min(2, phrase.length - 1), phrase.length - 1);
    return lower(phrase.slice(0, cut)).trimEnd() || phrase.slice(0, 2);
  });
  return out;
}
