// The seed article's quotes as an analyst codes them: every attribution hand-marked in its gold
// (PolNeAR's layout, see tests/eval/attribution/), the words as marked there, and the speaker the
// source resolves to, by the rule: the fullest name the article gives ("the ministry" and
// "it" → the Japanese Foreign Ministry; "Kim" → Kim Jung Han). The kind follows the quote marks:
// a quote when the words open with one, a paraphrase otherwise. What coding them costs, by hand and
// with suggestions, is counted by suggestions-effort.spec.ts.
import { Tokens, kindOfText } from '../eval/attribution/score';

export interface TargetCoding {
  /** The words coded, exactly as in the article. */
  words: string;
  /** Which occurrence of the words, when they appear more than once (0: the first). */
  occurrence?: number;
  speaker: string;
}

export const SEED_ARTICLE_CODING: readonly TargetCoding[] = [
  {
    words:
      'Japan urged South Korea on Thursday to present a solution over a wartime labor row as their senior diplomats discussed frayed bilateral relations in person for the first time since a new government was launched in Japan',
    speaker: 'Japanese Foreign Ministry',
  },
  {
    words:
      "Shigeki Takizaki, the head of the ministry's Asian and Oceanian Affairs Bureau, warned his South Korean counterpart Kim Jung Han during talks in Seoul that a sell-off of a Japanese company's assets seized under a South Korean court ruling on wartime labor compensation must be avoided, as doing so would bring about an extremely serious situation",
    speaker: 'Japanese Foreign Ministry',
  },
  {
    words: 'The two officials, meeting for the first time since Japanese Prime Minister Yoshihide Suga took office in September, agreed to continue dialogue over the matter',
    speaker: 'Japanese Foreign Ministry',
  },
  { words: 'Kim stressed the need for the Japanese government and defendant companies "to show more sincerity to resolve the problem."', speaker: 'South Korean Foreign Ministry' },
  { words: 'he also urged Tokyo to withdraw "unfair" export controls imposed on South Korea for materials used in the manufacture of semiconductors', speaker: 'South Korean Foreign Ministry' },
  { words: 'that Prime Minister Yoshihide Suga will not attend a Japan-China-South Korea summit in South Korea unless Seoul takes rectification measures', speaker: 'Japan' },
  { words: 'the Japanese government to "actively respond to the Korean government\'s efforts to hold the trilateral summit within the year."', speaker: 'Kim Jung Han' },
  { words: 'Nippon Steel Corp. to pay four men for forced labor during the 1910-1945 period of Japanese colonial rule on the Korean Peninsula', speaker: 'South Korean top court' },
  {
    words: 'the ruling goes against a 1965 bilateral agreement that provided South Korea with financial aid on the understanding the compensation issue was settled "completely and finally."',
    speaker: 'Japan',
  },
  { words: 'a solution', occurrence: 1, speaker: 'Japan' },
  { words: 'it respects the judicial decision and cannot intervene in a court ruling, such as asking for a delay in the liquidation process', speaker: 'South Korean government' },
  { words: 'The officials agreed that as the bilateral relationship is in a difficult situation, exchanges at business and political levels are important', speaker: 'Japanese Foreign Ministry' },
  {
    words:
      "In a separate meeting in Seoul, Takizaki agreed with South Korea's special representative for Korean Peninsula affairs, Lee Do Hoon, to closely cooperate bilaterally and trilaterally with the United States in dealing with North Korea",
    speaker: 'Japanese Foreign Ministry',
  },
];

export const annotationKindOfWords = (words: string): 'quote' | 'paraphrase' => (kindOfText(words) === 'direct' ? 'quote' : 'paraphrase');

export interface Span {
  start: number;
  end: number;
}

/** Where a target's words are in the article's text. */
export function spanOf(text: string, t: TargetCoding): Span {
  let at = -1;
  for (let i = 0; i <= (t.occurrence ?? 0); i++) {
    at = text.indexOf(t.words, at + 1);
    if (at < 0) throw new Error(`“${t.words}” is not in the article (occurrence ${t.occurrence ?? 0})`);
  }
  return { start: at, end: at + t.words.length };
}

/**
 * The evaluation's rule for "the same passage" (tests/eval/attribution/score.ts): the word tokens
 * of the two spans overlap by at least half of each.
 */
export function samePassage(tokens: Tokens, a: Span, b: Span): boolean {
  const x = tokens.of([a]);
  const y = tokens.of([b]);
  if (!x.size || !y.size) return false;
  let shared = 0;
  for (const i of x) if (y.has(i)) shared++;
  return shared >= x.size / 2 && shared >= y.size / 2;
}
