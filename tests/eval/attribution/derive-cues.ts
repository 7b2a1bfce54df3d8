// `node --import tsx tests/eval/attribution/derive-cues.ts DIR > main/attribution/cue-weights.json`
// Derives the engine's cue verbs from a BRAT attribution corpus (PolNeAR's train split): for each
// verb lemma, how often it is a gold cue when it stands as a verb. Only lemmas and counts leave the
// corpus, never its text. Run it on the train split only; the dev split is for scoring.
import fs from 'node:fs';
import path from 'node:path';
import { readText } from '../../../main/attribution/text-model';
import { readBrat } from './brat';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: derive-cues.ts DIR (with text/ and attributions/)');
  process.exit(2);
}
const asVerb = new Map<string, number>();
const asCue = new Map<string, number>();
for (const file of fs.readdirSync(path.join(dir, 'attributions')).filter((f) => f.endsWith('.ann'))) {
  const base = file.replace(/(_[0-9a-f]{4})?\.ann$/, '');
  const textFile = path.join(dir, 'text', `${base}.txt`);
  if (!fs.existsSync(textFile)) continue;
  const text = fs.readFileSync(textFile, 'utf8');
  const cueAt = new Set<number>();
  for (const g of readBrat(fs.readFileSync(path.join(dir, 'attributions', file), 'utf8'), text)) {
    for (const f of g.cue?.fragments ?? []) for (let i = f.start; i < f.end; i++) cueAt.add(i);
  }
  for (const t of readText(text).tokens) {
    if (t.pos !== 'VERB') continue;
    asVerb.set(t.lemma, (asVerb.get(t.lemma) ?? 0) + 1);
    if (cueAt.has(t.start)) asCue.set(t.lemma, (asCue.get(t.lemma) ?? 0) + 1);
  }
}
// Lemmas seen as a cue at least 8 times and a cue at least 30% of the time they appear as verbs.
const weights: Record<string, number> = {};
for (const [lemma, cue] of [...asCue].sort((a, b) => a[0].localeCompare(b[0]))) {
  const rate = cue / asVerb.get(lemma)!;
  if (cue >= 8 && rate >= 0.3 && /^[a-z]+$/.test(lemma)) weights[lemma] = Math.round(rate * 100) / 100;
}
console.log(JSON.stringify(weights, null, 1));
