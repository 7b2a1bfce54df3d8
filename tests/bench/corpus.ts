// A deterministic corpus of news-like articles for the benchmarks. Same seed, same articles, on every
// machine: a seeded PRNG (mulberry32), a vocabulary of a few thousand words drawn with a Zipf-ish
// (Zipf–Mandelbrot) distribution, recurring named entities, outlets and dates, and a handful of rare
// terms that occur in only a few articles, so both rare and common searches make sense.
import { mulberry32 } from '../../shared/random';

export interface CorpusArticle {
  title: string;
  outlet: string;
  /** YYYY-MM-DD */
  publishedAt: string;
  /** Paragraphs separated by a blank line: what a .txt file or a paste carries. */
  text: string;
  words: number;
}

export const DEFAULT_SEED = 0x5eed2024;
/**
 * The generator's edition: raise it whenever a change to this file changes the articles a seed
 * gives, so libraries cached from an older edition (library-cache.ts) are built again.
 */
export const CORPUS_EDITION = 1;
export const WORDS_PER_ARTICLE = 800;

export { mulberry32 };

export type Rng = () => number;
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
export const between = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

// The head of the distribution: real words, most frequent first, as in wire copy.
const COMMON = `the of to and a in said on for that is with was as by at from it be has have its an are
will not which but after government minister would were been their more he they this or two also who year
new president company officials talks court ruling companies workers korea japan korean japanese trade
over about first could last other than state one up into people percent economic foreign told when
statement between those since three while told week month under against political agreement issue
compensation wartime labor forced plaintiffs lawyers victims apology countries relations bilateral summit
diplomatic ambassador spokesman meeting visit leaders prime national security policy public opposition
party election parliament assembly lawmakers vote law decision supreme high district case cases judge
judges appeal appeals order ordered assets seized seizure sale shares steel shipbuilding firms industry
market exports imports tariffs semiconductor chips materials export controls restrictions measures
sanctions dispute disputes dialogue negotiations proposal plan fund foundation payments paid pay pledged
demanded rejected accepted denied confirmed announced reported according sources official senior
administration cabinet secretary chief deputy director general division bureau agency ministry office
historical history colonial rule occupation period treaty normalization claims settled settlement
individual rights right compensation responsibility legal international community allies alliance united
states washington china beijing pyongyang north south military defense missile nuclear drills exercises
cooperation trilateral regional stability tension tensions concerns concern warned warning urged calls
called response responded criticized criticism protest protests rally groups civic activists families
survivors survivor memorial statue comfort women sexual slavery labourers mines mine heritage site unesco
listing world war end surrender anniversary ceremony speech remarks address interview conference press
briefing reporters media coverage editorial newspaper broadcaster poll survey approval rating support
percent majority minority public opinion voters campaign candidate candidates race term office power
ruling conservative liberal progressive democratic people's power constitutional amendment reform reforms
budget spending tax economy growth inflation rates interest bank yen won dollar currency investment
investors business businesses executives chairman chief executive shareholders board profit losses
revenue quarter fiscal forecast outlook demand supply chain production plants factory factories jobs
employment wages unions union strike strikes tourism tourists travel flights airlines visitors students
exchange exchanges culture cultural pop music drama fans youth generation young older elderly population
aging births birth rate education schools textbooks textbook revision content description descriptions
island islands territorial claim sovereignty waters fishing coast guard vessel vessels ships patrol
survey research study report data figures record highest lowest since decade decades years months days
weeks hours morning evening night today yesterday tomorrow recently earlier later soon next previous
former current future long short term key major main significant important critical serious growing
rising falling declining stable strong weak direct indirect possible likely unlikely expected planned
proposed scheduled held hold holding take taken taking make made making give given giving come came
coming go went going see seen seeing say says saying tell telling ask asked asking seek sought seeking`
  .split(/\s+/)
  .filter(Boolean);

