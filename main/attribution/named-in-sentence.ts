// For a quotation with no frame the rules can read (Korean, Japanese, a cue in another script): a
// codebook actor named in the same sentence is its likely speaker.
import type { ActorName, SuggestedSpeaker } from '../../shared/suggestion';
import type { CharSpan } from './found';

const SENTENCE_END = /[.!?。！？\n]/;

function sentenceAround(text: string, span: CharSpan): CharSpan {
  let start = span.start;
  while (start > 0 && !SENTENCE_END.test(text[start - 1]!)) start--;
  let end = span.end;
  while (end < text.length && !SENTENCE_END.test(text[end]!)) end++;
  return { start, end: Math.min(text.length, end + 1) };
}

export function speakerInSentence(text: string, content: CharSpan, actors: readonly ActorName[]): { speaker: SuggestedSpeaker; mention: CharSpan } | null {
  if (actors.length === 0) return null;
  const around = sentenceAround(text, content);
  let best: { speaker: SuggestedSpeaker; mention: CharSpan; distance: number } | null = null;
  for (const actor of actors) {
    for (const name of [actor.name, ...actor.aliases]) {
      if (name.length < 2) continue;
      for (const region of [
        { start: around.start, end: content.start },
        { start: content.end, end: around.end },
      ]) {
        const at = text.slice(region.start, region.end).indexOf(name);
        if (at < 0) continue;
        const start = region.start + at;
        const distance = start < content.start ? content.start - start : start - content.end;
        if (!best || distance < best.distance) best = { speaker: { name: actor.name, actorId: actor.id }, mention: { start, end: start + name.length }, distance };
      }
    }
  }
  return best && { speaker: best.speaker, mention: best.mention };
}
