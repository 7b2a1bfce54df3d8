// Suggested attributions: what the attribution engine found in an article's text before the
// analyst coded it. A separate layer from annotations: nothing here is stored as coding until the
// analyst accepts it, and then it becomes an ordinary annotation.

export const suggestionKinds = ['direct', 'mixed', 'indirect'] as const;
/**
 * direct: the content is a quotation (starts with a quote mark); mixed: a paraphrase holding a
 * quoted fragment; indirect: reported speech with no quote marks.
 */
export type SuggestionKind = (typeof suggestionKinds)[number];

/** A stretch of the article's plain text (`Article.text`), in UTF-16 offsets, end exclusive. */
export interface TextSpan {
  start: number;
  end: number;
  exact: string;
}

export interface SuggestedSpeaker {
  /** The fullest name the article gives ("Kim" → "Kim Jung Han"), or the organisation. */
  name: string;
  /** The codebook actor it matched (by name or alias), or null: proposed as a new actor. */
  actorId: number | null;
}

/** What `verbatim suggest --json` prints, one per suggestion. */
export interface Suggestion {
  kind: SuggestionKind;
  /** How sure the engine is, in [0, 1]. */
  confidence: number;
  /** What was said. */
  content: TextSpan;
  /**
   * A quotation split by its frame ("“…,” Kim said. “…”") is one suggestion whose content runs over
   * the frame; these are its quoted pieces, in order. Absent when the content is all quoted words.
   */
  fragments?: TextSpan[];
  /** The verb or phrase that marks it as said ("said", "warned", "according to"). */
  cue: TextSpan | null;
  /** The speaker's mention as written ("Kim", "he", "the ministry", "a senior official"). */
  source: TextSpan | null;
  speaker: SuggestedSpeaker | null;
}

/** A suggestion as the reader lists it: with a key that stays the same while the text does. */
export interface ArticleSuggestion extends Suggestion {
  /** Stable within one text: `${content.start}:${content.end}`. */
  key: string;
}

/** The codebook as the engine needs it: names and aliases to match speakers against. */
export interface ActorName {
  id: number;
  name: string;
  aliases: readonly string[];
}

export function suggestionKey(s: Suggestion): string {
  return `${s.content.start}:${s.content.end}`;
}

/** The annotation kind an accepted suggestion becomes: quotation marks make it a quote. */
export function annotationKindOf(kind: SuggestionKind): 'quote' | 'paraphrase' {
  return kind === 'direct' ? 'quote' : 'paraphrase';
}