// Recurring named entities, most frequent first; the tail ones appear in few articles.
export const ENTITIES = [
  'Foreign Ministry',
  'Kim Jung Han',
  'Nippon Steel',
  'Supreme Court',
  'Yoon Suk Yeol',
  'Fumio Kishida',
  'Mitsubishi Heavy Industries',
  'Ministry of Economy Trade and Industry',
  'Park Jin',
  'Yoshimasa Hayashi',
  'Seoul Central District Court',
  'Lee Jae Myung',
  'Democratic Party',
  'Liberal Democratic Party',
  'Korea Foundation for Victims of Forced Mobilization',
  'Sumitomo Metal',
  'Posco',
  'Hyundai Heavy Industries',
  'Samsung Electronics',
  'Bank of Japan',
  'Lee Choon Shik',
  'Yang Geum Deok',
  'Kawasaki Heavy Industries',
  'Sado Island',
  'Hashima Island',
  'Dokdo',
  'Takeshima',
  'National Assembly',
  'Chief Cabinet Secretary',
  'Blue House',
  'Yasukuni Shrine',
  'Shinzo Abe',
  'Moon Jae In',
  'Kono Taro',
  'Chung Eui Yong',
  'United Nations',
  'International Court of Justice',
  'Asian Women’s Fund',
  'Fujikoshi',
  'Hitachi Zosen',
];

export const OUTLETS = [
  'Yonhap',
  'Kyodo News',
  'The Korea Herald',
  'Asahi Shimbun',
  'NHK World',
  'Chosun Ilbo',
  'Nikkei Asia',
  'The Japan Times',
  'JoongAng Daily',
  'Mainichi Shimbun',
  'Hankyoreh',
  'Reuters',
];

const PLACES = ['SEOUL', 'TOKYO', 'BUSAN', 'OSAKA', 'GWANGJU', 'NAGASAKI', 'WASHINGTON', 'BEIJING', 'SAPPORO', 'INCHEON'];
const MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

export const VOCABULARY_SIZE = 5000;
export const RARE_TERMS = 2000;
const ZIPF_S = 1.05;
const ZIPF_Q = 2.7;

