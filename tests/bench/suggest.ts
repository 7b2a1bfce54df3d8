// Suggestions for an 800-word article (issue 11): p95 of the attribution engine over many runs,
// beside the same text read by wink-nlp with its own model (`nlp.readDoc(text).tokens().out()`), the
// NLP library the engine is built on, so the figure says what the engine adds to reading the text
// at all. Budget: p95 ≤ 50 ms, with suggestions found. The article is the sample article followed by the constructed
// attribution cases (both in tests/fixtures), paragraph by paragraph until 800 words: real newswire
// reported speech and every quote pattern, so the engine does its full work.
//
//   node --import tsx tests/bench/suggest.ts     prints the report as JSON
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { suggestAttributions } from '../../main/attribution/engine';
import { progress, round, summarize } from './stats';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
const WORDS = 800;
const RUNS = 300;
const WARM_UP = 20;
const BUDGET = { p95Ms: 50 };

/** The sample article, then the attribution cases, then again, until `words` words. */
export function benchArticle(words = WORDS): string {
  const sources = ['japan-korea-labor-row.txt', 'attribution-cases.txt'].map((f) => fs.readFileSync(path.join(fixtures, f), 'utf8'));
  const paragraphs = sources.flatMap((t) => t.split(/\n{2,}/));
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const p = paragraphs[i % paragraphs.length]!;
    out.push(p);
    count += p.split(/\s+/).filter(Boolean).length;
  }
  return out.join('\n\n');
}

export function benchSuggest(options: { runs?: number } = {}) {
  const runs = options.runs ?? RUNS;
  const text = benchArticle();
  const nlp = winkNLP(model);
  const ours = () => suggestAttributions(text, []);
  const peer = () => nlp.readDoc(text).tokens().out();
  progress(`suggest: ${runs} runs on an ${WORDS}-word article, beside wink-nlp…`);

  // Warm-up, so the JIT has compiled both (and wink-nlp has built its lookups) before anything counts.
  let suggestions = ours();
  let tokens = peer();
  for (let i = 0; i < WARM_UP; i++) {
    ours();
    peer();
  }
  // In alternation, so both see the same machine load.
  const oursMs: number[] = [];
  const peerMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    suggestions = ours();
    oursMs.push(performance.now() - t0);
    t0 = performance.now();
    tokens = peer();
    peerMs.push(performance.now() - t0);
  }
  const suggest = summarize(oursMs);
  const wink = summarize(peerMs);
  return {
    words: text.split(/\s+/).filter(Boolean).length,
    chars: text.length,
    suggestions: suggestions.length,
    suggest,
    peer: { library: 'wink-nlp + wink-eng-lite-web-model: nlp.readDoc(text).tokens().out()', tokens: tokens.length, ...wink },
    ratioP95: round(suggest.p95Ms / wink.p95Ms),
    budget: BUDGET,
    // An engine that found nothing has not done the work the budget is for.
    met: suggestions.length > 0 && suggest.p95Ms <= BUDGET.p95Ms,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(benchSuggest(), null, 2)}\n`);
}
