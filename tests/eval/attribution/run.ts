// `npm run eval:attribution -- DIR [--min-confidence X] [--json] [--errors N]`: scores the attribution
// engine on a corpus in BRAT standoff laid out like PolNeAR (DIR/text/NAME.txt,
// DIR/attributions/NAME_ANNOTATOR.ann). Each annotation file is one document; a text annotated by
// two people counts twice. The corpus is read where it lies; none of it is copied anywhere.
import fs from 'node:fs';
import path from 'node:path';
import { suggestAttributions } from '../../../main/attribution/engine';
import { readBrat } from './brat';
import { emptyScore, scoreDocument, summarise } from './score';

function main(argv: string[]) {
  const dir = argv.find((a) => !a.startsWith('--'));
  if (!dir) {
    console.error('usage: npm run eval:attribution -- DIR [--min-confidence X] [--json]');
    process.exit(2);
  }
  const minIndex = argv.indexOf('--min-confidence');
  const min = minIndex >= 0 ? Number(argv[minIndex + 1]) : 0;
  const annDir = path.join(dir, 'attributions');
  const textDir = path.join(dir, 'text');
  if (!fs.existsSync(annDir) || !fs.existsSync(textDir)) {
    console.error(`${dir} has no text/ and attributions/ folders (PolNeAR's layout).`);
    process.exit(2);
  }
  const total = emptyScore();
  let documents = 0;
  let ms = 0;
  for (const file of fs.readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort()) {
    const base = file.replace(/(_[0-9a-f]{4})?\.ann$/, '');
    const textFile = path.join(textDir, `${base}.txt`);
    if (!fs.existsSync(textFile)) continue;
    const text = fs.readFileSync(textFile, 'utf8');
    const gold = readBrat(fs.readFileSync(path.join(annDir, file), 'utf8'), text);
    const t0 = performance.now();
    const suggestions = suggestAttributions(text, []).filter((s) => s.confidence >= min);
    ms += performance.now() - t0;
    scoreDocument(text, gold, suggestions, total);
    documents++;
  }
  const summary = summarise(total);
  if (argv.includes('--json')) {
    console.log(JSON.stringify({ documents, msPerDocument: Math.round((ms / documents) * 10) / 10, ...summary }, null, 2));
    return;
  }
  console.log(`${documents} documents, ${(ms / documents).toFixed(1)} ms each`);
  console.log('kind       gold  sugg   quote P/R/F1          quote+speaker P/R/F1');
  for (const [kind, s] of Object.entries(summary)) {
    const f = (x: { precision: number; recall: number; f1: number }) => `${x.precision.toFixed(1).padStart(5)} ${x.recall.toFixed(1).padStart(5)} ${x.f1.toFixed(1).padStart(5)}`;
    console.log(`${kind.padEnd(9)} ${String(s.gold).padStart(5)} ${String(s.suggested).padStart(5)}   ${f(s.quotes)}     ${f(s.quoteAndSpeaker)}`);
  }
}

main(process.argv.slice(2));
