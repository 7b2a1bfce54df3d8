// A title for an article that brought none, and the limit every detected title is held to.
import { MAX_TITLE_CHARS } from '../../../shared/limits';
import { sentencesOf } from './sentences';

/** A title derived from a first sentence is cut near here: a headline, not a lede. */
const DERIVED_MAX = 100;
/** A first line this short that is one sentence, with text after it, is taken as the headline. */
const HEADLINE_MAX = 160;

/**
 * The first line when it reads as a headline (one short sentence with more text after it);
 * otherwise the first sentence, cut at a word near 100 characters.
 */
export function titleFromText(text: string): string {
  const blocks = text.trim().split(/\n\s*\n/);
  const first = (blocks[0] ?? '').replace(/\s+/g, ' ').trim();
  const sentences = sentencesOf(first);
  if (blocks.length > 1 && sentences.length === 1 && first.length <= HEADLINE_MAX) return withoutFullStop(first);
  const sentence = sentences[0] ?? first;
  if (sentence.length <= DERIVED_MAX) return withoutFullStop(sentence);
  return cutAtWord(sentence, DERIVED_MAX);
}

/** Folds white space and holds a title to MAX_TITLE_CHARS, cut at a word; null when nothing is left. */
export function clipTitle(title: string | null | undefined): string | null {
  const t = title?.replace(/\s+/g, ' ').trim();
  if (!t) return null;
  return t.length <= MAX_TITLE_CHARS ? t : cutAtWord(t, MAX_TITLE_CHARS);
}

function withoutFullStop(s: string): string {
  return s.replace(/(?<!\.\p{Lu})\.$/u, '') || 'Untitled article';
}

/** At most `max` characters including the ellipsis, ending at a word when one ends past 40%. */
function cutAtWord(s: string, max: number): string {
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  const atWord = space > max * 0.4 ? cut.slice(0, space) : cut;
  return `${atWord.replace(/[\s,;:]+$/, '')}…`;
}