const ONSETS = ['b', 'br', 'c', 'ch', 'cl', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'pl', 'pr', 'r', 's', 'sh', 'st', 't', 'tr', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou'];
const CODAS = ['', '', 'n', 'r', 's', 'l', 't', 'nd', 'st', 'm', 'ck', 'x'];

/** Pronounceable made-up words, distinct from one another and from `taken`. */
function inventWords(rng: Rng, count: number, taken: Set<string>, syllables: [number, number]): string[] {
  const out: string[] = [];
  while (out.length < count) {
    let w = '';
    for (let s = between(rng, syllables[0], syllables[1]); s > 0; s--) w += pick(rng, ONSETS) + pick(rng, VOWELS);
    w += pick(rng, CODAS);
    if (w.length < 4 || taken.has(w)) continue;
    taken.add(w);
    out.push(w);
  }
  return out;
}

export interface Vocabulary {
  /** By rank: index 0 is the most frequent word. */
  words: string[];
  /** Terms planted in roughly one article in four thousand each (a few articles at 10,000). */
  rare: string[];
  entities: readonly string[];
  outlets: readonly string[];
}

/** Cumulative Zipf–Mandelbrot weights over n ranks, for sampling by binary search. */
function zipfCdf(n: number, s: number, q: number): Float64Array {
  const cdf = new Float64Array(n);
  let acc = 0;
  for (let r = 0; r < n; r++) cdf[r] = acc += 1 / (r + 1 + q) ** s;
  for (let r = 0; r < n; r++) cdf[r]! /= acc;
  return cdf;
}

function sampler(rng: Rng, cdf: Float64Array): () => number {
  return () => {
    const u = rng();
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export function buildVocabulary(seed = DEFAULT_SEED): Vocabulary {
  const rng = mulberry32(seed ^ 0x9e3779b9);
  const common = [...new Set(COMMON)];
  const taken = new Set(common);
  const invented = inventWords(rng, VOCABULARY_SIZE - common.length, taken, [2, 3]);
  const rare = inventWords(rng, RARE_TERMS, taken, [3, 4]);
  return { words: [...common, ...invented], rare, entities: ENTITIES, outlets: OUTLETS };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Yields `count` articles; generating lazily keeps the same sequence however many are taken. */
export function* generateArticles(count: number, seed = DEFAULT_SEED, vocab = buildVocabulary(seed)): Generator<CorpusArticle> {
  const rng = mulberry32(seed);
  const word = sampler(rng, zipfCdf(vocab.words.length, ZIPF_S, ZIPF_Q));
  const entity = sampler(rng, zipfCdf(vocab.entities.length, 1.0, 1.5));
  const outlet = sampler(rng, zipfCdf(vocab.outlets.length, 0.8, 1));
  const start = Date.UTC(2018, 0, 1);
  const days = 8 * 365;

  for (let i = 0; i < count; i++) {
    const topic = [vocab.entities[entity()]!, vocab.entities[entity()]!, vocab.entities[entity()]!];
    const rareTerm = rng() < 0.5 ? pick(rng, vocab.rare) : null;
    const published = new Date(start + between(rng, 0, days) * 86_400_000);
    const source = vocab.outlets[outlet()]!;
    const target = WORDS_PER_ARTICLE + between(rng, -150, 150);

    const sentence = (): string[] => {
      const n = between(rng, 10, 26);
      const ws: string[] = [];
      for (let k = 0; k < n; k++) {
        const r = rng();
        if (r < 0.03) ws.push(...pick(rng, topic).split(' '));
        else if (r < 0.035) ws.push(...vocab.entities[entity()]!.split(' '));
        else if (r < 0.045) ws.push(String(between(rng, 2, 2000)));
        else ws.push(vocab.words[word()]!);
      }
      ws[0] = capitalise(ws[0]!);
      return ws;
    };

    const paragraphs: string[] = [];
    let words = 0;
    // A dateline and a lede that names the story's main actors.
    const lede = sentence();
    const dateline = `${pick(rng, PLACES)}, ${MONTHS[published.getUTCMonth()]} ${published.getUTCDate()} (${source}) --`;
    const who = topic[0]!.split(' ');
    paragraphs.push(`${dateline} ${who.join(' ')} ${lede.join(' ').replace(/^./, (c) => c.toLowerCase())}.`);
    words += 3 + who.length + lede.length;
    const rareAt = rareTerm ? between(rng, 1, 6) : -1;
    while (words < target) {
      const sentences: string[] = [];
      for (let s = between(rng, 2, 4); s > 0 && words < target; s--) {
        const ws = sentence();
        if (paragraphs.length === rareAt && !sentences.length) ws.splice(between(rng, 1, ws.length - 1), 0, rareTerm!);
        words += ws.length;
        if (rng() < 0.15) {
          const speaker = pick(rng, topic);
          sentences.push(`“${ws.join(' ')},” said ${speaker}.`);
          words += speaker.split(' ').length + 1;
        } else sentences.push(`${ws.join(' ')}.`);
      }
      paragraphs.push(sentences.join(' '));
    }

    const titleWords = [topic[0]!, ...Array.from({ length: between(rng, 4, 8) }, () => vocab.words[word()]!)];
    if (rng() < 0.4) titleWords.push('over', topic[1]!);
    yield {
      title: capitalise(titleWords.join(' ')),
      outlet: source,
      publishedAt: published.toISOString().slice(0, 10),
      text: paragraphs.join('\n\n'),
      words,
    };
  }
}

export function generateCorpus(count: number, seed = DEFAULT_SEED): { vocab: Vocabulary; articles: CorpusArticle[] } {
  const vocab = buildVocabulary(seed);
  return { vocab, articles: [...generateArticles(count, seed, vocab)] };
}
