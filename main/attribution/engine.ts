// The attribution engine: finds quotes and reported speech in an article's plain text, with their
// cue, source mention and speaker. Rules over wink-nlp's tokens, parts of speech and sentences; pure
// and synchronous. Callers that may see huge texts run it in a worker (see ./background.ts).
import type { ActorName, Suggestion, SuggestionKind, TextSpan } from '../../shared/suggestion';
import { findDirect } from './direct';
import { Deadline, type CharSpan, type Found } from './found';
import { findQuotations } from './quote-marks';
import { findReported } from './reported';
import { SpeakerIndex } from './speakers';
import { readText, type TextModel } from './text-model';
import { speakerInSentence } from './named-in-sentence';

export interface SuggestOptions {
  /** performance.now() value after which the engine stops and throws SuggestTimeout. */
  deadline?: number;
}

export class SuggestTimeout extends Error {
  constructor() {
    super('Finding suggestions took too long for this article');
  }
}

const OPENING = /^(["“„«「『‘]|'')/;
const ANY_MARK = /["“”„«»「」『』‘]|''/;

export function kindOf(content: string): SuggestionKind {
  if (OPENING.test(content)) return 'direct';
  return ANY_MARK.test(content) ? 'mixed' : 'indirect';
}

/** Suggestions in text order. */
export function suggestAttributions(text: string, actors: readonly ActorName[], options: SuggestOptions = {}): Suggestion[] {
  const deadline = new Deadline(options.deadline, () => {
    throw new SuggestTimeout();
  });
  deadline.checkNow();
  if (!/[\p{L}\p{N}]/u.test(text)) return [];
  const model = readText(text, () => deadline.checkNow());
  deadline.checkNow();
  const quotations = findQuotations(text, model.paragraphs);
  const direct = findDirect(model, quotations, deadline);
  const reported = findReported(model, direct.used, quotations, deadline);
  const all = withoutOverlaps([...direct.found, ...reported]);
  return resolveSpeakers(model, all, actors, deadline);
}

/** Two suggestions over the same words: the more certain one stays. */
function withoutOverlaps(found: Found[]): Found[] {
  const sorted = [...found].sort((a, b) => b.confidence - a.confidence);
  const kept: Found[] = [];
  for (const f of sorted) {
    if (kept.some((k) => k.content.start < f.content.end && f.content.start < k.content.end)) continue;
    kept.push(f);
  }
  return kept.sort((a, b) => a.content.start - b.content.start);
}

function resolveSpeakers(model: TextModel, found: Found[], actors: readonly ActorName[], deadline: Deadline): Suggestion[] {
  const index = new SpeakerIndex(model.tokens, actors);
  const text = model.text;
  const slice = (s: CharSpan | null): TextSpan | null => (s ? { start: s.start, end: s.end, exact: text.slice(s.start, s.end) } : null);
  const out: Suggestion[] = [];
  let last: Suggestion | null = null;
  // In reading order of the source mention, so "he" resolves to someone named before it.
  for (const f of found) {
    deadline.check();
    let speaker = f.speaker ?? null;
    let source: TextSpan | null = null;
    if (f.source) {
      source = slice({ start: model.tokens[f.source.first]!.start, end: model.tokens[f.source.end - 1]!.end });
      speaker = index.resolve(f.source.first, f.source.end);
    } else if (f.continues && last?.speaker) {
      speaker = last.speaker;
      source = last.source;
    } else {
      const named = speakerInSentence(text, f.content, actors);
      if (named) {
        speaker = named.speaker;
        source = slice(named.mention);
      }
    }
    const content = slice(f.content)!;
    const suggestion: Suggestion = {
      kind: kindOf(content.exact),
      confidence: Math.round(Math.min(1, Math.max(0, f.confidence)) * 100) / 100,
      content,
      ...(f.fragments ? { fragments: f.fragments.map((p) => slice(p)!) } : {}),
      cue: slice(f.cue),
      source,
      speaker,
    };
    out.push(suggestion);
    // A quotation continuing with no frame goes on with the last quotation that had a speaker.
    if (suggestion.kind === 'direct' && suggestion.speaker) last = suggestion;
  }
  return out;
}
