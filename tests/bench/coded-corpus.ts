// A coded library at scale for the quotes table and matrix figures: generated articles imported the
// way the app imports many files, then a codebook of actors, topics with positions, and annotations
// on real passages of those articles, written through the store's own classes in one transaction.
// Deterministic: the same seed gives the same coding on every machine.
import type { Library } from '../../main/store/open';
import { createServices } from '../../main/services';
import { ActorStore } from '../../main/store/actors';
import { TopicStore } from '../../main/store/topics';
import { AnnotationStore } from '../../main/store/annotations';
import { annotationKinds, stances, type AnnotationKind, type Stance } from '../../shared/model';
import { MAX_IMPORT_BATCH } from '../../shared/contract';
import { between, generateArticles, mulberry32, pick, type Rng } from './corpus';

export interface CodingSize {
  articles: number;
  actors: number;
  topics: number;
  positionsPerTopic: number;
  annotations: number;
}

export const CODING_SIZE: CodingSize = { articles: 2000, actors: 2000, topics: 20, positionsPerTopic: 5, annotations: 50_000 };
export const TAGS = ['sincerity', 'assets', 'warning', 'ruling', 'summit', 'sanctions', 'apology', 'compensation'];
const CONTEXT = 32;
const SYLLABLES = ['ka', 'to', 'mi', 'ra', 'son', 'lee', 'ha', 'jun', 'ko', 'na', 'ber', 'win', 'el', 'dor', 'sa', 'ki', 'vo', 'lin', 'mar', 'tes'];

function personName(rng: Rng, taken: Set<string>): string {
  const word = (n: number) => {
    let w = '';
    for (let i = 0; i < n; i++) w += pick(rng, SYLLABLES);
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  for (;;) {
    const name = `${word(between(rng, 2, 3))} ${word(between(rng, 2, 3))}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

export interface CodedLibrary {
  size: CodingSize;
  actorIds: number[];
  topicIds: number[];
  positionIds: number[];
  seedMs: number;
}

/** Imports `size.articles` generated articles in batches, then codes them. */
export async function buildCodedLibrary(lib: Library, size: CodingSize = CODING_SIZE, seed = 0xc0de): Promise<CodedLibrary> {
  const t0 = performance.now();
  const services = createServices(lib);
  let batch = [];
  for (const a of generateArticles(size.articles)) {
    batch.push({ file: 'article.txt', encoding: 'text' as const, data: a.text, title: a.title, outlet: a.outlet, publishedAt: a.publishedAt });
    if (batch.length === MAX_IMPORT_BATCH) {
      await services.importer.importBatch(batch);
      batch = [];
    }
  }
  if (batch.length) await services.importer.importBatch(batch);

  const rng = mulberry32(seed);
  const actors = new ActorStore(lib.db);
  const topics = new TopicStore(lib.db);
  const annotations = new AnnotationStore(lib.db);
  const texts = lib.db.prepare<[], { id: number; text: string }>(`SELECT id, text FROM articles WHERE deleted_at IS NULL ORDER BY id`).all();
  const coded = lib.db.transaction(() => {
    const taken = new Set<string>();
    const actorIds = Array.from({ length: size.actors }, (_, i) =>
      actors.insert({ name: personName(rng, taken), kind: i % 10 === 0 ? 'organization' : 'person', color: `#${(0x203040 + i * 0x10507).toString(16).slice(-6).padStart(6, '0')}`, notes: null }),
    );
    const topicIds: number[] = [];
    const positionIds: number[] = [];
    for (let t = 0; t < size.topics; t++) {
      const topic = topics.insert(`Topic ${t + 1}: ${personName(rng, taken)} question`, null);
      topicIds.push(topic);
      for (let p = 0; p < size.positionsPerTopic; p++) positionIds.push(topics.insertPosition(topic, `Claim ${t + 1}.${p + 1}: the ${pick(rng, TAGS)} must ${pick(rng, ['wait', 'go ahead', 'be paid', 'be reviewed'])}`, null));
    }
    // Speakers and positions skewed as in real coding: a few actors and claims take most quotes.
    const skewed = <T>(xs: T[]) => xs[Math.floor(xs.length * rng() ** 3)]!;
    for (let i = 0; i < size.annotations; i++) {
      const article = texts[Math.floor(rng() * texts.length)]!;
      const len = between(rng, 40, 200);
      let start = Math.floor(rng() * Math.max(1, article.text.length - len));
      while (start > 0 && article.text[start - 1] !== ' ') start--;
      let end = Math.min(article.text.length, start + len);
      while (end < article.text.length && article.text[end] !== ' ') end++;
      const kind: AnnotationKind = annotationKinds[i % 7 === 0 ? 2 : i % 3 === 0 ? 1 : 0]!;
      const id = annotations.insert(
        article.id,
        {
          start,
          end,
          exact: article.text.slice(start, end),
          prefix: article.text.slice(Math.max(0, start - CONTEXT), start),
          suffix: article.text.slice(end, end + CONTEXT),
        },
        { kind, speakerId: kind === 'note' && rng() < 0.5 ? null : skewed(actorIds), comment: rng() < 0.2 ? 'Check against the wire copy' : null, tags: rng() < 0.3 ? [pick(rng, TAGS)] : [] },
      );
      if (kind === 'note') continue;
      const codings = new Map<number, Stance>();
      for (let c = between(rng, 1, 2); c > 0; c--) codings.set(skewed(positionIds), pick(rng, stances));
      annotations.setPositions(id, [...codings].map(([positionId, stance]) => ({ positionId, stance })));
    }
    return { actorIds, topicIds, positionIds };
  })();
  return { size, ...coded, seedMs: Math.round(performance.now() - t0) };
}
