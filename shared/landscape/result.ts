// What `landscape.network` answers: the network, and the quotes behind its nodes and ties, each with
// enough of its article to be listed and opened without another call.
import type { ActorKind, AnnotationKind, Stance } from '../model';
import type { Network } from './network';

/** The most characters of a quote's words the landscape carries (a list line, not the passage). */
export const LANDSCAPE_QUOTE_CHARS = 400;

/**
 * Ties sent and drawn unless asked otherwise: more cannot be read, or panned smoothly (500 actors
 * agreeing on a few positions make 50,000); the strongest are kept and the rest counted.
 */
export const LANDSCAPE_MAX_TIES = 1500;

export interface LandscapeQuote {
  id: number;
  kind: AnnotationKind;
  /** The quoted words, cut at LANDSCAPE_QUOTE_CHARS. */
  text: string;
  articleId: number;
  articleTitle: string;
  outlet: string | null;
  publishedAt: string | null;
  speakerId: number;
  /** Its codings within the filter. */
  codings: { positionId: number; stance: Stance }[];
}

export interface Landscape {
  /** The network with at most `maxTies` ties, the strongest (`network.hiddenTies` counts the rest). */
  network: Network;
  /** Every quote a node or tie points at, by id order. */
  quotes: LandscapeQuote[];
  /** How many articles those quotes come from. */
  articles: number;
  /** Whether the library holds any quote with a speaker and a position at all (which empty state to show). */
  anyCoded: boolean;
}

/** The filters every landscape picture shares. */
export interface LandscapeFilter {
  topicId?: number;
  from?: string;
  to?: string;
  outlet?: string;
  actorKind?: ActorKind;
  kind?: AnnotationKind;
}
