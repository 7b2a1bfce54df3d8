// Sentences of a paragraph, for finding a title. ICU's segmenter already keeps "U.S. said" together
// but splits after "Mr." or before a capital ("U.S. Officials"); those breaks are put back.

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Words that end with a full stop without ending the sentence. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen lt col maj sgt capt cmdr adm gov sen rep pres amb sec st jr sr rev fr hon ' +
    'inc corp co ltd bros no nos vol vs approx dept univ est ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec'
  ).split(' '),
);

export function sentencesOf(paragraph: string): string[] {
  const out: string[] = [];
  for (const { segment } of segmenter.segment(paragraph)) {
    const last = out.length - 1;
    if (last >= 0 && endsWithAbbreviation(out[last]!)) out[last] += segment;
    else out.push(segment);
  }
  return out.map((s) => s.trim()).filter(Boolean);
}

function endsWithAbbreviation(sentence: string): boolean {
  const word = /(\S+)\.\s*$/u.exec(sentence)?.[1];
  if (!word) return false;
  // Initials and initialisms: "U.S.", "J.", "U.K."
  if (/^(?:\p{Lu}\.)*\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase().replace(/^\W+/u, ''));
}
